/**
 * Connects pointer events on the map to the app: entering/leaving a topic reports the hover
 * (and shows a pointer cursor), clicking a topic selects it. Renders nothing; listeners are
 * removed on unmount.
 */
import { useEffect } from 'react';
import type { SigmaNodeEventPayload } from 'sigma/types';
import type { TopicSigma } from './TopicMap.tsx';

interface MapEventsControllerProps {
  sigma: TopicSigma;
  onHoverTopic: (topic: string | null) => void;
  onSelectTopic: (topic: string) => void;
}

export function MapEventsController({
  sigma,
  onHoverTopic,
  onSelectTopic,
}: MapEventsControllerProps) {
  useEffect(() => {
    const container = sigma.getContainer();
    const enter = ({ node }: SigmaNodeEventPayload) => {
      container.style.cursor = 'pointer';
      onHoverTopic(node);
    };
    const leave = () => {
      container.style.cursor = '';
      onHoverTopic(null);
    };
    const click = ({ node }: SigmaNodeEventPayload) => onSelectTopic(node);
    sigma.on('enterNode', enter);
    sigma.on('leaveNode', leave);
    sigma.on('clickNode', click);
    return () => {
      sigma.off('enterNode', enter);
      sigma.off('leaveNode', leave);
      sigma.off('clickNode', click);
      container.style.cursor = '';
    };
  }, [sigma, onHoverTopic, onSelectTopic]);

  return null;
}

/**
 * Connects pointer events on the map to the app: entering/leaving a topic reports the hover
 * (and shows a pointer cursor), clicking a topic selects it. Renders nothing; listeners are
 * removed on unmount.
 */
import { useEffect } from 'react';
import type { SigmaNodeEventPayload } from 'sigma/types';
import type { MapSigma } from '../../core/map/map-graph.ts';

interface MapEventsControllerProps {
  sigma: MapSigma;
  onHoverNode: (node: string | null) => void;
  onSelectNode: (node: string) => void;
}

export function MapEventsController({
  sigma,
  onHoverNode,
  onSelectNode,
}: MapEventsControllerProps) {
  useEffect(() => {
    const container = sigma.getContainer();
    const enter = ({ node }: SigmaNodeEventPayload) => {
      container.style.cursor = 'pointer';
      onHoverNode(node);
    };
    const leave = () => {
      container.style.cursor = '';
      onHoverNode(null);
    };
    const click = ({ node }: SigmaNodeEventPayload) => onSelectNode(node);
    sigma.on('enterNode', enter);
    sigma.on('leaveNode', leave);
    sigma.on('clickNode', click);
    return () => {
      sigma.off('enterNode', enter);
      sigma.off('leaveNode', leave);
      sigma.off('clickNode', click);
      container.style.cursor = '';
    };
  }, [sigma, onHoverNode, onSelectNode]);

  return null;
}

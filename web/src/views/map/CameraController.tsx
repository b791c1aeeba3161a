/**
 * Moves the camera to what the panel is about, so a selection made in the search box, the
 * panel or the URL is never off-screen or hidden behind the panel. A topic is centred in the
 * visible part of the map (zooming in a little when the map is shown whole); a group of topics
 * (a paper's) is fitted when any of them is out of sight. Runs once per target key. Renders
 * nothing.
 */
import { useEffect, type RefObject } from 'react';
import {
  cameraCentring,
  cameraFitting,
  isInside,
  topicsOnScreen,
  visibleArea,
} from './camera-geometry.ts';
import type { TopicSigma } from './TopicMap.tsx';

export interface CameraTarget {
  /** Changes whenever the target does; the camera moves once per key. */
  key: string;
  topics: readonly string[];
}

/** The zoom a lone selected topic is shown at when the map is more zoomed out than this. */
const TOPIC_RATIO = 0.55;
const DURATION = 550;

interface CameraControllerProps {
  sigma: TopicSigma;
  target: CameraTarget | null;
  obstructionRef: RefObject<HTMLElement | null>;
}

export function CameraController({ sigma, target, obstructionRef }: CameraControllerProps) {
  const key = target?.key ?? null;
  const topicsKey = target?.topics.join('\n') ?? '';

  useEffect(() => {
    if (key === null || topicsKey === '') return;
    const points = topicsOnScreen(sigma, topicsKey.split('\n'));
    if (points.length === 0) return;
    const area = visibleArea(sigma, obstructionRef.current);
    const camera = sigma.getCamera();
    const ratio = camera.getState().ratio;
    const allVisible = points.every((point) => isInside(area, point));
    const single = points.length === 1;
    if (allVisible && (!single || ratio <= TOPIC_RATIO)) return;

    const state = single
      ? cameraCentring(sigma, points, area, Math.min(ratio, TOPIC_RATIO))
      : cameraFitting(sigma, points, area);
    void camera.animate(state, { duration: DURATION, easing: 'quadraticInOut' });
  }, [sigma, key, topicsKey, obstructionRef]);

  return null;
}

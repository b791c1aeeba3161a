/**
 * Zoom in / zoom out / show-everything buttons over the map (bottom right), for people
 * without a scroll wheel and for keyboard users. "Show the whole map" fits every topic into
 * the part of the map the side panel leaves visible.
 */
import type { RefObject } from 'react';
import { cameraFitting, topicsOnScreen, visibleArea } from './camera-geometry.ts';
import type { TopicSigma } from './TopicMap.tsx';

const DURATION = 300;

interface ZoomControlsProps {
  sigma: TopicSigma;
  obstructionRef: RefObject<HTMLElement | null>;
}

export function ZoomControls({ sigma, obstructionRef }: ZoomControlsProps) {
  const camera = sigma.getCamera();
  const showAll = () => {
    const points = topicsOnScreen(sigma, sigma.getGraph().nodes());
    if (points.length === 0 || obstructionRef.current === null) {
      void camera.animatedReset({ duration: DURATION });
      return;
    }
    const area = visibleArea(sigma, obstructionRef.current);
    void camera.animate(cameraFitting(sigma, points, area), { duration: DURATION });
  };
  return (
    <div className="zoom-controls card" role="group" aria-label="Zoom">
      <button
        type="button"
        aria-label="Zoom in"
        title="Zoom in"
        onClick={() => void camera.animatedZoom({ duration: DURATION })}
      >
        +
      </button>
      <button
        type="button"
        aria-label="Zoom out"
        title="Zoom out"
        onClick={() => void camera.animatedUnzoom({ duration: DURATION })}
      >
        −
      </button>
      <button
        type="button"
        aria-label="Show the whole map"
        title="Show the whole map"
        onClick={showAll}
      >
        ⤢
      </button>
    </div>
  );
}

/**
 * Zoom in / zoom out / show-everything buttons over the map (bottom right), for people
 * without a scroll wheel and for keyboard users. "Show the whole map" fits every topic into
 * the part of the map the side panel, the toolbar and the legend leave visible.
 */
import type { RefObject } from 'react';
import { cameraShowingAll } from './camera-geometry.ts';
import type { MapSigma } from '../../core/map/map-graph.ts';

const DURATION = 300;

interface ZoomControlsProps {
  sigma: MapSigma;
  obstructionRefs: readonly RefObject<HTMLElement | null>[];
}

export function ZoomControls({ sigma, obstructionRefs }: ZoomControlsProps) {
  const camera = sigma.getCamera();
  const showAll = () => {
    sigma.refresh(); // settle any pending refresh first (see CameraController)
    const state = cameraShowingAll(
      sigma,
      obstructionRefs.map((ref) => ref.current),
    );
    if (state === null) void camera.animatedReset({ duration: DURATION });
    else void camera.animate(state, { duration: DURATION });
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

/**
 * A read-only window onto the drawn map for automation — the end-to-end tests and
 * `npm run bench:web` — and for anyone poking at the explorer from the browser console:
 * `window.topographMap` tells which view is drawn, where a node is on screen, how it is drawn
 * (after the reducers), and which labels the last frame placed. It never changes anything.
 */
import type { LabelLayout, Rect } from '../../core/map/label-layout.ts';
import type { ViewName } from '../../core/selection/view-state.ts';
import type { MapSigma } from '../../core/map/map-graph.ts';

export interface MapProbe {
  view: ViewName;
  /** The graph's node keys. */
  nodes(): string[];
  /** Where the node is, in page (client) pixels; null if it is not in the graph. */
  position(node: string): { x: number; y: number } | null;
  /** How the node is drawn now; null if it is not in the graph. */
  display(
    node: string,
  ): { color: string; hidden: boolean; highlighted: boolean; label: string | null } | null;
  labels(): { node: string; rect: Rect }[];
  /** Frames rendered so far. */
  frames(): number;
  /** When the first frame was drawn (`performance.now()`, ms since the page's navigation). */
  firstFrameAt(): number | null;
  /**
   * The camera now: its zoom, whether it is animating, and whether the camera controller has
   * a target it has not acted on yet (CameraController.tsx).
   */
  camera(): { ratio: number; moving: boolean; pending: boolean };
  /**
   * Resolves once the camera rests: neither moving nor about to move, for `QUIET_FRAMES`
   * animation frames in a row (so a move a just-dispatched event is about to start is waited
   * for too), with its zoom and the frame it came to rest on (`performance.now()`). Rejects
   * after `timeout` ms.
   */
  cameraAtRest(timeout?: number): Promise<{ ratio: number; since: number }>;
}

/** Frames the camera must be still for to count as resting. */
const QUIET_FRAMES = 3;

declare global {
  interface Window {
    topographMap?: MapProbe;
  }
}

export function installMapProbe(sigma: MapSigma, labels: LabelLayout, view: ViewName): () => void {
  let frames = 0;
  let first: number | null = null;
  const count = () => {
    frames += 1;
    first ??= performance.now();
  };
  sigma.on('afterRender', count);
  const probe: MapProbe = {
    view,
    nodes: () => sigma.getGraph().nodes(),
    position(node) {
      const data = sigma.getNodeDisplayData(node);
      if (!data) return null;
      const point = sigma.framedGraphToViewport(data);
      const box = sigma.getContainer().getBoundingClientRect();
      return { x: box.left + point.x, y: box.top + point.y };
    },
    display(node) {
      const data = sigma.getNodeDisplayData(node);
      return data
        ? {
            color: data.color,
            hidden: data.hidden,
            highlighted: data.highlighted,
            label: data.label,
          }
        : null;
    },
    labels: () => labels.placed(),
    frames: () => frames,
    firstFrameAt: () => first,
    camera() {
      const camera = sigma.getCamera();
      const { cameraTarget, cameraDone } = sigma.getContainer().dataset;
      return {
        ratio: camera.getState().ratio,
        moving: camera.isAnimated(),
        pending: cameraTarget !== cameraDone,
      };
    },
    cameraAtRest(timeout = 10_000) {
      return new Promise((resolve, reject) => {
        const started = performance.now();
        let quiet = 0;
        let since = started;
        let last = '';
        const check = () => {
          const { moving, pending } = probe.camera();
          const { x, y, ratio } = sigma.getCamera().getState();
          const state = `${x} ${y} ${ratio}`;
          if (moving || pending || state !== last) {
            quiet = 0;
            since = performance.now();
          } else quiet += 1;
          last = state;
          if (quiet >= QUIET_FRAMES) resolve({ ratio, since });
          else if (performance.now() - started > timeout) {
            reject(new Error(`the camera did not rest in ${timeout} ms`));
          } else requestAnimationFrame(check);
        };
        requestAnimationFrame(check);
      });
    },
  };
  window.topographMap = probe;
  return () => {
    sigma.off('afterRender', count);
    if (window.topographMap === probe) delete window.topographMap;
  };
}

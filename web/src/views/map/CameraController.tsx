/**
 * Moves the camera to what the panel is about, so a selection made in the search box, the
 * panel or the URL is never off-screen or hidden behind the panel, the toolbar or the legend.
 * A node is centred in the visible part of the map (zooming in a little when the map is
 * shown whole); a group of nodes (a paper's topics) is fitted when any of them is out of
 * sight; a cluster picked in the legend is always fitted. The whole map is framed in the
 * visible part when the map first shows (before moving to a selection from the URL), and
 * again when the target goes away (the panel is closed) — except that a camera given by the
 * URL (a shared link) is taken as it is. Every camera move is written back to the URL
 * (replacing the history entry, not adding one), so a copied address shows the same view.
 * Runs once per target key. Renders nothing.
 *
 * It reports on the map element which target it was given (`data-camera-target`, set as the
 * target is rendered) and which it has acted on (`data-camera-done`), so whoever waits for the
 * camera to rest (map-probe.ts) knows that a move is still to come.
 */
import { useEffect, useLayoutEffect, useRef, type RefObject } from 'react';
import {
  cameraCentring,
  cameraFitting,
  cameraShowingAll,
  isInside,
  labelledArea,
  sizeOf,
  topicsOnScreen,
  visibleArea,
} from './camera-geometry.ts';
import {
  formatViewState,
  parseViewState,
  type CameraState,
} from '../../core/selection/view-state.ts';
import type { MapSigma } from '../../core/map/map-graph.ts';
import type { CameraTarget } from '../../core/selection/map-selection.ts';

/** The zoom a lone selected topic is shown at when the map is more zoomed out than this. */
const TOPIC_RATIO = 0.55;
const DURATION = 550;
const EASING = 'quadraticInOut';
/** The URL follows the camera once it has rested this long (ms). */
const URL_DELAY = 400;

interface CameraControllerProps {
  sigma: MapSigma;
  target: CameraTarget | null;
  /** The camera from the URL when the page opened, taken instead of framing the map. */
  initialCamera: CameraState | null;
  obstructionRefs: readonly RefObject<HTMLElement | null>[];
}

export function CameraController({
  sigma,
  target,
  initialCamera,
  obstructionRefs,
}: CameraControllerProps) {
  const key = target?.key ?? null;
  const nodesKey = target?.nodes.join('\n') ?? '';
  const fit = target?.fit ?? false;
  const signature = `${key ?? ''}|${fit}|${nodesKey}`;
  const previousKey = useRef<string | null>(null);
  // The whole map is framed in the visible part, without animation, on the first run.
  const framed = useRef(false);

  // The zoom, mirrored on the map element (`data-camera-ratio`) for tests and debugging.
  useEffect(() => {
    const camera = sigma.getCamera();
    const container = sigma.getContainer();
    const mirror = () => {
      container.dataset.cameraRatio = camera.getState().ratio.toFixed(3);
    };
    let timer: ReturnType<typeof setTimeout> | undefined;
    const toUrl = () => {
      clearTimeout(timer);
      timer = setTimeout(() => {
        const { x, y, ratio } = camera.getState();
        const { pathname, search, hash } = window.location;
        const next = formatViewState(search, {
          ...parseViewState(search),
          camera: { x, y, ratio },
        });
        if (next !== search) window.history.replaceState(null, '', pathname + next + hash);
      }, URL_DELAY);
    };
    mirror();
    camera.on('updated', mirror);
    camera.on('updated', toUrl);
    return () => {
      clearTimeout(timer);
      camera.off('updated', mirror);
      camera.off('updated', toUrl);
    };
  }, [sigma]);

  // Layout effects run in the commit that renders the new target, before anything else can
  // look at the page; the move itself waits for the effect below.
  useLayoutEffect(() => {
    sigma.getContainer().dataset.cameraTarget = signature;
  }, [sigma, signature]);

  // A camera from the URL is used once, on the first frame, and the target it was shared
  // with is not moved to again.
  const initial = useRef(initialCamera);

  useEffect(() => {
    // Whatever this run does (an animation started, or nothing), the target is acted on.
    sigma.getContainer().dataset.cameraDone = signature;
    const previous = previousKey.current;
    previousKey.current = key;
    const obstructions = obstructionRefs.map((ref) => ref.current);
    const camera = sigma.getCamera();
    // New reducers (set by the focus controller in this same commit) leave sigma with a
    // pending refresh, during which its graph extent is reset and coordinate conversions are
    // wrong; process it now so the arithmetic below sees the map as it is drawn.
    sigma.refresh();
    if (!framed.current) {
      framed.current = true;
      if (initial.current !== null) {
        camera.setState(initial.current);
        initial.current = null;
        return;
      }
      const whole = cameraShowingAll(sigma, obstructions);
      if (whole !== null) camera.setState(whole);
    }
    if (key === null) {
      if (previous === null) return;
      const state = cameraShowingAll(sigma, obstructions);
      if (state !== null) void camera.animate(state, { duration: DURATION, easing: EASING });
      return;
    }
    if (nodesKey === '') return;
    const points = topicsOnScreen(sigma, nodesKey.split('\n'));
    if (points.length === 0) return;
    const single = points.length === 1;
    const area = visibleArea(sigma, obstructions, single ? undefined : sizeOf(points));
    const ratio = camera.getState().ratio;
    // A lone topic counts as in view, and is centred, only with room for its label card
    // on its right.
    const room = single ? labelledArea(area) : area;
    const allVisible = points.every((point) => isInside(room, point));
    if (!fit && allVisible && (!single || ratio <= TOPIC_RATIO)) return;

    const state = single
      ? cameraCentring(sigma, points, room, Math.min(ratio, TOPIC_RATIO))
      : cameraFitting(sigma, points, area);
    void camera.animate(state, { duration: DURATION, easing: EASING });
  }, [sigma, key, nodesKey, fit, signature, obstructionRefs]);

  return null;
}

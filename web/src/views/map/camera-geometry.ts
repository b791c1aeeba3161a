/**
 * Camera arithmetic on a live sigma renderer, shared by the camera controller and the zoom
 * buttons: which part of the map is actually visible (not under the side panel), and the
 * camera state that centres or fits a set of topics into that part. Topics are placed in
 * graph coordinates while the camera works in sigma's normalised "framed graph" space, so
 * points are converted through the viewport.
 */
import type { CameraState, Coordinates } from 'sigma/types';
import type { TopicSigma } from './TopicMap.tsx';

export interface Area {
  left: number;
  top: number;
  right: number;
  bottom: number;
}

const MARGIN_PX = 56;
/** Fitting never zooms in closer than this. */
const MIN_FIT_RATIO = 0.2;
/** Fitting never zooms out further than this. */
const MAX_FIT_RATIO = 2;

/** The part of the map not covered by `obstruction` (the side panel), less a margin, in pixels. */
export function visibleArea(sigma: TopicSigma, obstruction: HTMLElement | null): Area {
  const { width, height } = sigma.getDimensions();
  let right = width;
  if (obstruction !== null) {
    const container = sigma.getContainer().getBoundingClientRect();
    const covered = obstruction.getBoundingClientRect();
    if (covered.width > 0 && covered.left > container.left) {
      right = Math.min(width, covered.left - container.left);
    }
  }
  const margin = Math.min(MARGIN_PX, right / 4, height / 4);
  return { left: margin, top: margin, right: right - margin, bottom: height - margin };
}

export function isInside(area: Area, point: Coordinates): boolean {
  return (
    point.x >= area.left && point.x <= area.right && point.y >= area.top && point.y <= area.bottom
  );
}

/**
 * Where topics are drawn now, in viewport pixels; topics not on the map are left out. Read
 * from the graph's own positions: sigma's display data switches between graph and framed
 * coordinates while a refresh is pending, and the reducers never move a topic.
 */
export function topicsOnScreen(sigma: TopicSigma, topics: Iterable<string>): Coordinates[] {
  const graph = sigma.getGraph();
  const points: Coordinates[] = [];
  for (const topic of topics) {
    if (!graph.hasNode(topic)) continue;
    const { x, y } = graph.getNodeAttributes(topic);
    points.push(sigma.graphToViewport({ x, y }));
  }
  return points;
}

/** The camera state showing `points` (viewport pixels, now) centred in `area` at `ratio`. */
export function cameraCentring(
  sigma: TopicSigma,
  points: readonly Coordinates[],
  area: Area,
  ratio: number,
): CameraState {
  const box = boundingBox(points.map((point) => sigma.viewportToFramedGraph(point)));
  const centre = { x: (box.left + box.right) / 2, y: (box.top + box.bottom) / 2 };
  const target = { x: (area.left + area.right) / 2, y: (area.top + area.bottom) / 2 };
  const base: CameraState = { x: centre.x, y: centre.y, ratio, angle: 0 };
  // Where the target pixel would land with the camera on the centre; shift by the difference.
  const seen = sigma.viewportToFramedGraph(target, { cameraState: base });
  return { ...base, x: 2 * centre.x - seen.x, y: 2 * centre.y - seen.y };
}

/** The camera state fitting `points` (viewport pixels, now) into `area`. */
export function cameraFitting(
  sigma: TopicSigma,
  points: readonly Coordinates[],
  area: Area,
): CameraState {
  const ratio = sigma.getCamera().getState().ratio;
  const box = boundingBox(points);
  // Pixel extents scale with 1 / ratio, so the ratio that fits is proportional to them.
  const needed = Math.max(
    (box.right - box.left) / Math.max(1, area.right - area.left),
    (box.bottom - box.top) / Math.max(1, area.bottom - area.top),
  );
  const fit = Math.min(MAX_FIT_RATIO, Math.max(MIN_FIT_RATIO, needed * ratio * 1.1));
  return cameraCentring(sigma, points, area, fit);
}

function boundingBox(points: readonly Coordinates[]): Area {
  return {
    left: Math.min(...points.map((p) => p.x)),
    right: Math.max(...points.map((p) => p.x)),
    top: Math.min(...points.map((p) => p.y)),
    bottom: Math.max(...points.map((p) => p.y)),
  };
}

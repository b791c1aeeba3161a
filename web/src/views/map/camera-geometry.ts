/**
 * Camera arithmetic on a live sigma renderer, shared by the camera controller and the zoom
 * buttons: which part of the map is actually visible (not under the side panel, the toolbar
 * or the legend), and the camera state that centres or fits a set of topics into that part.
 * Topics are placed in graph coordinates while the camera works in sigma's normalised
 * "framed graph" space, so points are converted through the viewport.
 */
import type { CameraState, Coordinates } from 'sigma/types';
import type { Rect } from '../../core/map/label-layout.ts';
import type { MapSigma } from '../../core/map/map-graph.ts';

/** A rectangle of the viewport, in pixels (as the label layout's). */
export type Area = Rect;

const MARGIN_PX = 56;
/** Fitting never zooms in closer than this. */
const MIN_FIT_RATIO = 0.2;
/** Labels are drawn to the right of their topic: room kept for them when fitting. */
const LABEL_ROOM_PX = 90;
/** Fitting never zooms out further than this. */
const MAX_FIT_RATIO = 2;

/**
 * The part of the map not covered by `obstructions` (side panel, toolbar, legend), less a
 * margin, in pixels.
 */
export function visibleArea(
  sigma: MapSigma,
  obstructions: readonly (HTMLElement | null)[],
  content?: { width: number; height: number },
): Area {
  const { width, height } = sigma.getDimensions();
  const container = sigma.getContainer().getBoundingClientRect();
  const boxes: Area[] = [];
  for (const element of obstructions) {
    if (element === null) continue;
    const box = element.getBoundingClientRect();
    if (box.width <= 0 || box.height <= 0) continue;
    boxes.push({
      left: box.left - container.left,
      top: box.top - container.top,
      right: box.right - container.left,
      bottom: box.bottom - container.top,
    });
  }
  const free = largestFreeArea({ left: 0, top: 0, right: width, bottom: height }, boxes, content);
  const margin = Math.min(MARGIN_PX, (free.right - free.left) / 4, (free.bottom - free.top) / 4);
  return {
    left: free.left + margin,
    top: free.top + margin,
    right: free.right - margin,
    bottom: free.bottom - margin,
  };
}

/**
 * The largest rectangle of `frame` that none of `boxes` overlaps, when each box is cleared by
 * cutting the frame along one of its four sides (a panel on the right cuts the right side, a
 * legend in the bottom-left corner cuts the left or the bottom, whichever leaves more room).
 * With `content` (the size of what is to be fitted), "largest" means the rectangle that shows
 * it biggest rather than the one with the most pixels: a wide map wants a wide strip. Boxes
 * outside the frame are ignored. Falls back to the whole frame when nothing is left.
 */
export function largestFreeArea(
  frame: Area,
  boxes: readonly Area[],
  content?: { width: number; height: number },
): Area {
  const inside = boxes.filter(
    (box) =>
      box.right > frame.left &&
      box.left < frame.right &&
      box.bottom > frame.top &&
      box.top < frame.bottom,
  );
  let best: Area | null = null;
  let bestSize = 0;
  const choices = 4 ** inside.length;
  for (let choice = 0; choice < choices; choice++) {
    const area = { ...frame };
    let rest = choice;
    for (const box of inside) {
      const side = rest % 4;
      rest = Math.floor(rest / 4);
      if (side === 0) area.left = Math.max(area.left, box.right);
      else if (side === 1) area.right = Math.min(area.right, box.left);
      else if (side === 2) area.top = Math.max(area.top, box.bottom);
      else area.bottom = Math.min(area.bottom, box.top);
    }
    const width = Math.max(0, area.right - area.left);
    const height = Math.max(0, area.bottom - area.top);
    const size =
      content === undefined
        ? width * height
        : Math.min(width / Math.max(1, content.width), height / Math.max(1, content.height));
    if (size > bestSize) {
      best = area;
      bestSize = size;
    }
  }
  return best ?? { ...frame };
}

/** A lone selection's label card runs this far right of it: kept in view too. */
const CARD_ROOM_PX = 220;

/**
 * Where a lone selected topic must be for its label card to show whole: `area` less the
 * card's room on the right (at most half the area's width, so a narrow area keeps a middle).
 */
export function labelledArea(area: Area): Area {
  const room = Math.min(CARD_ROOM_PX, (area.right - area.left) / 2);
  return { ...area, right: area.right - room };
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
export function topicsOnScreen(sigma: MapSigma, topics: Iterable<string>): Coordinates[] {
  const graph = sigma.getGraph();
  // With the camera state given, sigma computes a fresh matrix instead of using the one of its
  // last render, which is stale right after the camera was set.
  const cameraState = sigma.getCamera().getState();
  const points: Coordinates[] = [];
  for (const topic of topics) {
    if (!graph.hasNode(topic)) continue;
    const { x, y } = graph.getNodeAttributes(topic);
    points.push(sigma.graphToViewport({ x, y }, { cameraState }));
  }
  return points;
}

/** The camera state showing `points` (viewport pixels, now) centred in `area` at `ratio`. */
export function cameraCentring(
  sigma: MapSigma,
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

/** The camera state fitting `points` (viewport pixels, now) into `area`, with room for labels. */
export function cameraFitting(
  sigma: MapSigma,
  points: readonly Coordinates[],
  area: Area,
): CameraState {
  const ratio = sigma.getCamera().getState().ratio;
  const box = boundingBox(points);
  const room = Math.min(LABEL_ROOM_PX, (area.right - area.left) / 4);
  const inner = { ...area, right: area.right - room };
  // Pixel extents scale with 1 / ratio, so the ratio that fits is proportional to them.
  const needed = Math.max(
    (box.right - box.left) / Math.max(1, inner.right - inner.left),
    (box.bottom - box.top) / Math.max(1, inner.bottom - inner.top),
  );
  const fit = Math.min(MAX_FIT_RATIO, Math.max(MIN_FIT_RATIO, needed * ratio * 1.1));
  return cameraCentring(sigma, points, inner, fit);
}

/** The size of the box around `points`. */
export function sizeOf(points: readonly Coordinates[]): { width: number; height: number } {
  const box = boundingBox(points);
  return { width: box.right - box.left, height: box.bottom - box.top };
}

function boundingBox(points: readonly Coordinates[]): Area {
  return {
    left: Math.min(...points.map((p) => p.x)),
    right: Math.max(...points.map((p) => p.x)),
    top: Math.min(...points.map((p) => p.y)),
    bottom: Math.max(...points.map((p) => p.y)),
  };
}

/** The camera state fitting every topic on the map into the visible area. */
export function cameraShowingAll(
  sigma: MapSigma,
  obstructions: readonly (HTMLElement | null)[],
): CameraState | null {
  const points = topicsOnScreen(sigma, sigma.getGraph().nodes());
  if (points.length === 0) return null;
  return cameraFitting(sigma, points, visibleArea(sigma, obstructions, sizeOf(points)));
}

/**
 * Which node labels a frame draws, so that labels never pile up: before the first label of
 * each frame, every label that could show (not hidden, its node big enough on screen, in
 * view) is placed greedily — forced labels first (the selection, the hovered node and its
 * strongest neighbours), then by z-order, then the biggest nodes — and a label is kept only
 * where it overlaps no label kept before it, nor the space reserved for the cluster names.
 * Only the one node the reader is on (hovered or selected alone, z-index 3 and up) is drawn
 * whatever it covers. Zooming in makes room, so more labels appear: the density follows the
 * zoom without a grid guessing at it. sigma's own label grid is turned off (see
 * sigma-settings.ts); the draw functions ask `allows`.
 */
import type Sigma from 'sigma';

export interface Rect {
  left: number;
  top: number;
  right: number;
  bottom: number;
}

/** Space kept around each label, in pixels. */
const PADDING = 3;
const CELL = 64;

export interface LabelLayout {
  /** Call when a frame starts (sigma's `beforeRender`): the next label plans the frame. */
  invalidate(): void;
  /** Whether the label of `node` is drawn in this frame; plans the frame on first call. */
  allows(node: string): boolean;
  /** The labels of the last frame, with where they sit (viewport pixels, padding included). */
  placed(): { node: string; rect: Rect }[];
  /** Space no label may take in the coming frames (the cluster names), or none. */
  reserve(space: (() => Rect[]) | null): void;
}

/** The z-index from which a forced label is drawn whatever it covers (see map-reducers.ts). */
const MUST_DRAW_Z = 3;

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- any graph's renderer
type AnySigma = Sigma<any, any>;

export function createLabelLayout(getSigma: () => AnySigma | null): LabelLayout {
  let allowed = new Set<string>();
  let rects: { node: string; rect: Rect }[] = [];
  let reserved: (() => Rect[]) | null = null;
  let stale = true;
  const widths = new Map<string, number>();

  const plan = (sigma: AnySigma) => {
    const settings = sigma.getSettings();
    const { width, height } = sigma.getDimensions();
    const context = sigma.getCanvases().labels?.getContext('2d');
    if (!context) return;
    const font = `${settings.labelWeight} ${settings.labelSize}px ${settings.labelFont}`;
    context.font = font;
    const measure = (label: string) => {
      let w = widths.get(label);
      if (w === undefined) {
        w = context.measureText(label).width;
        widths.set(label, w);
      }
      return w;
    };
    const candidates: { node: string; rect: Rect; forced: boolean; z: number; size: number }[] = [];
    for (const node of sigma.getGraph().nodes()) {
      const data = sigma.getNodeDisplayData(node);
      if (!data || data.hidden || !data.label) continue;
      const size = sigma.scaleSize(data.size);
      if (!data.forceLabel && size < settings.labelRenderedSizeThreshold) continue;
      const { x, y } = sigma.framedGraphToViewport(data);
      const left = x + size + 4 - PADDING;
      const rect = {
        left,
        right: left + measure(data.label) + 2 * PADDING,
        top: y - settings.labelSize * 0.75 - PADDING,
        bottom: y + settings.labelSize * 0.45 + PADDING,
      };
      if (rect.right < 0 || rect.left > width || rect.bottom < 0 || rect.top > height) continue;
      candidates.push({ node, rect, forced: data.forceLabel, z: data.zIndex, size });
    }
    candidates.sort(
      (a, b) =>
        Number(b.forced) - Number(a.forced) ||
        b.z - a.z ||
        b.size - a.size ||
        (a.node < b.node ? -1 : a.node > b.node ? 1 : 0),
    );
    const cells = new Map<string, Rect[]>();
    const cellsOf = (rect: Rect) => {
      const keys: string[] = [];
      for (let cx = Math.floor(rect.left / CELL); cx <= Math.floor(rect.right / CELL); cx++)
        for (let cy = Math.floor(rect.top / CELL); cy <= Math.floor(rect.bottom / CELL); cy++)
          keys.push(`${cx},${cy}`);
      return keys;
    };
    const overlaps = (a: Rect, b: Rect) =>
      a.left < b.right && b.left < a.right && a.top < b.bottom && b.top < a.bottom;
    allowed = new Set();
    rects = [];
    const claim = (rect: Rect) => {
      for (const key of cellsOf(rect)) {
        const list = cells.get(key);
        if (list) list.push(rect);
        else cells.set(key, [rect]);
      }
    };
    for (const rect of reserved?.() ?? []) claim(rect);
    for (const { node, rect, forced, z } of candidates) {
      const keys = cellsOf(rect);
      const must = forced && z >= MUST_DRAW_Z;
      if (!must && keys.some((key) => cells.get(key)?.some((other) => overlaps(rect, other))))
        continue;
      allowed.add(node);
      rects.push({ node, rect });
      claim(rect);
    }
  };

  return {
    invalidate() {
      stale = true;
    },
    allows(node) {
      if (stale) {
        const sigma = getSigma();
        if (sigma === null) return true;
        stale = false;
        plan(sigma);
      }
      return allowed.has(node);
    },
    placed: () => rects,
    reserve(space) {
      reserved = space;
      stale = true;
    },
  };
}

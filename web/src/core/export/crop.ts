/**
 * Where the exported image is cut from the rendered view: around what is drawn (nodes,
 * labels, cluster names) with a margin, inside the view. Pure, apart from the image code
 * (which needs a browser).
 */

import type { Rect } from '../map/label-layout.ts';

/** A rectangle in on-screen pixels (as the label layout's). */
export type ScreenBox = Rect;

/** Room kept around what is drawn, in on-screen pixels. */
export const MARGIN = 24;

/** What is drawn, with a margin, inside the view; the whole view when nothing is. */
export function cropBox(boxes: readonly ScreenBox[], width: number, height: number): ScreenBox {
  if (boxes.length === 0) return { left: 0, top: 0, right: width, bottom: height };
  const box = {
    left: Math.max(0, Math.min(...boxes.map((b) => b.left)) - MARGIN),
    top: Math.max(0, Math.min(...boxes.map((b) => b.top)) - MARGIN),
    right: Math.min(width, Math.max(...boxes.map((b) => b.right)) + MARGIN),
    bottom: Math.min(height, Math.max(...boxes.map((b) => b.bottom)) + MARGIN),
  };
  return box.right > box.left && box.bottom > box.top
    ? box
    : { left: 0, top: 0, right: width, bottom: height };
}

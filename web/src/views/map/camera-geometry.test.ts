import { describe, expect, it } from 'vitest';
import { isInside, labelledArea, largestFreeArea } from './camera-geometry.ts';

// The explorer at 1280×800: toolbar top-left, legend bottom-left, panel on the right.
const frame = { left: 0, top: 0, right: 1280, bottom: 800 };
const toolbar = { left: 16, top: 16, right: 396, bottom: 120 };
const legend = { left: 16, top: 520, right: 284, bottom: 784 };
const panel = { left: 824, top: 16, right: 1264, bottom: 784 };

describe('largestFreeArea', () => {
  it('is the whole frame without obstructions', () => {
    expect(largestFreeArea(frame, [])).toEqual(frame);
  });

  it('cuts the side a panel is on', () => {
    expect(largestFreeArea(frame, [panel])).toEqual({ ...frame, right: 824 });
  });

  it('keeps clear of the toolbar, the legend and the panel at once', () => {
    const area = largestFreeArea(frame, [toolbar, legend, panel]);
    for (const box of [toolbar, legend, panel]) {
      const overlaps =
        box.left < area.right &&
        box.right > area.left &&
        box.top < area.bottom &&
        box.bottom > area.top;
      expect(overlaps).toBe(false);
    }
    expect(area).toEqual({ left: 284, top: 120, right: 824, bottom: 800 });
  });

  it('ignores boxes outside the frame', () => {
    expect(largestFreeArea(frame, [{ left: -50, top: 0, right: -10, bottom: 800 }])).toEqual(frame);
  });
});

describe('largestFreeArea for content of a given shape', () => {
  it('picks the strip that shows wide content biggest', () => {
    const wide = largestFreeArea(frame, [toolbar, legend, panel], { width: 800, height: 100 });
    expect(wide).toEqual({ left: 0, top: 120, right: 824, bottom: 520 });
    const tall = largestFreeArea(frame, [toolbar, legend, panel], { width: 100, height: 800 });
    expect(tall).toEqual({ left: 396, top: 0, right: 824, bottom: 800 });
  });
});

describe('labelledArea', () => {
  it("keeps room on the right for a lone selection's label card", () => {
    const area = { left: 284, top: 120, right: 824, bottom: 800 };
    expect(labelledArea(area)).toEqual({ ...area, right: 604 });
    // A topic just left of the panel is in view, but its label would run under the panel.
    expect(isInside(area, { x: 780, y: 400 })).toBe(true);
    expect(isInside(labelledArea(area), { x: 780, y: 400 })).toBe(false);
  });

  it('leaves a narrow area its left half', () => {
    const narrow = { left: 0, top: 0, right: 300, bottom: 200 };
    expect(labelledArea(narrow)).toEqual({ ...narrow, right: 150 });
  });
});

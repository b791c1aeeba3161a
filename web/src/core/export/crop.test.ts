import { describe, expect, it } from 'vitest';
import { cropBox } from './crop.ts';

describe('cropBox', () => {
  it('frames what is drawn with a 24-pixel margin, inside the view', () => {
    const boxes = [
      { left: 100, top: 200, right: 120, bottom: 220 },
      { left: 300, top: 150, right: 420, bottom: 170 },
    ];
    expect(cropBox(boxes, 1000, 800)).toEqual({ left: 76, top: 126, right: 444, bottom: 244 });
    expect(cropBox([{ left: -50, top: 10, right: 990, bottom: 790 }], 1000, 800)).toEqual({
      left: 0,
      top: 0,
      right: 1000,
      bottom: 800,
    });
  });

  it('keeps the whole view when nothing is drawn in it', () => {
    expect(cropBox([], 1000, 800)).toEqual({ left: 0, top: 0, right: 1000, bottom: 800 });
    expect(cropBox([{ left: 2000, top: 10, right: 2100, bottom: 20 }], 1000, 800)).toEqual({
      left: 0,
      top: 0,
      right: 1000,
      bottom: 800,
    });
  });
});

import { describe, expect, it } from 'vitest';
import { createNodeSizeScale } from './node-size.ts';

describe('createNodeSizeScale', () => {
  it('maps the extremes onto the range and grows with the square root', () => {
    const size = createNodeSizeScale(1, 100, { min: 2, max: 20 });
    expect(size(1)).toBe(2);
    expect(size(100)).toBe(20);
    // sqrt(25) = 5 sits 4/9 of the way from sqrt(1) to sqrt(100).
    expect(size(25)).toBeCloseTo(2 + (4 / 9) * 18);
  });

  it('clamps counts outside the data range', () => {
    const size = createNodeSizeScale(4, 9, { min: 3, max: 9 });
    expect(size(0)).toBe(3);
    expect(size(1000)).toBe(9);
  });

  it('uses the middle size when every topic has the same count', () => {
    expect(createNodeSizeScale(5, 5, { min: 4, max: 10 })(5)).toBe(7);
  });
});

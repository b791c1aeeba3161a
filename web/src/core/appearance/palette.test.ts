import { describe, expect, it } from 'vitest';
import { CLUSTER_PALETTE, OTHER_CLUSTER_COLOR, createClusterColors } from './palette.ts';

const cluster = (id: number, label: string, topicCount: number) => ({
  id,
  label,
  topicCount,
  paperCount: topicCount,
  codeShare: 0,
  repositoryCount: 0,
});

describe('createClusterColors', () => {
  it('colours a cluster by its id, whatever its size, so it keeps its colour across ingests', () => {
    const colors = createClusterColors([
      cluster(3, 'grew', 50),
      cluster(1, 'big', 40),
      cluster(0, 'first', 10),
    ]);
    expect(colors.colorOf(0)).toBe(CLUSTER_PALETTE[0]);
    expect(colors.colorOf(1)).toBe(CLUSTER_PALETTE[1]);
    expect(colors.colorOf(3)).toBe(CLUSTER_PALETTE[3]);
    // Not on this map: grey.
    expect(colors.colorOf(2)).toBe(OTHER_CLUSTER_COLOR);
  });

  it('uses grey past the palette and for unknown clusters', () => {
    const clusters = Array.from({ length: CLUSTER_PALETTE.length + 2 }, (_, id) =>
      cluster(id, `c${id}`, 100 - id),
    );
    const colors = createClusterColors(clusters);
    expect(colors.colorOf(CLUSTER_PALETTE.length - 1)).toBe(CLUSTER_PALETTE.at(-1));
    expect(colors.colorOf(CLUSTER_PALETTE.length)).toBe(OTHER_CLUSTER_COLOR);
    expect(colors.colorOf(999)).toBe(OTHER_CLUSTER_COLOR);
  });

  it('has no duplicate colours', () => {
    expect(new Set(CLUSTER_PALETTE).size).toBe(CLUSTER_PALETTE.length);
  });
});

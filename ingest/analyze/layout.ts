/**
 * Inputs of the map's VOS layout: links inside a cluster made heavier, so each cluster is
 * drawn as a group, and the previous map's positions to start from.
 */
import { pairOf, type PairCounts } from './co-occurrence.ts';
import { INTRA_CLUSTER_PULL, SCALE } from './defaults.ts';

/**
 * The pairs with links inside a cluster `INTRA_CLUSTER_PULL` times heavier, for the layout
 * only. The plain VOS layout interleaves clusters in the dense middle of the map (samples:
 * mean distance to the own cluster's centre over mean distance to the map's, 0.44); pulling
 * each cluster together lets the eye find them (0.25) without breaking the layout's reading
 * (close topics co-occur).
 */
export function pullClustersTogether(pairs: PairCounts, clusterOf: readonly number[]): PairCounts {
  const n = clusterOf.length;
  const pulled: PairCounts = new Map();
  for (const [key, count] of pairs) {
    const [i, j] = pairOf(key, n);
    const same = clusterOf[i] === clusterOf[j];
    pulled.set(key, same ? count * INTRA_CLUSTER_PULL : count);
  }
  return pulled;
}

/** Known topics where they were; a new one at the mean of its placed neighbours (or the centre). */
export function startingPositions(
  previous: readonly { cluster: number; x: number; y: number }[],
  pairs: PairCounts,
  n: number,
): [number, number][] {
  const positions = previous.map((topic): [number, number] | undefined =>
    topic.cluster >= 0 ? [topic.x / SCALE, topic.y / SCALE] : undefined,
  );
  const sums = previous.map(() => [0, 0, 0]);
  for (const [key, count] of pairs) {
    const [i, j] = pairOf(key, n);
    for (const [a, b] of [
      [i, j],
      [j, i],
    ] as const) {
      const known = positions[b];
      if (positions[a] || !known) continue;
      sums[a]![0]! += known[0] * count;
      sums[a]![1]! += known[1] * count;
      sums[a]![2]! += count;
    }
  }
  return positions.map((position, i) => {
    if (position) return position;
    const [x = 0, y = 0, weight = 0] = sums[i]!;
    // A small, deterministic offset keeps two new topics with the same neighbours apart.
    const jitter = 0.05 * Math.sin(i + 1);
    return weight > 0 ? [x / weight + jitter, y / weight - jitter] : [jitter, -jitter];
  });
}

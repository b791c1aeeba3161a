/**
 * The map's clusters: Leiden at a resolution where no cluster holds more than a quarter of the
 * map (kept from the previous map while it fits), and cluster ids that survive an ingest.
 */
import type { Network } from 'networkanalysis-ts';
import {
  DEFAULT_RESOLUTION,
  MAX_CLUSTER_SHARE,
  MIN_CLUSTER_SIZE,
  RESOLUTION_RAISES,
  RESOLUTION_STEP,
} from './defaults.ts';
import { leidenClusters } from './topic-network.ts';

/**
 * VOSviewer's resolution 1, raised step by step while the largest cluster holds more than
 * `MAX_CLUSTER_SHARE` of the topics. A map drawn from a previous one keeps its resolution
 * while that still fits: chosen afresh, adding 50 papers to 80,000 flipped it from 1.563 to
 * 1.25 and the map from 12 clusters to 7.
 */
export function chooseResolution(network: Network, seed: number): number {
  let resolution = DEFAULT_RESOLUTION;
  for (let raise = 0; raise < RESOLUTION_RAISES; raise++) {
    if (fits(network, resolution, seed)) break;
    resolution = Math.round(resolution * RESOLUTION_STEP * 1000) / 1000;
  }
  return resolution;
}

/** Whether no cluster holds more than `MAX_CLUSTER_SHARE` at `resolution` (one quick run). */
export function fits(network: Network, resolution: number, seed: number): boolean {
  const clusters = leidenClusters(network, clusterSettings(resolution, seed, 'quick'));
  const largest = clusters.filter((cluster) => cluster === 0).length; // 0 = largest
  return largest <= MAX_CLUSTER_SHARE * clusters.length;
}

/** Leiden settings: a quick single pass for probing, or the full run (10 starts). */
export function clusterSettings(resolution: number, seed: number, run: 'quick' | 'full') {
  return {
    resolution,
    seed,
    randomStarts: run === 'quick' ? 1 : 10,
    iterations: run === 'quick' ? 2 : 10,
    minClusterSize: MIN_CLUSTER_SIZE,
  };
}

/**
 * Cluster ids that survive a new ingest: an old cluster passes its id to the new cluster that
 * holds most of its topics, when that is most of them and most of the new cluster comes from it
 * (largest overlaps first). Other clusters take the lowest ids left free.
 */
export function stableClusterIds(
  clusters: readonly number[],
  previous: readonly number[],
): number[] {
  const overlap = new Map<string, number>();
  const oldSizes = new Map<number, number>();
  const newSizes = new Map<number, number>();
  clusters.forEach((cluster, topic) => {
    newSizes.set(cluster, (newSizes.get(cluster) ?? 0) + 1);
    const old = previous[topic] ?? -1;
    if (old < 0) return;
    oldSizes.set(old, (oldSizes.get(old) ?? 0) + 1);
    const key = `${cluster}:${old}`;
    overlap.set(key, (overlap.get(key) ?? 0) + 1);
  });
  const matches = [...overlap]
    .map(([key, count]) => {
      const [cluster = 0, old = 0] = key.split(':').map(Number);
      return { cluster, old, count };
    })
    .filter(
      ({ cluster, old, count }) =>
        count * 2 > (oldSizes.get(old) ?? 0) && count * 2 > (newSizes.get(cluster) ?? 0),
    )
    .sort((a, b) => b.count - a.count || a.cluster - b.cluster);
  const idOf = new Map<number, number>();
  const used = new Set<number>();
  for (const { cluster, old } of matches) {
    if (idOf.has(cluster) || used.has(old)) continue;
    idOf.set(cluster, old);
    used.add(old);
  }
  // Other clusters, largest first (Leiden numbers them so), take the lowest free ids.
  let next = 0;
  const fresh = [...newSizes.keys()].filter((cluster) => !idOf.has(cluster)).sort((a, b) => a - b);
  for (const cluster of fresh) {
    while (used.has(next)) next++;
    idOf.set(cluster, next);
    used.add(next);
  }
  return clusters.map((cluster) => idOf.get(cluster)!);
}

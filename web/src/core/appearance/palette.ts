/**
 * Cluster colours. A categorical palette of 16 hues that stay distinguishable from each other
 * on a light background (a Tableau-20 / ColorBrewer-inspired selection, mid saturation so
 * labels in dark grey remain the most salient thing on the map). A cluster's colour follows
 * its id, which the analysis keeps across ingests while the cluster's topics stay together
 * (and which numbers a fresh map's clusters largest first), so a cluster keeps its colour
 * when papers are added. Clusters past the palette share one neutral grey rather than
 * repeating a hue and suggesting a kinship that is not there.
 */
import type { ClusterSummary } from '../../../../server/api/types.ts';

export const CLUSTER_PALETTE = [
  '#4e79a7', // blue
  '#f28e2b', // orange
  '#e15759', // red
  '#59a14f', // green
  '#b07aa1', // purple
  '#76b7b2', // teal
  '#edc948', // yellow
  '#ff9da7', // pink
  '#9c755f', // brown
  '#1f9ec9', // cyan
  '#a0cb5c', // lime
  '#8c6bb1', // violet
  '#d37295', // rose
  '#499894', // dark teal
  '#c9a227', // ochre
  '#86bcb6', // sage
] as const;

/** The colour of topics in clusters the palette does not reach. */
export const OTHER_CLUSTER_COLOR = '#a7adb7';

/** Cluster id → colour, as computed by `createClusterColors`. */
export interface ClusterColors {
  colorOf(cluster: number): string;
}

/** Palette colour by cluster id; unknown clusters and ids past the palette are grey. */
export function createClusterColors(clusters: readonly ClusterSummary[]): ClusterColors {
  const known = new Set(clusters.map((cluster) => cluster.id));
  return {
    colorOf: (cluster) =>
      (known.has(cluster) ? CLUSTER_PALETTE[cluster] : undefined) ?? OTHER_CLUSTER_COLOR,
  };
}

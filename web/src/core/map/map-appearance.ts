/**
 * How the topic map looks, derived from its data: node size from a topic's weight (papers
 * naming it a key term) or another node's paper count, node colour
 * from the cluster or an overlay (see color-modes.ts), edge width from co-occurrence strength. Computed once per graph and read
 * by the sigma reducers; the data graph itself never carries display attributes.
 */
import type { ClusterSummary } from '../../../../server/api/types.ts';
import {
  codeScale,
  NO_VALUE_COLOR,
  yearScale,
  type ColorMode,
  type ContinuousScale,
} from '../appearance/color-modes.ts';
import { createClusterColors } from '../appearance/palette.ts';
import { NO_FILTERS, passesFilters, type MapFilters } from './map-filters.ts';
import { createNodeSizeScale } from '../appearance/node-size.ts';
import type { MapGraph } from './map-graph.ts';

export const MAP_COLORS = {
  edge: '#d5dae1',
  edgeEmphasis: '#8d96a3',
  faded: '#e3e6eb',
  label: '#1f2430',
} as const;

export interface MapAppearance {
  colorMode: ColorMode;
  /** The continuous scale nodes are coloured on; null in cluster mode (or no dated topic). */
  scale: ContinuousScale | null;
  clusterColor(cluster: number): string;
  /** Whether the filters let a topic show (a selected topic shows regardless). */
  isVisible(node: string): boolean;
  /** Topics the filters let show, in all and per cluster. */
  visibleCount: number;
  visibleIn(cluster: number): number;
  nodeSize(node: string): number;
  nodeColor(node: string): string;
  edgeSize(edge: string): number;
}

const EDGE_SIZE_RANGE = { min: 0.4, max: 2.2 } as const;

export function createMapAppearance(
  graph: MapGraph,
  clusters: readonly ClusterSummary[],
  colorMode: ColorMode = 'cluster',
  filters: MapFilters = NO_FILTERS,
): MapAppearance {
  const hidden = new Set<string>();
  const shownPerCluster = new Map<number, number>();
  graph.forEachNode((node, attributes) => {
    if (!passesFilters(attributes, filters)) hidden.add(node);
    else
      shownPerCluster.set(attributes.cluster, (shownPerCluster.get(attributes.cluster) ?? 0) + 1);
  });
  const colors = createClusterColors(clusters);
  const scale =
    colorMode === 'year'
      ? yearScale(graph.mapNodes((_, { year }) => year))
      : colorMode === 'code'
        ? codeScale(graph.mapNodes((_, { codeShare }) => codeShare))
        : null;
  // A topic by its weight on the map, any other node by its paper count.
  const weightOf = ({ weight, paperCount }: { weight?: number; paperCount: number }) =>
    weight ?? paperCount;
  let minPapers = Infinity;
  let maxPapers = -Infinity;
  graph.forEachNode((_, attributes) => {
    minPapers = Math.min(minPapers, weightOf(attributes));
    maxPapers = Math.max(maxPapers, weightOf(attributes));
  });
  const sizeOf = createNodeSizeScale(minPapers, maxPapers);

  let maxStrength = 0;
  graph.forEachEdge((_, { strength }) => {
    maxStrength = Math.max(maxStrength, strength);
  });

  const sizes = new Map<string, number>();
  const nodeColors = new Map<string, string>();
  graph.forEachNode((node, attributes) => {
    const { cluster, year, codeShare } = attributes;
    sizes.set(node, sizeOf(weightOf(attributes)));
    const value = colorMode === 'year' ? year : codeShare;
    if (colorMode === 'cluster') nodeColors.set(node, colors.colorOf(cluster));
    else nodeColors.set(node, scale ? scale.colorOf(value) : NO_VALUE_COLOR);
  });

  return {
    colorMode,
    scale,
    isVisible: (node) => !hidden.has(node),
    visibleCount: graph.order - hidden.size,
    visibleIn: (cluster) => shownPerCluster.get(cluster) ?? 0,
    clusterColor: (cluster) => colors.colorOf(cluster),
    nodeSize: (node) => sizes.get(node) ?? 1,
    nodeColor: (node) => nodeColors.get(node) ?? MAP_COLORS.faded,
    edgeSize: (edge) => {
      if (maxStrength <= 0 || !graph.hasEdge(edge)) return EDGE_SIZE_RANGE.min;
      const t = Math.sqrt(graph.getEdgeAttribute(edge, 'strength') / maxStrength);
      return EDGE_SIZE_RANGE.min + t * (EDGE_SIZE_RANGE.max - EDGE_SIZE_RANGE.min);
    },
  };
}

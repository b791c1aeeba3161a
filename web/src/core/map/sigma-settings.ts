/**
 * The sigma settings of the maps, in one place: system-font labels that never overlap (each
 * frame draws those that fit, biggest nodes first, see label-layout.ts; nodes rendered
 * smaller than `labelRenderedSizeThreshold` pixels get none), z-ordering so emphasised nodes
 * draw on top, and zoom limits that keep the map from getting lost.
 */
import type { Settings } from 'sigma/settings';
import type { MapEdgeAttributes, MapNodeAttributes } from './map-graph.ts';
import { drawTopicHover, drawTopicLabel } from './draw-labels.ts';
import type { LabelLayout } from './label-layout.ts';
import { MAP_COLORS } from './map-appearance.ts';

export const MAP_FONT =
  'system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial, sans-serif';

type MapSettings = Partial<Settings<MapNodeAttributes, MapEdgeAttributes>>;

/** How big (px) a node must be drawn to be labelled on a map that is not small. */
const LABEL_SIZE_THRESHOLD = 5;

const DEFAULT_SIGMA_SETTINGS: MapSettings = {
  allowInvalidContainer: true,
  renderEdgeLabels: false,
  enableEdgeEvents: false,
  zIndex: true,
  defaultEdgeColor: MAP_COLORS.edge,
  labelFont: MAP_FONT,
  labelSize: 12,
  labelWeight: '500',
  labelColor: { color: MAP_COLORS.label },
  // sigma's label grid is effectively off: label-layout.ts decides which labels fit.
  labelDensity: 1_000,
  labelGridCellSize: 70,
  labelRenderedSizeThreshold: LABEL_SIZE_THRESHOLD,
  defaultDrawNodeLabel: drawTopicLabel,
  defaultDrawNodeHover: drawTopicHover,
  stagePadding: 48,
  minCameraRatio: 0.04,
  maxCameraRatio: 2.5,
};

/** Below this many nodes a map labels every node that has room, however small. */
const SMALL_GRAPH = 100;
/** Above this many links, they hide while the camera moves (a redraw touches them all). */
const HEAVY_EDGES = 1_500;

/**
 * How big a node must be drawn to get a label, for a map showing `shown` nodes (after the
 * filters): any size on a small map, or when `labelAll` (the focus view).
 */
export function labelThreshold(shown: number, labelAll: boolean): number {
  return labelAll || shown < SMALL_GRAPH ? 0 : LABEL_SIZE_THRESHOLD;
}

/**
 * The settings of one renderer, whose labels `labels` lays out (see label-layout.ts), for a
 * graph of this size; `labelAll` (the focus view) labels every node that has room.
 */
export function createSigmaSettings(
  labels: LabelLayout,
  graph: { nodes: number; edges: number; labelAll: boolean },
): MapSettings {
  return {
    ...DEFAULT_SIGMA_SETTINGS,
    labelRenderedSizeThreshold: labelThreshold(graph.nodes, graph.labelAll),
    hideEdgesOnMove: graph.edges > HEAVY_EDGES,
    defaultDrawNodeLabel: (context, data, settings) => {
      if (labels.allows(data.key)) drawTopicLabel(context, data, settings);
    },
  };
}

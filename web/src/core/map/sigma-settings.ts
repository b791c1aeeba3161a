/**
 * The sigma settings of the topic map, in one place: system-font labels whose density adapts
 * to the zoom (sigma's label grid keeps roughly `labelDensity` labels per grid cell and drops
 * those of nodes rendered smaller than `labelRenderedSizeThreshold` pixels), z-ordering so
 * emphasised topics draw on top, and zoom limits that keep the map from getting lost.
 */
import type { Settings } from 'sigma/settings';
import type {
  CoOccurrenceEdgeAttributes,
  TopicNodeAttributes,
} from '../../../../server/api/types.ts';
import { drawTopicHover, drawTopicLabel } from './draw-labels.ts';
import { MAP_COLORS } from './map-appearance.ts';

export const MAP_FONT =
  'system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial, sans-serif';

export const DEFAULT_SIGMA_SETTINGS: Partial<
  Settings<TopicNodeAttributes, CoOccurrenceEdgeAttributes>
> = {
  allowInvalidContainer: true,
  renderEdgeLabels: false,
  enableEdgeEvents: false,
  zIndex: true,
  defaultEdgeColor: MAP_COLORS.edge,
  labelFont: MAP_FONT,
  labelSize: 12,
  labelWeight: '500',
  labelColor: { color: MAP_COLORS.label },
  labelDensity: 1,
  labelGridCellSize: 70,
  labelRenderedSizeThreshold: 5,
  defaultDrawNodeLabel: drawTopicLabel,
  defaultDrawNodeHover: drawTopicHover,
  stagePadding: 48,
  minCameraRatio: 0.04,
  maxCameraRatio: 2.5,
};

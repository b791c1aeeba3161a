/**
 * Everything the map needs from one `/api/topic-map` answer, built once: the data graph, its
 * derived appearance, and the clusters (for the legend) with their colours.
 */
import type { ClusterSummary, TopicMapResponse } from '../../../../server/api/types.ts';
import { createMapAppearance, type MapAppearance } from './map-appearance.ts';
import { createTopicGraph, type TopicGraph } from './topic-graph.ts';

export interface MapDataset {
  graph: TopicGraph;
  appearance: MapAppearance;
  /** Largest first, as the legend lists them. */
  clusters: ClusterSummary[];
}

export function createMapDataset(map: TopicMapResponse): MapDataset {
  const graph = createTopicGraph(map);
  const clusters = [...map.attributes.clusters].sort((a, b) => b.topics - a.topics || a.id - b.id);
  return { graph, appearance: createMapAppearance(graph, clusters), clusters };
}

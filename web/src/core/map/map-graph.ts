/**
 * The map's data graph: the `/api/topic-map` answer imported into a graphology graph, as the
 * server computed it (positions, clusters, counts). Nothing here decides how it looks — that
 * is derived in `map-appearance.ts` and applied through sigma's reducers.
 */
import { UndirectedGraph } from 'graphology';
import type {
  CoOccurrenceEdgeAttributes,
  TopicMapResponse,
  TopicNodeAttributes,
} from '../../../../server/api/types.ts';

export type TopicGraph = UndirectedGraph<TopicNodeAttributes, CoOccurrenceEdgeAttributes>;

/**
 * Import the serialised topic map. Nodes without finite coordinates would break sigma's
 * rendering, so they are left out (with their edges) rather than drawn at NaN.
 */
export function createTopicGraph(map: TopicMapResponse): TopicGraph {
  const graph: TopicGraph = new UndirectedGraph();
  for (const { key, attributes } of map.nodes) {
    if (!Number.isFinite(attributes.x) || !Number.isFinite(attributes.y)) continue;
    graph.mergeNode(key, attributes);
  }
  for (const { key, source, target, attributes } of map.edges) {
    if (source === target || !graph.hasNode(source) || !graph.hasNode(target)) continue;
    if (graph.hasEdge(source, target)) continue;
    graph.addEdgeWithKey(key, source, target, attributes);
  }
  return graph;
}

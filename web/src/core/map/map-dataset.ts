/**
 * Everything a view needs from its data, built once: the data graph, its derived appearance,
 * and the clusters (for the legend) with their colours — or, in the focus view, the colours
 * of the three kinds of node.
 */
import type {
  ClusterSummary,
  PaperMapResponse,
  TopicMapResponse,
} from '../../../../server/api/types.ts';
import forceAtlas2 from 'graphology-layout-forceatlas2';
import { createMapAppearance, type MapAppearance } from './map-appearance.ts';
import { createFocusGraph, type FocusDetail } from './focus-graph.ts';
import { createPaperGraph, createTopicGraph, type MapGraph, type NodeKind } from './map-graph.ts';

export interface MapDataset {
  graph: MapGraph;
  appearance: MapAppearance;
  /** Largest first, as the legend lists them. */
  clusters: ClusterSummary[];
  /** The focus view colours nodes by kind (and has no clusters). */
  kindColors?: Record<NodeKind, string>;
}

export const KIND_COLORS: Record<NodeKind, string> = {
  topic: '#2a9d8f',
  paper: '#3d5a98',
  repository: '#e07a1f',
};

/** What the focus view's legend (on screen and in an image) calls each kind. */
export const KIND_LABELS: Record<NodeKind, string> = {
  topic: 'Topics',
  paper: 'Papers',
  repository: 'Repositories',
};

const largestFirst = (clusters: readonly ClusterSummary[]) =>
  [...clusters].sort((a, b) => b.topicCount - a.topicCount || a.id - b.id);

export function createMapDataset(map: TopicMapResponse): MapDataset {
  const graph = createTopicGraph(map);
  const clusters = largestFirst(map.attributes.clusters);
  return { graph, appearance: createMapAppearance(graph, clusters), clusters };
}

/** ForceAtlas2 rounds that untangle the paper map from where its topics put it. */
const PAPER_LAYOUT_ROUNDS = 80;

/**
 * The paper map, coloured by the clusters of the topic map. The server places each paper
 * among its main topics; papers on the same topics then sit on top of one another, so a
 * short ForceAtlas2 run from there spreads them along their links while keeping the topic
 * map's regions (it starts from them, with gravity pulling nothing far).
 */
export function createPaperDataset(
  map: PaperMapResponse,
  topicClusters: readonly ClusterSummary[],
): MapDataset {
  const graph = createPaperGraph(map);
  if (graph.order > 1) {
    forceAtlas2.assign(graph, {
      iterations: PAPER_LAYOUT_ROUNDS,
      getEdgeWeight: null,
      settings: { ...forceAtlas2.inferSettings(graph), barnesHutOptimize: graph.order > 500 },
    });
  }
  const clusters = largestFirst(topicClusters);
  return { graph, appearance: createMapAppearance(graph, clusters), clusters };
}

/** The focus graph: nodes coloured by kind, nothing filtered. */
export function createFocusDataset(details: readonly FocusDetail[]): MapDataset {
  const graph = createFocusGraph(details);
  const appearance = createMapAppearance(graph, []);
  return {
    graph,
    appearance: {
      ...appearance,
      // Few nodes, all worth a label: sizes start above the label threshold.
      nodeSize: (node) =>
        graph.hasNode(node) ? Math.min(16, 6 + 2 * Math.sqrt(graph.degree(node) - 1 || 0)) : 6,
      nodeColor: (node) =>
        graph.hasNode(node) ? KIND_COLORS[graph.getNodeAttribute(node, 'kind')] : '#ccc',
    },
    clusters: [],
    kindColors: KIND_COLORS,
  };
}

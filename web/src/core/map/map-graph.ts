/**
 * The data graph every view draws: the topic map, the paper map and the focus graph are all
 * imported into the same graphology shape, so one renderer, one set of reducers, the colour
 * modes, the filters and the exports work on each. Built as the server computed it (positions,
 * clusters, counts); how it looks is derived in `map-appearance.ts` and applied through
 * sigma's reducers.
 */
import { UndirectedGraph } from 'graphology';
import type Sigma from 'sigma';
import type {
  CoOccurrenceEdgeAttributes,
  PaperMapResponse,
  TopicMapResponse,
  TopicNodeAttributes,
} from '../../../../server/api/types.ts';

export type NodeKind = 'topic' | 'paper' | 'repository';

/**
 * A node of any view: a topic's attributes as the topic map serves them, plus what it is.
 * For a paper, `paperCount` is the number of related papers linked to it (what sizes it),
 * `codeShare` is 1 when it links released code, and `year` is its own.
 */
export interface MapNodeAttributes extends Omit<TopicNodeAttributes, 'weight'> {
  /** What sizes a topic (`TopicNodeAttributes.weight`); other nodes are sized by `paperCount`. */
  weight?: number;
  kind: NodeKind;
  /** The id of the topic, paper or repository (the key, except in the focus graph). */
  id: string;
}

export interface MapEdgeAttributes extends CoOccurrenceEdgeAttributes {
  /** Related papers: the topics they share, most telling first. */
  shared?: string[];
}

/** The sigma renderer of a map (views/map/GraphMap.tsx owns it; its controllers configure it). */
export type MapSigma = Sigma<MapNodeAttributes, MapEdgeAttributes>;

export type MapGraph = UndirectedGraph<MapNodeAttributes, MapEdgeAttributes>;

const finite = (attributes: { x: number; y: number }) =>
  Number.isFinite(attributes.x) && Number.isFinite(attributes.y);

function addEdges(
  graph: MapGraph,
  edges: { key: string; source: string; target: string; attributes: MapEdgeAttributes }[],
): MapGraph {
  for (const { key, source, target, attributes } of edges) {
    if (source === target || !graph.hasNode(source) || !graph.hasNode(target)) continue;
    if (graph.hasEdge(source, target)) continue;
    graph.addEdgeWithKey(key, source, target, attributes);
  }
  return graph;
}

/**
 * Import the serialised topic map. Nodes without finite coordinates would break sigma's
 * rendering, so they are left out (with their edges) rather than drawn at NaN.
 */
export function createTopicGraph(map: TopicMapResponse): MapGraph {
  const graph: MapGraph = new UndirectedGraph();
  for (const { key, attributes } of map.nodes) {
    if (finite(attributes)) graph.mergeNode(key, { ...attributes, kind: 'topic', id: key });
  }
  return addEdges(graph, map.edges);
}

/** Import the serialised paper map (see server/store/paper-map.ts). */
export function createPaperGraph(map: PaperMapResponse): MapGraph {
  const graph: MapGraph = new UndirectedGraph();
  for (const { key, attributes: paper } of map.nodes) {
    if (!finite(paper)) continue;
    graph.mergeNode(key, {
      kind: 'paper',
      id: key,
      label: paper.label,
      x: paper.x,
      y: paper.y,
      cluster: paper.cluster,
      paperCount: paper.linkCount,
      ...(paper.year === undefined ? {} : { year: paper.year }),
      codeShare: paper.hasCode ? 1 : 0,
      repositoryCount: 0,
    });
  }
  return addEdges(
    graph,
    map.edges.map(({ attributes, ...edge }) => ({
      ...edge,
      attributes: {
        paperCount: attributes.shared.length,
        strength: attributes.strength,
        shared: attributes.shared,
      },
    })),
  );
}

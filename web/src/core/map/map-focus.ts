/**
 * Which topics the map emphasises, as pure functions of the graph and the interaction state:
 * the hovered topic and its neighbours win; then a cluster hovered in the legend; then the
 * selected topic, or the topics of the selected paper, with their neighbours as context.
 * Everything else fades. The sigma reducers in
 * `map-reducers.ts` only read the result.
 */
import type { TopicGraph } from './topic-graph.ts';

export interface MapFocusState {
  /** The topic under the pointer, if any. */
  hovered: string | null;
  /** The cluster under the pointer in the legend, if any. */
  hoveredCluster: number | null;
  /** Topics selected in the panel: the selected topic, or the selected paper's topics. */
  selected: readonly string[];
}

export interface MapEmphasis {
  /** The topics the emphasis is about (edges are shown when they touch one). */
  centers: ReadonlySet<string>;
  /** Every topic that stays in colour: centres and, when asked, their neighbours. */
  nodes: ReadonlySet<string>;
}

/** The emphasis for a focus state, or null when nothing should fade. Unknown ids are ignored. */
export function computeEmphasis(graph: TopicGraph, focus: MapFocusState): MapEmphasis | null {
  if (focus.hovered !== null && graph.hasNode(focus.hovered)) {
    return around(graph, [focus.hovered], true);
  }
  if (focus.hoveredCluster !== null) {
    const cluster = focus.hoveredCluster;
    const members = graph.filterNodes((_, attributes) => attributes.cluster === cluster);
    if (members.length > 0) return around(graph, members, false);
  }
  const selected = focus.selected.filter((node) => graph.hasNode(node));
  if (selected.length === 0) return null;
  return around(graph, selected, true);
}

function around(graph: TopicGraph, centers: string[], withNeighbours: boolean): MapEmphasis {
  const nodes = new Set(centers);
  if (withNeighbours) {
    for (const center of centers)
      graph.forEachNeighbor(center, (neighbour) => nodes.add(neighbour));
  }
  return { centers: new Set(centers), nodes };
}

/** Whether an edge belongs to an emphasis: it touches a centre and stays within the nodes. */
export function isEmphasisedEdge(emphasis: MapEmphasis, source: string, target: string): boolean {
  return (
    (emphasis.centers.has(source) || emphasis.centers.has(target)) &&
    emphasis.nodes.has(source) &&
    emphasis.nodes.has(target)
  );
}

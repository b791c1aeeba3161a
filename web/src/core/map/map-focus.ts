/**
 * Which topics the map emphasises, as pure functions of the graph and the interaction state:
 * the hovered topic and its neighbours win; then a cluster hovered in the legend; then the
 * selected topic, or the topics of the selected paper, with their neighbours as context.
 * Everything else fades. The sigma reducers in
 * `map-reducers.ts` only read the result.
 */
import type { MapGraph } from './map-graph.ts';

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
  /**
   * Topics whose labels are forced past sigma's label grid: a hovered topic and its
   * strongest neighbours (at most `MAX_FORCED_LABELS`). Empty otherwise.
   */
  labelled: ReadonlySet<string>;
}

/** How many neighbours of a hovered topic get their label forced (the strongest links). */
export const MAX_FORCED_LABELS = 40;

/** The emphasis for a focus state, or null when nothing should fade. Unknown ids are ignored. */
export function computeEmphasis(graph: MapGraph, focus: MapFocusState): MapEmphasis | null {
  if (focus.hovered !== null && graph.hasNode(focus.hovered)) {
    const hovered = focus.hovered;
    return { ...around(graph, [hovered], true), labelled: strongestNeighbours(graph, hovered) };
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

function around(graph: MapGraph, centers: string[], withNeighbours: boolean): MapEmphasis {
  const nodes = new Set(centers);
  if (withNeighbours) {
    for (const center of centers)
      graph.forEachNeighbor(center, (neighbour) => nodes.add(neighbour));
  }
  return { centers: new Set(centers), nodes, labelled: new Set() };
}

/** The topic and its `MAX_FORCED_LABELS` neighbours with the strongest co-occurrence. */
function strongestNeighbours(graph: MapGraph, topic: string): Set<string> {
  const neighbours: { node: string; strength: number }[] = [];
  graph.forEachEdge(topic, (_, { strength }, source, target) => {
    neighbours.push({ node: source === topic ? target : source, strength });
  });
  neighbours.sort((a, b) => b.strength - a.strength || a.node.localeCompare(b.node));
  return new Set([topic, ...neighbours.slice(0, MAX_FORCED_LABELS).map(({ node }) => node)]);
}

/** Whether an edge belongs to an emphasis: it touches a centre and stays within the nodes. */
export function isEmphasisedEdge(emphasis: MapEmphasis, source: string, target: string): boolean {
  return (
    (emphasis.centers.has(source) || emphasis.centers.has(target)) &&
    emphasis.nodes.has(source) &&
    emphasis.nodes.has(target)
  );
}

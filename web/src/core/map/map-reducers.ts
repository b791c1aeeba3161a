/**
 * sigma's `nodeReducer` / `edgeReducer` for the topic map: display data derived from the data
 * graph, the appearance and the current emphasis, without ever writing to the graph (see
 * STYLE.md, "Data apart from display"). Rebuilt whenever hover or selection changes and
 * handed to sigma with `setSetting`, which refreshes the render.
 */
import type { EdgeDisplayData, NodeDisplayData } from 'sigma/types';
import type { MapEdgeAttributes, MapNodeAttributes } from './map-graph.ts';
import { MAP_COLORS, type MapAppearance } from './map-appearance.ts';
import { isEmphasisedEdge, type MapEmphasis } from './map-focus.ts';
import type { MapGraph } from './map-graph.ts';

export interface MapReducers {
  nodeReducer: (node: string, data: MapNodeAttributes) => Partial<NodeDisplayData>;
  edgeReducer: (edge: string, data: MapEdgeAttributes) => Partial<EdgeDisplayData>;
}

/** Paper titles run long; on the map they are cut at a word (the panel shows them whole). */
const TITLE_LENGTH = 48;
function shortTitle(title: string): string {
  if (title.length <= TITLE_LENGTH) return title;
  const cut = title.slice(0, TITLE_LENGTH);
  const space = cut.lastIndexOf(' ');
  return `${(space > TITLE_LENGTH / 2 ? cut.slice(0, space) : cut).replace(/[\s,:;.–-]+$/, '')}…`;
}

/** What the map stresses right now: read by the reducers on every render. */
export interface MapStress {
  emphasis: MapEmphasis | null;
  selected: ReadonlySet<string>;
}

/**
 * Reducers for one graph and appearance. The emphasis is read through `stress` at each
 * render, so a hover only needs `sigma.refresh({ skipIndexation: true })`, not new reducers
 * (which make sigma re-index every node: at 2,000 topics a visible stall on each hover).
 */
export function createMapReducers(
  graph: MapGraph,
  appearance: MapAppearance,
  stress: () => MapStress,
): MapReducers {
  const nodeReducer = (node: string, data: MapNodeAttributes): Partial<NodeDisplayData> => {
    const { emphasis, selected } = stress();
    const size = appearance.nodeSize(node);
    const display: Partial<NodeDisplayData> = {
      x: data.x,
      y: data.y,
      label: data.kind === 'paper' ? shortTitle(data.label) : data.label,
      size,
      color: appearance.nodeColor(node),
      zIndex: 1,
    };
    if (emphasis !== null) {
      if (emphasis.nodes.has(node)) {
        // A lone centre (the hovered or selected topic) forces its label, and so do the
        // strongest neighbours of a hovered topic (a bounded number: forced labels are never
        // de-overlapped); cluster members go through sigma's label grid like everything else.
        display.zIndex = emphasis.centers.has(node) ? 3 : 2;
        display.forceLabel =
          (emphasis.centers.size === 1 && emphasis.centers.has(node)) ||
          emphasis.labelled.has(node);
      } else {
        display.color = MAP_COLORS.faded;
        display.label = null;
        display.zIndex = 0;
      }
    }
    if (!appearance.isVisible(node) && !selected.has(node)) {
      // Filtered out (sigma then hides its links too); a selected topic always shows.
      display.hidden = true;
    }
    if (selected.has(node)) {
      // One selected node is drawn in its card with its label; many (a paper's topics, a
      // topic's papers) are labelled first where their labels fit, and not carded: thirty
      // cards would bury one another.
      display.zIndex = 4;
      if (selected.size === 1) {
        display.highlighted = true;
        display.forceLabel = true;
      }
    }
    return display;
  };

  const edgeReducer = (edge: string): Partial<EdgeDisplayData> => {
    const { emphasis } = stress();
    const display: Partial<EdgeDisplayData> = {
      size: appearance.edgeSize(edge),
      color: MAP_COLORS.edge,
      zIndex: 0,
    };
    if (emphasis !== null) {
      if (isEmphasisedEdge(emphasis, graph.source(edge), graph.target(edge))) {
        display.color = MAP_COLORS.edgeEmphasis;
        display.zIndex = 1;
      } else {
        display.hidden = true;
      }
    }
    return display;
  };

  return { nodeReducer, edgeReducer };
}

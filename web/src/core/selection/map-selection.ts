/**
 * What the map does with the selection, as pure functions of what is loaded (App.tsx wires
 * them to the API and the URL): which nodes stand for the selection in each view, and where
 * the camera goes.
 */
import type { Route } from './route.ts';
import type { ViewName } from './view-state.ts';

/** Where the camera goes (views/map/CameraController.tsx moves it). */
export interface CameraTarget {
  /** Changes whenever the target does; the camera moves once per key. */
  key: string;
  /** Empty while they load (a paper's topics): the camera waits rather than moving. */
  nodes: readonly string[];
  /** Fit the nodes even when they are all in sight already (a cluster from the legend). */
  fit?: boolean;
}

/** The part of a map's graph these functions read. */
export interface GraphNodes {
  order: number;
  hasNode(node: string): boolean;
  nodes(): string[];
}

/** What is loaded about the selection (null while loading, or when it is of another kind). */
export interface SelectionDetails {
  paperTopics: readonly { id: string }[] | null;
  topicPapers: readonly { id: string }[] | null;
  repositoryPapers: readonly { id: string }[] | null;
}

/** The focus view's key of a node (focus-graph.ts). */
export type FocusKey = (kind: NonNullable<Route>['kind'], id: string) => string;

/**
 * The nodes that stand for the selection in `view`: the node itself where it is drawn; on the
 * topic map a paper's topics; on the paper map a topic's or a repository's papers that are
 * drawn.
 */
export function selectedNodes(
  route: Route,
  view: ViewName,
  details: SelectionDetails,
  graph: GraphNodes | undefined,
  focusKey: FocusKey,
): string[] {
  if (route === null) return [];
  if (view === 'focus') return [focusKey(route.kind, route.id)];
  if (view === 'topics') {
    if (route.kind === 'topic') return [route.id];
    if (route.kind === 'paper' && details.paperTopics !== null) {
      return details.paperTopics.map((t) => t.id);
    }
    return [];
  }
  if (route.kind === 'paper') return [route.id];
  const papers = route.kind === 'topic' ? details.topicPapers : details.repositoryPapers;
  return papers === null || !graph ? [] : papers.map((p) => p.id).filter((id) => graph.hasNode(id));
}

/**
 * Where the camera goes: a cluster pinned in the legend (all its nodes, fitted); else nothing
 * without a selection; in the focus view its whole graph, whenever it grows; else the nodes of
 * the selection, once per selection and view.
 */
export function cameraTarget(input: {
  route: Route;
  view: ViewName;
  selected: readonly string[];
  pinnedCluster: number | null;
  graph:
    | (GraphNodes & {
        filterNodes(keep: (node: string, a: { cluster: number }) => boolean): string[];
      })
    | undefined;
}): CameraTarget | null {
  const { route, view, selected, pinnedCluster, graph } = input;
  if (pinnedCluster !== null && graph) {
    const members = graph.filterNodes((_, { cluster }) => cluster === pinnedCluster);
    return { key: `cluster:${pinnedCluster}`, nodes: members, fit: true };
  }
  // With a selection whose nodes are still loading, the target has no nodes yet: the camera
  // waits instead of treating it as "nothing selected" (which shows the whole map).
  if (route === null) return null;
  const routeKey = `${route.kind}:${route.id}`;
  // The focus view frames its whole graph (a few dozen nodes), the selection among them,
  // whenever it grows: a lone node and its one neighbour would be zoomed in on.
  if (view === 'focus' && graph) {
    return { key: `${view}:${routeKey}:${graph.order}`, nodes: graph.nodes(), fit: true };
  }
  return { key: `${view}:${routeKey}`, nodes: selected };
}

/**
 * The explorer's moves, as callbacks for the views: go to a node (from the search box, a
 * panel or the map), select a node of the drawn graph, switch views, close the panel. Each
 * pushes one history entry with the URL navigation.ts computes, so back undoes it.
 */
import { useCallback } from 'react';
import { focusKey } from '../map/focus-graph.ts';
import type { MapGraph } from '../map/map-graph.ts';
import { urlAfterGoing, urlAfterSwitching } from './navigation.ts';
import type { Route } from './route.ts';
import { pushUrl } from './use-route.ts';
import type { ViewName, ViewState } from './view-state.ts';

export interface Navigation {
  go(next: Route): void;
  /** Go to what a node of `graph` stands for. */
  selectNode(node: string): void;
  switchView(next: ViewName): void;
  closePanel(): void;
}

export function useNavigation(input: {
  viewState: ViewState;
  route: Route;
  /** The nodes open in the focus view (use-explorer-data.ts). */
  opened: readonly NonNullable<Route>[];
  /** The graph drawn now, if any. */
  graph: MapGraph | undefined;
}): Navigation {
  const { viewState, route, opened, graph } = input;
  const go = useCallback(
    (next: Route) => {
      const drawn =
        viewState.view === 'focus' && next !== null
          ? (graph?.hasNode(focusKey(next.kind, next.id)) ?? false)
          : false;
      const { search, hash } = urlAfterGoing(next, {
        search: window.location.search,
        viewState,
        opened,
        drawn,
      });
      pushUrl(search, hash);
    },
    [viewState, opened, graph],
  );
  const selectNode = useCallback(
    (node: string) => {
      const attributes = graph?.getNodeAttributes(node);
      if (attributes) go({ kind: attributes.kind, id: attributes.id });
    },
    [graph, go],
  );
  const switchView = useCallback(
    (next: ViewName) => {
      const { search, hash } = urlAfterSwitching(next, {
        search: window.location.search,
        hash: window.location.hash,
        viewState,
        route,
      });
      pushUrl(search, hash);
    },
    [viewState, route],
  );
  const closePanel = useCallback(() => go(null), [go]);
  return { go, selectNode, switchView, closePanel };
}

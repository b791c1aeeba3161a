/**
 * Where each move of the explorer leads, as the URL it writes (pure: use-navigation.ts pushes
 * them). The selection lives in the hash, the view in the query (view-state.ts): going to a
 * node changes the hash, and in the focus view also which nodes are expanded; switching views
 * changes the query and keeps the selection. A move that changes the view or the expanded
 * nodes drops the camera, so the new graph is framed afresh.
 */
import { formatRoute, type Route } from './route.ts';
import { formatViewState, type ViewName, type ViewState } from './view-state.ts';

/** A URL's query and hash (`?…`, `#…`; either may be `''`). */
export interface UrlParts {
  search: string;
  hash: string;
}

/**
 * The nodes a focus view shows after going to `next`: a node already drawn opens there too
 * (its neighbourhood joins the graph); any other starts a new focus graph around it.
 */
export function focusAfter(
  next: NonNullable<Route>,
  opened: readonly NonNullable<Route>[],
  drawn: boolean,
): NonNullable<Route>[] {
  if (!drawn) return [next];
  const known = opened.some((node) => node.kind === next.kind && node.id === next.id);
  return known ? [...opened] : [...opened, next];
}

/**
 * The URL after going to `next` (null: closing the panel) from `search`: the selection in the
 * hash; in the focus view, also the nodes expanded (`focusAfter` the nodes `opened` there),
 * `drawn` telling whether `next` is in the focus graph now.
 */
export function urlAfterGoing(
  next: Route,
  from: {
    search: string;
    viewState: ViewState;
    opened: readonly NonNullable<Route>[];
    drawn: boolean;
  },
): UrlParts {
  const hash = formatRoute(next);
  const { search, viewState, opened, drawn } = from;
  if (viewState.view !== 'focus' || next === null) return { search, hash };
  const expanded = focusAfter(next, opened, drawn);
  return { search: formatViewState(search, { ...viewState, expanded, camera: null }), hash };
}

/**
 * The URL after switching to view `next`: the selection kept; the focus view opens around it
 * (nothing expanded without one), and the others expand nothing.
 */
export function urlAfterSwitching(
  next: ViewName,
  from: { search: string; hash: string; viewState: ViewState; route: Route },
): UrlParts {
  const { search, hash, viewState, route } = from;
  const expanded = next === 'focus' && route !== null ? [route] : [];
  return {
    search: formatViewState(search, { ...viewState, view: next, expanded, camera: null }),
    hash,
  };
}

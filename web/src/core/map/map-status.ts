/**
 * What the map area says instead of drawing a map (views/StatusScreen.tsx shows it): loading,
 * an error, an empty store or map, a focus view with nothing opened, an unknown node. Null
 * when the map can be drawn. And what it says of the map it draws, for screen readers.
 */
import type { ColorMode } from '../appearance/color-modes.ts';
import type { ViewName } from '../selection/view-state.ts';

export type MapStatus =
  | { kind: 'loading'; view: ViewName }
  | { kind: 'empty' }
  | { kind: 'no-focus' }
  /** The focus view's node is not in the store (a stale or mistyped link). */
  | { kind: 'not-found'; message: string }
  | { kind: 'error'; message: string };

/** A resource as the status reads it (use-api-resource.ts, use-focus-details.ts). */
type Loaded = { status: string; error?: { message: string; status?: number } };

export function mapStatus(input: {
  view: ViewName;
  topicMap: Loaded;
  paperMap: Loaded;
  focus: Loaded;
  /** The store's paper count, once known. */
  paperCount: number | null;
  /** Nodes opened in the focus view. */
  openedCount: number;
  /** The graph to draw, once built (null before). */
  order: number | null;
}): MapStatus | null {
  const { view, topicMap, paperMap, focus } = input;
  const failed = (resource: Loaded) =>
    resource.status === 'error' ? (resource.error?.message ?? 'failed') : null;
  if (view === 'focus' && focus.status === 'error' && focus.error?.status === 404) {
    return { kind: 'not-found', message: focus.error.message };
  }
  const error =
    failed(topicMap) ??
    (view === 'papers' ? failed(paperMap) : null) ??
    (view === 'focus' ? failed(focus) : null);
  if (error !== null) return { kind: 'error', message: error };
  if (input.paperCount === 0) return { kind: 'empty' };
  if (view === 'focus' && input.openedCount === 0) return { kind: 'no-focus' };
  if (input.order === null) return { kind: 'loading', view };
  if (input.order === 0) return { kind: 'empty' };
  return null;
}

/** What a node is called in each view, and the view's name. */
export const VIEW_NOUNS: Record<ViewName, { noun: string; title: string }> = {
  topics: { noun: 'topic', title: 'Topic map' },
  papers: { noun: 'paper', title: 'Paper map' },
  focus: { noun: 'node', title: 'Focus graph' },
};

const COLOURED_BY: Record<ColorMode, { topics: string; papers: string }> = {
  cluster: { topics: 'cluster', papers: 'cluster of the main topic' },
  year: { topics: 'mean publication year', papers: 'publication year' },
  code: { topics: 'share of papers with code', papers: 'released code' },
};

/**
 * The drawn map in words (its `aria-label`): "Topic map: 249 topics, coloured by cluster".
 * The focus graph is coloured by kind (`byKind`).
 */
export function mapDescription(
  view: ViewName,
  order: number,
  colorMode: ColorMode,
  byKind: boolean,
): string {
  const { noun, title } = VIEW_NOUNS[view];
  const by = byKind ? 'kind' : COLOURED_BY[colorMode][view === 'topics' ? 'topics' : 'papers'];
  return `${title}: ${order} ${noun}s, coloured by ${by}`;
}

/**
 * The view state kept in the URL's query beside the selection in its hash: which view of the
 * graph is drawn (`view=papers`), the nodes expanded in the focus view
 * (`expand=topic:causal%20graph`, repeated), how many topics the topic map asks for
 * (`topics=2000`) and the camera (`camera=0.5,0.5,1` for x, y and zoom ratio). These are the
 * pure parse/format halves; a malformed value means the default.
 */
import type { Route, RouteKind } from './route.ts';

export const VIEWS = ['topics', 'papers', 'focus'] as const;
export type ViewName = (typeof VIEWS)[number];

export interface CameraState {
  x: number;
  y: number;
  ratio: number;
}

export interface ViewState {
  view: ViewName;
  /** Focus view: the nodes whose neighbourhoods are shown, in the order they were opened. */
  expanded: NonNullable<Route>[];
  /** Topics on the topic map, the most mentioned first. */
  topics: number;
  camera: CameraState | null;
}

export const TOPIC_COUNTS = { default: 500, min: 50, max: 2_000 } as const;
const MAX_EXPANDED = 30;
const KINDS: readonly RouteKind[] = ['topic', 'paper', 'repository'];

export function parseViewState(search: string): ViewState {
  const params = new URLSearchParams(search);
  const view = VIEWS.find((name) => name === params.get('view')) ?? 'topics';
  const expanded: NonNullable<Route>[] = [];
  for (const value of params.getAll('expand').slice(0, MAX_EXPANDED)) {
    const colon = value.indexOf(':');
    const kind = KINDS.find((name) => name === value.slice(0, colon));
    const id = value.slice(colon + 1);
    if (kind === undefined || id === '' || id.length > 500) continue;
    if (!expanded.some((node) => node.kind === kind && node.id === id)) expanded.push({ kind, id });
  }
  const topicsText = params.get('topics') ?? '';
  const topics = /^\d{1,5}$/.test(topicsText) ? Number(topicsText) : TOPIC_COUNTS.default;
  return {
    view,
    expanded,
    topics: Math.min(TOPIC_COUNTS.max, Math.max(TOPIC_COUNTS.min, topics)),
    camera: parseCamera(params.get('camera')),
  };
}

function parseCamera(text: string | null): CameraState | null {
  if (text === null) return null;
  const parts = text.split(',');
  if (parts.length !== 3 || parts.some((part) => !/^-?\d{1,6}(\.\d{1,6})?$/.test(part))) {
    return null;
  }
  const [x, y, ratio] = parts.map(Number) as [number, number, number];
  return ratio > 0 ? { x, y, ratio } : null;
}

const round = (value: number) => String(Math.round(value * 10_000) / 10_000);

/** `search` with the view state written in (defaults are left out). */
export function formatViewState(search: string, state: ViewState): string {
  const params = new URLSearchParams(search);
  if (state.view === 'topics') params.delete('view');
  else params.set('view', state.view);
  params.delete('expand');
  if (state.view === 'focus') {
    for (const node of state.expanded.slice(0, MAX_EXPANDED))
      params.append('expand', `${node.kind}:${node.id}`);
  }
  if (state.topics === TOPIC_COUNTS.default) params.delete('topics');
  else params.set('topics', String(state.topics));
  if (state.camera === null) params.delete('camera');
  else {
    const { x, y, ratio } = state.camera;
    params.set('camera', [round(x), round(y), round(ratio)].join(','));
  }
  const query = params.toString();
  return query === '' ? '' : `?${query}`;
}

/**
 * Loads the detail of every node opened in the focus view (the same answers the side panel
 * shows), keeping those already loaded, so opening one more node fetches one more detail.
 * Reports loading until all are in, and the first error (an unknown id, a failed request).
 */
import { useEffect, useMemo, useState } from 'react';
import { apiPaths, fetchJson, isAbortError, toApiError, type ApiError } from '../api.ts';
import type { Route } from '../selection/route.ts';
import type { FocusDetail } from './focus-graph.ts';

type Loaded = { status: 'ready'; detail: FocusDetail } | { status: 'error'; error: ApiError };

export type FocusDetails =
  | { status: 'loading'; details: FocusDetail[] }
  | { status: 'error'; error: ApiError; details: FocusDetail[] }
  | { status: 'ready'; details: FocusDetail[] };

const pathOf = ({ kind, id }: NonNullable<Route>) => apiPaths[kind](id);

export function useFocusDetails(opened: readonly NonNullable<Route>[]): FocusDetails {
  const [loaded, setLoaded] = useState<ReadonlyMap<string, Loaded>>(new Map());
  const paths = opened.map(pathOf).join('\n');

  useEffect(() => {
    const controller = new AbortController();
    for (const node of opened) {
      const path = pathOf(node);
      if (loaded.has(path)) continue;
      fetchJson<FocusDetail['data']>(path, controller.signal).then(
        (data) =>
          setLoaded((previous) =>
            new Map(previous).set(path, {
              status: 'ready',
              detail: { kind: node.kind, data } as FocusDetail,
            }),
          ),
        (error: unknown) => {
          if (isAbortError(error)) return;
          setLoaded((previous) =>
            new Map(previous).set(path, { status: 'error', error: toApiError(error, path) }),
          );
        },
      );
    }
    return () => controller.abort();
    // `paths` stands for `opened`; `loaded` only grows, and a path loaded meanwhile is skipped.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [paths]);

  return useMemo((): FocusDetails => {
    const details: FocusDetail[] = [];
    let pending = false;
    for (const path of paths === '' ? [] : paths.split('\n')) {
      const entry = loaded.get(path);
      if (entry === undefined) pending = true;
      else if (entry.status === 'error') return { status: 'error', error: entry.error, details };
      else details.push(entry.detail);
    }
    return pending ? { status: 'loading', details } : { status: 'ready', details };
  }, [paths, loaded]);
}

/**
 * One React hook for every GET the explorer makes: give it an API path (or null for "nothing
 * to load") and it returns an explicit loading / error / ready state. A new path aborts the
 * previous request, so a slow answer for an old selection can never overwrite a newer one.
 * Results are remembered per path, which makes the state derivable during render instead of
 * being reset inside the effect.
 */
import { useEffect, useMemo, useState } from 'react';
import { fetchJson, isAbortError, toApiError, type ApiError } from './api.ts';

export type ApiResource<T> =
  | { status: 'idle' }
  /** `stale` is the last data loaded by this hook for another path, if any. */
  | { status: 'loading'; stale?: T }
  | { status: 'error'; error: ApiError }
  | { status: 'ready'; data: T };

type Settled<T> = { path: string } & (
  { status: 'error'; error: ApiError } | { status: 'ready'; data: T }
);

/** Load `path` (typed by the caller as `T`, see server/api/types.ts); `null` loads nothing. */
export function useApiResource<T>(path: string | null): ApiResource<T> {
  const [settled, setSettled] = useState<Settled<T> | null>(null);

  useEffect(() => {
    if (path === null) return undefined;
    const controller = new AbortController();
    fetchJson<T>(path, controller.signal).then(
      (data) => setSettled({ path, status: 'ready', data }),
      (error: unknown) => {
        if (isAbortError(error)) return;
        setSettled({ path, status: 'error', error: toApiError(error, path) });
      },
    );
    return () => controller.abort();
  }, [path]);

  // Memoised so a resource keeps its identity between renders while nothing changed.
  return useMemo((): ApiResource<T> => {
    if (path === null) return { status: 'idle' };
    if (settled === null || settled.path !== path) {
      return settled?.status === 'ready'
        ? { status: 'loading', stale: settled.data }
        : { status: 'loading' };
    }
    return settled;
  }, [path, settled]);
}

/**
 * Autocomplete data for the search box: the query is debounced (150 ms) so typing does not
 * send a request per key, and `useApiResource` aborts the request of a query that changed
 * before it answered. While a new query loads, the previous results stay visible.
 */
import { useEffect, useState } from 'react';
import type { SearchHit, SearchResponse } from '../../../../server/api/types.ts';
import { apiPaths, type ApiError } from '../api.ts';
import { useApiResource } from '../use-api-resource.ts';

export const SEARCH_DEBOUNCE_MS = 150;
export const SEARCH_LIMIT = 12;

export interface SearchState {
  /** The query the results are for, trimmed; '' when there is nothing to search. */
  query: string;
  hits: SearchHit[];
  loading: boolean;
  error: ApiError | null;
}

export function useSearch(input: string): SearchState {
  const [debounced, setDebounced] = useState(input.trim());
  useEffect(() => {
    const timer = setTimeout(() => setDebounced(input.trim()), SEARCH_DEBOUNCE_MS);
    return () => clearTimeout(timer);
  }, [input]);

  const query = input.trim() === '' ? '' : debounced;
  const resource = useApiResource<SearchResponse>(
    query === '' ? null : apiPaths.search(query, SEARCH_LIMIT),
  );
  switch (resource.status) {
    case 'idle':
      return { query, hits: [], loading: false, error: null };
    case 'loading':
      return { query, hits: resource.stale?.results ?? [], loading: true, error: null };
    case 'error':
      return { query, hits: [], loading: false, error: resource.error };
    case 'ready':
      return { query, hits: resource.data.results, loading: false, error: null };
  }
}

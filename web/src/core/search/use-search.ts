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
/** The longest query the API accepts (`q`); the input is capped at it too. */
export const SEARCH_MAX_LENGTH = 200;

/**
 * The query to send for what was typed: control characters (a pasted tab) as spaces, trimmed,
 * at most `SEARCH_MAX_LENGTH` characters (the API refuses control characters).
 */
export function searchQuery(input: string): string {
  return input
    .replace(/\p{Cc}+/gu, ' ')
    .trim()
    .slice(0, SEARCH_MAX_LENGTH)
    .trim();
}

/** A message for a failed search that a reader can act on, never the raw API error. */
export function searchErrorMessage(error: ApiError): string {
  if (error.status === 0) return 'Search is unavailable: the server could not be reached.';
  if (error.status >= 400 && error.status < 500) {
    return 'That search could not be run. Try a shorter query or other words.';
  }
  return 'Search is not working right now. Please try again in a moment.';
}

export interface SearchState {
  /** The query the results are for, trimmed; '' when there is nothing to search. */
  query: string;
  hits: SearchHit[];
  loading: boolean;
  error: ApiError | null;
}

export function useSearch(input: string): SearchState {
  const [debounced, setDebounced] = useState(searchQuery(input));
  useEffect(() => {
    const timer = setTimeout(() => setDebounced(searchQuery(input)), SEARCH_DEBOUNCE_MS);
    return () => clearTimeout(timer);
  }, [input]);

  const query = searchQuery(input) === '' ? '' : debounced;
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

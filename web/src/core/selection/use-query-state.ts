/**
 * View state kept in the URL's query beside the selection in its hash (the colour mode, the
 * filters), so a copied link opens the same view; each change pushes a history entry, so back
 * and forward step through it. The URL is the single source of truth, as in use-route.ts.
 */
import { useCallback, useMemo, useSyncExternalStore } from 'react';
import { formatColorMode, parseColorMode, type ColorMode } from '../appearance/color-modes.ts';
import { formatFilters, parseFilters, type MapFilters } from '../map/map-filters.ts';
import { pushUrl, subscribeToLocation } from './use-route.ts';
import { formatViewState, parseViewState, type ViewState } from './view-state.ts';

const getSearch = () => window.location.search;

function useQueryState<T>(
  parse: (search: string) => T,
  format: (search: string, value: T) => string,
): [T, (value: T) => void] {
  const search = useSyncExternalStore(subscribeToLocation, getSearch, () => '');
  const value = useMemo(() => parse(search), [parse, search]);
  const setValue = useCallback(
    (next: T) => {
      pushUrl(format(window.location.search, next), window.location.hash);
    },
    [format],
  );
  return [value, setValue];
}

export function useColorMode(): [ColorMode, (mode: ColorMode) => void] {
  return useQueryState(parseColorMode, formatColorMode);
}

export function useMapFilters(): [MapFilters, (filters: MapFilters) => void] {
  return useQueryState(parseFilters, formatFilters);
}

export function useViewState(): [ViewState, (state: ViewState) => void] {
  return useQueryState(parseViewState, formatViewState);
}

/**
 * View state kept in the URL's query beside the selection in its hash (the colour mode, the
 * filters), so a copied link opens the same view; each change pushes a history entry, so back
 * and forward step through it. The URL is the single source of truth, as in use-route.ts.
 */
import { useCallback, useMemo, useSyncExternalStore } from 'react';
import { formatColorMode, parseColorMode, type ColorMode } from '../appearance/color-modes.ts';
import { formatFilters, parseFilters, type MapFilters } from '../map/map-filters.ts';
import { NAVIGATE_EVENT, subscribeToLocation } from './use-route.ts';

const getSearch = () => window.location.search;

function useQueryState<T>(
  parse: (search: string) => T,
  format: (search: string, value: T) => string,
): [T, (value: T) => void] {
  const search = useSyncExternalStore(subscribeToLocation, getSearch, () => '');
  const value = useMemo(() => parse(search), [parse, search]);
  const setValue = useCallback(
    (next: T) => {
      const { pathname, search: current, hash } = window.location;
      const nextSearch = format(current, next);
      if (nextSearch === current) return;
      window.history.pushState(null, '', pathname + nextSearch + hash);
      window.dispatchEvent(new Event(NAVIGATE_EVENT));
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

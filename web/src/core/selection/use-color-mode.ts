/**
 * The map's colour mode lives in the URL's query (`?color=year`), beside the selection in its
 * hash, so a shared link shows the same colours; changing it pushes a history entry, so back
 * and forward step through colour modes too.
 */
import { useCallback, useMemo, useSyncExternalStore } from 'react';
import { formatColorMode, parseColorMode, type ColorMode } from '../appearance/color-modes.ts';
import { NAVIGATE_EVENT, subscribeToLocation } from './use-route.ts';

const getSearch = () => window.location.search;

export function useColorMode(): [ColorMode, (mode: ColorMode) => void] {
  const search = useSyncExternalStore(subscribeToLocation, getSearch, () => '');
  const mode = useMemo(() => parseColorMode(search), [search]);
  const setMode = useCallback((next: ColorMode) => {
    const { pathname, search: current, hash } = window.location;
    const nextSearch = formatColorMode(current, next);
    if (nextSearch === current) return;
    window.history.pushState(null, '', pathname + nextSearch + hash);
    window.dispatchEvent(new Event(NAVIGATE_EVENT));
  }, []);
  return [mode, setMode];
}

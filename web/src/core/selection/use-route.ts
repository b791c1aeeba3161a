/**
 * The one place the selection meets the browser: reads the route from `location.hash`,
 * follows back/forward (`popstate`) and hand-edited hashes (`hashchange`), and `pushUrl`
 * pushes a history entry (use-navigation.ts says where to). Built on `useSyncExternalStore`, so the URL is the single source of
 * truth and there is no copy of it in React state to drift.
 */
import { useMemo, useSyncExternalStore } from 'react';
import { parseRoute, type Route } from './route.ts';

/** Dispatched after a `pushState`, which browsers do not announce themselves. */
export const NAVIGATE_EVENT = 'topograph:navigate';

/** Calls `onChange` whenever the URL changes (back/forward, a hand-edited hash, a navigation). */
export function subscribeToLocation(onChange: () => void): () => void {
  window.addEventListener('popstate', onChange);
  window.addEventListener('hashchange', onChange);
  window.addEventListener(NAVIGATE_EVENT, onChange);
  return () => {
    window.removeEventListener('popstate', onChange);
    window.removeEventListener('hashchange', onChange);
    window.removeEventListener(NAVIGATE_EVENT, onChange);
  };
}

const getHash = () => window.location.hash;

/**
 * Pushes one history entry with a new query and hash (either may be `''`) and tells the hooks,
 * so a change of view and selection together is one step back.
 */
export function pushUrl(search: string, hash: string): void {
  const { pathname } = window.location;
  if (search === window.location.search && hash === window.location.hash) return;
  window.history.pushState(null, '', pathname + search + hash);
  window.dispatchEvent(new Event(NAVIGATE_EVENT));
}

/** The current route (going elsewhere: use-navigation.ts). */
export function useRoute(): Route {
  const hash = useSyncExternalStore(subscribeToLocation, getHash, () => '');
  return useMemo(() => parseRoute(hash), [hash]);
}

/**
 * The selection lives in the URL hash (`#/topic/<id>`, `#/paper/<id>`, `#/repository/<id>`)
 * so back/forward work and a view can be shared as a link. Ids are URL-encoded as one path
 * segment: paper ids may be DOIs that contain `/`. These are the pure parse/format halves;
 * `use-route.ts` connects them to the browser history.
 */

export type RouteKind = 'topic' | 'paper' | 'repository';

/** What the side panel shows; `null` means nothing is selected. */
export type Route = { kind: RouteKind; id: string } | null;

const KINDS: readonly RouteKind[] = ['topic', 'paper', 'repository'];

/** The hash for a route, `''` for none. */
export function formatRoute(route: Route): string {
  return route === null ? '' : `#/${route.kind}/${encodeURIComponent(route.id)}`;
}

/** Parse a location hash; anything unknown or malformed is "no selection". */
export function parseRoute(hash: string): Route {
  const match = /^#\/([a-z]+)\/(.+)$/.exec(hash);
  if (match === null) return null;
  const kind = KINDS.find((candidate) => candidate === match[1]);
  if (kind === undefined || match[2] === undefined) return null;
  try {
    const id = decodeURIComponent(match[2]);
    return id === '' ? null : { kind, id };
  } catch {
    return null;
  }
}

export function sameRoute(a: Route, b: Route): boolean {
  return a === b || (a !== null && b !== null && a.kind === b.kind && a.id === b.id);
}

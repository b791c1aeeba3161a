/**
 * OpenAlex works (`api.openalex.org/works`) as a paged source: a full-text search, optionally
 * from a publication date, 200 works a page by cursor (each page names the next), in the
 * polite pool when a `mailto` is given, newest first (an update stops at the works it has; a
 * work indexed late with an older publication date waits for a new search). Abstracts come as inverted indexes; the OpenAlex
 * reader (sources/openalex.ts) rebuilds them when the pages are ingested.
 */
import { IngestError } from '../errors.ts';
import {
  fetchPages,
  type FetchResult,
  type PagedFetchOptions,
  type PageRead,
} from './paged-fetch.ts';

export const OPENALEX_API = 'https://api.openalex.org/works';
/** OpenAlex allows 10 requests a second; a fetch keeps well under it. */
export const OPENALEX_INTERVAL_MS = 200;
export const OPENALEX_PAGE_SIZE = 200;

export interface OpenAlexFetchOptions extends PagedFetchOptions {
  query: string;
  /** Works published on or after this day (YYYY-MM-DD). */
  since?: string;
  mailto?: string;
  baseUrl?: string;
  pageSize?: number;
}

interface OpenAlexPage extends PageRead {
  total: number;
  nextCursor: string | undefined;
}

function readPage(body: string, name: string): OpenAlexPage {
  const fail = (reason: string) => new IngestError('openalex-fetch', name, undefined, reason);
  let parsed: unknown;
  try {
    parsed = JSON.parse(body);
  } catch (error) {
    throw fail(`not JSON: ${error instanceof Error ? error.message : String(error)}`);
  }
  const { meta, results } = (parsed ?? {}) as { meta?: Record<string, unknown>; results?: unknown };
  if (!Array.isArray(results) || typeof meta !== 'object' || meta === null) {
    throw fail('not an OpenAlex list response (no "meta" and "results")');
  }
  const cursor = meta.next_cursor;
  return {
    ids: results.flatMap((work) =>
      typeof (work as { id?: unknown })?.id === 'string' ? [(work as { id: string }).id] : [],
    ),
    entries: results.length,
    total: typeof meta.count === 'number' ? meta.count : results.length,
    nextCursor: typeof cursor === 'string' && cursor !== '' ? cursor : undefined,
  };
}

export function fetchOpenAlex(options: OpenAlexFetchOptions): Promise<FetchResult> {
  const pageSize = options.pageSize ?? OPENALEX_PAGE_SIZE;
  const baseUrl = options.baseUrl ?? OPENALEX_API;
  const ref = (index: number, cursor: string, remaining: number) => {
    const params = new URLSearchParams({ search: options.query });
    if (options.since) params.set('filter', `from_publication_date:${options.since}`);
    // Newest first, so an update can stop at the works it has.
    params.set('sort', 'publication_date:desc');
    params.set('per-page', String(Math.min(pageSize, remaining)));
    params.set('cursor', cursor);
    if (options.mailto) params.set('mailto', options.mailto);
    return { key: String(index).padStart(5, '0'), url: `${baseUrl}?${params}` };
  };
  return fetchPages<OpenAlexPage>(
    {
      name: 'OpenAlex',
      folder: 'openalex',
      extension: '.json',
      cacheKey: { query: options.query, since: options.since ?? null, pageSize },
      first: (remaining) => ref(0, '*', remaining),
      read: readPage,
      next: (current, page, remaining) =>
        page.entries > 0 && page.nextCursor !== undefined
          ? ref(Number(current.key) + 1, page.nextCursor, remaining)
          : undefined,
    },
    options,
  );
}

/**
 * `npm run ingest -- --from <source> --query …`: fetches papers into the cache folder and says
 * what it did; the ingest then reads the fetched pages like saved files. Only arXiv so far.
 */
import { readFileSync } from 'node:fs';
import type { Progress } from '../progress.ts';
import { ARXIV_API, ARXIV_INTERVAL_MS, fetchArxiv, type FetchResult } from './arxiv.ts';
import { createPoliteClient, FetchError } from './polite-client.ts';

export const FETCH_SOURCES = ['arxiv'] as const;
/** Sources the fetch will know, named so a user learns they are not there yet. */
const PLANNED_SOURCES = ['openalex', 'hf'];
export const DEFAULT_FETCH_MAX = 1_000;
export const DEFAULT_CACHE_DIR = 'data/fetched';

export interface FetchRequest {
  from: string;
  query?: string;
  max: number;
  cacheDir: string;
}

export interface FetchEnv {
  /** Another arXiv API endpoint (a mirror, or a replay server in tests). */
  TOPOGRAPH_ARXIV_URL?: string;
  /** Added to the User-Agent, so an API can reach whoever runs the fetch. */
  TOPOGRAPH_MAILTO?: string;
}

/** A fetch that cannot start: a wrong option. */
export class FetchOptionError extends Error {}

const VERSION = (
  JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as {
    version: string;
  }
).version;

export function userAgent(env: FetchEnv): string {
  const mailto = env.TOPOGRAPH_MAILTO?.trim();
  return `Topograph/${VERSION} (paper-map ingest${mailto ? `; mailto:${mailto}` : ''})`;
}

export function checkFetchRequest(request: FetchRequest): void {
  if (PLANNED_SOURCES.includes(request.from)) {
    throw new FetchOptionError(
      `ingest: --from ${request.from} is not supported yet (only ${FETCH_SOURCES.join(', ')}); export the papers to a file and ingest that`,
    );
  }
  if (!(FETCH_SOURCES as readonly string[]).includes(request.from)) {
    throw new FetchOptionError(
      `ingest: --from must be one of ${FETCH_SOURCES.join(', ')}, not "${request.from}"`,
    );
  }
  if (!request.query?.trim()) {
    throw new FetchOptionError(
      'ingest: --from arxiv needs --query, an arXiv search such as \'all:"causal inference" AND cat:cs.LG\'',
    );
  }
  if (!Number.isInteger(request.max) || request.max < 1) {
    throw new FetchOptionError('ingest: --max must be a whole number above 0');
  }
}

/** Fetches; throws `FetchError` (pages fetched before it stay in the cache). */
export async function fetchSource(
  request: FetchRequest,
  env: FetchEnv,
  progress: Progress,
): Promise<FetchResult> {
  const client = createPoliteClient({
    userAgent: userAgent(env),
    minIntervalMs: ARXIV_INTERVAL_MS,
    // The rate limit's waits show on the progress line; a retry's is worth a line of its own.
    onWait: (ms, reason) => {
      if (reason !== 'rate limit') {
        progress.log(`waiting ${(ms / 1000).toFixed(1)} s before asking again (${reason})`);
      }
    },
  });
  return fetchArxiv({
    query: request.query!,
    max: request.max,
    cacheDir: request.cacheDir,
    client,
    baseUrl: env.TOPOGRAPH_ARXIV_URL?.trim() || ARXIV_API,
    progress,
  });
}

export function describeFetch(result: FetchResult, request: FetchRequest): string[] {
  const pages = result.fetchedPages + result.cachedPages;
  const lines = [
    `fetched:      ${result.papers} papers of ${result.total} from arXiv in ${pages} page${pages === 1 ? '' : 's'}` +
      ` (${result.fetchedPages} asked now, ${result.cachedPages} from ${request.cacheDir})`,
  ];
  if (result.limitReached) {
    lines.push(
      `note: stopped at --max ${request.max}; ${result.total - result.papers} more results`,
    );
  }
  if (result.total === 0) lines.push(`warning: arXiv has no result for ${request.query}`);
  for (const warning of result.warnings) lines.push(`warning: ${warning}`);
  return lines;
}

export { FetchError };

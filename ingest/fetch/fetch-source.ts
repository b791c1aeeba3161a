/**
 * `npm run ingest -- --from <source> …` and Hugging Face Papers page URLs given as paths:
 * the options checked, the polite client made for the source, the fetch run into the cache
 * folder, and what it did in a few lines. The ingest then reads the fetched pages as files.
 */
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Progress } from '../progress.ts';
import { ARXIV_API, ARXIV_INTERVAL_MS, fetchArxiv } from './arxiv.ts';
import { fetchHfDailyPapers, HF_API, HF_INTERVAL_MS, hfListingOf, type HfListing } from './hf.ts';
import { fetchOpenAlex, OPENALEX_API, OPENALEX_INTERVAL_MS } from './openalex.ts';
import type { FetchResult, PagedFetchOptions } from './paged-fetch.ts';
import { createPoliteClient, FetchError } from './polite-client.ts';

export const FETCH_SOURCES = ['arxiv', 'openalex', 'hf'] as const;
export type FetchSourceName = (typeof FETCH_SOURCES)[number];
export const DEFAULT_FETCH_MAX = 1_000;
export const DEFAULT_CACHE_DIR = 'data/fetched';

/** What the command was asked to fetch. */
export interface FetchOptions {
  from?: string;
  query?: string;
  since?: string;
  date?: string;
  max: number;
  cache: string;
}

/** A fetch checked and ready to run. */
export type FetchRequest = { max: number; cacheDir: string } & (
  | { source: 'arxiv'; query: string }
  | { source: 'openalex'; query: string; since?: string }
  | { source: 'hf'; listing: HfListing; label: string }
);

export interface FetchEnv {
  /** Other endpoints (a mirror, or a replay server in tests). */
  TOPOGRAPH_ARXIV_URL?: string;
  TOPOGRAPH_OPENALEX_URL?: string;
  TOPOGRAPH_HF_URL?: string;
  /** Sent with every fetch (User-Agent; OpenAlex's polite pool), so an API can reach you. */
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

const DAY = /^\d{4}-\d{2}-\d{2}$/;
const today = () => new Date().toISOString().slice(0, 10);

function checkDay(option: string, value: string | undefined): string | undefined {
  if (value === undefined) return undefined;
  if (!DAY.test(value) || Number.isNaN(Date.parse(`${value}T00:00:00Z`))) {
    throw new FetchOptionError(`ingest: ${option} must be a day as YYYY-MM-DD, not "${value}"`);
  }
  return value;
}

/** The fetch `--from` and its options ask for; throws `FetchOptionError` when they are wrong. */
export function fetchRequest(options: FetchOptions): FetchRequest {
  const { from } = options;
  if (!(FETCH_SOURCES as readonly string[]).includes(from ?? '')) {
    throw new FetchOptionError(
      `ingest: --from must be one of ${FETCH_SOURCES.join(', ')}, not "${from}"`,
    );
  }
  if (!Number.isInteger(options.max) || options.max < 1) {
    throw new FetchOptionError('ingest: --max must be a whole number above 0');
  }
  const base = { max: options.max, cacheDir: options.cache };
  const since = checkDay('--since', options.since);
  const date = checkDay('--date', options.date);
  if (from === 'hf') {
    if ((since === undefined) === (date === undefined)) {
      throw new FetchOptionError('ingest: --from hf needs --date YYYY-MM-DD or --since YYYY-MM-DD');
    }
    const first = (date ?? since)!;
    if (first > today()) throw new FetchOptionError(`ingest: ${first} is in the future`);
    const listing: HfListing = { kind: 'days', from: first, to: date ?? today() };
    return { ...base, source: 'hf', listing, label: date ? date : `${since} to today` };
  }
  const query = options.query?.trim();
  if (!query) {
    throw new FetchOptionError(
      from === 'arxiv'
        ? 'ingest: --from arxiv needs --query, an arXiv search such as \'all:"causal inference" AND cat:cs.LG\''
        : 'ingest: --from openalex needs --query, words to search works for',
    );
  }
  if (date !== undefined) throw new FetchOptionError('ingest: --date goes with --from hf only');
  if (from === 'arxiv') {
    if (since !== undefined) {
      throw new FetchOptionError(
        'ingest: --since goes with --from openalex or hf; arXiv sends the newest first, use --max',
      );
    }
    return { ...base, source: 'arxiv', query };
  }
  return { ...base, source: 'openalex', query, ...(since ? { since } : {}) };
}

/** The fetch a Hugging Face Papers page URL given as a path asks for, if it is one. */
export function fetchRequestOfUrl(url: string, options: FetchOptions): FetchRequest | undefined {
  const listing = hfListingOf(url, today());
  if (!listing) return undefined;
  return { max: options.max, cacheDir: options.cache, source: 'hf', listing, label: url };
}

const NAMES: Record<FetchSourceName, string> = {
  arxiv: 'arXiv',
  openalex: 'OpenAlex',
  hf: 'Hugging Face Daily Papers',
};

/**
 * Fetches; throws `FetchError` (pages fetched before it stay in the cache). Once done, the
 * request is kept in its folder (`request.json`, with the day it ran) for `--update`.
 */
export async function fetchSource(
  request: FetchRequest,
  env: FetchEnv,
  progress: Progress,
  update?: PagedFetchOptions['update'],
): Promise<FetchResult> {
  const result = await fetchFrom(request, env, progress, update);
  const stored: StoredRequest = { request, fetchedOn: today() };
  writeFileSync(join(result.folder, 'request.json'), JSON.stringify(stored, null, 2) + '\n');
  return result;
}

/** A fetch as `request.json` keeps it. */
interface StoredRequest {
  /** Its `cacheDir` is replaced by the folder it is found in. */
  request: FetchRequest;
  /** The day (UTC) it last ran. */
  fetchedOn: string;
}

/**
 * The fetches `--update` runs: each query fetched into `cacheDir` before, asked again for what
 * is new since (arXiv and OpenAlex: the newest first, down to a paper the earlier pages hold;
 * Hugging Face: each day from the last one fetched to today).
 */
export function storedFetches(
  cacheDir: string,
): { request: FetchRequest; update?: PagedFetchOptions['update'] }[] {
  const found: { request: FetchRequest; update?: PagedFetchOptions['update'] }[] = [];
  const stamp = new Date().toISOString().replace(/[-:]|\.\d+/g, '');
  for (const source of FETCH_SOURCES) {
    const root = join(cacheDir, source);
    if (!existsSync(root)) continue;
    for (const name of readdirSync(root).sort()) {
      const path = join(root, name, 'request.json');
      if (!existsSync(path)) continue;
      const stored = JSON.parse(readFileSync(path, 'utf8')) as StoredRequest;
      const request: FetchRequest = { ...stored.request, cacheDir };
      if (request.source === 'hf') {
        if (request.listing.kind !== 'days') continue;
        found.push({
          request: {
            ...request,
            listing: { kind: 'days', from: stored.fetchedOn, to: today() },
            label: `${stored.fetchedOn} to today`,
          },
        });
      } else {
        found.push({ request, update: { stamp } });
      }
    }
  }
  return found;
}

function fetchFrom(
  request: FetchRequest,
  env: FetchEnv,
  progress: Progress,
  update: PagedFetchOptions['update'],
): Promise<FetchResult> {
  const interval = { arxiv: ARXIV_INTERVAL_MS, openalex: OPENALEX_INTERVAL_MS, hf: HF_INTERVAL_MS };
  // The progress line says when the fetch waits for the rate limit; a retry's wait is worth a
  // line of its own.
  let done = 0;
  const shown: Progress = {
    ...progress,
    update: (count, detail) => {
      done = count;
      progress.update(count, detail);
    },
  };
  const client = createPoliteClient({
    userAgent: userAgent(env),
    minIntervalMs: interval[request.source],
    onWait: (ms, reason) => {
      const seconds = (ms / 1000).toFixed(1);
      if (reason === 'rate limit') progress.update(done, `waiting ${seconds} s (rate limit)`);
      else progress.log(`waiting ${seconds} s before asking again (${reason})`);
    },
  });
  const common = { max: request.max, cacheDir: request.cacheDir, client, progress: shown, update };
  const endpoint = (value: string | undefined, fallback: string) => value?.trim() || fallback;
  switch (request.source) {
    case 'arxiv':
      return fetchArxiv({
        ...common,
        query: request.query,
        baseUrl: endpoint(env.TOPOGRAPH_ARXIV_URL, ARXIV_API),
      });
    case 'openalex':
      return fetchOpenAlex({
        ...common,
        query: request.query,
        since: request.since,
        mailto: env.TOPOGRAPH_MAILTO?.trim() || undefined,
        baseUrl: endpoint(env.TOPOGRAPH_OPENALEX_URL, OPENALEX_API),
      });
    case 'hf':
      return fetchHfDailyPapers({
        ...common,
        listing: request.listing,
        baseUrl: endpoint(env.TOPOGRAPH_HF_URL, HF_API),
      });
  }
}

export function describeFetch(result: FetchResult, request: FetchRequest): string[] {
  const pages = result.fetchedPages + result.cachedPages;
  const what = request.source === 'hf' ? request.label : request.query;
  const lines = [
    `fetched:      ${result.papers} papers of ${result.total} from ${NAMES[request.source]} in ` +
      `${pages} page${pages === 1 ? '' : 's'} (${result.fetchedPages} asked now, ` +
      `${result.cachedPages} from ${request.cacheDir})`,
  ];
  if (result.limitReached) {
    const more =
      result.total > result.papers ? `; ${result.total - result.papers} more results` : '';
    lines.push(`note: stopped at --max ${request.max}${more}`);
  }
  if (result.papers === 0 && result.warnings.length === 0) {
    lines.push(`warning: ${NAMES[request.source]} has no paper for ${what}`);
  }
  for (const warning of result.warnings) lines.push(`warning: ${warning}`);
  return lines;
}

export { FetchError };

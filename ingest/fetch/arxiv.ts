/**
 * Fetches the papers of an arXiv API search (`export.arxiv.org/api/query`), newest first, page
 * by page, into a cache folder of raw Atom pages that the ingest then reads like any saved
 * feed. A page is written only once it parsed, under a name given by where it starts, so an
 * interrupted fetch resumes at the first page it lacks and a re-run needs no network.
 */
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { IngestError } from '../errors.ts';
import { SILENT_PROGRESS, type Progress } from '../progress.ts';
import { parseArxivAtom } from '../sources/arxiv-atom.ts';
import { FetchError, type PoliteClient } from './polite-client.ts';

export const ARXIV_API = 'https://export.arxiv.org/api/query';
/** arXiv's terms of use: no more than one request every three seconds. */
export const ARXIV_INTERVAL_MS = 3_000;
/** Entries asked per request (the API allows up to 2,000; smaller pages fail less). */
export const ARXIV_PAGE_SIZE = 200;
/** Times an empty page inside the results is asked again (the API returns one now and then). */
const EMPTY_PAGE_RETRIES = 2;
/** Times a page that does not parse is asked again. */
const MALFORMED_RETRIES = 1;

export interface ArxivFetchOptions {
  /** An arXiv search query: `all:"causal inference" AND cat:cs.LG`. */
  query: string;
  /** Papers to fetch at most. */
  max: number;
  /** Folder of the raw pages (a sub-folder per query). */
  cacheDir: string;
  client: PoliteClient;
  baseUrl?: string;
  pageSize?: number;
  progress?: Progress;
}

export interface FetchResult {
  /** The cached pages, in order: the files to ingest. */
  files: string[];
  /** Entries in them. */
  papers: number;
  /** Results the source says the query has. */
  total: number;
  /** Pages fetched now, and pages found in the cache. */
  fetchedPages: number;
  cachedPages: number;
  /** Whether `max` stopped the fetch before the results ran out. */
  limitReached: boolean;
  /** What the user should know: an empty page where results were due. */
  warnings: string[];
}

/** The query's own folder: readable, and unique to the query and page size. */
export function queryFolder(cacheDir: string, source: string, key: object): string {
  const text = JSON.stringify(key);
  const slug =
    (text.toLowerCase().match(/[a-z0-9]+/g) ?? []).join('-').slice(0, 48).replace(/-$/, '') ||
    'query';
  const hash = createHash('sha256').update(text).digest('hex').slice(0, 10);
  return join(cacheDir, source, `${slug}-${hash}`);
}

/** What a page holds: its entries, and the result count it announces. */
async function readPage(body: string, name: string): Promise<{ entries: number; total: number }> {
  const lines = (async function* () {
    yield { line: 1, text: body };
  })();
  let entries = 0;
  // Entries the parser skips (an API error entry) still count as read: the page was whole.
  for await (const item of parseArxivAtom(name, lines)) {
    if (item instanceof IngestError && /arXiv API error/i.test(item.reason)) {
      throw new IngestError('arxiv-fetch', name, item.line, item.reason);
    }
    entries += 1;
  }
  const total = /totalResults[^>]*>\s*(\d+)\s*</.exec(body);
  if (!total) {
    throw new IngestError('arxiv-fetch', name, undefined, 'no opensearch:totalResults in the feed');
  }
  return { entries, total: Number(total[1]) };
}

export async function fetchArxiv(options: ArxivFetchOptions): Promise<FetchResult> {
  const { client, max } = options;
  const pageSize = options.pageSize ?? ARXIV_PAGE_SIZE;
  const baseUrl = options.baseUrl ?? ARXIV_API;
  const progress = options.progress ?? SILENT_PROGRESS;
  const folder = queryFolder(options.cacheDir, 'arxiv', { query: options.query, pageSize });
  mkdirSync(folder, { recursive: true });
  writeFileSync(
    join(folder, 'query.json'),
    JSON.stringify({ source: 'arxiv', query: options.query, pageSize }, null, 2) + '\n',
  );

  const result: FetchResult = {
    files: [],
    papers: 0,
    total: 0,
    fetchedPages: 0,
    cachedPages: 0,
    limitReached: false,
    warnings: [],
  };
  progress.start('fetching from arXiv', max, 'papers');
  let start = 0;
  let total: number | undefined;
  try {
    while (result.papers < max && (total === undefined || start < total)) {
      const file = join(folder, `page-${String(start).padStart(7, '0')}.xml`);
      let page: { entries: number; total: number };
      if (existsSync(file)) {
        page = await readPage(readFileSync(file, 'utf8'), file);
        result.cachedPages += 1;
      } else {
        const url =
          `${baseUrl}?search_query=${encodeURIComponent(options.query)}` +
          `&start=${start}&max_results=${Math.min(pageSize, max - result.papers)}` +
          '&sortBy=submittedDate&sortOrder=descending';
        page = await fetchPage(client, url, file, total !== undefined, progress, result.papers);
        result.fetchedPages += 1;
      }
      total = page.total;
      if (page.entries === 0) {
        if (start < total) {
          result.warnings.push(
            `arXiv sent an empty page at result ${start} of ${total}; stopped there (run again to try the rest)`,
          );
        }
        break;
      }
      result.files.push(file);
      result.papers += page.entries;
      start += page.entries;
      progress.update(Math.min(result.papers, max), `${result.papers} of ${total}`);
    }
  } finally {
    progress.stop();
  }
  result.total = total ?? 0;
  result.limitReached = result.papers >= max && start < result.total;
  return result;
}

/**
 * One page: fetched, parsed, and written to `file` (whole or not at all). An empty page where
 * results were due, or one that does not parse, is asked again a few times first.
 */
async function fetchPage(
  client: PoliteClient,
  url: string,
  file: string,
  resultsDue: boolean,
  progress: Progress,
  done: number,
): Promise<{ entries: number; total: number }> {
  for (let empty = 0, malformed = 0; ;) {
    progress.update(done, `asking ${new URL(url).host}`);
    const { body } = await client.get(url);
    let page: { entries: number; total: number };
    try {
      page = await readPage(body, url);
    } catch (error) {
      if (!(error instanceof IngestError)) throw error;
      if (malformed < MALFORMED_RETRIES) {
        malformed += 1;
        continue;
      }
      throw new FetchError(url, `malformed response: ${error.reason}`);
    }
    if (page.entries === 0 && (resultsDue || page.total > 0) && empty < EMPTY_PAGE_RETRIES) {
      empty += 1;
      continue;
    }
    // The end of the results is not kept: a later run asks again, and may find more.
    if (page.entries === 0) return page;
    const partial = `${file}.partial`;
    writeFileSync(partial, body);
    renameSync(partial, file);
    return page;
  }
}

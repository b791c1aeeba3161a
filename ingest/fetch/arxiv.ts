/**
 * The arXiv API (`export.arxiv.org/api/query`) as a paged source: a search, newest first,
 * pages of Atom by `start` and `max_results`, one request every three seconds as arXiv asks.
 */
import { IngestError } from '../errors.ts';
import { parseArxivAtom } from '../sources/arxiv-atom.ts';
import {
  fetchPages,
  type FetchResult,
  type PagedFetchOptions,
  type PageRead,
} from './paged-fetch.ts';

export const ARXIV_API = 'https://export.arxiv.org/api/query';
/** arXiv's terms of use: no more than one request every three seconds. */
export const ARXIV_INTERVAL_MS = 3_000;
/** Entries asked per request (the API allows up to 2,000; smaller pages fail less). */
export const ARXIV_PAGE_SIZE = 200;

export interface ArxivFetchOptions extends PagedFetchOptions {
  /** An arXiv search query: `all:"causal inference" AND cat:cs.LG`. */
  query: string;
  baseUrl?: string;
  pageSize?: number;
}

interface ArxivPage extends PageRead {
  total: number;
}

/** A page's entries and the result count it announces; an API error feed is malformed. */
async function readPage(body: string, name: string): Promise<ArxivPage> {
  const lines = (async function* () {
    yield { line: 1, text: body };
  })();
  let entries = 0;
  // An entry the parser skips still counts: the page was whole.
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
  // Newest first: an update stops at the first page holding a paper it has.
  const ids = [...body.matchAll(/<entry\b[\s\S]*?<id>\s*([^<\s]+)\s*<\/id>/g)].map(([, id]) =>
    id!.replace(/v\d+$/, ''),
  );
  return { entries, total: Number(total[1]), ids };
}

export function fetchArxiv(options: ArxivFetchOptions): Promise<FetchResult> {
  const pageSize = options.pageSize ?? ARXIV_PAGE_SIZE;
  const baseUrl = options.baseUrl ?? ARXIV_API;
  const ref = (start: number, remaining: number) => ({
    key: String(start).padStart(7, '0'),
    url:
      `${baseUrl}?search_query=${encodeURIComponent(options.query)}` +
      `&start=${start}&max_results=${Math.min(pageSize, remaining)}` +
      '&sortBy=submittedDate&sortOrder=descending',
  });
  return fetchPages<ArxivPage>(
    {
      name: 'arXiv',
      folder: 'arxiv',
      extension: '.xml',
      cacheKey: { query: options.query, pageSize },
      first: (remaining) => ref(0, remaining),
      read: readPage,
      next: (current, page, remaining) => {
        const start = Number(current.key) + page.entries;
        return page.entries > 0 && start < page.total ? ref(start, remaining) : undefined;
      },
      // The API sends an empty page now and then where results are due.
      suspicious: (current, page) =>
        page.entries === 0 && Number(current.key) < page.total
          ? `arXiv sent an empty page at result ${Number(current.key)} of ${page.total}`
          : undefined,
    },
    options,
  );
}

/**
 * Fetches an API's results page by page into a cache folder of raw responses that the ingest
 * then reads like saved files. A page is written only once it parses, under a name given by
 * where it starts, so an interrupted fetch resumes at the first page it lacks and a re-run
 * needs no network. Each source (arxiv.ts, openalex.ts, hf.ts) says how to ask for a page,
 * read it, and find the next.
 */
import { createHash } from 'node:crypto';
import {
  existsSync,
  mkdirSync,
  readdirSync,
  readFileSync,
  renameSync,
  writeFileSync,
} from 'node:fs';
import { join } from 'node:path';
import { IngestError } from '../errors.ts';
import { SILENT_PROGRESS, type Progress } from '../progress.ts';
import { FetchError, type PoliteClient } from './polite-client.ts';

/** One page to ask for: where it starts (its file name) and its URL. */
export interface PageRef {
  key: string;
  url: string;
}

/** What a page holds. */
export interface PageRead {
  entries: number;
  /** Results the source says the query has, when it says. */
  total?: number;
  /** Ids of its papers, where a source sends the newest first (updates stop at known ones). */
  ids?: string[];
}

export interface PagedSource<P extends PageRead = PageRead> {
  /** As users know it: "arXiv". */
  name: string;
  /** Sub-folder of the cache, and file extension of its pages ("arxiv", ".xml"). */
  folder: string;
  extension: string;
  /** What makes two fetches the same (the folder is named after it). */
  cacheKey: object;
  first(remaining: number): PageRef;
  /** Reads a page; throws `IngestError` when it is malformed. `name` names it in errors. */
  read(body: string, name: string): Promise<P> | P;
  /** The page after `ref`, or undefined at the end of the results. */
  next(ref: PageRef, page: P, remaining: number): PageRef | undefined;
  /** A page the source sometimes sends wrongly (arXiv: empty inside the results): ask again. */
  suspicious?(ref: PageRef, page: P): string | undefined;
  /** Whether a page may be kept (a day's listing that is still growing may not). */
  keep?(ref: PageRef, page: P): boolean;
}

export interface FetchResult {
  /** The query's cache folder. */
  folder: string;
  /** The cached pages, in order: the files to ingest. */
  files: string[];
  /** Entries in them. */
  papers: number;
  /** Results the source says the query has (the papers fetched where it does not say). */
  total: number;
  /** Pages fetched now, and pages found in the cache. */
  fetchedPages: number;
  cachedPages: number;
  /** Whether `max` stopped the fetch before the results ran out. */
  limitReached: boolean;
  /** What the user should know: a page that looked wrong, where the fetch stopped. */
  warnings: string[];
}

export interface PagedFetchOptions {
  /** Papers to fetch at most. */
  max: number;
  /** Folder of the raw pages (a sub-folder per source and query). */
  cacheDir: string;
  client: PoliteClient;
  progress?: Progress;
  /**
   * An update of an earlier fetch of the same query: its pages go to a folder of their own
   * (`update-<stamp>`), and it stops at the first page holding a paper the earlier pages hold.
   */
  update?: { stamp: string };
}

/** Times a suspicious page is asked again, and a malformed one. */
const SUSPICIOUS_RETRIES = 2;
const MALFORMED_RETRIES = 1;

/** The query's own folder: readable, and unique to what the source says makes it. */
export function queryFolder(cacheDir: string, source: string, key: object): string {
  const text = JSON.stringify(key);
  const slug =
    (text.toLowerCase().match(/[a-z0-9]+/g) ?? []).join('-').slice(0, 48).replace(/-$/, '') ||
    'query';
  const hash = createHash('sha256').update(text).digest('hex').slice(0, 10);
  return join(cacheDir, source, `${slug}-${hash}`);
}

export async function fetchPages<P extends PageRead>(
  source: PagedSource<P>,
  options: PagedFetchOptions,
): Promise<FetchResult> {
  const { client, max } = options;
  const progress = options.progress ?? SILENT_PROGRESS;
  const folder = queryFolder(options.cacheDir, source.folder, source.cacheKey);
  // An update knows the papers of every page fetched before, read as the source reads them.
  const known = options.update && existsSync(folder) ? await knownIds(source, folder) : undefined;
  const pages = options.update ? join(folder, `update-${options.update.stamp}`) : folder;
  mkdirSync(pages, { recursive: true });
  const result: FetchResult = {
    folder,
    files: [],
    papers: 0,
    total: 0,
    fetchedPages: 0,
    cachedPages: 0,
    limitReached: false,
    warnings: [],
  };
  progress.start(`fetching from ${source.name}`, max, 'papers');
  let ref: PageRef | undefined = source.first(max);
  let last: P | undefined;
  try {
    while (ref !== undefined && result.papers < max) {
      const file = join(pages, `page-${ref.key}${source.extension}`);
      let page: P;
      if (existsSync(file)) {
        page = await source.read(readFileSync(file, 'utf8'), file);
        result.cachedPages += 1;
        if (page.entries > 0) result.files.push(file);
      } else {
        progress.update(result.papers, `asking ${new URL(ref.url).host}`);
        const fetched = await fetchPage(source, client, ref);
        page = fetched.page;
        result.fetchedPages += 1;
        const warning = source.suspicious?.(ref, page);
        if (warning) {
          result.warnings.push(`${warning}; stopped there (run again to try the rest)`);
          last = page;
          break;
        }
        if (page.entries > 0) {
          // A page that may still change is kept apart, and asked for again next time.
          const target =
            (source.keep?.(ref, page) ?? true)
              ? file
              : join(pages, `latest-${ref.key}${source.extension}`);
          writeFileSync(`${target}.partial`, fetched.body);
          renameSync(`${target}.partial`, target);
          result.files.push(target);
        }
      }
      last = page;
      result.papers += page.entries;
      // An update has reached what the last fetch had: the rest is known.
      if (known && page.ids?.some((id) => known.has(id))) {
        ref = undefined;
        break;
      }
      progress.update(
        Math.min(result.papers, max),
        page.total === undefined ? `${result.papers}` : `${result.papers} of ${page.total}`,
      );
      ref = source.next(ref, page, max - result.papers);
    }
  } catch (error) {
    progress.stop('stopped');
    throw error;
  }
  progress.stop();
  result.total = last?.total ?? result.papers;
  result.limitReached = result.papers >= max && ref !== undefined;
  return result;
}

/** One page, asked again while it is malformed or suspicious (a few times). */
async function fetchPage<P extends PageRead>(
  source: PagedSource<P>,
  client: PoliteClient,
  ref: PageRef,
): Promise<{ page: P; body: string }> {
  for (let suspicious = 0, malformed = 0; ;) {
    const { body } = await client.get(ref.url);
    let page: P;
    try {
      page = await source.read(body, ref.url);
    } catch (error) {
      if (!(error instanceof IngestError)) throw error;
      if (malformed < MALFORMED_RETRIES) {
        malformed += 1;
        continue;
      }
      throw new FetchError(ref.url, `malformed response: ${error.reason}`, 200);
    }
    if (source.suspicious?.(ref, page) && suspicious < SUSPICIOUS_RETRIES) {
      suspicious += 1;
      continue;
    }
    return { page, body };
  }
}

/** The ids of the papers in a query's pages, updates included. */
async function knownIds<P extends PageRead>(source: PagedSource<P>, folder: string) {
  const ids = new Set<string>();
  for (const entry of readdirSync(folder, { recursive: true, withFileTypes: true })) {
    if (!entry.isFile() || !/^(page|latest)-.*\.\w+$/.test(entry.name)) continue;
    const path = join(entry.parentPath, entry.name);
    const page = await source.read(readFileSync(path, 'utf8'), path);
    for (const id of page.ids ?? []) ids.add(id);
  }
  return ids;
}

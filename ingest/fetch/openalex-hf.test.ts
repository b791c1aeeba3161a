/**
 * The OpenAlex and Hugging Face Daily Papers fetchers against a real HTTP server on 127.0.0.1
 * replaying recorded responses (sources/fixtures/openalex, sources/fixtures/hf: three works,
 * three papers), cut into pages. Nothing here touches the internet.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { replaySandbox } from '../../test/support/replay-sandbox.ts';
import { startReplayServer, type Reply } from '../../test/support/replay-server.ts';
import { createSqliteStore } from '../../server/store/sqlite/sqlite-store.ts';
import { ingest } from '../pipeline.ts';
import { fetchHfDailyPapers, hfListingOf } from './hf.ts';
import { fetchOpenAlex } from './openalex.ts';
import { createPoliteClient, FetchError } from './polite-client.ts';

const fixture = (path: string) =>
  JSON.parse(readFileSync(join(import.meta.dirname, '../sources/fixtures', path), 'utf8')) as {
    meta: Record<string, unknown>;
    results: unknown[];
  } & unknown[];
const WORKS = fixture('openalex/openalex_works_list_response.json');
const DAILY = fixture('hf/hf_daily_papers_response.json') as unknown[];

const sandbox = replaySandbox();

const client = () =>
  createPoliteClient({ userAgent: 'topograph-test', minIntervalMs: 0, backoffMs: 10, retries: 2 });

async function ingested(files: string[]) {
  const store = createSqliteStore(join(sandbox.dir, 'store.db'));
  try {
    const summary = await ingest(files, store);
    return { summary, stats: await store.stats() };
  } finally {
    await store.close();
  }
}

/** OpenAlex's cursor paging over the recorded works: one work a page, cursors "c1", "c2". */
function openAlex({ url }: { url: URL }): Reply {
  const cursor = url.searchParams.get('cursor');
  const index = cursor === '*' ? 0 : Number(cursor?.slice(1));
  const results = WORKS.results.slice(index, index + 1);
  const next = index + 1 < WORKS.results.length ? `c${index + 1}` : null;
  return {
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({
      meta: { ...WORKS.meta, count: WORKS.results.length, next_cursor: next },
      results,
    }),
  };
}

describe('fetching from OpenAlex', () => {
  it('follows the cursors, asks in the polite pool, and the works ingest with their abstracts', async () => {
    sandbox.server = await startReplayServer(openAlex);
    const options = {
      query: 'word vectors',
      since: '2010-01-01',
      mailto: 'maps@example.org',
      max: 10,
      cacheDir: join(sandbox.dir, 'cache'),
      client: client(),
      baseUrl: `${sandbox.server.origin}/works`,
      pageSize: 1,
    };
    const result = await fetchOpenAlex(options);
    expect(result).toMatchObject({ papers: 3, total: 3, fetchedPages: 3, limitReached: false });
    const asked = sandbox.server.requests.map(({ url }) => Object.fromEntries(url.searchParams));
    expect(asked.map((params) => params.cursor)).toEqual(['*', 'c1', 'c2']);
    expect(asked[0]).toMatchObject({
      search: 'word vectors',
      filter: 'from_publication_date:2010-01-01',
      'per-page': '1',
      mailto: 'maps@example.org',
    });
    const { summary, stats } = await ingested(result.files);
    expect(summary.paperCounts.new).toBe(3);
    expect(summary.withoutAbstractCount).toBe(0);
    expect(stats.paperCount).toBe(3);

    // Again, from the cache: each page names the next cursor, no request is made.
    const again = await fetchOpenAlex({ ...options, client: client() });
    expect(again).toMatchObject({ papers: 3, cachedPages: 3, fetchedPages: 0 });
    expect(sandbox.server.requests).toHaveLength(3);
  });

  it('names a response that is not an OpenAlex list, after asking twice', async () => {
    sandbox.server = await startReplayServer(() => ({
      body: '{"error": "Invalid query parameters"',
    }));
    const error = await fetchOpenAlex({
      query: 'x',
      max: 5,
      cacheDir: join(sandbox.dir, 'cache'),
      client: client(),
      baseUrl: `${sandbox.server.origin}/works`,
    }).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(FetchError);
    expect((error as Error).message).toMatch(/malformed response: not JSON/);
    expect(sandbox.server.requests).toHaveLength(2);
  });
});

describe('fetching from Hugging Face Daily Papers', () => {
  /** Each day's listing: one of the three recorded papers a day from 2026-08-19. */
  const daily = ({ url }: { url: URL }): Reply => {
    const day = Number(url.searchParams.get('date')?.slice(-2)) - 19;
    return {
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(DAILY.slice(day, day + 1)),
    };
  };

  it('asks for each day since the first, keeps past days and asks again for today', async () => {
    sandbox.server = await startReplayServer(daily);
    const options = {
      listing: { kind: 'days' as const, from: '2026-08-19', to: '2026-08-21' },
      today: '2026-08-21',
      max: 10,
      cacheDir: join(sandbox.dir, 'cache'),
      client: client(),
      baseUrl: `${sandbox.server.origin}/api/daily_papers`,
    };
    const result = await fetchHfDailyPapers(options);
    expect(result).toMatchObject({ papers: 3, fetchedPages: 3 });
    expect(sandbox.server.requests.map(({ url }) => url.searchParams.get('date'))).toEqual([
      '2026-08-19',
      '2026-08-20',
      '2026-08-21',
    ]);
    const { summary } = await ingested(result.files);
    expect(summary.paperCounts.new).toBe(3);

    const again = await fetchHfDailyPapers({ ...options, client: client() });
    expect(again).toMatchObject({ papers: 3, cachedPages: 2, fetchedPages: 1 });
    expect(sandbox.server.requests.slice(3).map(({ url }) => url.searchParams.get('date'))).toEqual(
      ['2026-08-21'],
    );
    const folder = readdirSync(join(sandbox.dir, 'cache', 'hf'))[0]!;
    expect(readdirSync(join(sandbox.dir, 'cache', 'hf', folder)).sort()).toEqual([
      'latest-2026-08-21.json',
      'page-2026-08-19.json',
      'page-2026-08-20.json',
    ]);
  });

  it('reads the listing a Hugging Face Papers page URL shows', () => {
    const today = '2026-08-21';
    expect(hfListingOf('https://huggingface.co/papers?date=2025-11-11', today)).toEqual({
      kind: 'days',
      from: '2025-11-11',
      to: '2025-11-11',
    });
    expect(hfListingOf('https://huggingface.co/papers/date/2025-11-11', today)).toMatchObject({
      from: '2025-11-11',
    });
    expect(hfListingOf('https://huggingface.co/papers/week/2025-W46', today)).toEqual({
      kind: 'week',
      week: '2025-W46',
    });
    expect(hfListingOf('https://huggingface.co/papers/month/2025-11', today)).toEqual({
      kind: 'month',
      month: '2025-11',
    });
    expect(hfListingOf('https://huggingface.co/papers', today)).toMatchObject({ from: today });
    expect(hfListingOf('https://huggingface.co/papers/2608.19880', today)).toBeUndefined();
    expect(hfListingOf('https://example.org/papers?date=2025-11-11', today)).toBeUndefined();
  });
});

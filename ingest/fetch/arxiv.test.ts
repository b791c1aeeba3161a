/**
 * The arXiv fetcher against a real HTTP server on 127.0.0.1 replaying a recorded API page
 * (fixtures/arxiv/arxiv_api_atom_current.xml, three entries), cut into pages of one entry,
 * and failing the ways real servers do. Nothing here touches the internet.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { replaySandbox } from '../../test/support/replay-sandbox.ts';
import { startReplayServer, type Reply } from '../../test/support/replay-server.ts';
import { createSqliteStore } from '../../server/store/sqlite/sqlite-store.ts';
import { ingest } from '../pipeline.ts';
import { fetchArxiv, type ArxivFetchOptions } from './arxiv.ts';
import { createPoliteClient, FetchError, retryAfterMs } from './polite-client.ts';

const RECORDED = readFileSync(
  join(import.meta.dirname, '../sources/fixtures/arxiv/arxiv_api_atom_current.xml'),
  'utf8',
);
const ENTRIES = RECORDED.match(/<entry>[\s\S]*?<\/entry>/g)!;
const HEAD = RECORDED.slice(0, RECORDED.indexOf('<entry>'));
const TAIL = '</feed>\n';

/** The recorded feed holding `entries`, announcing `total` results from `start`. */
function page(entries: string[], total = ENTRIES.length, start = 0): string {
  const head = HEAD.replace(
    /<opensearch:totalResults>\d+</,
    `<opensearch:totalResults>${total}<`,
  ).replace(/<opensearch:startIndex>\d+</, `<opensearch:startIndex>${start}<`);
  return head + entries.join('\n') + '\n' + TAIL;
}

/** The API: pages of `max_results` entries from `start`, as arXiv answers. */
function api(request: { url: URL }): Reply {
  const start = Number(request.url.searchParams.get('start'));
  const size = Number(request.url.searchParams.get('max_results'));
  return { body: page(ENTRIES.slice(start, start + size), ENTRIES.length, start) };
}

const sandbox = replaySandbox();

const FAST = { minIntervalMs: 0, timeoutMs: 2_000, backoffMs: 10, retries: 3 };

async function fetchFrom(
  answer: (request: { url: URL }, index: number) => Reply,
  client: Partial<Parameters<typeof createPoliteClient>[0]> = {},
  options: Partial<ArxivFetchOptions> = {},
) {
  sandbox.server ??= await startReplayServer(answer);
  const polite = createPoliteClient({ userAgent: 'topograph-test', ...FAST, ...client });
  const result = await fetchArxiv({
    query: 'all:testing',
    max: 100,
    cacheDir: join(sandbox.dir, 'cache'),
    client: polite,
    baseUrl: `${sandbox.server.origin}/api/query`,
    pageSize: 1,
    ...options,
  });
  return { result, client: polite, requests: sandbox.server.requests };
}

describe('fetching from the arXiv API', () => {
  it('pages through the results, each paper once, and they ingest like a saved feed', async () => {
    const { result, requests } = await fetchFrom(api);
    expect(result).toMatchObject({ papers: 3, total: 3, fetchedPages: 3, limitReached: false });
    expect(requests.map((r) => r.url.searchParams.get('start'))).toEqual(['0', '1', '2']);
    expect(requests[0]!.url.searchParams.get('search_query')).toBe('all:testing');
    expect(requests[0]!.userAgent).toBe('topograph-test');
    const store = createSqliteStore(join(sandbox.dir, 'store.db'));
    try {
      const summary = await ingest(result.files, store);
      expect(summary.paperCounts.new).toBe(3);
      expect((await store.stats()).paperCount).toBe(3);
    } finally {
      await store.close();
    }
  });

  it('keeps one request per interval, retries included', async () => {
    let failed = false;
    const { requests } = await fetchFrom(
      (request, index) => {
        if (index === 1 && !failed) {
          failed = true;
          return { status: 503, body: 'busy' };
        }
        return api(request);
      },
      { minIntervalMs: 300, backoffMs: 0 },
    );
    expect(requests).toHaveLength(4);
    // Seen at the server, so give or take the jitter of a loaded machine (unpaced: ~2 ms).
    for (let i = 1; i < requests.length; i += 1) {
      expect(requests[i]!.at - requests[i - 1]!.at).toBeGreaterThanOrEqual(200);
    }
    expect(requests[3]!.at - requests[0]!.at).toBeGreaterThanOrEqual(800);
  });

  it('waits as long as Retry-After asks on 429, then goes on', async () => {
    const { result, requests } = await fetchFrom((request, index) =>
      index === 0 ? { status: 429, headers: { 'retry-after': '1' }, body: '' } : api(request),
    );
    expect(result.papers).toBe(3);
    expect(requests[1]!.at - requests[0]!.at).toBeGreaterThanOrEqual(900);
  });

  it('asks again after a stall past the timeout, a body cut in the middle, a 503', async () => {
    const failures: Reply[] = [
      { delayMs: 1_500, body: page(ENTRIES.slice(0, 1)) },
      { body: page(ENTRIES.slice(1, 2)), cutAfter: 200 },
      { status: 503, body: 'Service Unavailable' },
    ];
    let next = 0;
    const { result, requests } = await fetchFrom(
      (request) => {
        const start = Number(request.url.searchParams.get('start'));
        // Each page fails once, the first time it is asked for.
        if (start === next && failures[start]) {
          next += 1;
          return failures[start]!;
        }
        return api(request);
      },
      { timeoutMs: 500 },
    );
    expect(result.papers).toBe(3);
    expect(requests).toHaveLength(6);
  });

  it('follows a redirect', async () => {
    const { result, requests } = await fetchFrom((request) =>
      request.url.pathname === '/api/query'
        ? { status: 301, headers: { location: `/moved${request.url.search}` } }
        : api(request),
    );
    expect(result.papers).toBe(3);
    expect(requests.filter((r) => r.url.pathname === '/moved')).toHaveLength(3);
  });

  it('stops at --max, saying the limit was reached', async () => {
    const { result, requests } = await fetchFrom(api, {}, { max: 2 });
    expect(result).toMatchObject({ papers: 2, total: 3, limitReached: true });
    expect(requests).toHaveLength(2);
  });

  it('asks again for an empty page inside the results, then stops with a warning', async () => {
    const { result, requests } = await fetchFrom((request) =>
      request.url.searchParams.get('start') === '1'
        ? { body: page([], ENTRIES.length, 1) }
        : api(request),
    );
    expect(result.papers).toBe(1);
    expect(requests).toHaveLength(1 + 3);
    expect(result.warnings[0]).toMatch(/empty page at result 1 of 3/);
  });

  it('names a malformed page, keeps the pages before it, and resumes where it stopped', async () => {
    let broken = true;
    const answer = (request: { url: URL }) =>
      broken && request.url.searchParams.get('start') === '2'
        ? { body: page(ENTRIES.slice(2)).slice(0, -20) + '<entry><title>' }
        : api(request);
    const error = await fetchFrom(answer).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(FetchError);
    expect((error as FetchError).message).toMatch(
      /cannot fetch from 127\.0\.0\.1:\d+: malformed response/,
    );
    const folder = readdirSync(join(sandbox.dir, 'cache', 'arxiv'))[0]!;
    const pages = () =>
      readdirSync(join(sandbox.dir, 'cache', 'arxiv', folder)).filter((f) => f.endsWith('.xml'));
    expect(pages()).toEqual(['page-0000000.xml', 'page-0000001.xml']);
    const before = sandbox.server!.requests.length;

    broken = false;
    const { result, requests } = await fetchFrom(answer);
    expect(result).toMatchObject({ papers: 3, cachedPages: 2, fetchedPages: 1 });
    expect(requests.slice(before).map((r) => r.url.searchParams.get('start'))).toEqual(['2']);
    expect(pages()).toHaveLength(3);
    // Again: every page from the cache, no request at all.
    const again = await fetchFrom(answer);
    expect(again.result).toMatchObject({ papers: 3, cachedPages: 3, fetchedPages: 0 });
    expect(sandbox.server!.requests).toHaveLength(before + 1);
  });

  it('updates down to the first page holding a paper it has', async () => {
    const { result } = await fetchFrom(api);
    expect(result.papers).toBe(3);
    // A newer paper comes first now.
    const newer = ENTRIES[0]!
      .replaceAll('2202.12139', '2612.01234')
      .replace(/<title>[^<]*<\/title>/, '<title>Testing causal discovery at scale</title>');
    const all = [newer, ...ENTRIES];
    const later = (request: { url: URL }): Reply => {
      const start = Number(request.url.searchParams.get('start'));
      const size = Number(request.url.searchParams.get('max_results'));
      return { body: page(all.slice(start, start + size), all.length, start) };
    };
    await sandbox.server!.close();
    sandbox.server = undefined;
    const { result: update, requests } = await fetchFrom(
      later,
      {},
      {
        update: { stamp: '20260101T000000Z' },
      },
    );
    expect(requests.map((r) => r.url.searchParams.get('start'))).toEqual(['0', '1']);
    expect(update).toMatchObject({ papers: 2, fetchedPages: 2, limitReached: false });
    expect(update.files.every((file) => file.includes('update-20260101T000000Z'))).toBe(true);
  });

  it('says which host it cannot reach', async () => {
    const closed = await startReplayServer(api);
    const origin = closed.origin;
    await closed.close();
    const client = createPoliteClient({ userAgent: 'topograph-test', ...FAST, retries: 1 });
    const error = await fetchArxiv({
      query: 'all:testing',
      max: 10,
      cacheDir: join(sandbox.dir, 'cache'),
      client,
      baseUrl: `${origin}/api/query`,
    }).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(FetchError);
    expect((error as FetchError).message).toMatch(
      /^cannot reach 127\.0\.0\.1:\d+: .*(ECONNREFUSED|fetch failed).*\(after 2 attempts\)$/,
    );
    expect(client.requests).toBe(2);
    expect(existsSync(join(sandbox.dir, 'cache', 'arxiv'))).toBe(true);
  });
});

describe('a host name that does not resolve', () => {
  it('is not asked again: offline, a retry only makes the user wait', async () => {
    const client = createPoliteClient({ userAgent: 'topograph-test', ...FAST, retries: 3 });
    const error = await client
      .get('http://topograph-test.invalid/api/query')
      .catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(FetchError);
    expect((error as FetchError).message).toMatch(
      /^cannot reach topograph-test\.invalid: .*ENOTFOUND.*: offline, or the address is mistyped$/,
    );
    expect(client.requests).toBe(1);
  });
});

describe('Retry-After', () => {
  it('reads seconds and HTTP dates', () => {
    expect(retryAfterMs('7')).toBe(7_000);
    expect(retryAfterMs('Wed, 21 Oct 2015 07:28:10 GMT', Date.UTC(2015, 9, 21, 7, 28, 0))).toBe(
      10_000,
    );
    expect(retryAfterMs(null)).toBeUndefined();
    expect(retryAfterMs('soon')).toBeUndefined();
  });
});

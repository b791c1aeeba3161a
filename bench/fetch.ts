/**
 * `npm run bench:fetch [-- --papers 2000] [--corpus papers.jsonl.gz]`: an arXiv fetch of
 * 2,000 papers from a replay server on 127.0.0.1, at the arXiv page size, then their ingest
 * into a fresh SQLite file: time fetching (requests and the pages written), parsing and
 * ingesting, and requests made. The pages are the first papers of the arXiv corpus written as
 * arXiv API Atom (the recorded page of ingest/sources/fixtures/arxiv as the template). The
 * rate limit (one request per 3 s) is left out of the times and reported apart: it is what a
 * real fetch adds. Nothing here touches the internet.
 */
import { createReadStream, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { parseArgs } from 'node:util';
import { createGunzip } from 'node:zlib';
import { ARXIV_INTERVAL_MS, ARXIV_PAGE_SIZE, fetchArxiv } from '../ingest/fetch/arxiv.ts';
import { createPoliteClient } from '../ingest/fetch/polite-client.ts';
import { ingest } from '../ingest/pipeline.ts';
import { createSqliteStore } from '../server/store/sqlite/sqlite-store.ts';
import { startReplayServer } from '../test/support/replay-server.ts';

const { values } = parseArgs({
  options: {
    papers: { type: 'string', default: '2000' },
    corpus: { type: 'string', default: '../shared/data/corpus/papers_merged.jsonl.gz' },
  },
});
const wanted = Number(values.papers);

const escape = (text: string) =>
  text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

/** The first `n` papers of the corpus that have an arXiv id, a title and an abstract. */
async function corpusPapers(path: string, n: number) {
  const papers: { id: string; title: string; abstract: string; authors: string[]; date: string }[] =
    [];
  const lines = createInterface({ input: createReadStream(path).pipe(createGunzip()) });
  for await (const line of lines) {
    const record = JSON.parse(line) as {
      arxiv_id?: string;
      title?: string;
      abstract?: string;
      authors?: unknown;
      date?: string;
    };
    if (!record.arxiv_id || !record.title || !record.abstract) continue;
    const authors = Array.isArray(record.authors) ? record.authors.map(String) : [];
    papers.push({
      id: record.arxiv_id,
      title: record.title,
      abstract: record.abstract,
      authors,
      date: /^\d{4}-\d{2}-\d{2}/.test(record.date ?? '') ? record.date! : '2025-01-01',
    });
    if (papers.length === n) break;
  }
  lines.close();
  return papers;
}

const recorded = readFileSync('ingest/sources/fixtures/arxiv/arxiv_api_atom_current.xml', 'utf8');
const head = recorded.slice(0, recorded.indexOf('<entry>'));

function entry(paper: Awaited<ReturnType<typeof corpusPapers>>[number]): string {
  return [
    '  <entry>',
    `    <id>http://arxiv.org/abs/${paper.id}v1</id>`,
    `    <title>${escape(paper.title)}</title>`,
    `    <updated>${paper.date}T00:00:00Z</updated>`,
    `    <link href="https://arxiv.org/abs/${paper.id}v1" rel="alternate" type="text/html"/>`,
    `    <summary>${escape(paper.abstract)}</summary>`,
    ...paper.authors.map((name) => `    <author><name>${escape(name)}</name></author>`),
    `    <published>${paper.date}T00:00:00Z</published>`,
    '  </entry>',
  ].join('\n');
}

const papers = await corpusPapers(values.corpus, wanted);
const entries = papers.map(entry);
const server = await startReplayServer(({ url }) => {
  const start = Number(url.searchParams.get('start'));
  const size = Number(url.searchParams.get('max_results'));
  const feed = head.replace(/totalResults>\d+</, `totalResults>${entries.length}<`);
  return { body: feed + entries.slice(start, start + size).join('\n') + '\n</feed>\n' };
});
const dir = mkdtempSync(join(tmpdir(), 'topograph-bench-fetch-'));
try {
  const client = createPoliteClient({ userAgent: 'topograph-bench', minIntervalMs: 0 });
  let started = performance.now();
  const fetched = await fetchArxiv({
    query: 'all:bench',
    max: papers.length,
    cacheDir: join(dir, 'cache'),
    client,
    baseUrl: `${server.origin}/api/query`,
  });
  const fetchSeconds = (performance.now() - started) / 1000;
  const store = createSqliteStore(join(dir, 'store.db'));
  started = performance.now();
  const summary = await ingest(fetched.files, store);
  const ingestSeconds = (performance.now() - started) / 1000;
  await store.close();
  const rateLimit = ((client.requests - 1) * ARXIV_INTERVAL_MS) / 1000;
  const stage = (name: string) => summary.timings[name as keyof typeof summary.timings] ?? 0;
  console.log(
    `${fetched.papers} papers in ${fetched.fetchedPages} pages of ${ARXIV_PAGE_SIZE}, ` +
      `${client.requests} requests to ${server.origin}\n`,
  );
  console.log('| step | seconds |\n|---|---|');
  console.log(`| fetch: requests, pages checked and written | ${fetchSeconds.toFixed(2)} |`);
  console.log(`| ingest: read (parse the pages) | ${Number(stage('read')).toFixed(2)} |`);
  console.log(
    `| ingest: merge, terms, write, analyze | ${(ingestSeconds - Number(stage('read'))).toFixed(2)} |`,
  );
  console.log(`| total | ${(fetchSeconds + ingestSeconds).toFixed(2)} |`);
  console.log(
    `\npapers stored: ${summary.paperCounts.new} new; the rate limit of arXiv ` +
      `(one request per ${ARXIV_INTERVAL_MS / 1000} s) adds ${rateLimit.toFixed(0)} s to a real fetch`,
  );
} finally {
  await server.close();
  rmSync(dir, { recursive: true, force: true });
}

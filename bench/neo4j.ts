/**
 * `npm run bench:neo4j`: the Neo4j store beside the embedded store, in one run on one machine,
 * so the noise of a shared machine falls on both alike.
 *
 * 1. Ingest the first 5,000 papers of the arXiv corpus into a fresh SQLite file and into a
 *    fresh Neo4j (started by neo4j/launcher.ts, the server of `npm run neo4j`), then again into
 *    a new file and the same Neo4j emptied (its JIT warm): wall time per stage and the ratio.
 *    Target: Neo4j within 2× of embedded.
 * 2. API latency over real HTTP (the Fastify app on a socket, requests one at a time, the two
 *    stores alternating request by request): the topic map, a paper with its related papers,
 *    a topic, and search; p50 and p95 over `--requests` requests each (default 200), at 5,000
 *    papers and at the whole corpus (80,317 papers, ingested into SQLite, or `--db` an existing
 *    file of it, then copied into another fresh Neo4j with `npm run copy`'s code). Target: p95
 *    within 3× of embedded and under 300 ms for every route at 80,000 papers.
 *
 *   npm run bench:neo4j -- [--corpus file.jsonl.gz] [--slice 5000] [--db whole-corpus.db]
 *                          [--requests 200] [--only 5k|80k] [--neo4j]
 *
 * `--neo4j`: at the whole corpus, measure the Neo4j of NEO4J_URI (NEO4J_PASSWORD), which
 * already holds a copy of `--db`, instead of starting one and copying into it (3 minutes).
 */
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import neo4j from 'neo4j-driver';
import { copyStore } from '../ingest/copy-store.ts';
import { ingest, type StageTimings } from '../ingest/pipeline.ts';
import { sliceCorpus } from './support/corpus-slice.ts';
import { buildApp } from '../server/app.ts';
import type { GraphStore } from '../server/store/graph-store.ts';
import { createNeo4jStore } from '../server/store/neo4j/neo4j-store.ts';
import { neo4jConfig } from '../server/store/open-store.ts';
import { createSqliteStore } from '../server/store/sqlite/sqlite-store.ts';
import {
  buildLauncher,
  findJava,
  launcherBuilt,
  neo4jVersion,
  startLocalNeo4j,
} from '../neo4j/launcher.ts';
import { localNeo4jOptions } from '../neo4j/options.ts';
import { TEST_QUERIES } from '../test/support/neo4j.ts';
import { freePort } from '../test/support/ports.ts';

const { values } = parseArgs({
  options: {
    corpus: { type: 'string', default: '../shared/data/corpus/papers_merged.jsonl.gz' },
    slice: { type: 'string', default: '5000' },
    db: { type: 'string' },
    requests: { type: 'string', default: '200' },
    only: { type: 'string' },
    neo4j: { type: 'boolean', default: false },
    heap: { type: 'string', default: '2G' },
    pagecache: { type: 'string', default: '1G' },
  },
});
const SLICE = Number(values.slice);
const REQUESTS = Number(values.requests);
const HEAP = values.heap!;
const PAGECACHE = values.pagecache!;
const PASSWORD = 'topograph-bench';
const scratch = mkdtempSync(join(tmpdir(), 'topograph-bench-neo4j-'));

const seconds = (ms: number) => (ms / 1000).toFixed(1);

// ── a fresh Neo4j per scale ──────────────────────────────────────────────────────────────

async function startNeo4j(name: string) {
  findJava();
  if (!launcherBuilt()) await buildLauncher();
  const port = await freePort();
  const options = localNeo4jOptions({
    NEO4J_URI: `bolt://127.0.0.1:${port}`,
    NEO4J_PASSWORD: PASSWORD,
    NEO4J_HEAP: HEAP,
    NEO4J_PAGECACHE: PAGECACHE,
    TOPOGRAPH_NEO4J_DIR: join(scratch, `neo4j-${name}`),
  });
  const server = await startLocalNeo4j(options);
  console.log(server.readyLine);
  const store = await createNeo4jStore({ uri: server.uri, user: 'neo4j', password: PASSWORD });
  return {
    store,
    /** Deletes the whole graph, keeping the schema. */
    async empty() {
      const driver = neo4j.driver(server.uri, neo4j.auth.basic('neo4j', PASSWORD));
      await driver.executeQuery(TEST_QUERIES.wipe);
      await driver.close();
    },
    async stop() {
      await store.close();
      await server.stop();
    },
  };
}

// ── ingest ───────────────────────────────────────────────────────────────────────────────

const STAGES = ['read', 'merge', 'terms', 'write', 'analyze'] as const;

async function timedIngest(paths: string[], store: GraphStore) {
  const started = performance.now();
  const summary = await ingest(paths, store);
  return { total: (performance.now() - started) / 1000, timings: summary.timings };
}

function printIngest(embedded: { total: number; timings: StageTimings }, neo4j: typeof embedded) {
  const row = (name: string, a: number, b: number) =>
    `| ${name.padEnd(8)} | ${a.toFixed(2).padStart(8)} | ${b.toFixed(2).padStart(8)} | ${(b / Math.max(a, 0.001)).toFixed(2).padStart(5)}× |`;
  console.log(
    '\n| stage    | embedded |    neo4j | ratio  |\n| -------- | -------- | -------- | ------ |',
  );
  for (const stage of STAGES)
    console.log(row(stage, embedded.timings[stage], neo4j.timings[stage]));
  console.log(row('total', embedded.total, neo4j.total));
  const before = new Map(Object.entries(embedded.timings.analysis));
  console.log(
    `analyze steps (s), embedded → neo4j: ${Object.entries(neo4j.timings.analysis)
      .map(([step, time]) => `${step} ${before.get(step)} → ${time}`)
      .join(', ')}`,
  );
}

// ── API latency ──────────────────────────────────────────────────────────────────────────

/** A small seeded generator, so both stores and every run ask the same things. */
function random(seed: number) {
  let state = seed >>> 0;
  return () => {
    state = (state * 1_664_525 + 1_013_904_223) >>> 0;
    return state / 2 ** 32;
  };
}

/** The requests of each route, chosen from what the embedded store holds. */
async function requestPaths(store: GraphStore, count: number) {
  const next = random(14);
  const pick = <T>(list: T[]) => list[Math.floor(next() * list.length)]!;
  const paperIds: string[] = [];
  for (let after = ''; ;) {
    const page = await store.exportPapers(after, 5_000);
    if (page.length === 0) break;
    for (const { paper } of page) paperIds.push(paper.id);
    after = page[page.length - 1]!.paper.id;
  }
  const map = await store.topicMap({ limit: 2_000, minPapers: 1, maxEdges: 10_000 });
  const topics = map.topics;
  const words = [
    ...new Set(topics.flatMap((topic) => topic.label.toLowerCase().split(/\W+/))),
  ].filter((word) => word.length >= 3);
  const times = (make: () => string) => Array.from({ length: count }, make);
  return {
    'topic map': times(() => '/api/topic-map?limit=2000'),
    'paper + related': times(() => `/api/papers/${encodeURIComponent(pick(paperIds))}`),
    topic: times(() => `/api/topics/${encodeURIComponent(pick(topics).id)}`),
    // What a user types: a whole word, a word and the start of another, a prefix.
    search: times(() => {
      const word = pick(words);
      const kind = next();
      const query =
        kind < 0.4 ? word : kind < 0.7 ? `${word} ${pick(words).slice(0, 3)}` : word.slice(0, 4);
      return `/api/search?q=${encodeURIComponent(query)}`;
    }),
  };
}

async function serve(store: GraphStore) {
  const app = await buildApp({ store });
  await app.listen({ host: '127.0.0.1', port: 0 });
  const address = app.server.address();
  if (!address || typeof address === 'string') throw new Error('no address');
  return { url: `http://127.0.0.1:${address.port}`, close: () => app.close() };
}

async function timeRequest(url: string): Promise<number> {
  const started = performance.now();
  const response = await fetch(url);
  await response.json();
  if (!response.ok) throw new Error(`${url}: ${response.status}`);
  return performance.now() - started;
}

const percentile = (sorted: number[], p: number) =>
  sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]!;

async function latency(scale: string, embedded: GraphStore, neo4j: GraphStore) {
  const paths = await requestPaths(embedded, REQUESTS);
  const servers = { embedded: await serve(embedded), neo4j: await serve(neo4j) };
  console.log(
    `\nAPI latency at ${scale} (ms, ${REQUESTS} requests a route, one at a time, the stores alternating):\n` +
      '| route           | embedded p50 | p95   | neo4j p50 | p95   | p95 ratio |\n' +
      '| --------------- | ------------ | ----- | --------- | ----- | --------- |',
  );
  for (const [route, list] of Object.entries(paths)) {
    // Warm both: the first requests of a route fill caches and compile queries.
    for (const path of list.slice(0, 10)) {
      await timeRequest(servers.embedded.url + path);
      await timeRequest(servers.neo4j.url + path);
    }
    const times = { embedded: [] as number[], neo4j: [] as number[] };
    for (const [index, path] of list.entries()) {
      const order =
        index % 2 === 0 ? (['embedded', 'neo4j'] as const) : (['neo4j', 'embedded'] as const);
      for (const kind of order) times[kind].push(await timeRequest(servers[kind].url + path));
    }
    const [e, n] = [times.embedded.sort((a, b) => a - b), times.neo4j.sort((a, b) => a - b)];
    const cell = (value: number, width: number) => value.toFixed(1).padStart(width);
    console.log(
      `| ${route.padEnd(15)} | ${cell(percentile(e, 50), 12)} | ${cell(percentile(e, 95), 5)} | ${cell(percentile(n, 50), 9)} | ${cell(percentile(n, 95), 5)} | ${(percentile(n, 95) / percentile(e, 95)).toFixed(2).padStart(8)}× |`,
    );
  }
  await servers.embedded.close();
  await servers.neo4j.close();
}

// ── the run ──────────────────────────────────────────────────────────────────────────────

console.log(
  `bench:neo4j — Neo4j ${neo4jVersion()} Community (npm run neo4j's launcher, heap ${HEAP}, ` +
    `page cache ${PAGECACHE}) beside the embedded store; Node ${process.version}`,
);
try {
  if (values.only !== '80k') {
    const slice = await sliceCorpus(values.corpus!, SLICE, scratch);
    const server = await startNeo4j('slice');
    // Twice: on a server just started (its JIT still compiling, on the same 2 cores as the
    // term extraction), then on the same server emptied, as a team's long-running server is.
    let embedded = createSqliteStore(join(scratch, 'slice-cold.db'));
    console.log(`\nIngest of the first ${SLICE} papers of ${values.corpus}, a fresh server (s):`);
    printIngest(await timedIngest([slice], embedded), await timedIngest([slice], server.store));
    await embedded.close();
    await server.empty();
    embedded = createSqliteStore(join(scratch, 'slice.db'));
    console.log(`\nThe same again, into the same server emptied (s):`);
    printIngest(await timedIngest([slice], embedded), await timedIngest([slice], server.store));
    await latency(`${(await embedded.stats()).paperCount} papers`, embedded, server.store);
    await server.stop();
    await embedded.close();
  }
  if (values.only !== '5k') {
    const dbPath = values.db ?? join(scratch, 'whole.db');
    if (values.db && !existsSync(dbPath)) throw new Error(`--db ${dbPath} does not exist`);
    const embedded = createSqliteStore(dbPath);
    if ((await embedded.stats()).paperCount === 0) {
      console.log(`\nIngesting the whole corpus into ${dbPath} (several minutes)…`);
      const { total } = await timedIngest([values.corpus!], embedded);
      console.log(`ingested in ${seconds(total * 1000)} s`);
    }
    if (values.neo4j) {
      // A Neo4j that already holds a copy of --db (npm run copy): latency only.
      const store = await createNeo4jStore(neo4jConfig(process.env));
      console.log(`\nUsing the copy at ${neo4jConfig(process.env).uri}`);
      await latency(`${(await store.stats()).paperCount} papers`, embedded, store);
      await store.close();
    } else {
      const server = await startNeo4j('whole');
      const started = performance.now();
      const stats = await copyStore(embedded, server.store);
      console.log(
        `\nCopied ${stats.paperCount} papers, ${stats.topicCount} topics into Neo4j in ` +
          `${seconds(performance.now() - started)} s (npm run copy's code, batches of 1,000)`,
      );
      await latency(`${stats.paperCount} papers`, embedded, server.store);
      await server.stop();
    }
    await embedded.close();
  }
} finally {
  rmSync(scratch, { recursive: true, force: true });
}

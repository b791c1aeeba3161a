/**
 * `npm run bench:loop`: how long the API's heaviest reads hold the server's event loop, read in
 * the server's thread and through read threads (server/store/read-threads.ts), in one run.
 *
 * The real server on a socket, the cache of maps off (every map computed). For each heavy
 * request alone: its time and the longest stall of the event loop while it ran. Then all of
 * them at once while `/api/health` is asked every 20 ms: the health answers' median and worst.
 *
 *   npm run bench:loop -- --db /tmp/80k.db [--threads 2]
 *
 * Without `--db`, the samples are ingested into a temporary file.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { ingest } from '../ingest/pipeline.ts';
import { buildApp } from '../server/app.ts';
import { inThreadReader, type GraphReader } from '../server/store/graph-reader.ts';
import { createReadThreads } from '../server/store/read-threads.ts';
import { createSqliteStore } from '../server/store/sqlite/sqlite-store.ts';

const { values } = parseArgs({
  options: { db: { type: 'string' }, threads: { type: 'string', default: '2' } },
});
let path = values.db;
const scratch = path ? undefined : mkdtempSync(join(tmpdir(), 'topograph-bench-loop-'));
if (!path) {
  path = join(scratch!, 'samples.db');
  const store = createSqliteStore(path);
  await ingest(['data/samples'], store);
  await store.close();
}
const store = createSqliteStore(path, { readonly: true });
const { paperCount: papers } = await store.stats();
const largest = (await store.topicMap({ limit: 1, minPapers: 1, maxEdges: 0 })).topics[0]!.id;
const HEAVY = [
  '/api/paper-map?limit=3000&links=20',
  '/api/paper-map',
  `/api/topics/${encodeURIComponent(largest)}?limit=500`,
  '/api/search?q=a&limit=50',
  '/api/topic-map?limit=2000&maxEdges=20000',
];

/**
 * The longest gap between ticks of a 1 ms timer: how long the loop was held. (Node's
 * monitorEventLoopDelay missed single stalls of 0.7 s here.)
 */
function stallMeter() {
  let last = performance.now();
  let longest = 0;
  const timer = setInterval(() => {
    const now = performance.now();
    longest = Math.max(longest, now - last);
    last = now;
  }, 1);
  return async () => {
    await new Promise((resolve) => setTimeout(resolve, 20));
    clearInterval(timer);
    return longest;
  };
}

async function measure(mode: 'server thread' | 'read threads') {
  let reader: GraphReader & { close?(): Promise<void> } = inThreadReader(store);
  if (mode === 'read threads') {
    const threads = await createReadThreads(
      { kind: 'embedded', path: path! },
      Number(values.threads),
    );
    reader = { ...threads, mapState: () => store.mapState() };
  }
  const app = await buildApp({ store, reader, cacheMaps: false });
  await app.listen({ host: '127.0.0.1', port: 0 });
  const address = app.server.address();
  const base = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`;
  const get = async (url: string) => {
    const started = performance.now();
    const response = await fetch(base + url);
    await response.arrayBuffer();
    return performance.now() - started;
  };
  const rows: string[] = [];
  for (const url of HEAVY) {
    await get(url); // warm: statements prepared, pages cached
    const stop = stallMeter();
    const ms = await get(url);
    const stall = await stop();
    rows.push(`| ${mode} | \`${url}\` | ${ms.toFixed(0)} | ${stall.toFixed(0)} |`);
  }
  const health: number[] = [];
  let done = false;
  const stop = stallMeter();
  const pinging = (async () => {
    while (!done) {
      health.push(await get('/api/health'));
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
  })();
  const started = performance.now();
  await Promise.all(HEAVY.map(get));
  const all = performance.now() - started;
  done = true;
  await pinging;
  const stall = await stop();
  health.sort((a, b) => a - b);
  rows.push(
    `| ${mode} | all ${HEAVY.length} at once, /api/health every 20 ms | ${all.toFixed(0)} | ` +
      `${stall.toFixed(0)} (health: ${health.length} answers, median ` +
      `${health[health.length >> 1]!.toFixed(0)} ms, worst ${health.at(-1)!.toFixed(0)} ms) |`,
  );
  await app.close();
  await reader.close?.();
  return rows;
}

const rows = [...(await measure('server thread')), ...(await measure('read threads'))];
console.log(`\n${papers.toLocaleString('en')} papers (${path})\n`);
console.log('| read in | request | ms | longest event-loop stall, ms |');
console.log('|---|---|---|---|');
for (const row of rows) console.log(row);
await store.close();
if (scratch) rmSync(scratch, { recursive: true, force: true });

/**
 * `npm run bench:api [-- --db store.db] [--connections 50] [--seconds 10] [--plain]`: the maps under
 * load from many clients at once (autocannon, in this process, against the real server on a
 * socket), in one run: the topic map as the explorer asks for it (`limit=500`) and the paper
 * map, served with the map cache and without it, beside a static baseline — a bare Fastify
 * answering the same bytes from memory. Target: the cached maps reach half the static
 * throughput with a p99 under 50 ms. Requests accept brotli and gzip, as browsers' do
 * (`--plain`: uncompressed). Without --db it builds the samples' store in a temporary folder.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import autocannon from 'autocannon';
import Fastify from 'fastify';
import { ingest } from '../ingest/pipeline.ts';
import { buildApp } from '../server/app.ts';
import { createSqliteStore } from '../server/store/sqlite/sqlite-store.ts';

const { values } = parseArgs({
  options: {
    db: { type: 'string' },
    connections: { type: 'string', default: '50' },
    seconds: { type: 'string', default: '10' },
    plain: { type: 'boolean', default: false },
  },
});
const connections = Number(values.connections);
const duration = Number(values.seconds);

const scratch = mkdtempSync(join(tmpdir(), 'topograph-bench-api-'));
const store = createSqliteStore(values.db ?? join(scratch, 'samples.db'));
if (!values.db) await ingest(['data/samples'], store);
const { paperCount: papers } = await store.stats();

async function listen(app: Awaited<ReturnType<typeof buildApp>>): Promise<string> {
  await app.listen({ host: '127.0.0.1', port: 0 });
  const address = app.server.address();
  if (!address || typeof address === 'string') throw new Error('no address');
  return `http://127.0.0.1:${address.port}`;
}

/** A bare server answering one body from memory, with the headers the API sends. */
async function staticServer(
  body: Buffer,
  encoding: string | undefined,
): Promise<{ url: string; close(): Promise<void> }> {
  const app = Fastify();
  app.get('/*', async (_request, reply) => {
    if (encoding) reply.header('content-encoding', encoding);
    return reply.header('content-type', 'application/json; charset=utf-8').send(body);
  });
  return { url: await listen(app), close: () => app.close() };
}

/** As a browser asks: compressed, brotli first (`--plain`: uncompressed). */
const HEADERS: Record<string, string> = values.plain ? {} : { 'accept-encoding': 'br, gzip' };

async function load(url: string) {
  // The load comes from a worker thread: the servers keep this one (and a core) to themselves.
  const result = await autocannon({ url, connections, duration, headers: HEADERS, workers: 1 });
  return {
    requests: Math.round(result.requests.average),
    p50: result.latency.p50,
    p99: result.latency.p99,
    errors: result.errors + result.timeouts + result.non2xx,
  };
}

const cached = await buildApp({ store });
const uncached = await buildApp({ store, cacheMaps: false });
const servers = { cached: await listen(cached), uncached: await listen(uncached) };

console.log(
  `bench:api — ${papers} papers; autocannon, ${connections} connections, ${duration} s a run; ` +
    `Node ${process.version}\n\n` +
    '| route | served | requests/s | p50 ms | p99 ms | errors |\n| --- | --- | --- | --- | --- | --- |',
);
try {
  for (const path of ['/api/topic-map?limit=500', '/api/paper-map']) {
    // The bytes as sent (fetch would decompress them).
    const sent = await cached.inject({ method: 'GET', url: path, headers: HEADERS });
    const encoding = sent.headers['content-encoding'] as string | undefined;
    const baseline = await staticServer(sent.rawPayload, encoding);
    const size = `${Math.round(sent.rawPayload.length / 1024)} KB${encoding ? ` ${encoding}` : ''}`;
    // A short warm-up of each, so the first requests' compilation is not measured.
    for (const url of [baseline.url, servers.cached, servers.uncached]) {
      await autocannon({ url: url + path, connections: 5, duration: 1 });
    }
    for (const [served, url] of [
      ['static (same bytes)', baseline.url],
      ['cached', servers.cached],
      ['computed each time', servers.uncached],
    ] as const) {
      const { requests, p50, p99, errors } = await load(url + path);
      console.log(`| ${path} (${size}) | ${served} | ${requests} | ${p50} | ${p99} | ${errors} |`);
    }
    await baseline.close();
  }
} finally {
  await cached.close();
  await uncached.close();
  await store.close();
  rmSync(scratch, { recursive: true, force: true });
}

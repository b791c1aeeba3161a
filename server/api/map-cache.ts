/**
 * The topic map and the paper map change only when an ingest writes papers or a map, yet
 * every request computed them again: 120 requests/s on the samples under 50 connections,
 * where the same bytes from memory went 4,000/s. This caches each answer, serialised once,
 * under the store's versions (`MapState`) and the request's parameters; any write to the
 * store, by this process or another, changes the versions and so the key. Each answer gets an
 * ETag (a browser revalidating gets a 304 and no body) and is compressed once per encoding
 * the client accepts (br, then gzip). Identical requests arriving together compute it once.
 */
import { createHash } from 'node:crypto';
import { promisify } from 'node:util';
import { brotliCompress, constants, gzip } from 'node:zlib';
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { GraphReader } from '../store/graph-reader.ts';

const brotli = promisify(brotliCompress);
const gzipAsync = promisify(gzip);

/** Answers kept; the maps are a few per store version (the explorer asks for 2–3 shapes). */
export const DEFAULT_MAP_CACHE_ENTRIES = 32;

type Encoding = 'br' | 'gzip';

interface Entry {
  json: Buffer;
  compressed: Map<Encoding, Promise<Buffer>>;
}

export interface MapCache {
  /**
   * Sends the answer of `route` for the validated `request.query`, from the cache when the
   * store has not changed since it was computed, else computed by `compute` and kept.
   */
  send(
    request: FastifyRequest,
    reply: FastifyReply,
    route: string,
    compute: () => Promise<unknown>,
  ): Promise<FastifyReply>;
}

/** The encoding to send: brotli when accepted, else gzip, else none. */
function chooseEncoding(accept: string | undefined): Encoding | undefined {
  const accepted = new Set(
    (accept ?? '')
      .split(',')
      .map((part) => part.trim().split(';'))
      .filter(([, quality]) => !/^\s*q=0(\.0*)?\s*$/.test(quality ?? ''))
      .map(([name]) => name?.trim().toLowerCase()),
  );
  if (accepted.has('br')) return 'br';
  if (accepted.has('gzip')) return 'gzip';
  return undefined;
}

/** Whether an If-None-Match header (`"a"`, `W/"a", "b"`, `*`) names this ETag. */
function matches(header: string | undefined, etag: string): boolean {
  if (!header) return false;
  return header
    .split(',')
    .map((tag) => tag.trim().replace(/^W\//, ''))
    .some((tag) => tag === etag || tag === '*');
}

function compress(json: Buffer, encoding: Encoding): Promise<Buffer> {
  return encoding === 'br'
    ? brotli(json, { params: { [constants.BROTLI_PARAM_QUALITY]: 5 } })
    : gzipAsync(json);
}

export function createMapCache(
  store: Pick<GraphReader, 'mapState'>,
  maxEntries = DEFAULT_MAP_CACHE_ENTRIES,
): MapCache {
  /** Insertion order is recency: a hit moves its entry to the end; the oldest goes first. */
  const entries = new Map<string, Promise<Entry>>();

  const entryFor = (key: string, compute: () => Promise<unknown>) => {
    const cached = entries.get(key);
    if (cached) {
      entries.delete(key);
      entries.set(key, cached);
      return cached;
    }
    const entry = compute().then((body) => ({
      json: Buffer.from(JSON.stringify(body)),
      compressed: new Map<Encoding, Promise<Buffer>>(),
    }));
    // A failed computation is not kept: the next request tries again.
    entry.catch(() => entries.delete(key));
    entries.set(key, entry);
    while (entries.size > maxEntries) entries.delete(entries.keys().next().value!);
    return entry;
  };

  return {
    async send(request, reply, route, compute) {
      const { papersVersion, mapVersion, similarVersion } = await store.mapState();
      const query = Object.entries(request.query as Record<string, unknown>).sort(([a], [b]) =>
        a < b ? -1 : 1,
      );
      // The paper map's links are the stored similar papers: their version is in the key too.
      const key = `${route}?${JSON.stringify(query)}@${papersVersion}.${mapVersion}.${similarVersion}`;
      const etag = `"${createHash('sha1').update(key).digest('base64url').slice(0, 20)}"`;
      reply
        .header('ETag', etag)
        .header('Cache-Control', 'no-cache')
        .header('Vary', 'Accept-Encoding');
      if (matches(request.headers['if-none-match'], etag)) return reply.status(304).send();

      const entry = await entryFor(key, compute);
      reply.header('content-type', 'application/json; charset=utf-8');
      const encoding = chooseEncoding(request.headers['accept-encoding']);
      if (!encoding) return reply.send(entry.json);
      let compressed = entry.compressed.get(encoding);
      if (!compressed) {
        compressed = compress(entry.json, encoding);
        entry.compressed.set(encoding, compressed);
      }
      return reply.header('Content-Encoding', encoding).send(await compressed);
    },
  };
}

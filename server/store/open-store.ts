/**
 * Chooses and opens the graph store from the environment, for the ingest command, the copy
 * command and the server alike: the embedded SQLite file at `TOPOGRAPH_DB` (default
 * `data/topograph.db`), or Neo4j when `TOPOGRAPH_STORE=neo4j` (`NEO4J_URI`, `NEO4J_USER`,
 * `NEO4J_PASSWORD`, by default the local server of `npm run neo4j`). Opening is async: a Neo4j store checks the server answers before use.
 */
import type { GraphStore } from './graph-store.ts';
import { inThreadReader, type GraphReader } from './graph-reader.ts';
import { createReadThreads, type ReaderSource } from './read-threads.ts';
import { createNeo4jStore, type Neo4jConfig } from './neo4j/neo4j-store.ts';
import { createSqliteStore } from './sqlite/sqlite-store.ts';

export const DEFAULT_DB_PATH = 'data/topograph.db';
/** Where `npm run neo4j` (and docker compose) serve Bolt on this machine. */
export const DEFAULT_NEO4J_URI = 'bolt://127.0.0.1:7687';
export const DEFAULT_NEO4J_USER = 'neo4j';
/**
 * The password of the local servers: `npm run neo4j` and docker compose set it when
 * NEO4J_PASSWORD is unset. No secret: both listen on 127.0.0.1 only.
 */
export const DEFAULT_NEO4J_PASSWORD = 'topograph-local';

export const STORE_KINDS = ['embedded', 'neo4j'] as const;
export type StoreKind = (typeof STORE_KINDS)[number];

export class StoreConfigError extends Error {
  override readonly name = 'StoreConfigError';
}

export interface StoreEnv {
  TOPOGRAPH_STORE?: string;
  TOPOGRAPH_DB?: string;
  NEO4J_URI?: string;
  NEO4J_USER?: string;
  NEO4J_PASSWORD?: string;
}

/** Where the embedded store lives: `TOPOGRAPH_DB`, else `data/topograph.db`. */
export function dbPath(env: StoreEnv = process.env): string {
  const path = env.TOPOGRAPH_DB?.trim();
  return path ? path : DEFAULT_DB_PATH;
}

/** `TOPOGRAPH_STORE`, else `embedded`; anything else is refused with the choices. */
export function storeKind(env: StoreEnv = process.env): StoreKind {
  const kind = env.TOPOGRAPH_STORE?.trim() || 'embedded';
  if (kind === 'embedded' || kind === 'neo4j') return kind;
  throw new StoreConfigError(`store: unknown store "${kind}"; use "embedded" (default) or "neo4j"`);
}

/** Where Neo4j is and how to log in; by default, the local server of `npm run neo4j`. */
export function neo4jConfig(env: StoreEnv = process.env): Neo4jConfig {
  const uri = env.NEO4J_URI?.trim() || DEFAULT_NEO4J_URI;
  if (!/^(neo4j|bolt)(\+s|\+ssc)?:\/\/./.test(uri)) {
    throw new StoreConfigError(
      `store: NEO4J_URI must be a neo4j:// or bolt:// address (like ${DEFAULT_NEO4J_URI}), not "${uri}"`,
    );
  }
  const password = env.NEO4J_PASSWORD || DEFAULT_NEO4J_PASSWORD;
  return { uri, user: env.NEO4J_USER?.trim() || DEFAULT_NEO4J_USER, password };
}

/** Where the store is, for messages: the SQLite file or the Neo4j URI. */
export function storeLocation(
  env: StoreEnv = process.env,
  kind: StoreKind = storeKind(env),
): string {
  return kind === 'neo4j' ? env.NEO4J_URI?.trim() || DEFAULT_NEO4J_URI : dbPath(env);
}

/**
 * Where an ingest keeps the similarity index between runs (ingest/analyze/similarity-file.ts):
 * beside the embedded store's file, or under `data/` named after the Neo4j server. Losing it
 * costs time, never correctness: the next ingest builds the index afresh.
 */
export function similarIndexPath(
  env: StoreEnv = process.env,
  kind: StoreKind = storeKind(env),
): string {
  if (kind === 'embedded') return `${dbPath(env)}.similarity`;
  const server = storeLocation(env, kind).replace(/[^A-Za-z0-9.-]+/g, '_');
  return `data/neo4j-${server}.similarity`;
}

/**
 * What the server reads through: `threads` read threads on the store the environment names
 * (see read-threads.ts), or `store` itself, in this thread, when `threads` is 0.
 */
export async function openReader(
  store: GraphStore,
  threads: number,
  env: StoreEnv = process.env,
): Promise<GraphReader & { close(): Promise<void> }> {
  if (threads === 0) return { ...inThreadReader(store), close: async () => {} };
  const kind = storeKind(env);
  const source: ReaderSource =
    kind === 'neo4j' ? { kind, config: neo4jConfig(env) } : { kind, path: dbPath(env) };
  // The map state is one row, read before every map (to key the cache) and by /api/health:
  // read here, it never waits behind a thread's long read.
  const reader = await createReadThreads(source, threads);
  return { ...reader, mapState: () => store.mapState() };
}

/** Opens the store the environment names (`kind` overrides `TOPOGRAPH_STORE`). */
export async function openStore(
  env: StoreEnv = process.env,
  kind: StoreKind = storeKind(env),
): Promise<GraphStore> {
  switch (kind) {
    case 'embedded':
      return createSqliteStore(dbPath(env));
    case 'neo4j':
      return createNeo4jStore(neo4jConfig(env));
  }
}

/**
 * Chooses and opens the graph store from the environment, for the ingest command and the
 * server alike: the embedded SQLite file at `TOPOGRAPH_DB` (default `data/topograph.db`), or
 * Neo4j when `TOPOGRAPH_STORE=neo4j`.
 */
import type { GraphStore } from './graph-store.ts';
import { createSqliteStore } from './sqlite/sqlite-store.ts';

export const DEFAULT_DB_PATH = 'data/topograph.db';

export class StoreConfigError extends Error {
  override readonly name = 'StoreConfigError';
}

export interface StoreEnv {
  TOPOGRAPH_STORE?: string;
  TOPOGRAPH_DB?: string;
}

/** Where the embedded store lives: `TOPOGRAPH_DB`, else `data/topograph.db`. */
export function dbPath(env: StoreEnv = process.env): string {
  const path = env.TOPOGRAPH_DB?.trim();
  return path ? path : DEFAULT_DB_PATH;
}

export function openStore(env: StoreEnv = process.env): GraphStore {
  const kind = env.TOPOGRAPH_STORE?.trim() || 'embedded';
  switch (kind) {
    case 'embedded':
      return createSqliteStore(dbPath(env));
    case 'neo4j':
      throw new StoreConfigError(
        'store: TOPOGRAPH_STORE=neo4j is not available yet in this version; unset it to use the embedded store',
      );
    default:
      throw new StoreConfigError(
        `store: unknown TOPOGRAPH_STORE "${kind}"; use "embedded" (default) or "neo4j"`,
      );
  }
}

/**
 * What `npm run neo4j` starts, from the environment the rest of Topograph already reads: the
 * Bolt port from `NEO4J_URI` (so the server and the app agree on one setting), the password
 * from `NEO4J_PASSWORD` (or the local default docker compose uses too), memory from
 * `NEO4J_HEAP` and `NEO4J_PAGECACHE` (docker compose's names), the data folder from
 * `TOPOGRAPH_NEO4J_DIR`. Pure: tests pass the environment as data.
 */
import { resolve } from 'node:path';
import { DEFAULT_NEO4J_PASSWORD } from '../server/store/open-store.ts';

const DEFAULT_LOCAL_PORT = 7687;
const DEFAULT_NEO4J_DIR = 'data/neo4j';
const DEFAULT_HEAP = '1G';
const DEFAULT_PAGECACHE = '512M';
/** Neo4j refuses shorter passwords (`dbms.security.auth_minimum_password_length`). */
const MIN_PASSWORD_LENGTH = 8;

export interface LocalNeo4jEnv {
  NEO4J_URI?: string;
  NEO4J_USER?: string;
  NEO4J_PASSWORD?: string;
  NEO4J_HEAP?: string;
  NEO4J_PAGECACHE?: string;
  TOPOGRAPH_NEO4J_DIR?: string;
}

export interface LocalNeo4jOptions {
  /** Always loopback: the server is for this machine. */
  host: '127.0.0.1';
  port: number;
  password: string;
  /** The server's home: its databases, transaction logs and logs/. Absolute. */
  dir: string;
  /** The JVM's `-Xmx`, as Java writes it (`1G`, `768M`). */
  heap: string;
  /** Page cache in bytes. */
  pageCache: number;
}

export class LocalNeo4jError extends Error {
  override readonly name = 'LocalNeo4jError';
}

const LOCAL_HOSTS = new Set(['127.0.0.1', 'localhost', '[::1]']);

/** Reads and checks the options; every refusal says which variable to change and how. */
export function localNeo4jOptions(env: LocalNeo4jEnv, cwd = process.cwd()): LocalNeo4jOptions {
  const password = env.NEO4J_PASSWORD || DEFAULT_NEO4J_PASSWORD;
  if (password.length < MIN_PASSWORD_LENGTH) {
    throw new LocalNeo4jError(
      `neo4j: NEO4J_PASSWORD must have ${MIN_PASSWORD_LENGTH} characters or more (Neo4j refuses shorter ones)`,
    );
  }
  const user = env.NEO4J_USER?.trim();
  if (user && user !== 'neo4j') {
    throw new LocalNeo4jError(
      `neo4j: the local server has one user, "neo4j"; unset NEO4J_USER (it is "${user}")`,
    );
  }
  return {
    host: '127.0.0.1',
    port: portOf(env.NEO4J_URI),
    password,
    dir: resolve(cwd, env.TOPOGRAPH_NEO4J_DIR?.trim() || DEFAULT_NEO4J_DIR),
    heap: javaSize('NEO4J_HEAP', env.NEO4J_HEAP ?? DEFAULT_HEAP),
    pageCache: bytes(javaSize('NEO4J_PAGECACHE', env.NEO4J_PAGECACHE ?? DEFAULT_PAGECACHE)),
  };
}

/** The port of a `bolt://` or `neo4j://` URI on this machine; 7687 when unset. */
function portOf(uri: string | undefined): number {
  if (!uri?.trim()) return DEFAULT_LOCAL_PORT;
  const match = /^(?:neo4j|bolt):\/\/(\[[^\]]+\]|[^:/]+)(?::(\d+))?\/?$/.exec(uri.trim());
  if (!match) {
    throw new LocalNeo4jError(
      `neo4j: NEO4J_URI must look like bolt://127.0.0.1:7687 for the local server, not "${uri}"`,
    );
  }
  const [, host = '', port] = match;
  if (!LOCAL_HOSTS.has(host.toLowerCase())) {
    throw new LocalNeo4jError(
      `neo4j: NEO4J_URI points at ${host}, but npm run neo4j starts a server on this machine; ` +
        'use bolt://127.0.0.1:<port>, or unset NEO4J_URI for port 7687',
    );
  }
  const number = port === undefined ? DEFAULT_LOCAL_PORT : Number(port);
  if (number < 1 || number > 65_535) {
    throw new LocalNeo4jError(`neo4j: the port of NEO4J_URI must be 1–65535, not ${port}`);
  }
  return number;
}

/** `1G`, `512m`, `768M`: a size as Java and Neo4j write it, normalised to upper case. */
function javaSize(name: string, value: string): string {
  const match = /^\s*(\d+)\s*([kKmMgG])\s*$/.exec(value);
  if (!match || Number(match[1]) === 0) {
    throw new LocalNeo4jError(`neo4j: ${name} must be a size like 512M or 2G, not "${value}"`);
  }
  return `${match[1]}${match[2]!.toUpperCase()}`;
}

function bytes(size: string): number {
  const unit = { K: 2 ** 10, M: 2 ** 20, G: 2 ** 30 }[size.slice(-1) as 'K' | 'M' | 'G'];
  return Number(size.slice(0, -1)) * unit;
}

/** The URI the app and the tests use for these options. */
export function boltUri(options: Pick<LocalNeo4jOptions, 'host' | 'port'>): string {
  return `bolt://${options.host}:${options.port}`;
}

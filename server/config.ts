/**
 * The server's settings from the environment, validated with defaults: `HOST` (127.0.0.1, so
 * a laptop does not share its library with the café), `PORT` (5173) and
 * `TOPOGRAPH_READ_THREADS` (2: threads reading the store, see store/read-threads.ts; 0 reads
 * in the server's own thread). Settings may also sit
 * in a `.env` file (see `.env.example`), loaded by `loadDotEnv`.
 */
import { existsSync } from 'node:fs';

export interface ServerConfig {
  host: string;
  port: number;
  readThreads: number;
}

export const DEFAULT_READ_THREADS = 2;
const MAX_READ_THREADS = 16;

export const DEFAULT_HOST = '127.0.0.1';
export const DEFAULT_PORT = 5173;

export class ConfigError extends Error {
  override readonly name = 'ConfigError';
}

export function serverConfig(env: NodeJS.ProcessEnv = process.env): ServerConfig {
  const host = env.HOST?.trim() || DEFAULT_HOST;
  const rawPort = env.PORT?.trim();
  const port = rawPort ? Number(rawPort) : DEFAULT_PORT;
  if (!Number.isInteger(port) || port < 0 || port > 65_535) {
    throw new ConfigError(`server: PORT must be a whole number from 0 to 65535, got "${rawPort}"`);
  }
  const rawThreads = env.TOPOGRAPH_READ_THREADS?.trim();
  const readThreads = rawThreads ? Number(rawThreads) : DEFAULT_READ_THREADS;
  if (!Number.isInteger(readThreads) || readThreads < 0 || readThreads > MAX_READ_THREADS) {
    throw new ConfigError(
      `server: TOPOGRAPH_READ_THREADS must be a whole number from 0 to ${MAX_READ_THREADS}, got "${rawThreads}"`,
    );
  }
  return { host, port, readThreads };
}

/**
 * Loads the settings of a `.env` file (`NAME=value` lines, see `.env.example`) into
 * `process.env` when the file exists; a variable already set in the environment wins. Every
 * entry point calls it first, so the server, `npm run dev` and ingest see the same settings.
 */
export function loadDotEnv(path = '.env'): void {
  if (existsSync(path)) process.loadEnvFile(path);
}

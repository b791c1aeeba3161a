/**
 * The server's settings from the environment, validated with defaults: `HOST` (127.0.0.1, so
 * a laptop does not share its library with the café) and `PORT` (5173). Settings may also sit
 * in a `.env` file (see `.env.example`), loaded by `loadDotEnv`.
 */
import { existsSync } from 'node:fs';

export interface ServerConfig {
  host: string;
  port: number;
}

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
  return { host, port };
}

/**
 * Loads the settings of a `.env` file (`NAME=value` lines, see `.env.example`) into
 * `process.env` when the file exists; a variable already set in the environment wins. Every
 * entry point calls it first, so the server, `npm run dev` and ingest see the same settings.
 */
export function loadDotEnv(path = '.env'): void {
  if (existsSync(path)) process.loadEnvFile(path);
}

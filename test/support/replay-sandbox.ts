/** Test hooks around the replay server (replay-server.ts, which benchmarks use too). */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach } from 'vitest';
import type { ReplayServer } from './replay-server.ts';

/**
 * A fresh temporary folder for each test, and the replay server a test starts (closed after
 * it): `sandbox.dir`, `sandbox.server`.
 */
export function replaySandbox(): { dir: string; server: ReplayServer | undefined } {
  const sandbox = { dir: '', server: undefined as ReplayServer | undefined };
  beforeEach(() => {
    sandbox.dir = mkdtempSync(join(tmpdir(), 'topograph-fetch-'));
  });
  afterEach(async () => {
    await sandbox.server?.close();
    sandbox.server = undefined;
    rmSync(sandbox.dir, { recursive: true, force: true });
  });
  return sandbox;
}

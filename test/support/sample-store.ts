/**
 * Test support: a real embedded store (a SQLite file in a fresh temporary folder) holding the
 * sample corpus of data/samples, ingested through the real pipeline.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ingest, type IngestSummary } from '../../ingest/pipeline.ts';
import type { GraphStore } from '../../server/store/graph-store.ts';
import { createSqliteStore } from '../../server/store/sqlite/sqlite-store.ts';

export const SAMPLES_DIR = 'data/samples';

export interface SampleStore {
  store: GraphStore;
  /** The SQLite file. */
  path: string;
  summary: IngestSummary;
  /** Closes the store and deletes its folder. */
  dispose(): Promise<void>;
}

export async function createSampleStore(): Promise<SampleStore> {
  const dir = mkdtempSync(join(tmpdir(), 'topograph-test-'));
  const path = join(dir, 'topograph.db');
  const store = createSqliteStore(path);
  const summary = await ingest([SAMPLES_DIR], store);
  return {
    store,
    path,
    summary,
    async dispose() {
      await store.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

/**
 * `npm run bench:ingest`: ingests the sample corpus (or the files given) into a fresh SQLite
 * file and reports wall time per run and peak memory. A measurement, never a test: run it on
 * demand and compare numbers across changes.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ingest } from '../ingest/pipeline.ts';
import { createSqliteStore } from '../server/store/sqlite/sqlite-store.ts';

const inputs = process.argv.slice(2);
const paths = inputs.length > 0 ? inputs : ['data/samples'];
const runs = 3;

for (let run = 1; run <= runs; run++) {
  const dir = mkdtempSync(join(tmpdir(), 'topograph-bench-'));
  const store = createSqliteStore(join(dir, 'bench.db'));
  const started = performance.now();
  const summary = await ingest(paths, store);
  const seconds = (performance.now() - started) / 1000;
  const stats = await store.stats();
  await store.close();
  rmSync(dir, { recursive: true, force: true });
  console.log(
    `run ${run}: ${seconds.toFixed(2)} s — ${summary.records} records → ${stats.papers} papers, ` +
      `${stats.topics} topics, ${stats.repositories} repositories, ${stats.clusters} clusters\n` +
      `       stages (s): ${Object.entries(summary.timings)
        .map(([stage, time]) => `${stage} ${time}`)
        .join(', ')}`,
  );
}
const peak = process.resourceUsage().maxRSS / 1024;
console.log(`peak memory (max RSS): ${peak.toFixed(0)} MB`);

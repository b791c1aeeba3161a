/**
 * `npm run bench:ingest [-- [--runs N] files…]`: ingests the sample corpus (or the files
 * given) into a fresh SQLite file and reports, per run, wall time, papers per second, the wall
 * time of each stage and the peak resident memory during each stage (sampled every 100 ms;
 * worker threads included), then the peak of the whole process. A measurement, never a test:
 * run it on demand and compare numbers across changes.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { ingest } from '../ingest/pipeline.ts';
import type { Progress } from '../ingest/progress.ts';
import { createSqliteStore } from '../server/store/sqlite/sqlite-store.ts';

const { values, positionals } = parseArgs({
  allowPositionals: true,
  options: { runs: { type: 'string', default: '3' } },
});
const paths = positionals.length > 0 ? positionals : ['data/samples'];
const runs = Number(values.runs);
if (!Number.isInteger(runs) || runs < 1) throw new RangeError(`--runs: a whole number ≥ 1`);

const mb = (bytes: number) => `${Math.round(bytes / 2 ** 20)} MB`;

/** Progress that remembers the peak memory of each stage the pipeline announces. */
function memoryByStage() {
  /** Per stage: the highest resident memory sampled, and the V8 heap in use at that moment. */
  const peaks = new Map<string, { rss: number; heap: number }>();
  let stage = 'start';
  const sample = () => {
    const { rss, heapUsed } = process.memoryUsage();
    if (rss > (peaks.get(stage)?.rss ?? 0)) peaks.set(stage, { rss, heap: heapUsed });
  };
  const timer = setInterval(sample, 100);
  const progress: Progress = {
    start(next) {
      sample();
      stage = next;
    },
    update: sample,
    stop() {},
    log() {},
  };
  return {
    progress,
    report() {
      clearInterval(timer);
      sample();
      return [...peaks]
        .map(([name, { rss, heap }]) => `${name} ${mb(rss)} (heap ${mb(heap)})`)
        .join(', ');
    },
  };
}

for (let run = 1; run <= runs; run++) {
  const dir = mkdtempSync(join(tmpdir(), 'topograph-bench-'));
  const store = createSqliteStore(join(dir, 'bench.db'));
  const memory = memoryByStage();
  const started = performance.now();
  // As `npm run ingest` does: the similarity index kept beside the store for the next ingest.
  const summary = await ingest(paths, store, {
    progress: memory.progress,
    similarIndexFile: join(dir, 'bench.db.similarity'),
  });
  const seconds = (performance.now() - started) / 1000;
  const stats = await store.stats();
  await store.close();
  rmSync(dir, { recursive: true, force: true });
  console.log(
    `run ${run}: ${seconds.toFixed(1)} s, ${(stats.paperCount / seconds).toFixed(0)} papers/s — ` +
      `${summary.recordCount} records → ${stats.paperCount} papers, ${stats.topicCount} topics, ` +
      `${stats.repositoryCount} repositories, ${stats.clusterCount} clusters\n` +
      `       stages (s): ${Object.entries(summary.timings)
        .flatMap(([stage, time]) => (typeof time === 'number' ? [`${stage} ${time}`] : []))
        .join(', ')}\n` +
      `       analyze (s): ${Object.entries(summary.timings.analysis)
        .map(([step, time]) => `${step} ${time}`)
        .join(', ')}\n` +
      `       peak memory by stage: ${memory.report()}`,
  );
}
console.log(`peak memory (max RSS): ${mb(process.resourceUsage().maxRSS * 1024)}`);

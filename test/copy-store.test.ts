// `npm run copy` between two real SQLite files: the sample corpus ingested into one, copied
// into another through the GraphStore port in small batches, then every API read asked of
// both. The same code path copies into Neo4j (store-neo4j.test.ts runs it when NEO4J_URI is
// set); the command itself runs as users run it, in a child process.
import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { copyStore, CopyError } from '../ingest/copy-store.ts';
import type { Progress } from '../ingest/progress.ts';
import { createSqliteStore } from '../server/store/sqlite/sqlite-store.ts';
import { readEverything } from './support/read-everything.ts';
import { FIXTURE, FIXTURE_ANALYSIS } from './store-contract.ts';
import { createSampleStore, type SampleStore } from './support/sample-store.ts';

// Several tests here ingest the samples more than once (4–10 s a run, more with the other core
// busy): the 30 s default cut them short on a loaded 2-core machine.
vi.setConfig({ testTimeout: 120_000 });

const run = promisify(execFile);

describe('copying a store (embedded → embedded)', () => {
  let sample: SampleStore;
  let dir: string;
  beforeAll(async () => {
    sample = await createSampleStore();
    dir = mkdtempSync(join(tmpdir(), 'topograph-copy-'));
  });
  afterAll(async () => {
    await sample.dispose();
    rmSync(dir, { recursive: true, force: true });
  });

  it('answers every API read as the original does', async () => {
    const target = createSqliteStore(join(dir, 'copy.db'));
    try {
      const stages: string[] = [];
      const updates: number[] = [];
      const progress: Progress = {
        start: (stage) => stages.push(stage),
        update: (done) => updates.push(done),
        stop() {},
        log() {},
      };
      const stats = await copyStore(sample.store, target, { batchSize: 50, progress });
      expect(stats).toEqual(await sample.store.stats());
      expect(stats.paperCount).toBe(176);
      // 176 papers in batches of 50: four pages, progress after each; then their similar
      // papers (every sample paper has some), the same way.
      expect(updates).toEqual([50, 100, 150, 176, 50, 100, 150, 176]);
      expect(stages).toEqual([
        'copying papers',
        'counting topics',
        'copying the map',
        'copying similar papers',
      ]);
      expect(stats.similarCount).toBe(1_760);
      expect(await readEverything(target)).toEqual(await readEverything(sample.store));
      // The map's resolution too, which the next ingest into the copy keeps.
      expect((await target.exportAnalysis()).resolution).toBeGreaterThan(0);
      expect((await target.exportAnalysis()).resolution).toBe(
        (await sample.store.exportAnalysis()).resolution,
      );
      // The looser reading the Neo4j comparison uses (store-neo4j.test.ts) holds here too.
      const neo4jReading = { paperSearchAsSet: true, roundStrengths: true };
      expect(await readEverything(target, neo4jReading)).toEqual(
        await readEverything(sample.store, neo4jReading),
      );
    } finally {
      await target.close();
    }
  });

  it('carries over whether the map is current: a stale one stays stale', async () => {
    const source = createSqliteStore(':memory:');
    const target = createSqliteStore(':memory:');
    try {
      await source.writePapers(FIXTURE);
      await source.refreshTopics();
      await source.writeAnalysis(FIXTURE_ANALYSIS);
      // An ingest that wrote papers, then stopped before drawing the map again.
      await source.writePapers([{ ...FIXTURE[0]!, paper: { ...FIXTURE[0]!.paper, id: 'p9' } }]);
      await copyStore(source, target, { batchSize: 2 });
      const { papersVersion, mapVersion } = await target.mapState();
      expect(mapVersion).toBeLessThan(papersVersion);
      expect(await target.stats()).toEqual(await source.stats());
    } finally {
      await source.close();
      await target.close();
    }
  });

  it('refuses a target that already holds a graph, and leaves it as it was', async () => {
    const target = createSqliteStore(join(dir, 'full.db'));
    try {
      await copyStore(sample.store, target);
      const before = await target.stats();
      await expect(copyStore(sample.store, target)).rejects.toThrow(CopyError);
      await expect(copyStore(sample.store, target)).rejects.toThrow(/already holds 176 papers/);
      expect(await target.stats()).toEqual(before);
    } finally {
      await target.close();
    }
  });

  it('runs as `npm run copy -- --from embedded --to embedded`', async () => {
    const to = join(dir, 'cli.db');
    const args = ['--import', 'tsx', 'ingest/copy-cli.ts', '--from', 'embedded', '--to'];
    const { stdout, stderr } = await run(process.execPath, [
      ...args,
      'embedded',
      '--from-db',
      sample.path,
      '--to-db',
      to,
      '--batch-size',
      '100',
    ]);
    expect(stdout).toMatch(/copied .* → .*cli\.db: 176 papers/);
    // Not a terminal: one line per stage instead of a bar.
    expect(stderr).toContain('copying papers (176)…');
    const copy = createSqliteStore(to, { readonly: true });
    try {
      expect(await copy.stats()).toEqual(await sample.store.stats());
    } finally {
      await copy.close();
    }
    // The same file on both sides, and a source that does not exist, are refused.
    await expect(
      run(process.execPath, [...args, 'embedded', '--from-db', to, '--to-db', to]),
    ).rejects.toMatchObject({ code: 2, stderr: expect.stringContaining('the same store') });
    await expect(
      run(process.execPath, [
        ...args,
        'embedded',
        '--from-db',
        join(dir, 'none.db'),
        '--to-db',
        join(dir, 'x.db'),
      ]),
    ).rejects.toMatchObject({ code: 2, stderr: expect.stringContaining('no embedded store at') });
  });
});

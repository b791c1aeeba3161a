// What an ingest leaves behind when it stops half-way, when another ingest runs beside it, and
// when another process holds the store: on real SQLite files. A stop is simulated at a chosen
// stage by a store whose method throws there, exactly where a kill -9 would end the process
// (each write is one transaction, so a killed process leaves what a thrown one does); the other
// process is a real child process holding SQLite's write lock.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ingest } from '../ingest/pipeline.ts';
import {
  StoreBusyError,
  StoreError,
  type Analysis,
  type GraphStore,
} from '../server/store/graph-store.ts';
import { createSqliteStore } from '../server/store/sqlite/sqlite-store.ts';
import { FIXTURE } from './store-contract.ts';
import { readEverything } from './support/read-everything.ts';
import { holdWriteLock } from './support/sqlite-lock.ts';
import { withMethod } from './support/store-proxy.ts';

const FIRST = 'data/samples/000_5f7d202db131836b.txt';
const SECOND = 'data/samples/002_bac4045119eb759f.txt';

/** The store, but `method` fails as if the process had been killed when it was called. */
function stoppingAt(store: GraphStore, method: 'refreshTopics' | 'writeAnalysis'): GraphStore {
  return withMethod(store, method, async () => {
    throw new Error(`killed at ${method}`);
  });
}

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'topograph-safety-'));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

describe('an ingest stopped before its map', () => {
  for (const stage of ['refreshTopics', 'writeAnalysis'] as const) {
    it(`at ${stage}: the next ingest of the same files draws the map it would have drawn`, async () => {
      const clean = createSqliteStore(join(dir, 'clean.db'));
      const store = createSqliteStore(join(dir, 'stopped.db'));
      try {
        await ingest([FIRST], clean);
        await ingest([SECOND], clean);

        await ingest([FIRST], store);
        await expect(ingest([SECOND], stoppingAt(store, stage))).rejects.toThrow(
          `killed at ${stage}`,
        );
        // The papers are in; the map is still the first file's, and the store knows it.
        const state = await store.mapState();
        expect(state.mapVersion).toBeLessThan(state.papersVersion);

        const again = await ingest([SECOND], store);
        expect(again.paperCounts).toMatchObject({ new: 0, updated: 0 });
        expect(again.map).toMatchObject({ caughtUp: true });
        expect(await store.mapState()).toEqual({
          papersVersion: state.papersVersion,
          mapVersion: state.papersVersion,
          similarVersion: state.papersVersion,
        });
        expect(await readEverything(store)).toEqual(await readEverything(clean));
        // And then it stands.
        expect((await ingest([SECOND], store)).map).toBeUndefined();
      } finally {
        await clean.close();
        await store.close();
      }
    }, 120_000);
  }
});

describe('two ingests into one store at once', () => {
  it('keep the map of all the papers, whichever analysis finishes last', async () => {
    const path = join(dir, 'shared.db');
    // Two connections, as two processes would have.
    const first = createSqliteStore(path);
    const second = createSqliteStore(path);
    try {
      let secondDone: () => void = () => {};
      const secondFinished = new Promise<void>((resolve) => (secondDone = resolve));
      let firstHasRead: () => void = () => {};
      const firstRead = new Promise<void>((resolve) => (firstHasRead = resolve));
      const written: Analysis[] = [];
      // The first ingest's analysis is slow: it writes its map after the second's.
      const readingFirst = withMethod(first, 'readTopicMentions', async (query) => {
        const read = await first.readTopicMentions(query);
        firstHasRead();
        return read;
      });
      const slowFirst = withMethod(readingFirst, 'writeAnalysis', async (analysis) => {
        await secondFinished;
        return first.writeAnalysis(analysis);
      });
      const recordingSecond = withMethod(second, 'writeAnalysis', async (analysis) => {
        written.push(analysis);
        return second.writeAnalysis(analysis);
      });

      const firstRun = ingest([FIRST], slowFirst);
      // The second starts once the first has read its papers and is drawing its map.
      await firstRead;
      const secondRun = ingest([SECOND], recordingSecond).finally(() => secondDone());
      const [firstSummary, secondSummary] = await Promise.all([firstRun, secondRun]);

      // The second read every paper of both; the first's older map was not stored over it.
      const state = await first.mapState();
      expect(written[0]?.version).toBe(state.papersVersion);
      expect(state.mapVersion).toBe(state.papersVersion);
      expect(firstSummary.map).toMatchObject({ superseded: true });
      expect(secondSummary.map?.superseded).toBeUndefined();
      const stored = await first.exportAnalysis();
      expect(stored.clusters).toEqual(written[0]!.clusters);
      expect(stored.coOccurrences).toEqual(
        [...written[0]!.coOccurrences].sort((a, b) =>
          a.source < b.source ? -1 : a.source > b.source ? 1 : a.target < b.target ? -1 : 1,
        ),
      );
    } finally {
      await first.close();
      await second.close();
    }
  }, 120_000);
});

describe('a store another process is writing', () => {
  it('is opened without waiting for the writer, and read while it writes', async () => {
    const path = join(dir, 'busy.db');
    const setup = createSqliteStore(path);
    await setup.writePapers(FIXTURE);
    await setup.close();
    const { released } = await holdWriteLock(path, 1_500);
    let writerDone = false;
    void released.then(() => (writerDone = true));
    // Opening used to write the schema version, failing at once with "database is locked".
    const store = createSqliteStore(path);
    try {
      expect((await store.stats()).paperCount).toBe(4);
      expect(writerDone).toBe(false);
      await released;
    } finally {
      await store.close();
    }
  });

  it('makes a write wait for the other writer, then writes', async () => {
    const path = join(dir, 'wait.db');
    const store = createSqliteStore(path);
    try {
      const { released } = await holdWriteLock(path, 800);
      await store.writePapers(FIXTURE);
      await released;
      expect((await store.stats()).paperCount).toBe(4);
    } finally {
      await store.close();
    }
  });

  it('says so, naming the file, when the writer holds it longer than the wait', async () => {
    const path = join(dir, 'locked.db');
    const store = createSqliteStore(path, { busyTimeoutMs: 200 });
    try {
      const { released } = await holdWriteLock(path, 2_000);
      const writing = store.writePapers(FIXTURE);
      await expect(writing).rejects.toThrow(StoreBusyError);
      await expect(writing).rejects.toThrow(StoreError);
      await expect(writing).rejects.toThrow(
        `store: ${path} is being written by another process (another ingest?) and stayed locked for over 0.2 s; nothing of this write was made`,
      );
      await released;
      expect((await store.stats()).paperCount).toBe(0);
    } finally {
      await store.close();
    }
  });
});

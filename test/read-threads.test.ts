// The server's reads in worker threads (server/store/read-threads.ts) over a real SQLite file
// of the samples: the same answers as reading in the server's thread, a server thread that
// stays free while a read waits, and a dead thread replaced.
import Database from 'better-sqlite3';
import type { FastifyInstance } from 'fastify';
import type { Worker } from 'node:worker_threads';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../server/app.ts';
import { createReadThreads, type ReadThreads } from '../server/store/read-threads.ts';
import { createSampleStore, type SampleStore } from './support/sample-store.ts';

describe('reads in worker threads', () => {
  let sample: SampleStore;
  let threads: ReadThreads;
  const workers: Worker[] = [];
  let threaded: FastifyInstance;
  let inThread: FastifyInstance;

  beforeAll(async () => {
    sample = await createSampleStore();
    threads = await createReadThreads({ kind: 'embedded', path: sample.path }, 2, {
      started: (worker) => workers.push(worker),
    });
    threaded = await buildApp({ store: sample.store, reader: threads });
    inThread = await buildApp({ store: sample.store });
  });
  afterAll(async () => {
    await threaded?.close();
    await inThread?.close();
    await threads?.close();
    await sample?.dispose();
  });

  it('answers every route as reading in the server’s thread does', async () => {
    const topic = (await sample.store.topicMap({ limit: 1, minPapers: 1, maxEdges: 0 })).topics[0]!
      .id;
    const paper = (await sample.store.topic(topic, 1))!.papers[0]!.id;
    const urls = [
      '/api/health',
      '/api/stats',
      '/api/topic-map?limit=50',
      '/api/paper-map?limit=80&links=3',
      `/api/topics/${encodeURIComponent(topic)}`,
      `/api/papers/${encodeURIComponent(paper)}?related=5`,
      '/api/repositories/github.com%2Fpy-why%2Fdowhy',
      '/api/topics/no%20such%20topic',
      '/api/paper-map?limit=0',
      // Many at once, spread over both threads, each answered with its own answer.
      ...Array.from({ length: 20 }, (_, i) => `/api/search?q=causal&limit=${i + 1}`),
    ];
    const [a, b] = await Promise.all(
      [threaded, inThread].map((app) => Promise.all(urls.map((url) => app.inject(url)))),
    );
    const answers = (replies: NonNullable<typeof a>) =>
      replies.map((reply, i) => ({ url: urls[i], status: reply.statusCode, body: reply.json() }));
    expect(answers(a!)).toEqual(answers(b!));
    expect(a!.filter((reply) => reply.statusCode === 200).length).toBe(urls.length - 2);
  });

  describe('while another connection holds the file', () => {
    // A copy in rollback-journal mode, where a writer's exclusive lock makes readers wait
    // (in WAL mode nothing does): a read in a thread is then under way until it is let go.
    let copy: string;
    let locked: ReadThreads;
    const lockedWorkers: Worker[] = [];
    let app: FastifyInstance;
    let locker: Database.Database;

    beforeAll(async () => {
      copy = `${sample.path}.journal.db`;
      const source = new Database(sample.path, { readonly: true });
      source.exec(`VACUUM INTO '${copy}'`);
      source.close();
      const db = new Database(copy);
      db.pragma('journal_mode = DELETE');
      db.close();
      locked = await createReadThreads({ kind: 'embedded', path: copy }, 1, {
        started: (worker) => lockedWorkers.push(worker),
      });
      app = await buildApp({ store: sample.store, reader: locked });
    });
    afterAll(async () => {
      await app?.close();
      await locked?.close();
    });

    const lock = () => {
      locker = new Database(copy);
      locker.exec('BEGIN EXCLUSIVE');
    };
    const unlock = () => {
      locker.exec('ROLLBACK');
      locker.close();
    };

    it('keeps the server’s thread free while a read waits', async () => {
      lock();
      let answered = false;
      const waiting = app.inject('/api/search?q=causal').then((reply) => {
        answered = true;
        return reply;
      });
      // Answered by the server's thread meanwhile; a read in that thread would hold it until
      // the lock went (and the lock could not go: this thread lets it go).
      const other = await app.inject('/api/no-such-route');
      expect(other.statusCode).toBe(404);
      await new Promise((resolve) => setTimeout(resolve, 50));
      expect(answered).toBe(false);
      unlock();
      const reply = await waiting;
      expect(reply.statusCode).toBe(200);
      expect(reply.json().results.length).toBeGreaterThan(0);
    });

    it('fails the reads of a thread that dies, saying so, and replaces it', async () => {
      // Stopped with a read just sent (stopping one inside SQLite would crash the process; a
      // thread dies on its own, out of memory say, between two of its statements).
      const stopping = lockedWorkers[0]!.terminate();
      const held = locked.stats();
      await stopping;
      await expect(held).rejects.toThrow(/read thread stopped/);
      // The next read starts a new thread and is answered.
      expect((await locked.stats()).paperCount).toBe(176);
      expect(lockedWorkers.length).toBe(2);
      expect((await app.inject('/api/stats')).statusCode).toBe(200);
    });
  });

  it('refuses to start on a store it cannot open, naming it', async () => {
    await expect(
      createReadThreads({ kind: 'embedded', path: `${sample.path}.missing` }, 1),
    ).rejects.toThrow(/cannot read .*\.missing: unable to open database file/);
  });
});

/**
 * The server's reads in worker threads, each with its own connection to the store. The
 * embedded store is synchronous (better-sqlite3): read in the server's thread, a topic's 500
 * papers at 80,000 papers (0.85 s) or the 3,000-paper map (0.5 s to read, 1.1 s to build) held
 * every other request, `/api/health` included. In threads, the server's own thread only routes,
 * serialises and compresses; SQLite's WAL lets them read while an ingest writes.
 *
 * A read goes to the thread with the fewest reads under way. A thread that dies fails the reads
 * it held (the request gets a 500 that says so) and is replaced for the next one.
 */
import { Worker } from 'node:worker_threads';
import type { Neo4jConfig } from './neo4j/neo4j-store.ts';
import type { GraphReader, ReadName } from './graph-reader.ts';
import { READS } from './graph-reader.ts';

/** How a thread opens the store: the embedded file read-only, or Neo4j. */
export type ReaderSource =
  { kind: 'embedded'; path: string } | { kind: 'neo4j'; config: Neo4jConfig };

export interface ReadThreads extends GraphReader {
  /** Stops the threads, closing their connections; reads under way fail. */
  close(): Promise<void>;
}

/** A message to a thread, and its answer. */
export interface ReadRequest {
  id: number;
  read: ReadName;
  args: unknown[];
}
export type ReadAnswer =
  { id: number; value: unknown } | { id: number; error: { name: string; message: string } };

/** What a thread says once its store is open, or why it could not open it. */
export type ReadyMessage = { ready: true } | { ready: false; error: string };

class ReadThreadError extends Error {
  override readonly name = 'ReadThreadError';
}

interface Thread {
  worker: Worker;
  pending: Map<number, { resolve(value: unknown): void; reject(error: Error): void }>;
}

/** Starts `threads` read threads on `source`; resolves once every one has opened it. */
export async function createReadThreads(
  source: ReaderSource,
  threads: number,
  {
    started,
  }: {
    /** Sees each thread as it starts (tests stop one as a crash would). */ started?: (
      worker: Worker,
    ) => void;
  } = {},
): Promise<ReadThreads> {
  let nextId = 0;
  let closed = false;
  const pool: Thread[] = [];

  const start = (): Promise<Thread> =>
    new Promise((resolve, reject) => {
      const worker = new Worker(new URL('./read-thread.mjs', import.meta.url), {
        workerData: source,
      });
      const thread: Thread = { worker, pending: new Map() };
      started?.(worker);
      const fail = (error: Error) => {
        for (const { reject: rejectRead } of thread.pending.values()) rejectRead(error);
        thread.pending.clear();
      };
      worker.once('message', (message: ReadyMessage) => {
        if (message.ready) resolve(thread);
        else {
          reject(new ReadThreadError(message.error));
          void worker.terminate();
        }
        worker.on('message', (answer: ReadAnswer) => {
          const read = thread.pending.get(answer.id);
          if (!read) return;
          thread.pending.delete(answer.id);
          if ('error' in answer) {
            read.reject(
              Object.assign(new Error(answer.error.message), { name: answer.error.name }),
            );
          } else read.resolve(answer.value);
        });
      });
      worker.on('error', (error) => {
        reject(error);
        fail(new ReadThreadError(`store: a read thread failed: ${error.message}`));
      });
      worker.on('exit', (code) => {
        fail(new ReadThreadError(`store: a read thread stopped (exit code ${code})`));
        // Replaced by the next read, unless the reader is closing.
        const at = pool.indexOf(thread);
        if (at >= 0 && !closed) pool.splice(at, 1);
      });
    });

  pool.push(...(await Promise.all(Array.from({ length: threads }, start))));

  const threadFor = async (): Promise<Thread> => {
    while (pool.length < threads) pool.push(await start());
    return pool.reduce((best, thread) => (thread.pending.size < best.pending.size ? thread : best));
  };

  const ask = async (read: ReadName, args: unknown[]): Promise<unknown> => {
    if (closed) throw new ReadThreadError('store: the reader is closed');
    const thread = await threadFor();
    const id = nextId++;
    return new Promise((resolve, reject) => {
      thread.pending.set(id, { resolve, reject });
      thread.worker.postMessage({ id, read, args } satisfies ReadRequest);
    });
  };

  const reads = Object.fromEntries(
    READS.map((read) => [read, (...args: unknown[]) => ask(read, args)]),
  ) as unknown as Omit<GraphReader, 'kind'>;

  return {
    kind: source.kind,
    ...reads,
    async close() {
      closed = true;
      await Promise.all(
        pool.map(
          (thread) =>
            new Promise<void>((resolve) => {
              thread.worker.once('exit', () => resolve());
              thread.worker.postMessage('close');
            }),
        ),
      );
    },
  };
}

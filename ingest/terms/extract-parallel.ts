/**
 * Key-term extraction on several cores: the per-document half (tagging with compromise,
 * ~8 ms a paper) runs in worker threads on contiguous shares of the documents, the corpus
 * half in this thread. The result is exactly `extractTerms(docs)`'s: the same documents in
 * the same order, ranked by the same code.
 */
import { availableParallelism } from 'node:os';
import { Worker } from 'node:worker_threads';
import {
  checkInput,
  rankDocuments,
  type ExtractOptions,
  type KeyTerm,
  type ReadDocument,
  type TermDoc,
} from './extract.ts';

export interface ParallelOptions extends ExtractOptions {
  /** Worker threads; default: the cores available, at most 8. */
  workers?: number;
  /** Called as shares finish, with the number of documents read so far. */
  onProgress?: (read: number) => void;
}

/** Reads `docs` in one worker thread. */
function readInWorker(docs: TermDoc[]): Promise<ReadDocument[]> {
  return new Promise((resolve, reject) => {
    const worker = new Worker(new URL('./read-worker.mjs', import.meta.url), {
      workerData: docs,
    });
    worker.once('message', (parsed: ReadDocument[]) => resolve(parsed));
    worker.once('error', reject);
    worker.once('exit', (code) => {
      if (code !== 0) reject(new Error(`ingest/terms: worker stopped with exit code ${code}`));
    });
  });
}

export async function extractTermsInParallel(
  docs: TermDoc[],
  options: ParallelOptions = {},
): Promise<Map<string, KeyTerm[]>> {
  const topK = checkInput(docs, options);
  const workers = Math.max(
    1,
    Math.min(options.workers ?? Math.min(availableParallelism(), 8), docs.length),
  );
  // More shares than workers would only add start-up cost; fewer would leave a core idle.
  const size = Math.ceil(docs.length / workers);
  let read = 0;
  const shares = await Promise.all(
    Array.from({ length: workers }, (_, index) =>
      readInWorker(docs.slice(index * size, (index + 1) * size)).then((parsed) => {
        read += parsed.length;
        options.onProgress?.(read);
        return parsed;
      }),
    ),
  );
  return rankDocuments(shares.flat(), topK);
}

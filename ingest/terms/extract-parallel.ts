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
  reportFailures,
  type ExtractOptions,
  type KeyTerm,
  type ReadDocument,
  type TermDoc,
} from './extract.ts';

export interface ParallelOptions extends ExtractOptions {
  /** Worker threads; default: the cores available, at most 8. */
  workers?: number;
  /** Documents per message to a worker; default `DEFAULT_SHARE`. */
  shareSize?: number;
  /** Called as shares finish, with the number of documents read so far. */
  onProgress?: (read: number) => void;
}

/** Documents per message: small enough that no message is huge, large enough to be cheap. */
export const DEFAULT_SHARE = 200;

/**
 * Reads `shares` with one worker thread, one share a message, taking the next share from the
 * common queue each time (so a slow share does not hold the others back). Results are stored
 * by share index, so their order is the documents' order.
 */
function runWorker(
  shares: TermDoc[][],
  next: () => number | undefined,
  results: ReadDocument[][],
  onShare: (documents: number) => void,
): Promise<void> {
  return new Promise((resolve, reject) => {
    const worker = new Worker(new URL('./read-worker.mjs', import.meta.url));
    let current: number | undefined;
    const sendNext = () => {
      current = next();
      if (current === undefined) {
        void worker.terminate().then(() => resolve());
      } else {
        worker.postMessage(shares[current]);
      }
    };
    worker.on('message', (parsed: ReadDocument[] | { error: string; id?: string }) => {
      if (!Array.isArray(parsed)) {
        reject(
          new Error(`ingest/terms: worker could not send document ${parsed.id}: ${parsed.error}`),
        );
        void worker.terminate();
        return;
      }
      results[current!] = parsed;
      onShare(parsed.length);
      sendNext();
    });
    worker.once('error', (error) =>
      reject(
        new Error(
          `ingest/terms: worker failed: ${error instanceof Error ? error.message : JSON.stringify(error)}`,
        ),
      ),
    );
    worker.once('online', sendNext);
  });
}

export async function extractTermsInParallel(
  docs: TermDoc[],
  options: ParallelOptions = {},
): Promise<Map<string, KeyTerm[]>> {
  const topK = checkInput(docs, options);
  const shares: TermDoc[][] = [];
  const size = options.shareSize ?? DEFAULT_SHARE;
  for (let start = 0; start < docs.length; start += size) {
    shares.push(docs.slice(start, start + size));
  }
  const workers = Math.max(
    1,
    Math.min(options.workers ?? Math.min(availableParallelism(), 8), shares.length),
  );
  let queued = 0;
  let read = 0;
  const results: ReadDocument[][] = [];
  await Promise.all(
    Array.from({ length: workers }, () =>
      runWorker(
        shares,
        () => (queued < shares.length ? queued++ : undefined),
        results,
        (documents) => {
          read += documents;
          options.onProgress?.(read);
        },
      ),
    ),
  );
  return rankDocuments(reportFailures(results.flat(), options), topK);
}

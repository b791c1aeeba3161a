/**
 * Key-term extraction on several cores: the per-document half (read.ts: tagging with
 * compromise, ~5 ms a paper) runs in worker threads on shares of the documents, the corpus
 * half (corpus.ts) in this thread. The result is exactly `extractTerms(docs)`'s: the same
 * documents in the same order, ranked by the same code.
 */
import { availableParallelism } from 'node:os';
import { Worker } from 'node:worker_threads';
import { TermCorpus } from './corpus.ts';
import {
  addDocument,
  checkInput,
  keyTermsOf,
  type ExtractOptions,
  type KeyTerm,
} from './extract.ts';
import type { ReadDocument, TermDoc } from './read.ts';

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
 * Reads shares with one worker thread, one share a message, taking the next share from the
 * common queue each time (so a slow share does not hold the others back).
 */
function runWorker(
  shares: TermDoc[][],
  next: () => number | undefined,
  onShare: (index: number, read: ReadDocument[]) => void,
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
    worker.on('message', (read: ReadDocument[] | { error: string }) => {
      if (!Array.isArray(read)) {
        reject(new Error(`ingest/terms: worker failed: ${read.error}`));
        void worker.terminate();
        return;
      }
      onShare(current!, read);
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

/**
 * Reads every document in worker threads into a `TermCorpus`, in document order; rank it for
 * the terms. Failures are told to `options.onFailure` as they are read.
 */
export async function readCorpusInParallel(
  docs: TermDoc[],
  options: ParallelOptions = {},
): Promise<TermCorpus> {
  checkInput(docs, options);
  const shares: TermDoc[][] = [];
  const size = options.shareSize ?? DEFAULT_SHARE;
  for (let start = 0; start < docs.length; start += size) {
    shares.push(docs.slice(start, start + size));
  }
  const workers = Math.max(
    1,
    Math.min(options.workers ?? Math.min(availableParallelism(), 8), shares.length),
  );
  const corpus = new TermCorpus();
  // Shares finish out of order; each is added once all before it are, then let go.
  const waiting = new Map<number, ReadDocument[]>();
  let added = 0;
  let queued = 0;
  let read = 0;
  const onShare = (index: number, share: ReadDocument[]) => {
    waiting.set(index, share);
    for (let next = waiting.get(added); next; next = waiting.get(added)) {
      waiting.delete(added);
      for (const doc of next) addDocument(corpus, doc, options);
      added += 1;
    }
    read += share.length;
    options.onProgress?.(read);
  };
  await Promise.all(
    Array.from({ length: workers }, () =>
      runWorker(shares, () => (queued < shares.length ? queued++ : undefined), onShare),
    ),
  );
  return corpus;
}

export async function extractTermsInParallel(
  docs: TermDoc[],
  options: ParallelOptions = {},
): Promise<Map<string, KeyTerm[]>> {
  const topK = checkInput(docs, options);
  const corpus = await readCorpusInParallel(docs, options);
  return keyTermsOf(corpus, topK, options.thesaurus);
}

/**
 * Key-term extraction, the ingest stage between merged papers and the graph's topics: for each
 * paper, the few noun phrases that say what it is about, as normalised topic keys. Candidates
 * come from compromise's part-of-speech tags (candidates.ts), are normalised so variants meet
 * (normalise.ts, acronyms.ts), folded per paper (mentions.ts) and ranked by a per-paper score
 * weighed against how common each term is in the documents given (score.ts). Reading is per
 * document (read.ts), ranking is corpus-wide (corpus.ts). Pure: no I/O, and the same
 * documents in the same order always give the same terms.
 */
import { TermCorpus, type KeyTerm } from './corpus.ts';
import { readDocuments, type ReadDocument, type TermDoc } from './read.ts';
import type { Thesaurus } from './thesaurus.ts';

export type { KeyTerm, RankedDocument, TermCorpus } from './corpus.ts';
export type { TermDoc } from './read.ts';

export interface ExtractOptions {
  /** Most terms kept per document; default `DEFAULT_TOP_K`. */
  topK?: number;
  /** Told of each document the tagger failed on (it gets no terms). */
  onFailure?: (id: string, reason: string) => void;
  /** Terms to merge or drop before ranking (thesaurus.ts). */
  thesaurus?: Thesaurus;
}

export const DEFAULT_TOP_K = 10;

/**
 * Extracts the key terms of each document, best first, at most `topK` per document; every id
 * is in the result, with an empty list when nothing qualifies. Corpus statistics (document
 * frequency, acronyms defined in one document and used bare in another, words used mostly as
 * modifiers) come from `docs` alone: extracting one document on its own ranks by its own
 * evidence only, and the same document may rank differently in a different corpus.
 * Throws a `RangeError` for a duplicate id or a `topK` that is not a non-negative integer.
 */
export function extractTerms(
  docs: TermDoc[],
  options: ExtractOptions = {},
): Map<string, KeyTerm[]> {
  const topK = checkInput(docs, options);
  return keyTermsOf(readCorpus(docs, options), topK, options.thesaurus);
}

/** Each document's key terms, by id. */
export function keyTermsOf(
  corpus: TermCorpus,
  topK: number,
  thesaurus: Thesaurus | undefined,
): Map<string, KeyTerm[]> {
  const terms = new Map<string, KeyTerm[]>();
  for (const { id, keyTerms } of corpus.rank(topK, thesaurus)) terms.set(id, keyTerms);
  return terms;
}

/**
 * Reads every document into a `TermCorpus` (in this thread; `readCorpusInParallel` uses
 * worker threads); `rank` it for the terms, one document at a time.
 */
export function readCorpus(docs: TermDoc[], options: ExtractOptions = {}): TermCorpus {
  checkInput(docs, options);
  const corpus = new TermCorpus();
  for (const doc of readDocuments(docs)) addDocument(corpus, doc, options);
  return corpus;
}

/** Adds a read document to `corpus`, telling `options.onFailure` if it could not be read. */
export function addDocument(corpus: TermCorpus, doc: ReadDocument, options: ExtractOptions): void {
  if (doc.failed) options.onFailure?.(doc.id, doc.failed);
  corpus.add(doc);
}

/** Validates a call; returns `topK`. */
export function checkInput(docs: readonly TermDoc[], options: ExtractOptions): number {
  const topK = options.topK ?? DEFAULT_TOP_K;
  if (!Number.isInteger(topK) || topK < 0) {
    throw new RangeError(`ingest/terms: topK must be a non-negative integer, got ${topK}`);
  }
  const ids = new Set<string>();
  for (const { id } of docs) {
    if (ids.has(id)) throw new RangeError(`ingest/terms: duplicate document id "${id}"`);
    ids.add(id);
  }
  return topK;
}

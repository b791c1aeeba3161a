/**
 * Key-term extraction, the ingest stage between merged papers and the graph's topics: for each
 * paper, the few noun phrases that say what it is about, as normalised topic keys. Candidates
 * come from compromise's part-of-speech tags (candidates.ts), are normalised so variants meet
 * (normalise.ts, acronyms.ts), folded per paper (mentions.ts) and ranked by a per-paper score
 * weighed against how common each term is in the documents given (score.ts). Pure: no I/O,
 * and the same documents in the same order always give the same terms.
 */
import { applyAcronyms, mergeAcronymTables, resolveAcronyms } from './acronyms.ts';
import { findCandidates, type Occurrence } from './candidates.ts';
import { findModifierWords, isJunkTerm } from './junk.ts';
import { collectMentions, type Mention, type PlacedOccurrence } from './mentions.ts';
import { createSingulariser, isAcronym } from './normalise.ts';
import { scoreTerm } from './score.ts';

/** A document to extract terms from; `id` must be unique in one call. */
export interface TermDoc {
  id: string;
  title?: string;
  text: string;
}

/** One key term of one document. */
export interface KeyTerm {
  /** Normalised topic id: "structural causal model", "GPT-4", "non stationary". */
  key: string;
  /** The most readable form the document writes: "image-text matching", "LLM". */
  label: string;
  score: number;
  /** Occurrences in title and text, counting uses inside longer phrases and acronyms. */
  count: number;
  inTitle: boolean;
}

export interface ExtractOptions {
  /** Most terms kept per document; default `DEFAULT_TOP_K`. */
  topK?: number;
  /** Told of each document the tagger failed on (it gets no terms). */
  onFailure?: (id: string, reason: string) => void;
}

export const DEFAULT_TOP_K = 10;

/** "Selective Latent Iterations" → "selective latent iterations": the tagger reads Title Case
 * as a string of proper nouns. Acronyms, names with inner capitals and hyphenated compounds
 * ("Think-at-Hard") keep their case. */
function titleForTagging(title: string): string {
  return title.replace(/(?<![\p{L}\p{N}'’-])\p{Lu}\p{Ll}+(?![\p{L}\p{N}'’-])/gu, (word) =>
    word.toLowerCase(),
  );
}

/** One document's phrase occurrences, title first (at position 0), with its own acronyms
 * resolved; `defined` holds the acronyms it defines, for the other documents. */
function readDocument(doc: TermDoc, singular: (word: string) => string) {
  const place =
    (inTitle: boolean) =>
    (occurrence: Occurrence): PlacedOccurrence => ({
      ...occurrence,
      inTitle,
      position: inTitle ? 0 : occurrence.position,
    });
  const title = doc.title ? findCandidates(titleForTagging(doc.title), singular) : [];
  const text = findCandidates(doc.text, singular);
  return resolveAcronyms([...title.map(place(true)), ...text.map(place(false))], singular);
}

/** Orders terms best first; equal scores by key, so the order never depends on input order. */
function byRank(a: KeyTerm, b: KeyTerm): number {
  return b.score - a.score || (a.key < b.key ? -1 : a.key > b.key ? 1 : 0);
}

/**
 * Drops, from a ranked list, the terms the abstract writes once that only add a word or two to
 * a better ranked term ("image-text matching method" after "image-text matching"), so the list
 * names different things. A longer term used twice, or in the title, is a topic of its own.
 */
function withoutEchoes(ranked: KeyTerm[]): KeyTerm[] {
  const kept: KeyTerm[] = [];
  for (const term of ranked) {
    const padded = ` ${term.key} `;
    const echoes =
      term.count === 1 && !term.inTitle && kept.some(({ key }) => padded.includes(` ${key} `));
    if (!echoes) kept.push(term);
  }
  return kept;
}

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
  return rankDocuments(reportFailures(readDocuments(docs), options), topK);
}

/** Validates a call; returns `topK`. */
export function checkInput(docs: TermDoc[], options: ExtractOptions): number {
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

/** Tells `options.onFailure` of the documents that could not be read; returns them all. */
export function reportFailures(parsed: ReadDocument[], options: ExtractOptions): ReadDocument[] {
  for (const { id, failed } of parsed) if (failed) options.onFailure?.(id, failed);
  return parsed;
}

/** One document read: its phrase occurrences and the acronyms it defines. Plain data. */
export type ReadDocument = { id: string; failed?: string } & ReturnType<typeof readDocument>;

/**
 * The per-document half of extraction (tagging, candidates, the document's own acronyms): the
 * costly part, independent across documents, so it can run in worker threads
 * (extract-parallel.ts).
 */
export function readDocuments(docs: TermDoc[]): ReadDocument[] {
  const singular = createSingulariser();
  return docs.map((doc) => {
    try {
      return { id: doc.id, ...readDocument(doc, singular) };
    } catch (error) {
      // One text the tagger cannot handle must not stop a corpus: it gets no terms.
      const reason = error instanceof Error ? error.message : JSON.stringify(error);
      return { id: doc.id, occurrences: [], defined: new Map(), failed: reason || 'unknown error' };
    }
  });
}

/**
 * The corpus half: acronyms across documents, modifier words and document frequencies, then
 * each document's terms ranked. `parsed` in document order.
 */
export function rankDocuments(parsed: ReadDocument[], topK: number): Map<string, KeyTerm[]> {
  // Acronyms one document defines resolve its bare uses in the others.
  const corpusAcronyms = mergeAcronymTables(parsed.map(({ defined }) => defined));
  const resolved = parsed.map(({ id, occurrences, defined }) => {
    const known = new Map([...corpusAcronyms, ...defined]);
    const kept = applyAcronyms(occurrences, known).filter((o) => !isJunkTerm(o.term.words));
    return { id, occurrences: kept, known };
  });

  // Corpus statistics: words that only modify, then document frequencies of the mentions.
  const modifiers = findModifierWords(
    resolved.flatMap(({ occurrences }) => occurrences.map((o) => o.term.words)),
  );
  const isTopical = ({ term: { words } }: Occurrence) =>
    words.length > 1 || isAcronym(words[0] ?? '') || !modifiers.has(words[0] ?? '');
  const documentFrequency = new Map<string, number>();
  const mentionsById = new Map<string, Map<string, Mention>>();
  for (const { id, occurrences, known } of resolved) {
    const mentions = collectMentions(occurrences.filter(isTopical), known);
    mentionsById.set(id, mentions);
    for (const key of mentions.keys()) {
      documentFrequency.set(key, (documentFrequency.get(key) ?? 0) + 1);
    }
  }

  const result = new Map<string, KeyTerm[]>();
  for (const [id, mentions] of mentionsById) {
    const ranked = [...mentions.values()].map(({ key, label, count, inTitle, ...evidence }) => ({
      key,
      label,
      score: scoreTerm(
        { count, inTitle, ...evidence },
        documentFrequency.get(key) ?? 1,
        parsed.length,
      ),
      count,
      inTitle,
    }));
    result.set(id, withoutEchoes(ranked.sort(byRank)).slice(0, topK));
  }
  return result;
}

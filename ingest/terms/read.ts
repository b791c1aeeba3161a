/**
 * The per-document half of key-term extraction: tag a paper's title and abstract, find its
 * noun phrases and resolve the acronyms it defines itself. This is the costly part (~5 ms a
 * paper, nearly all of it compromise) and independent across documents, so it runs in worker
 * threads on big corpora (extract-parallel.ts). Its result is a `ReadDocument`: plain strings
 * and one typed array, cheap to send between threads and small to keep for the corpus half
 * (corpus.ts).
 */
import { resolveAcronyms, type AcronymTable } from './acronyms.ts';
import { findCandidates, type Occurrence } from './candidates.ts';
import { createSingulariser } from './normalise.ts';

/** A document to extract terms from; `id` must be unique in one call. */
export interface TermDoc {
  id: string;
  title?: string;
  text: string;
}

/**
 * One document read. Its phrase occurrences are in reading order, title first, each a key
 * (the normalised term: its words are `key.split(' ')`) and the label it is written with.
 */
export interface ReadDocument {
  id: string;
  /** Why the tagger failed on this document (it then has no occurrences). */
  failed?: string;
  /** Acronyms the document defines: [acronym, key, label] of each expansion. */
  defined: [acronym: string, key: string, label: string][];
  keys: string[];
  labels: string[];
  /** Relative position of each occurrence in the abstract, 0 to 1; -1 in the title. */
  positions: Float64Array;
}

/** Position given to an occurrence in the title. */
export const IN_TITLE = -1;

/** "Selective Latent Iterations" → "selective latent iterations": the tagger reads Title Case
 * as a string of proper nouns. Acronyms, names with inner capitals and hyphenated compounds
 * ("Think-at-Hard") keep their case. */
function titleForTagging(title: string): string {
  return title.replace(/(?<![\p{L}\p{N}'’-])\p{Lu}\p{Ll}+(?![\p{L}\p{N}'’-])/gu, (word) =>
    word.toLowerCase(),
  );
}

function readDocument(doc: TermDoc, singular: (word: string) => string): ReadDocument {
  const place =
    (inTitle: boolean) =>
    ({ term, words, position, definesPrevious, head }: Occurrence) => ({
      term,
      words,
      position,
      definesPrevious,
      head,
      inTitle,
    });
  const title = doc.title ? findCandidates(titleForTagging(doc.title), singular) : [];
  const text = findCandidates(doc.text, singular);
  const { occurrences: resolved, defined } = resolveAcronyms(
    [...title.map(place(true)), ...text.map(place(false))],
    singular,
  );
  const occurrences = withNamedOfTerms(resolved, defined);
  return {
    id: doc.id,
    defined: [...defined].map(([acronym, { key, label }]) => [acronym, key, label]),
    keys: occurrences.map(({ term }) => term.key),
    labels: occurrences.map(({ term }) => term.label),
    positions: Float64Array.from(occurrences, ({ inTitle, position }) =>
      inTitle ? IN_TITLE : position,
    ),
  };
}

/**
 * Keeps the "of"-terms a paper uses as names ("mixture of experts"): written twice (title
 * included) or given an acronym. A phrase written once in passing ("simulations of lattice
 * field theories") is left to its two parts.
 */
function withNamedOfTerms<T extends Occurrence & { inTitle: boolean }>(
  occurrences: T[],
  defined: AcronymTable,
): T[] {
  const uses = new Map<string, number>();
  for (const { head, term } of occurrences) {
    if (head !== undefined) uses.set(term.key, (uses.get(term.key) ?? 0) + 1);
  }
  if (uses.size === 0) return occurrences;
  const expansions = new Set([...defined.values()].map(({ key }) => key));
  return occurrences.filter(
    ({ head, term }) => head === undefined || uses.get(term.key)! >= 2 || expansions.has(term.key),
  );
}

/** Reads each document; one the tagger fails on is kept, empty, with the reason. */
export function readDocuments(docs: readonly TermDoc[]): ReadDocument[] {
  const singular = createSingulariser();
  return docs.map((doc) => {
    try {
      return readDocument(doc, singular);
    } catch (error) {
      // One text the tagger cannot handle must not stop a corpus: it gets no terms.
      const reason = error instanceof Error ? error.message : JSON.stringify(error);
      return {
        id: doc.id,
        failed: reason || 'unknown error',
        defined: [],
        keys: [],
        labels: [],
        positions: new Float64Array(0),
      };
    }
  });
}

/**
 * The corpus half of key-term extraction. Some evidence is corpus-wide: acronyms one paper
 * defines and another uses bare, words the corpus uses mostly as modifiers, and how many papers
 * mention each term (the idf of the score). So every document is read first (read.ts), then
 * all are ranked.
 *
 * A `TermCorpus` holds the read documents in bounded memory: each occurrence is two interned
 * string ids and a number in typed arrays (~20 bytes, where occurrence objects took ~1 KB and
 * 80,000 papers ran out of heap). `rank` then yields each document's terms in turn, so a
 * caller can store them as they come instead of holding all of them.
 */
import { mergeAcronymTables, type AcronymTable } from './acronyms.ts';
import { findModifierWords, isJunkTerm, nameAmongGenerics } from './junk.ts';
import { collectMentions, type Mention, type PlacedOccurrence } from './mentions.ts';
import { isAcronym, type NormalisedTerm } from './normalise.ts';
import { IN_TITLE, type ReadDocument } from './read.ts';
import { scoreTerm } from './score.ts';
import type { Thesaurus } from './thesaurus.ts';

/** One key term of one document. */
export interface KeyTerm {
  /** Normalised topic id: "structural causal model", "GPT-4", "non stationary". */
  key: string;
  /**
   * The most readable form the document writes ("image-text matching"), followed by the
   * acronym that stands for it where the corpus defines one: "large language model (LLM)".
   */
  label: string;
  score: number;
  /** Occurrences in title and text, counting uses inside longer phrases and acronyms. */
  count: number;
  inTitle: boolean;
}

/**
 * One document ranked: its key terms, best first, and every other term it mentions (terms
 * below the cut, echoes, and terms it writes only inside longer phrases, whose label is empty),
 * best first: a topic's papers are all the papers that mention it, key term or not.
 */
export interface RankedDocument {
  id: string;
  keyTerms: KeyTerm[];
  otherTerms: KeyTerm[];
}

/** A document as the corpus keeps it. */
interface StoredDocument {
  id: string;
  /** The acronyms it defines, when it defines any. */
  defined: AcronymTable | undefined;
  /** Interned key and label of each occurrence, in pairs. */
  terms: Int32Array;
  positions: Float64Array;
}

/**
 * What a store already holds, for ranking new documents against it: how many papers it holds
 * besides the documents ranked, how many of those mention each term (keys it does not hold are
 * absent), how often they write each word before others, and how it reads acronyms. With it,
 * a daily listing of 50 papers is ranked against the 80,000 papers stored, not against itself:
 * "LLM" written bare is a large language model there even when no paper of the listing says
 * so, and a word is a modifier or a term as the whole store uses it.
 */
export interface TermBackground {
  paperCount: number;
  documentFrequency: ReadonlyMap<string, number>;
  /** One-word key → papers writing it before another word (`findModifierWords`). */
  leads?: ReadonlyMap<string, number>;
  /** Acronym → the term the store names with it: "LLM" → large language model. */
  acronyms?: ReadonlyMap<string, { key: string; label: string }>;
}

/** Orders terms best first; equal scores by key, so the order never depends on input order. */
function byRank(a: KeyTerm, b: KeyTerm): number {
  return b.score - a.score || (a.key < b.key ? -1 : a.key > b.key ? 1 : 0);
}

/**
 * Sets apart, from a ranked list, the terms the abstract writes once that only add a word or
 * two to a better ranked term ("image-text matching method" after "image-text matching"), so
 * the key terms name different things. A longer term used twice, or in the title, is a topic of
 * its own.
 */
function splitEchoes(ranked: KeyTerm[]): { kept: KeyTerm[]; echoes: KeyTerm[] } {
  const kept: KeyTerm[] = [];
  const echoes: KeyTerm[] = [];
  for (const term of ranked) {
    const padded = ` ${term.key} `;
    const echo =
      term.count === 1 && !term.inTitle && kept.some(({ key }) => padded.includes(` ${key} `));
    (echo ? echoes : kept).push(term);
  }
  return { kept, echoes };
}

/**
 * Expansion key → the acronym that stands for it; where several do ("GNN" and "GCN" for one
 * expansion is rare, but a thesaurus can merge terms), the first in code-point order.
 */
function acronymsByExpansion(table: AcronymTable): Map<string, string> {
  const byExpansion = new Map<string, string>();
  for (const [acronym, { key }] of table) {
    const known = byExpansion.get(key);
    if (known === undefined || acronym < known) byExpansion.set(key, acronym);
  }
  return byExpansion;
}

/** Documents that must use an acronym for a term before every paper's label shows it… */
export const ACRONYM_MIN_DOCUMENTS = 2;
/** …and the share of the papers mentioning the term those must be. */
export const ACRONYM_MIN_SHARE = 0.05;

/** Expansion key → acronym → documents that define or use the acronym for it. */
type AcronymUses = Map<string, Map<string, number>>;

/**
 * Expansion key → the acronym every paper's label gives it: the one most documents write for
 * it (defining it, or using it bare), when enough of the papers mentioning the term do and the
 * corpus reads the acronym as that term (`corpusAcronyms`: "ID" defined as identity by some
 * papers and as in-distribution by others names neither). One paper's private acronym for a
 * common term ("transformer (ToMer)" where 14,000 papers mention transformers) names that
 * paper's term only.
 */
function supportedAcronyms(
  uses: AcronymUses,
  documentFrequency: ReadonlyMap<string, number>,
  corpusAcronyms: AcronymTable,
): Map<string, string> {
  const supported = new Map<string, string>();
  for (const [key, counts] of uses) {
    const [acronym, documents] = [...counts].sort(
      (a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1),
    )[0]!;
    const share = documents / Math.max(documentFrequency.get(key) ?? 0, documents);
    const meaning = corpusAcronyms.get(acronym)?.key;
    if (documents >= ACRONYM_MIN_DOCUMENTS && share >= ACRONYM_MIN_SHARE && meaning === key) {
      supported.set(key, acronym);
    }
  }
  return supported;
}

export class TermCorpus {
  private readonly documents: StoredDocument[] = [];
  /** Interned keys and labels (one table: most labels are also keys). */
  private readonly ids = new Map<string, number>();
  private readonly strings: string[] = [];
  /** Per string id, once asked: its words as a key. */
  private readonly words: (string[] | undefined)[] = [];

  get size(): number {
    return this.documents.length;
  }

  private intern(text: string): number {
    let id = this.ids.get(text);
    if (id === undefined) {
      id = this.strings.length;
      this.ids.set(text, id);
      this.strings.push(text);
    }
    return id;
  }

  private term(keyId: number, labelId: number): NormalisedTerm {
    const key = this.strings[keyId]!;
    const words = (this.words[keyId] ??= key.split(' '));
    return { key, label: this.strings[labelId]!, words };
  }

  /** Keeps a read document; documents are ranked in the order they were added. */
  add(doc: ReadDocument): void {
    const terms = new Int32Array(doc.keys.length * 2);
    doc.keys.forEach((key, i) => {
      terms[2 * i] = this.intern(key);
      terms[2 * i + 1] = this.intern(doc.labels[i]!);
    });
    const defined: AcronymTable | undefined =
      doc.defined.length > 0
        ? new Map(
            doc.defined.map(([acronym, key, label]) => [
              acronym,
              this.term(this.intern(key), this.intern(label)),
            ]),
          )
        : undefined;
    this.documents.push({ id: doc.id, defined, terms, positions: doc.positions });
  }

  /**
   * A document's occurrences with acronyms resolved (its own definitions first, then the
   * corpus's) and junk dropped.
   */
  private placedTerms(
    doc: StoredDocument,
    corpusAcronyms: AcronymTable,
    thesaurus: Thesaurus | undefined,
    /** Filled with the acronyms the document writes bare: expansion key → acronym. */
    acronymsUsed?: Map<string, string>,
    /** Names the corpus writes on their own: their near-variants are mentions of them. */
    isWrittenAlone?: (name: string) => boolean,
  ): PlacedOccurrence[] {
    const placed: PlacedOccurrence[] = [];
    for (let i = 0; i < doc.positions.length; i += 1) {
      const keyId = doc.terms[2 * i]!;
      const key = this.strings[keyId]!;
      const expanded = doc.defined?.get(key) ?? corpusAcronyms.get(key);
      if (expanded !== undefined) acronymsUsed?.set(expanded.key, key);
      let term = expanded ?? this.term(keyId, doc.terms[2 * i + 1]!);
      // "Corr2Cause dataset benchmark" and "task Corr2Cause" are mentions of Corr2Cause where
      // papers write Corr2Cause alone; where none does, generic words may be part of the
      // name ("EM algorithm", "NJL model").
      const name = isWrittenAlone && nameAmongGenerics(term.words);
      if (name && isWrittenAlone!(name)) {
        term = doc.defined?.get(name) ??
          corpusAcronyms.get(name) ?? { key: name, label: name, words: [name] };
      }
      const replacement = thesaurus?.get(term.key);
      if (replacement === null) continue;
      if (replacement) term = replacement;
      if (isJunkTerm(term.words)) continue;
      const position = doc.positions[i]!;
      placed.push({ term, inTitle: position === IN_TITLE, position: Math.max(position, 0) });
    }
    return placed;
  }

  /** Every string the documents added hold, keys and labels, each once. */
  interned(): readonly string[] {
    return this.strings;
  }

  /**
   * Ranks every document: yields each, in the order the documents were added, with its key
   * terms best first (at most `topK`) and the other terms it mentions. Scores use the
   * statistics of all the documents added, and of the `background` a store gives. Terms the
   * `thesaurus` names are replaced or dropped first, so merged terms count as one.
   */
  *rank(
    topK: number,
    thesaurus?: Thesaurus,
    background?: TermBackground,
  ): Generator<RankedDocument> {
    // The acronyms the documents define; where they define none, the store's reading.
    const corpusAcronyms = mergeAcronymTables(
      this.documents.flatMap(({ defined }) => (defined ? [defined] : [])),
    );
    for (const [acronym, { key, label }] of background?.acronyms ?? []) {
      if (!corpusAcronyms.has(acronym)) {
        corpusAcronyms.set(acronym, { key, label, words: key.split(' ') });
      }
    }
    const documents = this.documents;
    const placedTerms = (
      doc: StoredDocument,
      acronymsUsed?: Map<string, string>,
      isWrittenAlone?: (name: string) => boolean,
    ) => this.placedTerms(doc, corpusAcronyms, thesaurus, acronymsUsed, isWrittenAlone);

    // Words that only modify: "causal" alone is no topic in a corpus of causal models. And
    // every key some document writes on its own.
    const written = new Set<string>();
    const modifiers = findModifierWords(
      (function* () {
        for (const doc of documents) {
          for (const { term } of placedTerms(doc)) {
            written.add(term.key);
            yield term.words;
          }
        }
      })(),
      background && {
        leads: background.leads ?? new Map(),
        heads: background.documentFrequency,
      },
    );
    // Shorter terms written inside longer ones count as the thesaurus maps them, too.
    const rename = (key: string) => {
      const replacement = thesaurus?.get(key);
      return replacement === undefined ? key : (replacement?.key ?? null);
    };
    const isTopical = ({ term: { words } }: PlacedOccurrence) =>
      words.length > 1 || isAcronym(words[0] ?? '') || !modifiers.has(words[0] ?? '');
    // A term some document writes on its own, and not a mere modifier: written inside a longer
    // phrase, it is a mention of that term too. A near-variant of a name written alone is not
    // one ("Corr2Cause dataset benchmark" is Corr2Cause): the name is.
    const stored = background?.documentFrequency;
    const writtenAlone = (key: string) =>
      (written.has(key) || (stored?.get(key) ?? 0) > 0) &&
      (key.includes(' ') || isAcronym(key) || !modifiers.has(key));
    const corpusKnows = (key: string) => {
      if (!writtenAlone(key)) return false;
      const name = key.includes(' ') ? nameAmongGenerics(key.split(' ')) : undefined;
      return name === undefined || !writtenAlone(name);
    };
    const mentionsOf = (
      doc: StoredDocument,
      acronymsUsed?: Map<string, string>,
    ): Map<string, Mention> => {
      const known = doc.defined;
      const acronyms = known
        ? { get: (acronym: string) => known.get(acronym) ?? corpusAcronyms.get(acronym) }
        : corpusAcronyms;
      return collectMentions(
        placedTerms(doc, acronymsUsed, writtenAlone).filter(isTopical),
        acronyms,
        rename,
        corpusKnows,
      );
    };

    // Document frequencies, then each document ranked (its mentions folded again: cheaper in
    // memory than keeping them, and cheap next to reading).
    const documentFrequency = new Map<string, number>();
    const acronymUses: AcronymUses = new Map();
    for (const doc of documents) {
      // The acronyms the document defines, then those it writes bare.
      const used = doc.defined ? acronymsByExpansion(doc.defined) : new Map<string, string>();
      for (const key of mentionsOf(doc, used).keys()) {
        documentFrequency.set(key, (documentFrequency.get(key) ?? 0) + 1);
      }
      for (const [key, acronym] of used) {
        const counts = acronymUses.get(key) ?? new Map<string, number>();
        counts.set(acronym, (counts.get(acronym) ?? 0) + 1);
        acronymUses.set(key, counts);
      }
    }
    // Each expansion is labelled with its acronym where the corpus supports it, or where the
    // paper defines one itself: "large language model (LLM)".
    const corpusAcronymOf = supportedAcronyms(acronymUses, documentFrequency, corpusAcronyms);
    for (const [acronym, { key }] of background?.acronyms ?? []) {
      if (!corpusAcronymOf.has(key) && corpusAcronyms.get(acronym)?.key === key) {
        corpusAcronymOf.set(key, acronym);
      }
    }
    const papers = documents.length + (background?.paperCount ?? 0);
    for (const doc of documents) {
      const ownAcronymOf = doc.defined ? acronymsByExpansion(doc.defined) : undefined;
      const withAcronym = (key: string, label: string) => {
        const acronym = ownAcronymOf?.get(key) ?? corpusAcronymOf.get(key);
        return acronym === undefined ? label : `${label} (${acronym})`;
      };
      const own: KeyTerm[] = [];
      const inner: KeyTerm[] = [];
      for (const { key, label, count, inTitle, inner: isInner, ...evidence } of mentionsOf(
        doc,
      ).values()) {
        const score = scoreTerm(
          { count, inTitle, ...evidence },
          (documentFrequency.get(key) ?? 1) + (stored?.get(key) ?? 0),
          papers,
        );
        const term = { key, label: isInner ? '' : withAcronym(key, label), score, count, inTitle };
        (isInner ? inner : own).push(term);
      }
      const { kept, echoes } = splitEchoes(own.sort(byRank));
      yield {
        id: doc.id,
        keyTerms: kept.slice(0, topK),
        otherTerms: [...kept.slice(topK), ...echoes, ...inner].sort(byRank),
      };
    }
  }
}

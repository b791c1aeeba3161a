/**
 * Each paper's most similar papers, by what their whole titles and abstracts say: a tf-idf
 * cosine over stemmed words plus, at `BIGRAM_WEIGHT`, over pairs of adjacent words ("causal
 * effect", "graph neural"), weighted against every paper of the store. Computed once per ingest
 * for every paper and stored (GraphStore `writeSimilar`), so both stores answer the paper panel
 * the same way and in the time of one indexed read.
 *
 * Why the text and not the topics: on the judged set of bench/related (50 papers, graded by
 * reading the abstracts) ranking by the topics two papers share among their top 20 key terms
 * scored nDCG@10 0.25 on the samples and 0.49 on the arXiv corpus; a tf-idf cosine over title
 * and abstract 0.49 and 0.65; adding word pairs 0.51 and 0.66. Adding the topic ranking to
 * the cosine lowered it at every weight tried (0.1: 0.45; 0.3: 0.39): key terms keep a few
 * phrases of each abstract, the words keep all of it.
 *
 * Each similar paper keeps the rarer words and word pairs that contributed most to the score,
 * as most written: the reason given when neither paper's key terms are found in the other
 * (server/store/related.ts).
 *
 * Cost: every paper is a query over an inverted index of the others (term at a time into a
 * dense accumulator), over the terms of at most `CANDIDATE_DF` papers only: the `CANDIDATES`
 * papers scoring highest on those get the common terms' part of the cosine added ("model",
 * "method" in the 80,000 arXiv papers, whose postings would make up most of the work), so
 * every score is the exact cosine. A few papers added to a large store (a daily listing) are
 * fitted into the stored lists (`updateSimilar`), and into the index the last ingest kept in a
 * file (similarity-file.ts, `extendIndexData`): only they are tokenised, only they queried.
 */
import { eng } from 'stopword';
import { stemmer } from 'stemmer';
import type { PaperText, SimilarList } from '../../server/store/graph-store.ts';
import { CountTable } from './count-table.ts';

/** Similar papers kept per paper: the paper panel shows 10. */
export const SIMILAR_PER_PAPER = 10;
/** Weight of the word-pair cosine beside the word cosine (0.5 and 1 scored lower). */
export const BIGRAM_WEIGHT = 0.3;
export const PHRASES_KEPT = 4;
/**
 * Candidates come from the terms of at most `CANDIDATE_DF` papers: the `CANDIDATES` papers
 * scoring highest on those alone are then scored on every term.
 */
export const CANDIDATE_DF = 1_000;
export const CANDIDATES = 200;

/**
 * English stop words, and the parts of web addresses: two abstracts giving their code's
 * address share "https github com" and nothing more (repository links are the graph's own).
 */
const STOP = new Set([...eng, 'http', 'https', 'www', 'com', 'org', 'io', 'github', 'html']);
/** Bigram ids are `first · BIGRAM_BASE + second` over word ids (below 2^26 words). */
const BIGRAM_BASE = 2 ** 26;

/** The words of a text, lower-cased (stop words and numbers too: they break pairs). */
function wordsOf(text: string): string[] {
  const lower = text.toLowerCase();
  // NFKC changes nothing in ASCII, most abstracts.
  const normal = /[^\p{ASCII}]/u.test(lower) ? lower.normalize('NFKC') : lower;
  return normal.split(/[^\p{L}\p{N}]+/u).filter((word) => word !== '');
}

/** Whether a word is left out: a stop word, a single character, a number. */
function leftOut(word: string): boolean {
  return word.length < 2 || STOP.has(word) || /^\d+$/.test(word);
}

export interface SimilarOptions {
  limit?: number;
  /** See `CANDIDATE_DF` and `CANDIDATES` (for measuring them). */
  candidateDf?: number;
  candidates?: number;
  /** Called every 1,000 papers queried with how many are done. */
  onProgress?: (done: number) => void;
}

/** A paper (by its position in the papers indexed) and its cosine with the one queried. */
export interface Scored {
  doc: number;
  score: number;
}

/** The papers' vectors and inverted index; `query` a paper against all the others. */
export interface SimilarityIndex {
  /** Paper ids by document number. */
  readonly ids: readonly string[];
  /**
   * The `limit` papers most similar to `doc` (highest score, then lowest id), and every
   * candidate scored on the way (at most `CANDIDATES`), each with its exact cosine.
   */
  query(doc: number, limit: number): { best: Scored[]; scored: Scored[] };
  /** The rarer terms two papers share, word pairs first, as most written. */
  phrases(a: number, b: number): string[];
}

/**
 * The similar papers of each of `papers`, in the order given (an empty list for a paper that
 * shares no term with any other).
 */
export function similarPapers(
  papers: readonly PaperText[],
  options: SimilarOptions = {},
): SimilarList[] {
  return allLists(similarityIndex(papers, options), options);
}

/** Every paper's similar papers, in the index's order. */
export function allLists(index: SimilarityIndex, options: SimilarOptions = {}): SimilarList[] {
  const limit = options.limit ?? SIMILAR_PER_PAPER;
  return index.ids.map((_, doc) => {
    const list = listOf(index, doc, index.query(doc, limit).best);
    if (options.onProgress && (doc + 1) % 1_000 === 0) options.onProgress(doc + 1);
    return list;
  });
}

function listOf(index: SimilarityIndex, doc: number, best: Scored[]): SimilarList {
  return {
    paperId: index.ids[doc]!,
    similar: best.map((other) => similarOf(index, doc, other)),
  };
}

function similarOf(index: SimilarityIndex, doc: number, { doc: other, score }: Scored) {
  return {
    id: index.ids[other]!,
    score: Math.round(score * 1e4) / 1e4,
    phrases: index.phrases(doc, other),
  };
}

/** What `updateSimilar` reads of the stored lists (GraphStore's `readSimilar`, `findListing`). */
export interface StoredSimilar {
  readSimilar(ids: string[]): Promise<SimilarList[]>;
  findListing(ids: string[]): Promise<string[]>;
}

/**
 * The lists to write when `changed` papers were added to (or changed in) a store whose other
 * papers' lists are current: the changed papers' lists, and those of the papers whose stored
 * lists name a changed paper, computed afresh; then each changed paper joins the stored list of
 * every other paper it now ranks among the best of (among its candidates).
 */
export async function updateSimilar(
  index: SimilarityIndex,
  changed: ReadonlySet<string>,
  stored: StoredSimilar,
  limit = SIMILAR_PER_PAPER,
): Promise<SimilarList[]> {
  // A changed paper's old score may no longer hold where it is listed: those lists are redone.
  const requery = new Set([...changed, ...(await stored.findListing([...changed]))]);
  const lists = new Map<string, SimilarList>();
  /** Candidate id → the changed papers that scored it, with their score. */
  const joining = new Map<string, { doc: number; other: number; score: number }[]>();
  index.ids.forEach((paperId, doc) => {
    if (!requery.has(paperId)) return;
    const { best, scored } = index.query(doc, limit);
    lists.set(paperId, listOf(index, doc, best));
    if (!changed.has(paperId)) return;
    for (const { doc: other, score } of scored) {
      const id = index.ids[other]!;
      if (requery.has(id)) continue; // its own list is computed afresh
      const entries = joining.get(id) ?? [];
      entries.push({ doc: other, other: doc, score });
      joining.set(id, entries);
    }
  });
  const storedLists = new Map(
    (await stored.readSimilar([...joining.keys()])).map((list) => [list.paperId, list.similar]),
  );
  for (const [paperId, entries] of joining) {
    // A paper without a stored list had none like it: an empty one.
    const before = storedLists.get(paperId) ?? [];
    const merged = [...before];
    let touched = false;
    for (const { doc, other, score } of entries) {
      const worst = merged.length < limit ? -Infinity : merged.at(-1)!.score;
      const rounded = Math.round(score * 1e4) / 1e4;
      if (rounded <= worst) continue;
      merged.push(similarOf(index, doc, { doc: other, score }));
      merged.sort((a, b) => b.score - a.score || (a.id < b.id ? -1 : 1));
      merged.length = Math.min(merged.length, limit);
      touched = true;
    }
    if (touched) lists.set(paperId, { paperId, similar: merged });
  }
  return [...lists.values()];
}

/**
 * What an index is made of: enough to query it (`indexOf`), to add a few papers to it
 * (`extendIndexData`) and to keep it in a file between ingests (similarity-file.ts).
 */
export interface IndexData {
  /** Paper ids by document number. */
  ids: string[];
  /** Word stems by stem id, and each as most written (the reasons show these). */
  stems: string[];
  forms: string[];
  /**
   * Every term (words: stem id; pairs: see `BIGRAM_BASE`), the common first. A term of one
   * paper finds nothing today, but is indexed so that a paper added later finds that one by it.
   */
  terms: Float64Array;
  termDf: Uint32Array;
  /** Terms of over `CANDIDATE_DF` papers: `terms[0…commonCount-1]`. */
  commonCount: number;
  /**
   * Each paper's unit vector as a sparse row (CSR): `rowTerms[rowStart[doc]…rowStart[doc+1]-1]`
   * (indices into `terms`, ascending, so the common terms first, ending at `rareStart[doc]`)
   * and their weights.
   */
  rowStart: Uint32Array;
  rareStart: Uint32Array;
  rowTerms: Uint32Array;
  rowWeights: Float64Array;
}

/** Stems and word forms: a word's stem id, each word judged once, then looked up. */
class Vocabulary {
  private readonly stemIds: Map<string, number>;
  private readonly words = new Map<string, { id: number; count: number }>();

  constructor(readonly stems: string[] = []) {
    this.stemIds = new Map(stems.map((stem, id) => [stem, id]));
  }

  /** The word's stem id; -1 for a word left out. */
  id(word: string): number {
    const known = this.words.get(word);
    if (known !== undefined) {
      known.count++;
      return known.id;
    }
    if (leftOut(word)) {
      this.words.set(word, { id: -1, count: 0 });
      return -1;
    }
    const stem = stemmer(word);
    let id = this.stemIds.get(stem);
    if (id === undefined) {
      id = this.stems.length;
      this.stems.push(stem);
      this.stemIds.set(stem, id);
    }
    this.words.set(word, { id, count: 1 });
    return id;
  }

  /** Each stem written as its most used form ("models" over "modeling"), the first on a tie. */
  forms(): string[] {
    const forms: string[] = new Array<string>(this.stems.length);
    const formCounts = new Uint32Array(this.stems.length);
    for (const [word, { id, count }] of this.words) {
      if (id >= 0 && count > formCounts[id]!) {
        forms[id] = word;
        formCounts[id] = count;
      }
    }
    return forms;
  }
}

/**
 * Counts the terms of each paper, one after another: `each(term, count)` for each distinct term
 * of a paper (words and pairs, in ascending order), then `done(doc)`.
 */
function countTerms(
  papers: readonly PaperText[],
  vocabulary: Vocabulary,
  each: (term: number, count: number) => void,
  done: (doc: number) => void,
): void {
  // A paper's terms one after another (words and pairs), sorted, then counted in runs.
  let buffer = new Float64Array(4_096);
  papers.forEach((paper, doc) => {
    let length = 0;
    for (const text of [paper.title, paper.abstract]) {
      const tokens = wordsOf(text);
      // At most a word and a pair a word.
      if (length + 2 * tokens.length > buffer.length) {
        const larger = new Float64Array(2 * (length + 2 * tokens.length));
        larger.set(buffer.subarray(0, length));
        buffer = larger;
      }
      let previous = -1;
      for (const word of tokens) {
        const id = vocabulary.id(word);
        if (id >= 0) {
          buffer[length++] = id;
          if (previous >= 0 && previous !== id) buffer[length++] = previous * BIGRAM_BASE + id;
        }
        previous = id;
      }
    }
    const terms = buffer.subarray(0, length).sort();
    for (let i = 0; i < length;) {
      const term = terms[i]!;
      let end = i + 1;
      while (end < length && terms[end] === term) end++;
      each(term, end - i);
      i = end;
    }
    done(doc);
  });
}

/** A term's weight in a paper: (1 + log tf) · log(N / df). */
const weightOf = (count: number, idf: number) => (1 + Math.log(count)) * idf;

/**
 * One paper's row from its counted terms:
 * its indexed terms ascending (the common ones first) with unit-vector weights, words and
 * pairs each scaled to their share.
 */
function rowOf(
  entries: { term: number; index: number; weight: number }[],
  terms: Float64Array,
): { indices: number[]; weights: number[] } {
  let wordNorm = 0;
  let pairNorm = 0;
  for (const { term, weight } of entries) {
    if (weight <= 0) continue;
    if (term < BIGRAM_BASE) wordNorm += weight * weight;
    else pairNorm += weight * weight;
  }
  const wordScale = wordNorm > 0 ? 1 / Math.sqrt(wordNorm) : 0;
  const pairScale = pairNorm > 0 ? Math.sqrt(BIGRAM_WEIGHT / pairNorm) : 0;
  const indexed = entries.filter((entry) => entry.weight > 0).sort((a, b) => a.index - b.index);
  return {
    indices: indexed.map((entry) => entry.index),
    weights: indexed.map(
      (entry) => entry.weight * (terms[entry.index]! < BIGRAM_BASE ? wordScale : pairScale),
    ),
  };
}

/** Builds the vectors and the inverted index of `papers` (see the module's comment). */
export function similarityIndex(
  papers: readonly PaperText[],
  options: SimilarOptions = {},
): SimilarityIndex {
  return indexOf(buildIndexData(papers, options), options);
}

/** The vectors of `papers`, every term weighted against all of them. */
export function buildIndexData(
  papers: readonly PaperText[],
  { candidateDf = CANDIDATE_DF }: SimilarOptions = {},
): IndexData {
  const n = papers.length;
  const vocabulary = new Vocabulary();
  // ── term counts per paper (flat: papers' terms one after another), document frequencies ──
  const countStart = new Uint32Array(n + 1);
  const countTermList: number[] = [];
  const countValues: number[] = [];
  const df = new CountTable(1 << 20);
  countTerms(
    papers,
    vocabulary,
    (term, count) => {
      df.add(term);
      countTermList.push(term);
      countValues.push(count);
    },
    (doc) => {
      countStart[doc + 1] = countTermList.length;
    },
  );
  const forms = vocabulary.forms();
  // ── unit vectors (words, then pairs scaled to √BIGRAM_WEIGHT), as sparse rows: each row's
  // common terms (in more than CANDIDATE_DF papers) first, numbered 0…commonCount-1 ──
  // Every term is numbered, the common ones first.
  /** Term → its index + 1. */
  const termIndex = new CountTable(1 << 20);
  const terms: number[] = [];
  const termDf: number[] = [];
  const numberTerms = (common: boolean) => {
    for (const [term, documents] of df.entries()) {
      if (documents > candidateDf !== common) continue;
      terms.push(term);
      termDf.push(documents);
      termIndex.set(term, terms.length);
    }
  };
  numberTerms(true);
  const commonCount = terms.length;
  numberTerms(false);
  df.clear();
  const rowStart = new Uint32Array(n + 1);
  const rareStart = new Uint32Array(n);
  const rowTerms: number[] = [];
  const rowWeights: number[] = [];
  // Scratch for one row: its term indices, sorted natively, and their weights by index.
  let widest = 0;
  for (let doc = 0; doc < n; doc++) {
    widest = Math.max(widest, countStart[doc + 1]! - countStart[doc]!);
  }
  const entryIndices = new Uint32Array(widest);
  const weightAt = new Float64Array(terms.length);
  for (let doc = 0; doc < n; doc++) {
    let wordNorm = 0;
    let pairNorm = 0;
    let entryCount = 0;
    for (let i = countStart[doc]!; i < countStart[doc + 1]!; i++) {
      const term = countTermList[i]!;
      const index = termIndex.get(term) - 1;
      const weight = weightOf(countValues[i]!, Math.log(n / termDf[index]!));
      if (weight <= 0) continue;
      if (term < BIGRAM_BASE) wordNorm += weight * weight;
      else pairNorm += weight * weight;
      entryIndices[entryCount++] = index;
      weightAt[index] = weight;
    }
    const wordScale = wordNorm > 0 ? 1 / Math.sqrt(wordNorm) : 0;
    const pairScale = pairNorm > 0 ? Math.sqrt(BIGRAM_WEIGHT / pairNorm) : 0;
    const sorted = entryIndices.subarray(0, entryCount).sort();
    rareStart[doc] = rowTerms.length;
    for (const index of sorted) {
      rowTerms.push(index);
      rowWeights.push(weightAt[index]! * (terms[index]! < BIGRAM_BASE ? wordScale : pairScale));
      weightAt[index] = 0;
      if (index < commonCount) rareStart[doc] = rowTerms.length;
    }
    rowStart[doc + 1] = rowTerms.length;
  }
  countTermList.length = 0;
  countValues.length = 0;
  termIndex.clear();
  return {
    ids: papers.map((paper) => paper.id),
    stems: vocabulary.stems,
    forms,
    terms: Float64Array.from(terms),
    termDf: Uint32Array.from(termDf),
    commonCount,
    rowStart,
    rareStart,
    rowTerms: Uint32Array.from(rowTerms),
    rowWeights: Float64Array.from(rowWeights),
  };
}

/**
 * `data` with `added` papers in it (a paper it holds already replaced): a daily listing fitted
 * into a large store without reading every text again. The added papers are weighted against
 * the document frequencies with them counted in; the papers already there keep their weights
 * (50 papers change the idf of 80,000 by a hair), and the stems they had keep their written
 * form. A large ingest, or a stale or missing file, builds the index afresh.
 */
export function extendIndexData(data: IndexData, added: readonly PaperText[]): IndexData {
  const position = new Map(data.ids.map((id, doc) => [id, doc]));
  const dropped = new Set(
    added.map((paper) => position.get(paper.id)).filter((doc) => doc !== undefined),
  );
  const vocabulary = new Vocabulary([...data.stems]);
  const counted: { term: number; count: number }[][] = [];
  let current: { term: number; count: number }[] = [];
  countTerms(
    added,
    vocabulary,
    (term, count) => current.push({ term, count }),
    () => {
      counted.push(current);
      current = [];
    },
  );
  // The added papers' terms among those indexed (one pass, no map of every term), the others
  // numbered after them.
  const indexOfTerm = new Map(counted.flat().map(({ term }) => [term, -1]));
  data.terms.forEach((term, index) => {
    if (indexOfTerm.has(term)) indexOfTerm.set(term, index);
  });
  const newTerms = [...indexOfTerm].filter(([, index]) => index === -1).map(([term]) => term);
  newTerms.forEach((term, i) => indexOfTerm.set(term, data.terms.length + i));
  const terms = new Float64Array(data.terms.length + newTerms.length);
  terms.set(data.terms);
  terms.set(newTerms, data.terms.length);
  const termDf = new Uint32Array(terms.length);
  termDf.set(data.termDf);
  for (const doc of dropped) {
    for (let i = data.rowStart[doc]!; i < data.rowStart[doc + 1]!; i++) {
      termDf[data.rowTerms[i]!]! -= 1;
    }
  }
  for (const { term } of counted.flat()) termDf[indexOfTerm.get(term)!]! += 1;
  const n = data.ids.length - dropped.size + added.length;
  const rows = counted.map((entries) =>
    rowOf(
      entries.map(({ term, count }) => {
        const index = indexOfTerm.get(term)!;
        return { term, index, weight: weightOf(count, Math.log(n / termDf[index]!)) };
      }),
      terms,
    ),
  );
  // The rows kept, then the added papers'.
  const kept = data.ids.flatMap((_, doc) => (dropped.has(doc) ? [] : [doc]));
  const length =
    kept.reduce((sum, doc) => sum + data.rowStart[doc + 1]! - data.rowStart[doc]!, 0) +
    rows.reduce((sum, row) => sum + row.indices.length, 0);
  const rowStart = new Uint32Array(n + 1);
  const rareStart = new Uint32Array(n);
  const rowTerms = new Uint32Array(length);
  const rowWeights = new Float64Array(length);
  let at = 0;
  kept.forEach((doc, to) => {
    const from = data.rowStart[doc]!;
    const end = data.rowStart[doc + 1]!;
    rowTerms.set(data.rowTerms.subarray(from, end), at);
    rowWeights.set(data.rowWeights.subarray(from, end), at);
    rareStart[to] = at + data.rareStart[doc]! - from;
    at += end - from;
    rowStart[to + 1] = at;
  });
  rows.forEach(({ indices, weights }, i) => {
    const to = kept.length + i;
    rowTerms.set(indices, at);
    rowWeights.set(weights, at);
    const common = indices.findIndex((index) => index >= data.commonCount);
    rareStart[to] = at + (common === -1 ? indices.length : common);
    at += indices.length;
    rowStart[to + 1] = at;
  });
  // Stems seen before keep the form the whole corpus writes most; new ones the added papers'.
  const forms = vocabulary.forms();
  data.forms.forEach((form, id) => {
    if (form !== undefined) forms[id] = form;
  });
  return {
    ids: [...kept.map((doc) => data.ids[doc]!), ...added.map((paper) => paper.id)],
    stems: vocabulary.stems,
    forms,
    terms,
    termDf,
    commonCount: data.commonCount,
    rowStart,
    rareStart,
    rowTerms,
    rowWeights,
  };
}

/** The index of `data`: postings of the rarer terms, and a paper as a query. */
export function indexOf(
  data: IndexData,
  { candidates: candidateCount = CANDIDATES }: SimilarOptions = {},
): SimilarityIndex {
  const { ids, forms, terms, commonCount, rowStart, rareStart, rowTerms, rowWeights } = data;
  const n = ids.length;
  // ── postings: for each term, the papers having it and its weight in each (CSR). The rarer
  // terms' at once; the common terms' (most of all entries: "model" in half the papers) only
  // when a query needs them, which a daily listing's few queries seldom do ──
  const postingsOf = (
    from: (doc: number) => number,
    to: (doc: number) => number,
    first: number,
    count: number,
  ) => {
    const start = new Uint32Array(count + 1);
    for (let doc = 0; doc < n; doc++) {
      for (let i = from(doc); i < to(doc); i++) start[rowTerms[i]! - first + 1]!++;
    }
    for (let t = 0; t < count; t++) start[t + 1]! += start[t]!;
    const docs = new Uint32Array(start[count]!);
    const weights = new Float32Array(start[count]!);
    const fill = start.slice(0, count);
    for (let doc = 0; doc < n; doc++) {
      for (let i = from(doc); i < to(doc); i++) {
        const slot = fill[rowTerms[i]! - first]!++;
        docs[slot] = doc;
        weights[slot] = rowWeights[i]!;
      }
    }
    return { start, docs, weights, first };
  };
  const rare = postingsOf(
    (doc) => rareStart[doc]!,
    (doc) => rowStart[doc + 1]!,
    commonCount,
    terms.length - commonCount,
  );
  let common: typeof rare | undefined;
  // ── a paper as a query: candidates by the rarer terms, then the common terms added ──
  const partial = new Float64Array(n);
  const touched = new Uint32Array(n);
  const queryCommon = new Float32Array(commonCount);
  const best = bestByPartial(candidateCount);
  /** Accumulates the query's terms from `from` in `partial`; the number of papers touched. */
  const gather = (query: number, from: number): number => {
    let count = 0;
    if (from < rareStart[query]!) {
      common ??= postingsOf(
        (doc) => rowStart[doc]!,
        (doc) => rareStart[doc]!,
        0,
        commonCount,
      );
    }
    for (let i = from; i < rowStart[query + 1]!; i++) {
      const term = rowTerms[i]!;
      const weight = rowWeights[i]!;
      const { start, docs, weights, first } = term < commonCount ? common! : rare;
      for (let p = start[term - first]!; p < start[term - first + 1]!; p++) {
        const doc = docs[p]!;
        if (doc === query) continue;
        if (partial[doc] === 0) touched[count++] = doc;
        partial[doc]! += weight * weights[p]!;
      }
    }
    return count;
  };
  const clear = (count: number) => {
    for (let i = 0; i < count; i++) partial[touched[i]!] = 0;
  };
  const query = (doc: number, limit: number) => {
    let scored: Scored[];
    let count = gather(doc, rareStart[doc]!);
    if (count >= limit) {
      const candidates = best(touched, count, partial);
      for (let i = rowStart[doc]!; i < rareStart[doc]!; i++) {
        queryCommon[rowTerms[i]!] = rowWeights[i]!;
      }
      scored = candidates.map((other) => {
        let score = partial[other]!;
        for (let i = rowStart[other]!; i < rareStart[other]!; i++) {
          score += queryCommon[rowTerms[i]!]! * rowWeights[i]!;
        }
        return { doc: other, score };
      });
      for (let i = rowStart[doc]!; i < rareStart[doc]!; i++) queryCommon[rowTerms[i]!] = 0;
    } else {
      // Too few papers share a rarer term: every term finds them, scored in full at once.
      clear(count);
      count = gather(doc, rowStart[doc]!);
      scored = Array.from(touched.subarray(0, count), (other) => ({
        doc: other,
        score: partial[other]!,
      }));
    }
    clear(count);
    scored.sort((a, b) => b.score - a.score || (ids[a.doc]! < ids[b.doc]! ? -1 : 1));
    return { best: scored.slice(0, limit), scored };
  };
  return { ids, query, phrases: sharedPhrases };

  /** The rarer terms two papers share, by their share of the cosine, as most written. */
  function sharedPhrases(a: number, b: number): string[] {
    // Only the rarer terms: a term of over `candidateDf` papers ("trade off", "experiments
    // show" in the 80,000 arXiv papers) says nothing about these two.
    const mine = new Map<number, number>();
    for (let i = rareStart[a]!; i < rowStart[a + 1]!; i++) mine.set(rowTerms[i]!, rowWeights[i]!);
    const shared: { term: number; weight: number }[] = [];
    for (let i = rareStart[b]!; i < rowStart[b + 1]!; i++) {
      const weight = mine.get(rowTerms[i]!);
      if (weight !== undefined)
        shared.push({ term: terms[rowTerms[i]!]!, weight: weight * rowWeights[i]! });
    }
    // Word pairs first (they read as phrases: "causal effect"), then words, each by weight.
    const isPair = (term: number) => (term >= BIGRAM_BASE ? 1 : 0);
    shared.sort(
      (x, y) => isPair(y.term) - isPair(x.term) || y.weight - x.weight || x.term - y.term,
    );
    const phrases: string[] = [];
    const covered = new Set<number>();
    for (const { term } of shared) {
      if (phrases.length === PHRASES_KEPT) break;
      // A pair says more than its words: "causal effect" rather than "causal" and "effect".
      const parts =
        term < BIGRAM_BASE ? [term] : [Math.floor(term / BIGRAM_BASE), term % BIGRAM_BASE];
      // A pair or word overlapping one already given repeats it ("large language", "language models").
      if (parts.some((part) => covered.has(part))) continue;
      for (const part of parts) covered.add(part);
      phrases.push(parts.map((part) => forms[part]!).join(' '));
    }
    return phrases;
  }
}

/**
 * Picks the `size` touched documents of highest partial score (all of them when fewer), with a
 * min-heap: most documents fall below the heap's least at once.
 */
function bestByPartial(size: number) {
  const heapDocs = new Uint32Array(size);
  const heapScores = new Float64Array(size);
  return (touched: Uint32Array, count: number, partial: Float64Array): number[] => {
    if (count <= size) return Array.from(touched.subarray(0, count));
    let filled = 0;
    for (let i = 0; i < count; i++) {
      const doc = touched[i]!;
      const score = partial[doc]!;
      let at: number;
      if (filled === size) {
        if (score <= heapScores[0]!) continue;
        // Replace the least and sift it down.
        at = 0;
        for (;;) {
          const left = 2 * at + 1;
          if (left >= size) break;
          const right = left + 1;
          const child = right < size && heapScores[right]! < heapScores[left]! ? right : left;
          if (heapScores[child]! >= score) break;
          heapDocs[at] = heapDocs[child]!;
          heapScores[at] = heapScores[child]!;
          at = child;
        }
      } else {
        at = filled++;
        while (at > 0) {
          const parent = (at - 1) >> 1;
          if (heapScores[parent]! <= score) break;
          heapDocs[at] = heapDocs[parent]!;
          heapScores[at] = heapScores[parent]!;
          at = parent;
        }
      }
      heapDocs[at] = doc;
      heapScores[at] = score;
    }
    return Array.from(heapDocs);
  };
}

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
 * fitted into the stored lists (`updateSimilar`): the index is built, only they are queried.
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
  readonly papers: readonly PaperText[];
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
  const index = similarityIndex(papers, options);
  const limit = options.limit ?? SIMILAR_PER_PAPER;
  return papers.map((_, doc) => {
    const list = listOf(index, doc, index.query(doc, limit).best);
    if (options.onProgress && (doc + 1) % 1_000 === 0) options.onProgress(doc + 1);
    return list;
  });
}

function listOf(index: SimilarityIndex, doc: number, best: Scored[]): SimilarList {
  return {
    paperId: index.papers[doc]!.id,
    similar: best.map((other) => similarOf(index, doc, other)),
  };
}

function similarOf(index: SimilarityIndex, doc: number, { doc: other, score }: Scored) {
  return {
    id: index.papers[other]!.id,
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
  index.papers.forEach((paper, doc) => {
    if (!requery.has(paper.id)) return;
    const { best, scored } = index.query(doc, limit);
    lists.set(paper.id, listOf(index, doc, best));
    if (!changed.has(paper.id)) return;
    for (const { doc: other, score } of scored) {
      const id = index.papers[other]!.id;
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

/** Builds the vectors and the inverted index of `papers` (see the module's comment). */
export function similarityIndex(
  papers: readonly PaperText[],
  { candidateDf = CANDIDATE_DF, candidates: candidateCount = CANDIDATES }: SimilarOptions = {},
): SimilarityIndex {
  const n = papers.length;
  // ── vocabulary: stems → word ids; each word's count, for the form the reasons show ──
  const stemIds = new Map<string, number>();
  const words = new Map<string, { id: number; count: number }>();
  let stemCount = 0;
  /** A word's stem id, -1 for a word left out (each word judged once, then looked up). */
  const wordId = (word: string): number => {
    const known = words.get(word);
    if (known !== undefined) {
      known.count++;
      return known.id;
    }
    if (leftOut(word)) {
      words.set(word, { id: -1, count: 0 });
      return -1;
    }
    const stem = stemmer(word);
    let id = stemIds.get(stem);
    if (id === undefined) {
      id = stemCount++;
      stemIds.set(stem, id);
    }
    words.set(word, { id, count: 1 });
    return id;
  };
  // ── term counts per paper (flat: papers' terms one after another), document frequencies ──
  const countStart = new Uint32Array(n + 1);
  const countTerms: number[] = [];
  const countValues: number[] = [];
  const df = new CountTable(1 << 20);
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
        const id = wordId(word);
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
      df.add(term);
      countTerms.push(term);
      countValues.push(end - i);
      i = end;
    }
    countStart[doc + 1] = countTerms.length;
  });
  // Each stem written as its most used form ("models" over "modeling"), the first on a tie.
  const forms: string[] = new Array<string>(stemCount);
  const formCounts = new Uint32Array(stemCount);
  for (const [word, { id, count }] of words) {
    if (id >= 0 && count > formCounts[id]!) {
      forms[id] = word;
      formCounts[id] = count;
    }
  }
  words.clear();
  stemIds.clear();
  // ── unit vectors (words, then pairs scaled to √BIGRAM_WEIGHT), as sparse rows: each row's
  // common terms (in more than CANDIDATE_DF papers) first, numbered 0…commonCount-1 ──
  // Terms of two papers or more are numbered, the common ones first; a term of one paper only
  // counts in its paper's norm.
  /** Term → its index + 1 (0: a term of one paper). */
  const termIndex = new CountTable(1 << 20);
  const terms: number[] = [];
  const termDf: number[] = [];
  const numberTerms = (common: boolean) => {
    for (const [term, documents] of df.entries()) {
      if (documents < 2 || documents > candidateDf !== common) continue;
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
  const logN = Math.log(n);
  for (let doc = 0; doc < n; doc++) {
    let wordNorm = 0;
    let pairNorm = 0;
    let entryCount = 0;
    for (let i = countStart[doc]!; i < countStart[doc + 1]!; i++) {
      const term = countTerms[i]!;
      const index = termIndex.get(term) - 1;
      const idf = index < 0 ? logN : Math.log(n / termDf[index]!);
      const weight = (1 + Math.log(countValues[i]!)) * idf;
      if (weight <= 0) continue;
      if (term < BIGRAM_BASE) wordNorm += weight * weight;
      else pairNorm += weight * weight;
      if (index >= 0) {
        entryIndices[entryCount++] = index;
        weightAt[index] = weight;
      }
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
  countTerms.length = 0;
  countValues.length = 0;
  termIndex.clear();
  // ── postings of the rarer terms: for each, the papers having it and its weight in each ──
  const termCount = terms.length;
  const postingStart = new Uint32Array(termCount + 1);
  for (const term of rowTerms) postingStart[term + 1]!++;
  for (let t = 0; t < termCount; t++) postingStart[t + 1]! += postingStart[t]!;
  const postingDocs = new Uint32Array(rowTerms.length);
  const postingWeights = new Float32Array(rowTerms.length);
  const fill = postingStart.slice(0, termCount);
  for (let doc = 0; doc < n; doc++) {
    for (let i = rowStart[doc]!; i < rowStart[doc + 1]!; i++) {
      const slot = fill[rowTerms[i]!]!++;
      postingDocs[slot] = doc;
      postingWeights[slot] = rowWeights[i]!;
    }
  }
  // ── a paper as a query: candidates by the rarer terms, then the common terms added ──
  const partial = new Float64Array(n);
  const touched = new Uint32Array(n);
  const queryCommon = new Float32Array(commonCount);
  const best = bestByPartial(candidateCount);
  /** Accumulates the query's terms from `from` in `partial`; the number of papers touched. */
  const gather = (query: number, from: number): number => {
    let count = 0;
    for (let i = from; i < rowStart[query + 1]!; i++) {
      const term = rowTerms[i]!;
      const weight = rowWeights[i]!;
      for (let p = postingStart[term]!; p < postingStart[term + 1]!; p++) {
        const doc = postingDocs[p]!;
        if (doc === query) continue;
        if (partial[doc] === 0) touched[count++] = doc;
        partial[doc]! += weight * postingWeights[p]!;
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
    scored.sort((a, b) => b.score - a.score || (papers[a.doc]!.id < papers[b.doc]!.id ? -1 : 1));
    return { best: scored.slice(0, limit), scored };
  };
  return { papers, query, phrases: sharedPhrases };

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

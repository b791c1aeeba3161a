/**
 * Resolves acronyms to the phrase they stand for, so "Large Language Models (LLMs)" and every
 * later "LLM" count as one topic, "large language model". A definition is a phrase followed
 * directly by a parenthesised acronym; the expansion is the shortest tail of that phrase whose
 * letters spell the acronym, by Schwartz & Hearst's rule (A simple algorithm for identifying
 * abbreviation definitions in biomedical text, PSB 2003): every acronym character is found in
 * order, right to left, and the first one starts a word. The expansion also fixes where the
 * term starts: "an innovative Deconfounded Causal Inference Network (DCIN)" defines
 * "deconfounded causal inference network".
 */
import { isAcronym, normaliseTerm, type NormalisedTerm } from './normalise.ts';
import type { Occurrence } from './candidates.ts';

/** Acronym (normalised, e.g. "LLM") → the term it stands for. */
export type AcronymTable = Map<string, NormalisedTerm>;
/** What reading an acronym needs of a table: layered tables can offer just this. */
export type AcronymLookup = Pick<AcronymTable, 'get'>;

const ALPHANUMERIC = /[\p{L}\p{N}]/u;

/** Schwartz & Hearst's match of a short form against a long form (both as written). */
export function spellsAcronym(acronym: string, longForm: string): boolean {
  const short = acronym.toLowerCase();
  const long = longForm.toLowerCase();
  let l = long.length - 1;
  for (let s = short.length - 1; s >= 0; s -= 1) {
    const char = short[s]!;
    if (!ALPHANUMERIC.test(char)) continue;
    while (l >= 0 && (long[l] !== char || (s === 0 && l > 0 && ALPHANUMERIC.test(long[l - 1]!)))) {
      l -= 1;
    }
    if (l < 0) return false;
    l -= 1;
  }
  return l < 0 || !ALPHANUMERIC.test(long[l]!);
}

/** The shortest tail of `words` (as written) that `acronym` abbreviates: its length, or 0. */
function expansionLength(acronym: string, words: readonly string[]): number {
  const letters = acronym.replace(/s$/, '').length;
  const longest = Math.min(words.length, letters + 5, letters * 2);
  for (let n = 1; n <= longest; n += 1) {
    const tail = words.slice(words.length - n);
    if (tail[0]?.[0]?.toLowerCase() !== acronym[0]?.toLowerCase()) continue;
    if (spellsAcronym(acronym, tail.join(' '))) return n;
  }
  return 0;
}

/**
 * Finds the acronym definitions among one text's occurrences and rewrites the occurrences:
 * the defining phrase becomes the expansion, the parenthesised acronym is dropped (it is the
 * same mention), and every bare use of the acronym, before or after, becomes the expansion.
 */
export function resolveAcronyms<T extends Occurrence>(
  occurrences: readonly T[],
  singular: (word: string) => string,
): { occurrences: T[]; defined: AcronymTable } {
  const defined: AcronymTable = new Map();
  const rewritten: T[] = [];
  for (const occurrence of occurrences) {
    const [word] = occurrence.words;
    let previous = rewritten[rewritten.length - 1];
    const acronym = occurrence.term.key;
    if (occurrence.definesPrevious && previous && word?.parts.length === 1 && isAcronym(acronym)) {
      const n = expansionLength(
        word.parts[0]!,
        previous.words.map((w) => w.parts.join('-')),
      );
      if (n > 0) {
        let from = previous.words.length - n;
        if (previous.head !== undefined && previous.head < from) {
          // "theory of Large Language Models (LLMs)" defines the phrase after "of", the
          // occurrence just before the "of"-term, which is dropped: it names no more.
          rewritten.pop();
          previous = rewritten[rewritten.length - 1]!;
          from = previous.words.length - n;
        }
        const words = previous.words.slice(from);
        // An "of"-term keeps its head: "Mixture of Experts (MoE)" → "mixture of experts".
        const head = previous.head === undefined ? undefined : previous.head - from;
        const term = normaliseTerm(words, singular, head);
        defined.set(acronym, term);
        rewritten[rewritten.length - 1] = { ...previous, term, words, head };
        continue;
      }
    }
    rewritten.push(occurrence);
  }
  return { occurrences: applyAcronyms(rewritten, defined), defined };
}

/** Rewrites bare acronym occurrences to the terms `table` gives for them. */
export function applyAcronyms<T extends Occurrence>(occurrences: T[], table: AcronymTable): T[] {
  if (table.size === 0) return occurrences;
  return occurrences.map((occurrence) => {
    const expansion = table.get(occurrence.term.key);
    return expansion ? { ...occurrence, term: expansion } : occurrence;
  });
}

/**
 * Merges the acronyms defined in each document into one table for the corpus, so a paper that
 * writes "LLM" without defining it still meets the papers that did. An acronym whose
 * definitions disagree keeps the expansion used by more than half of the defining documents,
 * or none ("CI" may be causal inference in one paper and confidence interval in another).
 */
export function mergeAcronymTables(tables: readonly AcronymTable[]): AcronymTable {
  const votes = new Map<string, Map<string, { term: NormalisedTerm; docs: number }>>();
  for (const table of tables) {
    for (const [acronym, term] of table) {
      const forAcronym =
        votes.get(acronym) ?? new Map<string, { term: NormalisedTerm; docs: number }>();
      const vote = forAcronym.get(term.key) ?? { term, docs: 0 };
      vote.docs += 1;
      forAcronym.set(term.key, vote);
      votes.set(acronym, forAcronym);
    }
  }
  const merged: AcronymTable = new Map();
  for (const [acronym, forAcronym] of votes) {
    const all = [...forAcronym.values()];
    const total = all.reduce((sum, vote) => sum + vote.docs, 0);
    const winner = all.find((vote) => vote.docs * 2 > total);
    if (winner) merged.set(acronym, winner.term);
  }
  return merged;
}

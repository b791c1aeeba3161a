/**
 * The last word on whether a normalised phrase may be a key term. Phrase finding already keeps
 * out pronouns, determiners and numbers; this catches what survives normalisation: phrases
 * made only of generic academic words ("experimental result"), numbers and percentages
 * ("8.1-11.3%"), anything longer than a topic name should be, and single words the corpus
 * uses as modifiers ("causal", which the tagger often calls a noun, or "language").
 */
import { isAcronym } from './normalise.ts';
import { GENERIC_WORDS } from './stopwords.ts';
import { lexiconTag } from './tag.ts';

/** Longest key term, in key words. */
export const MAX_TERM_WORDS = 5;

const HAS_LETTER = /\p{L}/u;
/** Words written only with digits and number punctuation: "94%", "8.1-11.3", "2023". */
const NUMBER_LIKE = /^[\d.,%‰–+-]+$/;

/**
 * True when a phrase (its key words) names no topic: empty or too long, containing a bare
 * number, a word without letters, or made only of generic words.
 */
export function isJunkTerm(words: readonly string[]): boolean {
  if (words.length === 0 || words.length > MAX_TERM_WORDS) return true;
  if (words.length === 1 && words[0]!.length < 2) return true;
  if (words.some((word) => NUMBER_LIKE.test(word) || !HAS_LETTER.test(word))) return true;
  return words.every(isGeneric) || isQualifiedGeneric(words);
}

const isGeneric = (word: string): boolean => GENERIC_WORDS.has(word.toLowerCase());

/**
 * The one name in a phrase otherwise made of generic words: "Corr2Cause" in "Corr2Cause
 * dataset benchmark" and "task Corr2Cause", "MME" in "MME benchmark". Such a phrase is a
 * near-variant of the name, not a topic of its own. Undefined for any other phrase.
 */
export function nameAmongGenerics(words: readonly string[]): string | undefined {
  if (words.length < 2) return undefined;
  let name: string | undefined;
  for (const word of words) {
    if (isGeneric(word)) continue;
    if (name !== undefined || !isAcronym(word)) return undefined;
    name = word;
  }
  return name;
}

/**
 * A generic noun qualified only by everyday adjectives: "large effect", "basic idea", "direct
 * application", "correct result". The adjectives compromise's lexicon lists are the common,
 * gradable ones of everyday English (large, early, direct, simple); the adjectives that make a
 * generic noun a topic classify it ("causal model", "numerical method", "generative model")
 * and are mostly too technical for that lexicon, which tags them by their suffix.
 */
function isQualifiedGeneric(words: readonly string[]): boolean {
  if (words.length < 2 || !isGeneric(words[words.length - 1]!)) return false;
  for (let i = 0; i < words.length - 1; i += 1) {
    const word = words[i]!;
    if (!isGeneric(word) && lexiconTag(word) !== 'Adjective') return false;
  }
  return true;
}

/** A single word is a modifier when it leads phrases this many times more than it heads one. */
const MODIFIER_RATIO = 2;

/** How often a store writes words before others (`leads`) and alone or last (`heads`). */
export interface WordUses {
  leads: ReadonlyMap<string, number>;
  heads: ReadonlyMap<string, number>;
}

/**
 * The words that the given phrases (key words of every occurrence in a corpus) use mostly as
 * modifiers: more than `MODIFIER_RATIO` times as often before another word as at the end of
 * a phrase or on their own. Such a word alone is no topic, whatever its tag: "causal" (as in
 * "causal model"), "language" (as in "language model"). A store's uses, when given, count
 * beside the phrases' (in papers, where the phrases count occurrences): a 50-paper listing
 * that writes "graph" mostly in "graph neural network" does not make "graph" a modifier in a
 * store where thousands of papers study graphs.
 */
export function findModifierWords(
  phrases: Iterable<readonly string[]>,
  stored?: WordUses,
): Set<string> {
  const leads = new Map<string, number>();
  const heads = new Map<string, number>();
  for (const words of phrases) {
    words.forEach((word, i) => {
      const uses = i === words.length - 1 ? heads : leads;
      uses.set(word, (uses.get(word) ?? 0) + 1);
    });
  }
  const modifiers = new Set<string>();
  const consider = (word: string) => {
    const led = (leads.get(word) ?? 0) + (stored?.leads.get(word) ?? 0);
    const headed = (heads.get(word) ?? 0) + (stored?.heads.get(word) ?? 0);
    if (led > MODIFIER_RATIO * headed) modifiers.add(word);
  };
  for (const word of leads.keys()) consider(word);
  // A word the phrases only end with can still be one the store uses to modify.
  for (const word of stored?.leads.keys() ?? []) if (heads.has(word)) consider(word);
  return modifiers;
}

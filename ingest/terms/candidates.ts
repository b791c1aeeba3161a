/**
 * Finds the candidate key terms of one text: noun phrases, read as a run of modifiers ending in
 * a noun (roles.ts says which word is which), never across punctuation. A phrase is cut to at
 * most `MAX_TERM_WORDS` words from the front, since the head is at the end; praise words
 * ("novel", "existing") and stray single letters ("the last k latent variables") are dropped
 * from its front; pronouns, determiners and numbers never enter one ("our novel method" →
 * nothing, "94% accuracy" → "accuracy", which junk.ts then rejects).
 */
import { normaliseTerm, type NormalisedTerm, type SurfaceWord } from './normalise.ts';
import { isJunkTerm, MAX_TERM_WORDS } from './junk.ts';
import { assignRoles, separated, type Role } from './roles.ts';
import { GENERIC_WORDS, LEADING_MODIFIERS } from './stopwords.ts';
import { tagWords, type WordUnit } from './tag.ts';

/** One occurrence of a candidate phrase in a text. */
export interface Occurrence {
  term: NormalisedTerm;
  /** The phrase's words as the tagger saw them (kept to re-normalise a part of it). */
  words: SurfaceWord[];
  /** Relative position of its first word in the text, 0 (start) to 1. */
  position: number;
  /** Written in parentheses directly after the previous occurrence: "… Models (LLMs)". */
  definesPrevious: boolean;
  /** Index in `words` of the head noun, when not the last word: "mixture of experts" → 0. */
  head?: number;
}

/** A lone letter, a variable rather than a word: "the last k latent variables", "model N". */
const isLetter = (unit: WordUnit): boolean =>
  unit.parts.length === 1 && /^\p{L}$/u.test(unit.parts[0]!);

/** A word dropped from the front of a phrase: a praise word or a lone letter. */
const droppable = (unit: WordUnit): boolean => LEADING_MODIFIERS.has(unit.lower) || isLetter(unit);

/** Number of words (hyphenated parts counted apart) in `units[from, end)`. */
function wordCount(units: readonly WordUnit[], from: number, end: number): number {
  let count = 0;
  for (let i = from; i < end; i += 1) count += units[i]!.parts.length;
  return count;
}

/**
 * Cuts a run of phrase units down to a term: ends on a noun, no praise words in front.
 * Returns the term's bounds in `units`, [start, end).
 */
function trimPhrase(
  units: readonly WordUnit[],
  unitRoles: readonly Role[],
  from: number,
  to: number,
): [number, number] {
  let end = to;
  while (end > from && (unitRoles[end - 1] !== 'noun' || isLetter(units[end - 1]!))) end -= 1;
  let start = from;
  while (
    start < end &&
    (droppable(units[start]!) || wordCount(units, start, end) > MAX_TERM_WORDS)
  ) {
    start += 1;
  }
  return [start, end];
}

/** A kept phrase of the sentence being read: its occurrence and where it ends in `units`. */
interface KeptPhrase {
  occurrence: Occurrence;
  end: number;
}

/**
 * The "of"-term two phrases make when only a bare "of" stands between them, "mixture of
 * experts", "theory of mind", "equations of state", or undefined. Its head is the noun before
 * "of", made singular; the phrase after "of" is kept as written ("mixture of experts"). A
 * generic head makes none: "number of parameters", "analysis of data". Whether it names
 * something is left to how the paper uses it (read.ts keeps it when the paper writes it twice
 * or defines an acronym for it).
 */
function ofTerm(
  units: readonly WordUnit[],
  before: KeptPhrase | undefined,
  after: Occurrence,
  afterStart: number,
  singular: (word: string) => string,
): Occurrence | undefined {
  const of = units[afterStart - 1];
  if (!before || before.end !== afterStart - 1 || of?.lower !== 'of') return undefined;
  if (separated(units[before.end - 1]!, of) || separated(of, units[afterStart]!)) return undefined;
  if (GENERIC_WORDS.has(before.occurrence.term.words.at(-1)!)) return undefined;
  const head = before.occurrence.words.length - 1;
  const words = [
    ...before.occurrence.words,
    { parts: of.parts, tags: of.lastTags },
    ...after.words,
  ];
  const term = normaliseTerm(words, singular, head);
  if (isJunkTerm(term.words)) return undefined; // more than five words, among others
  return { term, words, position: before.occurrence.position, definesPrevious: false, head };
}

/**
 * Finds the noun-phrase occurrences in `text`, in reading order. Positions are relative to the
 * text's length in terms; `singular` makes head nouns singular (see `normaliseTerm`).
 */
export function findCandidates(text: string, singular: (word: string) => string): Occurrence[] {
  const { sentences, terms } = tagWords(text);
  const occurrences: Occurrence[] = [];
  let previousEnd: WordUnit | undefined;
  for (const units of sentences) {
    const unitRoles = assignRoles(units);
    let runStart = 0;
    let kept: KeptPhrase | undefined;
    for (let i = 0; i <= units.length; i += 1) {
      const unit = units[i];
      const continues =
        unit !== undefined &&
        unitRoles[i] !== 'none' &&
        (i === runStart || !separated(units[i - 1]!, unit));
      if (continues) continue;
      const [start, end] = trimPhrase(units, unitRoles, runStart, i);
      if (end > start) {
        const first = units[start]!;
        const last = units[end - 1]!;
        const words: SurfaceWord[] = [];
        for (let u = start; u < end; u += 1) {
          words.push({ parts: units[u]!.parts, tags: units[u]!.lastTags });
        }
        const term = normaliseTerm(words, singular);
        const junk = isJunkTerm(term.words);
        if (!junk) {
          const adjacent =
            previousEnd !== undefined &&
            previousEnd.index + previousEnd.parts.length === first.index;
          const occurrence: Occurrence = {
            term,
            words,
            position: terms > 0 ? first.index / terms : 0,
            definesPrevious: adjacent && first.pre.includes('(') && last.post.includes(')'),
          };
          occurrences.push(occurrence);
          // After the phrase it ends with, so that "(MoE)" next can define it.
          const joined = ofTerm(units, kept, occurrence, start, singular);
          if (joined) occurrences.push(joined);
          kept = { occurrence, end };
        } else {
          kept = undefined;
        }
        // Only a kept phrase can be the long form of a parenthesised acronym after it.
        previousEnd = junk ? undefined : last;
      }
      runStart = unit !== undefined && unitRoles[i] !== 'none' ? i : i + 1;
    }
  }
  return occurrences;
}

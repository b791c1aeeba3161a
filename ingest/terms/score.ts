/**
 * How much a term says about one paper. A product of plain factors, each easy to reason about:
 * how often the paper uses it (damped, as abstracts repeat their subject), whether the title
 * names it, how early it first appears (abstracts open with their subject), whether it is a
 * multi-word phrase (more specific than a single word), and how rare it is in the corpus (an
 * inverse document frequency). The idf keeps a term that nearly every paper shares — "causal
 * inference" in a causality corpus — from crowding out each paper's own terms, while the title
 * boost keeps it in the list of the papers that are about it.
 */
import { isAcronym } from './normalise.ts';

/** What one paper says about one of its terms. */
export interface TermEvidence {
  /** Occurrences in title and text. */
  count: number;
  inTitle: boolean;
  /** Relative position of the first occurrence in the text: 0 (or the title) to 1. */
  position: number;
  /** The term's key words. */
  words: readonly string[];
}

/** A title mention multiplies the score by this. */
export const TITLE_BOOST = 3;
/** A term opening the abstract scores up to this fraction more than one at its end. */
export const POSITION_WEIGHT = 0.5;
/** Factor by number of key words: 1, 2, 3 or more. A lone acronym counts as two words. */
export const LENGTH_FACTORS = [1, 1.5, 1.75] as const;

/**
 * Scores a term of one paper. `df` is the number of documents (of `docs`) that mention the
 * term, at least 1. Scores are positive and comparable within one corpus only; they are
 * rounded to 4 decimals so stored values are stable.
 */
export function scoreTerm(evidence: TermEvidence, df: number, docs: number): number {
  const frequency = 1 + Math.log(evidence.count);
  const title = evidence.inTitle ? TITLE_BOOST : 1;
  const early = 1 + POSITION_WEIGHT * (1 - Math.min(Math.max(evidence.position, 0), 1));
  const [single] = evidence.words;
  const length =
    evidence.words.length === 1 && single && isAcronym(single) ? 2 : evidence.words.length;
  const specific = LENGTH_FACTORS[Math.min(length, LENGTH_FACTORS.length) - 1] ?? 1;
  const rarity = Math.log(1 + docs / Math.max(df, 1));
  return Math.round(frequency * title * early * specific * rarity * 1e4) / 1e4;
}

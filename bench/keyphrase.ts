/**
 * The standard keyphrase-extraction protocol (../shared/data/README.md), so figures compare
 * with published ones: every token of predicted and gold phrases lower-cased and Porter-stemmed,
 * duplicates dropped after stemming, exact matches counted; precision, recall and F1 at k per
 * document (precision over the min(k, predicted) phrases considered), then averaged over
 * documents (macro).
 */
import { stemmer } from 'stemmer';

/** A phrase in comparable form: its tokens lower-cased and stemmed, joined by one space. */
export function stemPhrase(phrase: string): string {
  return phrase
    .toLowerCase()
    .split(/[\s\-‐‑–—/]+/)
    .map((token) => token.replace(/^[^\p{L}\p{N}]+|[^\p{L}\p{N}]+$/gu, ''))
    .filter((token) => token !== '')
    .map((token) => stemmer(token))
    .join(' ');
}

/** Stemmed phrases in order, each once. */
function distinctStems(phrases: readonly string[]): string[] {
  return [...new Set(phrases.map(stemPhrase).filter((stem) => stem !== ''))];
}

export interface Scores {
  precision: number;
  recall: number;
  f1: number;
}

/**
 * Macro precision, recall and F1 at each k, in percent. `predicted[i]` is document i's ranked
 * phrases, `gold[i]` its reference phrases.
 */
export function evaluate(
  predicted: readonly (readonly string[])[],
  gold: readonly (readonly string[])[],
  ks: readonly number[] = [5, 10, 15],
): Map<number, Scores> {
  if (predicted.length !== gold.length) {
    throw new RangeError(`${predicted.length} predictions for ${gold.length} documents`);
  }
  const result = new Map<number, Scores>();
  for (const k of ks) {
    const sum = { precision: 0, recall: 0, f1: 0 };
    predicted.forEach((phrases, i) => {
      const reference = new Set(distinctStems(gold[i]!));
      const top = distinctStems(phrases).slice(0, k);
      const matches = top.filter((stem) => reference.has(stem)).length;
      const precision = top.length > 0 ? matches / top.length : 0;
      const recall = reference.size > 0 ? matches / reference.size : 0;
      sum.precision += precision;
      sum.recall += recall;
      sum.f1 += precision + recall > 0 ? (2 * precision * recall) / (precision + recall) : 0;
    });
    const percent = (total: number) => Math.round((1000 * total) / predicted.length) / 10;
    result.set(k, {
      precision: percent(sum.precision),
      recall: percent(sum.recall),
      f1: percent(sum.f1),
    });
  }
  return result;
}

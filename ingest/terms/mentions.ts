/**
 * Folds one paper's phrase occurrences into its mentions: one entry per key with how often,
 * where first and whether in the title the paper uses it, and its most readable label. A
 * phrase also counts for the shorter terms of the same paper written inside it: "selective
 * latent iterations" in the title is a title mention of "latent iteration", and "LLM
 * objective" is a use of "large language model" when the paper defines "LLM". Only terms the
 * paper also uses on their own are credited, so no fragment becomes a term by this route, and
 * single words are not (see `innerKeys`). Terms the paper writes only inside longer phrases
 * are mentions too when other papers write them on their own, so that a topic counts every
 * paper that uses it; they rank nowhere (`Mention.inner`).
 */
import type { AcronymLookup } from './acronyms.ts';
import { isAcronym } from './normalise.ts';
import type { Occurrence } from './candidates.ts';
import type { TermEvidence } from './score.ts';

/** A paper's use of one term. */
export interface Mention extends TermEvidence {
  key: string;
  /** The form the paper writes most often; empty for an `inner` mention. */
  label: string;
  /**
   * The paper writes the term only inside longer phrases ("causal inference" in "causal
   * inference tasks") and the corpus writes it on its own: the paper mentions it, but it is not
   * one of the paper's key terms.
   */
  inner: boolean;
}

/** An occurrence's term, where it is and whether in the title. */
export type PlacedOccurrence = Pick<Occurrence, 'term' | 'position'> & { inTitle: boolean };

interface Tally extends Mention {
  labels: Map<string, number>;
}

/**
 * The shorter keys written inside `words` that the paper uses on its own (`known`): phrases of
 * two words or more, and resolved acronyms. Single words are not credited: "iteration" inside
 * "latent iteration" is that phrase's head, not a use of iteration in general that should
 * raise its rank. With `corpusKnows`, also the phrases the paper writes only inside longer
 * ones but the corpus writes on their own, the phrase's head word ("hallucination" in
 * "object hallucination") and any name or acronym in it ("Llama3" in "Llama3 8B"), returned in
 * `only`. Another leading word is no mention: "diffusion" in "diffusion model" names the kind
 * of model.
 */
function innerKeys(
  words: readonly string[],
  known: Map<string, Tally>,
  acronyms: AcronymLookup,
  rename: Rename,
  corpusKnows: ((key: string) => boolean) | undefined,
  only: Set<string>,
) {
  const inner = new Set<string>();
  const credit = (written: string, single: boolean) => {
    const key = rename(written);
    if (key === null) return;
    if (!single && known.has(key)) inner.add(key);
    else if (!known.has(key) && corpusKnows?.(key)) only.add(key);
  };
  if (corpusKnows && words.length > 1) {
    words.forEach((word, i) => {
      if (i === words.length - 1 || isAcronym(word)) credit(word, true);
    });
  }
  for (let length = 2; length < words.length; length += 1) {
    for (let start = 0; start + length <= words.length; start += 1) {
      credit(words.slice(start, start + length).join(' '), false);
    }
  }
  if (words.length > 1) {
    for (const word of words) {
      const expansion = acronyms.get(word);
      if (expansion) credit(expansion.key, false);
    }
  }
  return inner;
}

/** The key a written key counts as (a thesaurus may merge it into another), or null if none. */
export type Rename = (key: string) => string | null;

/**
 * Folds occurrences (in reading order, title first) into mentions keyed by term key. The label
 * is the form the paper writes most often, the earliest one on a tie. `acronyms` are the
 * acronyms known for this paper, to credit expansions used inside longer phrases; `rename`
 * maps a shorter term written inside a longer one as the occurrences' terms were mapped.
 * `corpusKnows` tells the terms other papers write on their own: the paper mentions those
 * too where its longer phrases contain them (`inner` mentions, see `Mention`).
 */
export function collectMentions(
  occurrences: readonly PlacedOccurrence[],
  acronyms: AcronymLookup,
  rename: Rename = (key) => key,
  corpusKnows?: (key: string) => boolean,
): Map<string, Mention> {
  const tallies = new Map<string, Tally>();
  for (const { term, inTitle, position } of occurrences) {
    let tally = tallies.get(term.key);
    if (!tally) {
      // Spelled out: V8 (Node 20) builds `{ ...term, count }`, a spread plus new properties,
      // on a slow path, ~4 µs an object, a third of ranking time on a big corpus.
      const { key, label, words } = term;
      tally = { key, label, words, count: 0, inTitle, position, inner: false, labels: new Map() };
      tallies.set(term.key, tally);
    }
    tally.count += 1;
    tally.inTitle ||= inTitle;
    tally.position = Math.min(tally.position, position);
    tally.labels.set(term.label, (tally.labels.get(term.label) ?? 0) + 1);
  }
  // Each phrase once, as often as it is written (its own uses, before the credits below).
  const phrases = [...tallies.values()].map(({ words, count, inTitle, position }) => ({
    words,
    count,
    inTitle,
    position,
  }));
  const only = new Map<string, Mention>();
  const onlyHere = new Set<string>();
  for (const { words, count, inTitle, position } of phrases) {
    onlyHere.clear();
    for (const key of innerKeys(words, tallies, acronyms, rename, corpusKnows, onlyHere)) {
      const tally = tallies.get(key)!;
      tally.count += count;
      tally.inTitle ||= inTitle;
      tally.position = Math.min(tally.position, position);
    }
    for (const key of onlyHere) {
      const known = only.get(key);
      if (known) {
        known.count += count;
        known.inTitle ||= inTitle;
        known.position = Math.min(known.position, position);
      } else {
        // No label: the paper never writes the term on its own.
        only.set(key, {
          key,
          label: '',
          words: key.split(' '),
          count,
          inTitle,
          position,
          inner: true,
        });
      }
    }
  }
  const mentions = new Map<string, Mention>();
  for (const { labels, key, count, inTitle, position, words } of tallies.values()) {
    let label = '';
    let best = 0;
    for (const [form, uses] of labels) {
      if (uses > best) [label, best] = [form, uses];
    }
    mentions.set(key, { key, label, count, inTitle, position, words, inner: false });
  }
  for (const [key, mention] of only) mentions.set(key, mention);
  return mentions;
}

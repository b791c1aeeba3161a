/**
 * Folds one paper's phrase occurrences into its mentions: one entry per key with how often,
 * where first and whether in the title the paper uses it, and its most readable label. A
 * phrase also counts for the shorter terms of the same paper written inside it: "selective
 * latent iterations" in the title is a title mention of "latent iteration", and "LLM
 * objective" is a use of "large language model" when the paper defines "LLM". Only terms the
 * paper also uses on their own are credited, so no fragment becomes a term by this route, and
 * single words are not (see `innerKeys`).
 */
import type { AcronymLookup } from './acronyms.ts';
import type { Occurrence } from './candidates.ts';
import type { TermEvidence } from './score.ts';

/** A paper's use of one term. */
export interface Mention extends TermEvidence {
  key: string;
  label: string;
}

/** An occurrence's term, where it is and whether in the title. */
export type PlacedOccurrence = Pick<Occurrence, 'term' | 'position'> & { inTitle: boolean };

interface Tally extends Mention {
  labels: Map<string, number>;
}

/** The shorter known keys written inside `words`: phrases of two words or more, and resolved
 * acronyms. Single words are not credited: "iteration" inside "latent iteration" is that
 * phrase's head, not a mention of iteration in general. */
function innerKeys(
  words: readonly string[],
  known: Map<string, Tally>,
  acronyms: AcronymLookup,
  rename: Rename,
) {
  const inner = new Set<string>();
  const credit = (written: string) => {
    const key = rename(written);
    if (key !== null && known.has(key)) inner.add(key);
  };
  for (let length = 2; length < words.length; length += 1) {
    for (let start = 0; start + length <= words.length; start += 1) {
      credit(words.slice(start, start + length).join(' '));
    }
  }
  if (words.length > 1) {
    for (const word of words) {
      const expansion = acronyms.get(word);
      if (expansion) credit(expansion.key);
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
 */
export function collectMentions(
  occurrences: readonly PlacedOccurrence[],
  acronyms: AcronymLookup,
  rename: Rename = (key) => key,
): Map<string, Mention> {
  const tallies = new Map<string, Tally>();
  for (const { term, inTitle, position } of occurrences) {
    let tally = tallies.get(term.key);
    if (!tally) {
      // Spelled out: V8 (Node 20) builds `{ ...term, count }`, a spread plus new properties,
      // on a slow path, ~4 µs an object, a third of ranking time on a big corpus.
      const { key, label, words } = term;
      tally = { key, label, words, count: 0, inTitle, position, labels: new Map() };
      tallies.set(term.key, tally);
    }
    tally.count += 1;
    tally.inTitle ||= inTitle;
    tally.position = Math.min(tally.position, position);
    tally.labels.set(term.label, (tally.labels.get(term.label) ?? 0) + 1);
  }
  for (const { term, inTitle, position } of occurrences) {
    for (const key of innerKeys(term.words, tallies, acronyms, rename)) {
      const tally = tallies.get(key)!;
      tally.count += 1;
      tally.inTitle ||= inTitle;
      tally.position = Math.min(tally.position, position);
    }
  }
  const mentions = new Map<string, Mention>();
  for (const { labels, key, count, inTitle, position, words } of tallies.values()) {
    let label = '';
    let best = 0;
    for (const [form, uses] of labels) {
      if (uses > best) [label, best] = [form, uses];
    }
    mentions.set(key, { key, label, count, inTitle, position, words });
  }
  return mentions;
}

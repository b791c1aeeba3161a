/**
 * Part-of-speech tagging with compromise, and the word units the phrase finder works on.
 * Tagging is the slow step of term extraction, so each text is tagged once, without
 * compromise's own chunker (we chunk ourselves). Hyphenated compounds are glued back into one
 * unit ("image-text", "GPT-4", "Think-at-Hard") because compromise splits them into terms
 * tagged one by one, and a compound acts as a single word in a noun phrase.
 */
import nlp from 'compromise/two';

type Term = ReturnType<typeof nlp>['docs'][number][number];

/** One word for the phrase finder: a single term or a hyphenated compound of several. */
export interface WordUnit {
  /** The word's parts as written ("image", "text" for "image-text"). */
  parts: string[];
  /** Tags of each part, in order. */
  partTags: ReadonlySet<string>[];
  /** Punctuation written before the first part and after the last ("(" and "), "). */
  pre: string;
  post: string;
  /** Index of the unit's first term in its text, counting all sentences. */
  index: number;
}

/**
 * compromise's default hooks, minus what `nlp.tokenize` already ran, its chunker, and its
 * post-tagger: its ~1000 corrective patterns take two thirds of the tagging time, and on the
 * sample corpus they changed the top terms of about one paper in ten, no better on balance.
 * Term ids and the typeahead index serve compromise's own match API only: without them, 800
 * arXiv abstracts get the very same tags, ~10% sooner.
 */
const UNUSED_HOOKS = [
  'contractions',
  'alias',
  'machine',
  'postTagger',
  'chunks',
  'id',
  'typeahead',
];
const TAGGING_HOOKS = nlp.hooks().filter((hook) => !UNUSED_HOOKS.includes(hook));

const NO_TAGS: ReadonlySet<string> = new Set();

/** compromise's lexicon (word → its usual tag), reached through the documented `world()`. */
const LEXICON: Readonly<Record<string, string | undefined>> =
  (nlp.world() as { model?: { one?: { lexicon?: Record<string, string> } } }).model?.one?.lexicon ??
  {};

/** The tag compromise's lexicon gives a lower-case word out of context, if it knows it. */
export function lexiconTag(word: string): string | undefined {
  return Object.hasOwn(LEXICON, word) ? LEXICON[word] : undefined;
}

/** A term ends with a bare hyphen ("image-") and the next starts without space: one word. */
function joinsNext(term: Term, next: Term | undefined): boolean {
  return next !== undefined && /^[-‐‑]$/.test(term.post) && next.pre === '';
}

/**
 * Tags `text` and groups its terms into word units, one array per sentence.
 * `terms` in the result is the number of terms in the text (for relative positions).
 */
export function tagWords(text: string): { sentences: WordUnit[][]; terms: number } {
  const view = nlp.tokenize(text).compute(TAGGING_HOOKS);
  const sentences: WordUnit[][] = [];
  let index = 0;
  for (const sentence of view.docs) {
    const units: WordUnit[] = [];
    let current: WordUnit | undefined;
    sentence.forEach((term, i) => {
      const tags = term.tags ?? NO_TAGS;
      if (current) {
        current.parts.push(term.text);
        current.partTags.push(tags);
        current.post = term.post;
      } else {
        current = { parts: [term.text], partTags: [tags], pre: term.pre, post: term.post, index };
      }
      index += 1;
      if (!joinsNext(term, sentence[i + 1])) {
        units.push(current);
        current = undefined;
      }
    });
    sentences.push(units);
  }
  return { sentences, terms: index };
}

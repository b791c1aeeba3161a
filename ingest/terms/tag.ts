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
  /** The parts in lower case, joined with a space ("image text"). */
  lower: string;
  /** Tags of any part. */
  tags: ReadonlySet<string>;
  /** Tags of the last part, which decide what the whole word is ("GPT-4" is a noun). */
  lastTags: ReadonlySet<string>;
  /** Punctuation written before the first part and after the last ("(" and "), "). */
  pre: string;
  post: string;
  /** Index of the unit's first term in its text, counting all sentences. */
  index: number;
}

/** compromise internals, reached through its documented `world()` escape hatch. */
interface World {
  methods: {
    one: {
      tokenize: { fromString: (text: string, world: World) => Term[][] };
      killUnicode: (text: string, world: World) => string;
    };
  };
  model: {
    one: { lexicon?: Record<string, string>; contractions?: { word?: string }[] };
  };
}
const world = nlp.world() as unknown as World;
const View = nlp.tokenize('').constructor as new (document: Term[][]) => ReturnType<typeof nlp>;

/**
 * The compromise passes we run on a tokenised text (`nlp.tokenize` plus `nlp`'s default
 * hooks, less some): aliases, machine forms and contractions as `nlp.tokenize` runs them,
 * then frozen phrases ("machine learning"), the lexicon and the pre-tagger. Left out: the
 * second normalisation `nlp.tokenize` runs (the tokeniser has normalised every term already),
 * the post-tagger (~1000 corrective patterns, two thirds of the tagging time; on the sample
 * corpus they changed the top terms of about one paper in ten, no better on balance), the
 * chunker (we chunk ourselves), and the term ids and typeahead index that serve compromise's
 * match API only.
 */
const HOOKS = [
  'alias',
  'machine',
  'contractions',
  'index',
  'freeze',
  'lexicon',
  'preTagger',
  'contractionTwo',
];
const HOOKS_WITHOUT_CONTRACTIONS = HOOKS.filter((hook) => hook !== 'contractions');

/**
 * What compromise's contraction pass can rewrite: a word with an apostrophe ("don't"), a
 * number written with its unit or range ("4km", "2-3"), or one of its known contractions
 * without apostrophe ("cannot", "gonna"). It tests each word against that whole list, a
 * tenth of the tagging time, so it runs only on texts that have such a word.
 */
const CONTRACTION_WORDS = new Set(
  (world.model.one.contractions ?? []).flatMap(({ word }) => (word ? [word] : [])),
);
const NUMBER_WITH_UNIT = /^[+-]?\d[.,\d]*[a-z°²³µ/]+$/;
const NUMBER_RANGE = /^\d[^-–—]*[-–—].*?\d/;
const mayContract = ({ text, normal }: Term): boolean =>
  normal.includes("'") ||
  CONTRACTION_WORDS.has(normal) ||
  NUMBER_RANGE.test(normal) ||
  NUMBER_WITH_UNIT.test(text);

/** Tokenises and tags `text`, as `nlp(text)` would with the hooks above. */
function tag(text: string): { docs: Term[][] } {
  const document = world.methods.one.tokenize.fromString(text, world);
  const contracts = document.some((sentence) => sentence.some(mayContract));
  return new View(document).compute(contracts ? HOOKS : HOOKS_WITHOUT_CONTRACTIONS);
}

// compromise folds accented letters to ASCII one character at a time ("Björk" → "Bjork"):
// nearly every word of an English abstract is ASCII already, and the rest is left to it.
const ASCII = /^[\x20-\x7e]*$/;
const killUnicode = world.methods.one.killUnicode;
world.methods.one.killUnicode = (text, w) => (ASCII.test(text) ? text : killUnicode(text, w));

const NO_TAGS: ReadonlySet<string> = new Set();

/** compromise's lexicon (word → its usual tag), reached through the documented `world()`. */
const LEXICON: Readonly<Record<string, string | undefined>> = world.model.one.lexicon ?? {};

/** The tag compromise's lexicon gives a lower-case word out of context, if it knows it. */
export function lexiconTag(word: string): string | undefined {
  return Object.hasOwn(LEXICON, word) ? LEXICON[word] : undefined;
}

/** A term ends with a bare hyphen ("image-") and the next starts without space: one word. */
function joinsNext(term: Term, next: Term | undefined): boolean {
  if (next === undefined || next.pre !== '') return false;
  // An en dash between two words joins names: "Klein–Gordon equation", "Navier–Stokes".
  return (
    /^[-‐‑]$/.test(term.post) ||
    (term.post === '–' && /\p{L}$/u.test(term.text) && /^\p{L}/u.test(next.text))
  );
}

/**
 * Tags `text` and groups its terms into word units, one array per sentence.
 * `terms` in the result is the number of terms in the text (for relative positions).
 */
export function tagWords(text: string): { sentences: WordUnit[][]; terms: number } {
  const view = tag(text);
  const sentences: WordUnit[][] = [];
  let index = 0;
  for (const sentence of view.docs) {
    const units: WordUnit[] = [];
    for (let i = 0; i < sentence.length;) {
      const first = sentence[i]!;
      let last = first;
      let end = i + 1;
      while (joinsNext(last, sentence[end])) last = sentence[end++]!;
      const terms = sentence.slice(i, end);
      const parts = terms.map((term) => term.text);
      units.push({
        parts,
        lower: parts.join(' ').toLowerCase(),
        tags: terms.length === 1 ? (first.tags ?? NO_TAGS) : unionOfTags(terms),
        lastTags: last.tags ?? NO_TAGS,
        pre: first.pre,
        post: last.post,
        index: index + i,
      });
      i = end;
    }
    index += sentence.length;
    sentences.push(units);
  }
  return { sentences, terms: index };
}

function unionOfTags(terms: readonly Term[]): ReadonlySet<string> {
  const union = new Set<string>();
  for (const term of terms) for (const tag of term.tags ?? NO_TAGS) union.add(tag);
  return union;
}

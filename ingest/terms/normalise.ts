/**
 * Turns a phrase as written into a topic key and a readable label, so that the surface variants
 * of one concept in one paper — and across papers — meet on the same key:
 * - case is folded, except in acronyms and names (two or more capitals, or a capital and a
 *   digit: "LLM", "LoRA", "TaH", "GPT-4", "F1"), whose plural "s" is dropped ("LLMs" → "LLM");
 * - the head (last word) is made singular ("structural causal models" → "structural causal
 *   model"); other words are left alone, as English compounds rarely inflect them;
 * - hyphens become spaces in the key ("non-stationary" and "non stationary" → "non stationary"),
 *   except before a version number, which stays attached ("GPT-4"). The label keeps the hyphens
 *   as written ("image-text matching"). Closed forms ("nonstationary") stay a separate key.
 */
import nlp from 'compromise/two';

/** One word of a phrase as the tagger saw it; a hyphenated compound keeps its parts. */
export interface SurfaceWord {
  parts: string[];
  /** Tags of the last part, which decide whether the word is a singular noun already. */
  tags: ReadonlySet<string>;
}

/** A phrase in normal form: `key` identifies the topic, `label` is how to show it. */
export interface NormalisedTerm {
  key: string;
  label: string;
  /** The key's words (a version number stays with its name: "GPT-4"). */
  words: string[];
}

/** Nouns ending in "s" that are singular or invariant, so must not lose it. */
const KEEP_FINAL_S = /(?:ss|us|is|ics|as|ous)$/;
const INVARIANT = new Set(['data', 'news', 'means', 'series', 'species', 'lens', 'gas']);
/** Plurals compromise's rules get wrong ("hypotheses" → "hypothes"). */
const IRREGULAR: Readonly<Record<string, string>> = {
  hypotheses: 'hypothesis',
  biases: 'bias',
  aliases: 'alias',
  caches: 'cache',
  niches: 'niche',
  lies: 'lie',
};
const VERSION = /^\d[\w.]*$/;

/** True for words written with two or more capitals, or a capital and a digit: acronyms and
 * names like "LoRA", "F1", "Qwen3". */
export function isAcronym(text: string): boolean {
  return /\p{Lu}.*[\p{Lu}\d]/u.test(text);
}

/** Case-folds one word part, keeping acronyms and dropping their plural "s". */
function normaliseWordPart(text: string): string {
  if (!isAcronym(text)) return text.toLowerCase();
  return /^\p{Lu}[\p{L}\d]*[\p{Lu}\d]s$/u.test(text) ? text.slice(0, -1) : text;
}

/** The compromise noun inflector, reached through its documented `world()` escape hatch. */
type Inflect = (word: string, model: object) => string;

/**
 * Creates a memoised singulariser for lower-case head nouns. Uses compromise's own inflection
 * rules ("analyses" → "analysis", "matrices" → "matrix") behind guards for the singular words
 * that merely end in "s" ("bias", "dynamics", "series").
 */
export function createSingulariser(): (word: string) => string {
  const world = nlp.world() as {
    model?: object;
    methods?: { two?: { transform?: { noun?: { toSingular?: Inflect } } } };
  };
  const toSingular = world.methods?.two?.transform?.noun?.toSingular;
  const model = world.model ?? {};
  const cache = new Map<string, string>();
  return (word) => {
    let singular = cache.get(word);
    if (singular === undefined) {
      const eligible = word.length > 3 && !INVARIANT.has(word) && !KEEP_FINAL_S.test(word);
      // Own keys only: "constructor" is a word, not Object.prototype.constructor.
      singular = Object.hasOwn(IRREGULAR, word) ? IRREGULAR[word]! : word;
      if (singular === word && eligible && toSingular && word.endsWith('s')) {
        singular = toSingular(word, model);
        if (singular.length < 3) singular = word;
      }
      cache.set(word, singular);
    }
    return singular;
  };
}

/**
 * Normalises a phrase (see the module comment). `singular` maps a lower-case plural noun to
 * its singular; the head (the last word unless `head` says which: "mixtures of experts" → 0)
 * is only passed to it when the tagger did not call it singular.
 */
export function normaliseTerm(
  words: readonly SurfaceWord[],
  singular: (word: string) => string,
  head = words.length - 1,
): NormalisedTerm {
  const keyWords: string[] = [];
  const labelWords: string[] = [];
  words.forEach((word, wordIndex) => {
    const isHead = wordIndex === head;
    // In a compound "of"-term the head is the part before "of": "mixtures-of-experts".
    const ofPart = word.parts.findIndex((part, i) => i > 0 && part.toLowerCase() === 'of');
    const headPart = ofPart > 0 ? ofPart - 1 : word.parts.length - 1;
    const parts = word.parts.map((part, partIndex) => {
      const normal = normaliseWordPart(part);
      const isLast = partIndex === headPart;
      const singularTagged = word.tags.has('Singular') || word.tags.has('Uncountable');
      return isHead && isLast && !singularTagged && normal === part.toLowerCase()
        ? singular(normal)
        : normal;
    });
    parts.forEach((part, partIndex) => {
      if (partIndex > 0 && VERSION.test(part) && keyWords.length > 0) {
        keyWords[keyWords.length - 1] += `-${part}`;
      } else {
        keyWords.push(part);
      }
    });
    labelWords.push(parts.join('-'));
  });
  return { key: keyWords.join(' '), label: labelWords.join(' '), words: keyWords };
}

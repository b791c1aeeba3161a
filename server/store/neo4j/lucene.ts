/**
 * Turns what a user types into a safe query for the papers' full-text index (Lucene query
 * syntax), matching the embedded store's FTS5 search: every word must occur in the title or
 * the abstract (stemmed), the last one also as a prefix, so results narrow as the user types;
 * a title match weighs ten times an abstract match, as `bm25(paper_search, 10, 1)` does.
 * Words are letters and digits only, lower-cased (so `AND`, `OR`, `NOT` are words, not
 * operators) and escaped, so `"`, `*`, `:` or `(` in the input are never syntax.
 *
 * The English analyzer drops stop words, from the index and from the query alike, so a stop
 * word is no requirement; but a prefix is not analyzed, and `of*` can only match longer words
 * ("offer"), never "of", which is not indexed. So a last word that is a stop word is only a
 * preference: "effects of" finds the papers on effects, where a required `of*` found almost
 * none (a live Neo4j showed it).
 */

/** Lucene's English stop words (EnglishAnalyzer.ENGLISH_STOP_WORDS_SET). */
const ENGLISH_STOP_WORDS = new Set(
  (
    'a an and are as at be but by for if in into is it no not of on or such that the their ' +
    'then there these they this to was will with'
  ).split(' '),
);

/** Lucene's special characters, escaped with a backslash. */
const LUCENE_SPECIAL = /[+\-&|!(){}[\]^"~*?:\\/]/g;

/** `a+b` → `a\+b`: the text as one literal Lucene term. */
export function escapeLucene(text: string): string {
  return text.replace(LUCENE_SPECIAL, (char) => `\\${char}`);
}

/**
 * `difference-in-differences` → `title:"difference in differences"^10 abstract:"…"`: the
 * words as one phrase (the analyzer stems them and leaves a stop word's place open);
 * undefined for fewer than two words.
 */
export function lucenePhrase(input: string): string | undefined {
  const words = input.match(/[\p{L}\p{N}]+/gu)?.slice(0, 12) ?? [];
  if (words.length < 2) return undefined;
  const phrase = `"${words.map((word) => escapeLucene(word.toLowerCase())).join(' ')}"`;
  return `title:${phrase}^10 abstract:${phrase}`;
}

/** `causal Infer` → `+(title:causal^10 abstract:causal) +(title:infer^10 … title:infer*^10 …)`. */
export function luceneQuery(input: string): string | undefined {
  const words = input.match(/[\p{L}\p{N}]+/gu)?.slice(0, 12) ?? [];
  if (words.length === 0) return undefined;
  return words
    .map((word, index) => {
      const term = escapeLucene(word.toLowerCase());
      const exact = `title:${term}^10 abstract:${term}`;
      if (index < words.length - 1) return `+(${exact})`;
      // The last word may be unfinished: also its prefix (not stemmed, as in FTS5's `word*`).
      const prefix = `title:${term}*^10 abstract:${term}*`;
      return ENGLISH_STOP_WORDS.has(word.toLowerCase()) ? `(${prefix})` : `+(${exact} ${prefix})`;
    })
    .join(' ');
}

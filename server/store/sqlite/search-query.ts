/**
 * Turns what a user types into safe SQLite search expressions: an FTS5 query of quoted
 * prefix terms (so `"`, `*`, `NEAR` or `-` in the input are words, never syntax) and a LIKE
 * pattern with its wildcards escaped.
 */

/** `causal infer` → `"causal" "infer"*`; undefined when nothing searchable is left. */
export function ftsQuery(input: string): string | undefined {
  const words = input.match(/[\p{L}\p{N}]+/gu)?.slice(0, 12) ?? [];
  if (words.length === 0) return undefined;
  return words.map((word, index) => `"${word}"${index === words.length - 1 ? '*' : ''}`).join(' ');
}

/**
 * `difference-in-differences` → `"difference in differences"`: the words as one phrase
 * (stemmed, in order, next to each other); undefined for fewer than two words.
 */
export function ftsPhrase(input: string): string | undefined {
  const words = input.match(/[\p{L}\p{N}]+/gu)?.slice(0, 12) ?? [];
  return words.length < 2 ? undefined : `"${words.join(' ')}"`;
}

/** The text with `%`, `_` and `\` escaped for `LIKE … ESCAPE '\'` (LIKE folds ASCII case). */
export function likeEscape(text: string): string {
  return text.replace(/[\\%_]/g, (char) => `\\${char}`);
}

/**
 * Test support: the one way Neo4j's full-text search finds other papers than the embedded
 * store's, beside ranking and stop words. Lucene's standard tokenizer keeps a host name whole
 * ("opencausalab.github.io" is one token), where SQLite's FTS5 splits it at the dots, so on
 * Neo4j a word inside a host name is found only when the host starts with it ("github.com"
 * matches the prefix query `github*`, "opencausalab.github.io" does not).
 */
import type { GraphStore, SearchHit } from '../../server/store/graph-store.ts';

/** Dotted runs of letters and digits: what Lucene keeps as one token. */
const DOTTED = /[\p{L}\p{N}]+(?:\.[\p{L}\p{N}]+)+/gu;

/**
 * Whether every occurrence of `word` at the start of a word of `text` lies inside a host name
 * that does not start with it: the papers Lucene cannot find by that word.
 */
export function onlyInsideHostNames(text: string, word: string): boolean {
  const lower = word.toLowerCase();
  const starts = new RegExp(`(^|[^\\p{L}\\p{N}])${lower}`, 'u');
  const rest = text
    .toLowerCase()
    .replace(DOTTED, (token) => (token.startsWith(lower) ? token : ' '));
  return !starts.test(rest) && starts.test(text.toLowerCase());
}

/**
 * Splits the embedded store's paper hits for `query` that Neo4j did not return into those
 * explained by host names and the others (which a test expects to be none).
 */
export async function explainMissingPapers(
  embedded: GraphStore,
  query: string,
  expected: SearchHit[],
  actual: SearchHit[],
): Promise<{ insideHostNames: string[]; unexplained: string[] }> {
  const found = new Set(actual.map((hit) => `${hit.kind}:${hit.id}`));
  const missing = expected.filter((hit) => hit.kind === 'paper' && !found.has(`paper:${hit.id}`));
  const insideHostNames: string[] = [];
  const unexplained: string[] = [];
  for (const hit of missing) {
    const detail = await embedded.paper(hit.id, 0);
    const text = `${detail?.paper.title ?? ''}\n${detail?.paper.abstract ?? ''}`;
    const words = query.match(/[\p{L}\p{N}]+/gu) ?? [];
    (words.some((word) => onlyInsideHostNames(text, word)) ? insideHostNames : unexplained).push(
      hit.id,
    );
  }
  return { insideHostNames, unexplained };
}

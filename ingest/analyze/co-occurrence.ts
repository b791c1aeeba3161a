/**
 * Topic co-occurrence: two topics co-occur when one paper mentions both, counted once per
 * paper (binary counting). The strength of a link is the association strength (observed over
 * expected co-occurrences, `c·N / (dfᵢ·dfⱼ)`), so that two common topics meeting by chance do
 * not outweigh two specific topics that always appear together.
 */
import type { CoOccurrence } from '../../server/store/model.ts';

export interface LinkOptions {
  /** Each topic keeps at most its this many strongest links… */
  linksPerTopic: number;
  /** …and the map at most this many links in all, strongest first. */
  maxLinks: number;
  /** Pairs seen in fewer papers are ignored. */
  minPapers: number;
}

/**
 * 8 links per topic and 5 per topic overall: a 2,000-topic map gets up to 10,000 links, enough
 * to show every topic's neighbourhood (VOSviewer draws only the 1,000 strongest, which leaves
 * most of a map that size unlinked).
 */
export const DEFAULT_LINKS: LinkOptions = { linksPerTopic: 8, maxLinks: 10_000, minPapers: 1 };

/** Pair counts of topics `0…n-1`: key `i·n + j` (i < j) → number of papers mentioning both. */
export type PairCounts = Map<number, number>;

/** The two topics of a pair key of topics `0…n-1`: `[i, j]`, i < j. */
export function pairOf(key: number, n: number): [number, number] {
  const i = Math.floor(key / n);
  return [i, key - i * n];
}

/** Counts every pair of topics once per paper; `papers` lists each paper's topic indexes. */
export function countPairs(papers: Iterable<readonly number[]>, topics: number): PairCounts {
  const counts: PairCounts = new Map();
  for (const paperTopics of papers) {
    const onPaper = [...new Set(paperTopics)].sort((a, b) => a - b);
    for (let i = 0; i < onPaper.length; i++) {
      const row = onPaper[i]! * topics;
      for (let j = i + 1; j < onPaper.length; j++) {
        const key = row + onPaper[j]!;
        counts.set(key, (counts.get(key) ?? 0) + 1);
      }
    }
  }
  return counts;
}

/**
 * The links to store and draw: for each pair among `ids` (topic index → id, with `df`), its
 * papers and association strength over `corpusPapers`; each topic's strongest links kept, then
 * the strongest `maxLinks` of those. Source < target in code-point order.
 */
export function strongestLinks(
  pairs: PairCounts,
  ids: readonly string[],
  df: readonly number[],
  corpusPapers: number,
  options: LinkOptions = DEFAULT_LINKS,
): CoOccurrence[] {
  const n = ids.length;
  const all: CoOccurrence[] = [];
  for (const [key, papers] of pairs) {
    if (papers < options.minPapers) continue;
    const [i, j] = pairOf(key, n);
    const [a = '', b = ''] = [ids[i], ids[j]];
    const strength = (papers * corpusPapers) / ((df[i] ?? 1) * (df[j] ?? 1));
    all.push({
      source: a < b ? a : b,
      target: a < b ? b : a,
      paperCount: papers,
      strength: Math.round(strength * 1e6) / 1e6,
    });
  }
  all.sort(
    (a, b) =>
      b.strength - a.strength ||
      b.paperCount - a.paperCount ||
      compare(a.source, b.source) ||
      compare(a.target, b.target),
  );

  // Keep a link when it is among the strongest of either of its topics.
  const kept = new Map<string, number>();
  const links: CoOccurrence[] = [];
  for (const link of all) {
    if (links.length === options.maxLinks) break;
    const source = kept.get(link.source) ?? 0;
    const target = kept.get(link.target) ?? 0;
    if (source >= options.linksPerTopic && target >= options.linksPerTopic) continue;
    kept.set(link.source, source + 1);
    kept.set(link.target, target + 1);
    links.push(link);
  }
  return links;
}

/** Co-occurrence links of the topics `df` (id → papers) over `papers` (topic ids per paper). */
export function coOccurrences(
  papers: string[][],
  df: Map<string, number>,
  options: LinkOptions = DEFAULT_LINKS,
  corpusPapers = papers.length,
): CoOccurrence[] {
  const ids = [...df.keys()];
  const index = new Map(ids.map((id, i) => [id, i]));
  const indexed = papers.map((topics) =>
    topics.flatMap((id) => (index.has(id) ? [index.get(id)!] : [])),
  );
  const counts = ids.map((id) => df.get(id) ?? 1);
  return strongestLinks(countPairs(indexed, ids.length), ids, counts, corpusPapers, options);
}

export const compare = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

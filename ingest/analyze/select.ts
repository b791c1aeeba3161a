/**
 * Which candidate topics make the map: the papers of each, the most relevant (see
 * relevance.ts) with a topic of the previous map held, and the linked groups big enough to
 * be a part of the field.
 */
import type { TopicMentions } from '../../server/store/graph-store.ts';
import { compare, pairOf, type PairCounts } from './co-occurrence.ts';
import { MIN_CLUSTER_SIZE, STAY_BONUS } from './defaults.ts';

/**
 * The `keep` most relevant topics (indexes, ascending), a topic of the previous map counted
 * `STAY_BONUS` times as relevant; a topic of no relevance (no co-occurrence) never.
 */
export function mostRelevant(
  relevance: readonly number[],
  onPreviousMap: (i: number) => boolean,
  keep: number,
): number[] {
  const weight = (i: number) => relevance[i]! * (onPreviousMap(i) ? STAY_BONUS : 1);
  return relevance
    .flatMap((value, i) => (value > 0 ? [i] : []))
    .sort((a, b) => weight(b) - weight(a) || a - b)
    .slice(0, keep)
    .sort((a, b) => a - b);
}

/** Paper ids per candidate topic, sorted. */
export function topicPapers(input: TopicMentions, index: Map<string, number>): string[][] {
  const papers: string[][] = Array.from({ length: index.size }, () => []);
  for (const { paperId, topicId } of input.mentions) {
    const i = index.get(topicId);
    if (i !== undefined) papers[i]!.push(paperId);
  }
  for (const list of papers) list.sort(compare);
  return papers;
}

/** Candidate topic indexes per paper. */
export function paperTopics(papersOf: string[][]): Map<string, number[]> {
  const topics = new Map<string, number[]>();
  papersOf.forEach((papers, topic) => {
    for (const paper of papers) {
      const list = topics.get(paper);
      if (list) list.push(topic);
      else topics.set(paper, [topic]);
    }
  });
  return topics;
}

/** The pairs among `kept` (indexes into 0…n-1), renumbered to 0…kept.length-1. */
export function restrictPairs(pairs: PairCounts, n: number, kept: readonly number[]): PairCounts {
  const at = new Map(kept.map((topic, i) => [topic, i]));
  const restricted: PairCounts = new Map();
  for (const [key, count] of pairs) {
    const [a, b] = pairOf(key, n);
    const i = at.get(a);
    const j = at.get(b);
    if (i !== undefined && j !== undefined) restricted.set(i * kept.length + j, count);
  }
  return restricted;
}

/**
 * The topics of `kept` in connected groups of at least `MIN_CLUSTER_SIZE`: a topic with no
 * link, or two topics linked only to each other, is noise rather than a part of the field.
 */
export function linkedGroups(kept: readonly number[], pairs: PairCounts, n: number): number[] {
  const parent = new Map(kept.map((topic) => [topic, topic]));
  const root = (topic: number): number => {
    let node = topic;
    while (parent.get(node) !== node) node = parent.get(node)!;
    parent.set(topic, node);
    return node;
  };
  for (const key of pairs.keys()) {
    const [i, j] = pairOf(key, n);
    if (parent.has(i) && parent.has(j)) {
      const [a, b] = [root(i), root(j)];
      if (a !== b) parent.set(Math.max(a, b), Math.min(a, b));
    }
  }
  const sizes = new Map<number, number>();
  for (const topic of kept) sizes.set(root(topic), (sizes.get(root(topic)) ?? 0) + 1);
  return kept.filter((topic) => (sizes.get(root(topic)) ?? 0) >= MIN_CLUSTER_SIZE);
}

/**
 * Search results as the search box shows them: grouped by kind (topics, then papers, then
 * repositories — a topic is the most useful jump on a map), keeping the server's ranking
 * inside each group, with one flat order for keyboard navigation.
 */
import type { SearchHit, SearchKind } from '../../../../server/api/types.ts';

export interface SearchGroup {
  kind: SearchKind;
  title: string;
  /** Hits with their position in the flat keyboard order. */
  hits: { hit: SearchHit; index: number }[];
}

export const SEARCH_GROUP_ORDER = [
  { kind: 'topic', title: 'Topics' },
  { kind: 'paper', title: 'Papers' },
  { kind: 'repository', title: 'Repositories' },
] as const satisfies readonly { kind: SearchKind; title: string }[];

/** How many hits of each kind the box lists: enough to choose from, all kinds in view. */
export const DEFAULT_HITS_PER_KIND = 6;

/**
 * Group hits by kind, at most `perKind` each; empty groups are left out; indices run
 * 0..n-1 in display order.
 */
export function groupSearchHits(
  hits: readonly SearchHit[],
  perKind: number = DEFAULT_HITS_PER_KIND,
): SearchGroup[] {
  const groups: SearchGroup[] = [];
  let index = 0;
  for (const { kind, title } of SEARCH_GROUP_ORDER) {
    const ofKind = hits.filter((hit) => hit.kind === kind).slice(0, perKind);
    if (ofKind.length === 0) continue;
    groups.push({ kind, title, hits: ofKind.map((hit) => ({ hit, index: index++ })) });
  }
  return groups;
}

/** The hit at a flat index, if any. */
export function hitAt(groups: readonly SearchGroup[], index: number): SearchHit | undefined {
  for (const group of groups) {
    const found = group.hits.find((entry) => entry.index === index);
    if (found) return found.hit;
  }
  return undefined;
}

/** Move the keyboard cursor by `step` through `count` options, wrapping; -1 means none. */
export function moveActive(active: number, step: 1 | -1, count: number): number {
  if (count === 0) return -1;
  if (active < 0) return step === 1 ? 0 : count - 1;
  return (active + step + count) % count;
}

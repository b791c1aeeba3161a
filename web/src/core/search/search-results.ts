/**
 * Search results as the search box shows them: grouped by kind (topics, then papers, then
 * repositories — a topic is the most useful jump on a map), keeping the server's ranking
 * inside each group, with one flat order for keyboard navigation. For a query of several
 * words the papers having it as a phrase are a group of their own, before the papers having
 * its words only somewhere, whose title says when no paper has the phrase. A paper the query
 * names by an identifier (DOI, arXiv id) comes first, on its own.
 */
import type { SearchHit, SearchKind } from '../../../../server/api/types.ts';

export interface SearchGroup {
  /** Unique among the groups: the kind, or `paper:phrase` and `paper:words`. */
  key: string;
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
  query = '',
): SearchGroup[] {
  const groups: SearchGroup[] = [];
  let index = 0;
  const add = (key: string, kind: SearchKind, title: string, of: SearchHit[]) => {
    if (of.length > 0)
      groups.push({ key, kind, title, hits: of.map((hit) => ({ hit, index: index++ })) });
  };
  for (const { kind, title } of SEARCH_GROUP_ORDER) {
    let ofKind = hits.filter((hit) => hit.kind === kind).slice(0, perKind);
    // A DOI, arXiv id or OpenAlex id names its paper: first, on its own.
    const named = ofKind.filter((hit) => hit.identified);
    if (named.length > 0) {
      add('paper:identifier', kind, 'The paper it names', named);
      ofKind = ofKind.filter((hit) => !hit.identified);
    }
    if (kind !== 'paper' || !ofKind.some((hit) => hit.phrase !== undefined)) {
      add(kind, kind, named.length > 0 ? 'Other papers with its words' : title, ofKind);
      continue;
    }
    const asPhrase = ofKind.filter((hit) => hit.phrase);
    add('paper:phrase', kind, `Papers with “${query}”`, asPhrase);
    add(
      'paper:words',
      kind,
      asPhrase.length > 0 || named.length > 0
        ? 'Papers with its words apart'
        : `No paper has “${query}” as a phrase; papers with its words`,
      ofKind.filter((hit) => !hit.phrase),
    );
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

/**
 * What the map's overlays need of a paper (see `PaperFacts`), from its date and its links, the
 * same for every store: its year when the date starts with one, whether it links released code,
 * and the repositories it links.
 */
import type { PaperFacts } from './graph-store.ts';

export interface LinkFact {
  repository: string;
  status: string;
  kind: string;
}

export function paperFacts(
  id: string,
  published: string | null | undefined,
  links: readonly LinkFact[],
): PaperFacts {
  const facts: PaperFacts = {
    id,
    hasCode: links.some((link) => link.status === 'released' && link.kind === 'code'),
    repositories: links.map((link) => link.repository),
  };
  const year = published ? Number(published.slice(0, 4)) : NaN;
  if (Number.isInteger(year)) facts.year = year;
  return facts;
}

/** What a store counts for a topic's overlay: integers, exact in any order of the papers. */
export interface OverlayCounts {
  papers: number;
  /** Dated papers, and the sum of their years. */
  dated: number;
  yearSum: number;
  /** Papers with released code. */
  withCode: number;
  repositoryCount: number;
}

/**
 * A topic's overlay over every paper mentioning it, as its panel shows it beside that paper
 * list (the map colours a topic by the papers naming it a key term), rounded as the map's.
 * The means are taken here from exact sums: Neo4j's `avg` keeps a running mean, whose last
 * bit depends on the order it meets the papers in, and a mean of 2022.25 then rounded to
 * 2022.2 in one run and 2022.3 in the next.
 */
export function topicOverlay(counts: OverlayCounts): {
  year?: number;
  codeShare: number;
  repositoryCount: number;
} {
  return {
    ...(counts.dated === 0 ? {} : { year: Math.round((counts.yearSum / counts.dated) * 10) / 10 }),
    codeShare:
      counts.papers === 0 ? 0 : Math.round((counts.withCode / counts.papers) * 1000) / 1000,
    repositoryCount: counts.repositoryCount,
  };
}

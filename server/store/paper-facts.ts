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

/**
 * A topic's overlay over every paper mentioning it, as its panel shows it beside that paper
 * list (the map colours a topic by the papers naming it a key term), rounded as the map's.
 */
export function topicOverlay(row: {
  year: number | null;
  codeShare: number | null;
  repositoryCount: number;
}): { year?: number; codeShare: number; repositoryCount: number } {
  return {
    ...(row.year === null ? {} : { year: Math.round(row.year * 10) / 10 }),
    codeShare: Math.round((row.codeShare ?? 0) * 1000) / 1000,
    repositoryCount: row.repositoryCount,
  };
}

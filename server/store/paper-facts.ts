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

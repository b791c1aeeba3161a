/**
 * Turns a paper's URLs into repository links with a status: `promised` when the sentence says
 * the code "will be available at …" (or released, made public, open-sourced, later), otherwise
 * `released`. URLs that are not repositories stay on the paper as plain links.
 */
import type { LinkStatus, Paper, Repository } from '../../server/store/model.ts';
import { toRepository } from './repository.ts';

export interface FoundRepositoryLink {
  repository: Repository;
  status: LinkStatus;
}

const PROMISE =
  /\b(will|shall|to) be (made )?(publicly |freely |openly )?(available|released|public|open[- ]?sourced?|shared)\b|\bwill (release|open[- ]?source|share|make)\b|\b(coming soon|upon (acceptance|publication))\b/i;

/** The sentence of `text` that contains offset `index` (abstract sentences end in ". "). */
function sentenceAround(text: string, index: number): string {
  const start = Math.max(text.lastIndexOf('. ', index) + 1, 0);
  const end = text.indexOf('. ', index);
  return text.slice(start, end === -1 ? text.length : end);
}

/** The repositories among `paper.links`, with the status read from the abstract. */
export function findRepositoryLinks(
  paper: Pick<Paper, 'abstract' | 'links'>,
): FoundRepositoryLink[] {
  const byId = new Map<string, FoundRepositoryLink>();
  for (const url of paper.links) {
    const repository = toRepository(url);
    if (!repository) continue;
    // Abstracts write URLs with or without the scheme: look for the address itself.
    const index = paper.abstract.indexOf(url.replace(/^https?:\/\//, ''));
    const status: LinkStatus =
      index !== -1 && PROMISE.test(sentenceAround(paper.abstract, index)) ? 'promised' : 'released';
    const known = byId.get(repository.id);
    // The same repository written twice: released wins over promised.
    if (!known || (known.status === 'promised' && status === 'released')) {
      byId.set(repository.id, { repository, status });
    }
  }
  return [...byId.values()];
}

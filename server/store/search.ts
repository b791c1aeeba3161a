/**
 * What the search box finds, the same for every store: the store answers the narrow questions
 * of `SearchReads` with its own indexes; this module orders, merges and words the answers.
 *
 * - Topics: the topic named exactly by the query (any topic), then the topics it is the
 *   acronym of ("LLM" → "large language model (LLM)"), then topics of two papers or more whose
 *   label starts with it, whose id does, whose label has a later word starting with it; the
 *   most mentioned first within each, each topic once.
 * - Papers: the paper a DOI, arXiv id or OpenAlex id names (any way it is written: a link, a
 *   version, `arXiv:`); then by any word of their title or abstract (all of them; the last also
 *   as a prefix), and for two words or more those having them as a phrase first, each hit
 *   saying which.
 * - Repositories: by any part of their id.
 */
import type { ReadSide, SearchHit } from './graph-store.ts';
import { identifierKeys } from './paper-key.ts';

/** The reads search is made of (see ReadSide). */
export type SearchReads = Pick<
  ReadSide,
  'findTopics' | 'findPaperText' | 'findPapersByKey' | 'findRepositories'
>;

/** Words in a query: a query of two or more is also looked for as a phrase. */
function wordCount(query: string): number {
  return query.match(/[\p{L}\p{N}]+/gu)?.length ?? 0;
}

export async function searchGraph(
  store: SearchReads,
  query: string,
  limit: number,
): Promise<SearchHit[]> {
  const typed = query.trim();
  const needle = typed.toLowerCase();
  // Two words or more: the papers having them as a phrase first, then the others.
  const phrase = wordCount(query) >= 2;
  // Asked all at once: a store that answers over the network (Neo4j) takes a round trip each.
  const keys = identifierKeys(typed);
  const [
    named,
    acronym,
    starting,
    idStarting,
    withWord,
    identified,
    asPhrase,
    withWords,
    repositories,
  ] = await Promise.all([
    store.findTopics({ kind: 'named', ids: [typed, needle] }, limit),
    needle === '' ? [] : store.findTopics({ kind: 'labelEndsWith', text: ` (${needle})` }, limit),
    store.findTopics({ kind: 'labelStartsWith', text: needle }, limit),
    store.findTopics({ kind: 'idStartsWith', text: needle }, limit),
    store.findTopics({ kind: 'labelHasWordStartingWith', text: ` ${needle}` }, limit),
    keys.length > 0 ? store.findPapersByKey(keys, limit) : [],
    phrase ? store.findPaperText(query, 'phrase', limit) : [],
    store.findPaperText(query, 'words', limit),
    store.findRepositories(needle, limit),
  ]);
  const seen = new Set<string>();
  const hits: SearchHit[] = [named, acronym, starting, idStarting, withWord]
    .flat()
    .filter((topic) => !seen.has(topic.id) && seen.add(topic.id))
    .slice(0, limit)
    .map((topic) => ({
      kind: 'topic',
      id: topic.id,
      label: topic.label,
      detail: `${topic.df} paper${topic.df === 1 ? '' : 's'}`,
    }));

  const inPhrase = new Set(asPhrase.map((paper) => paper.id));
  const found = new Set<string>();
  const papers = [...identified, ...asPhrase, ...withWords]
    .filter((paper) => !found.has(paper.id) && found.add(paper.id))
    .slice(0, limit);
  const byIdentifier = new Set(identified.map((paper) => paper.id));
  for (const paper of papers) {
    hits.push({
      kind: 'paper',
      id: paper.id,
      label: paper.title,
      detail: paper.published,
      ...(byIdentifier.has(paper.id)
        ? { identified: true }
        : phrase
          ? { phrase: inPhrase.has(paper.id) }
          : {}),
    });
  }

  for (const repository of repositories) {
    hits.push({
      kind: 'repository',
      id: repository.id,
      label: `${repository.owner}/${repository.name}`,
      detail: repository.host,
    });
  }
  return hits;
}

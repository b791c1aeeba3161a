/**
 * Test support: every answer the API can get from a store (stats, the topic map whole and per
 * cluster, every paper, topic and repository, searches, the analysis input and output), as
 * one value, so two stores holding the same graph can be compared with one `toEqual`.
 */
import type { GraphStore, SearchHit } from '../../server/store/graph-store.ts';
import { searchGraph } from '../../server/store/search.ts';

export interface ReadOptions {
  /**
   * Neo4j against the embedded store: the papers a full-text search finds are compared as a
   * set, all of them (Lucene ranks by its score, SQLite by bm25), and only for SEARCHES, whose
   * words both analyzers read alike; Lucene's English analyzer drops stop words ("of", "the")
   * that FTS5 keeps, so for topic names only the topic and repository hits are compared.
   */
  paperSearchAsSet?: boolean;
  /** Round association strengths to 5 decimals (SQLite and Neo4j round the 6th apart). */
  roundStrengths?: boolean;
}

/** Queries typed into the explorer's search box: words, prefixes, an acronym, hostile text. */
export const SEARCHES = [
  'causal',
  'causal inf',
  // One or two letters: Neo4j walks topics by df for these, seeks its text indexes for longer.
  'ca',
  'l',
  'LLM',
  'diffusion',
  'state space',
  'github',
  'hug',
  'counterfactual reason',
  'instrumental variable',
  '"; MATCH (n) DETACH DELETE n //',
  'title:causal*',
  '%',
];

async function mapCurrent(store: GraphStore): Promise<boolean> {
  const { papersVersion, mapVersion } = await store.mapState();
  return mapVersion >= papersVersion;
}

const byId = (a: SearchHit, b: SearchHit) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);

export async function readEverything(store: GraphStore, options: ReadOptions = {}) {
  const round = (value: number) =>
    options.roundStrengths ? Math.round(value * 100_000) / 100_000 : value;
  const papers = [];
  for (let after = ''; ;) {
    const page = await store.exportPapers(after, 100);
    if (page.length === 0) break;
    papers.push(...page);
    after = page[page.length - 1]!.paper.id;
  }
  const topicIds = [
    ...new Set(papers.flatMap((paper) => paper.mentions.map((m) => m.topicId))),
  ].sort();
  const repositoryIds = [
    ...new Set(papers.flatMap((paper) => paper.repositories.map((r) => r.repository.id))),
  ].sort();
  const map = await store.topicMap({ limit: 500, minPapers: 1, maxEdges: 4_000 });
  const byCluster = [];
  for (const cluster of map.clusters) {
    byCluster.push(
      await store.topicMap({ limit: 50, minPapers: 2, maxEdges: 100, cluster: cluster.id }),
    );
  }
  const paperDetails = [];
  for (const { paper } of papers) paperDetails.push(await store.paper(paper.id, 10));
  const topicDetails = [];
  for (const id of topicIds) {
    const detail = await store.topic(id, 20);
    topicDetails.push(
      detail && {
        ...detail,
        coOccurring: detail.coOccurring.map((t) => ({ ...t, strength: round(t.strength) })),
      },
    );
  }
  const repositoryDetails = [];
  for (const id of repositoryIds) repositoryDetails.push(await store.repository(id));
  const searches: Record<string, SearchHit[]> = {};
  for (const query of [...SEARCHES, ...topicIds.slice(0, 40)]) {
    const curated = SEARCHES.includes(query);
    if (!options.paperSearchAsSet) {
      searches[query] = await searchGraph(store, query, 12);
      continue;
    }
    const hits = await searchGraph(store, query, curated ? 1_000 : 12);
    const papersFound = hits.filter((hit) => hit.kind === 'paper').sort(byId);
    searches[query] = [
      ...hits.filter((hit) => hit.kind !== 'paper'),
      ...(curated ? papersFound : []),
    ];
  }
  return {
    stats: await store.stats(),
    papers,
    map,
    byCluster,
    paperDetails,
    topicDetails,
    repositoryDetails,
    searches,
    candidates: {
      ...(await store.readTopicMentions({ minPapers: 2, limit: 3_000 })),
      version: undefined,
    },
    paperMap: await store.paperMapInput({ limit: 1_000 }),
    // Versions count a store's own batches; what must agree is whether the map is current.
    analysis: { ...(await store.exportAnalysis()), version: undefined },
    mapCurrent: await mapCurrent(store),
    missing: [
      await store.paper('nope', 10),
      await store.topic('nope', 10),
      await store.repository('nope'),
    ],
  };
}

/**
 * The path of the first value where `actual` and `expected` differ as `toEqual` sees them
 * (Object.is for primitives, so 0 and -0 differ; absent and undefined properties alike), with
 * both values: a failure on two large reads otherwise prints "no visual difference", the
 * printer having cut both at the same depth.
 */
export function firstDifference(
  actual: unknown,
  expected: unknown,
  path = '$',
): string | undefined {
  if (Object.is(actual, expected)) return undefined;
  const isObject = (value: unknown): value is Record<string, unknown> =>
    typeof value === 'object' && value !== null;
  if (
    !isObject(actual) ||
    !isObject(expected) ||
    Array.isArray(actual) !== Array.isArray(expected)
  ) {
    return `${path}: ${show(actual)} where ${show(expected)} was expected`;
  }
  const keys = new Set(
    [...Object.keys(actual), ...Object.keys(expected)].filter(
      (key) => actual[key] !== undefined || expected[key] !== undefined,
    ),
  );
  for (const key of keys) {
    const difference = firstDifference(actual[key], expected[key], `${path}.${key}`);
    if (difference) return difference;
  }
  return undefined;
}

function show(value: unknown): string {
  if (Object.is(value, -0)) return '-0';
  const text = JSON.stringify(value) ?? String(value);
  return text.length > 200 ? `${text.slice(0, 200)}…` : text;
}

/**
 * The topic map, computed after every ingest from the most mentioned topics and their
 * mentions (the store counts papers per topic and names topics; see GraphStore.refreshTopics):
 * which of them make the map, their co-occurrence links, clusters (Louvain) and positions
 * (ForceAtlas2), and a name for every cluster. Deterministic: the same input gives the same
 * map. A first version; the "Topic map analytics" issue replaces clustering and layout.
 */
import Graph from 'graphology';
import louvain from 'graphology-communities-louvain';
import type { Analysis, Cluster, TopicMentions } from '../../server/store/graph-store.ts';
import { coOccurrences } from './co-occurrence.ts';
import { layoutTopics } from './layout-topics.ts';
import { createSeededRandom, DEFAULT_SEED } from './seeded-random.ts';

export interface AnalyzeOptions {
  seed?: number;
}

/** Most topics on the map: more is a hairball, and the layout's cost grows with it. */
export const MAX_MAP_TOPICS = 2_000;

/** Few papers: a topic two of them share is already a signal; many papers: more is needed. */
export function defaultMinPapers(papers: number): number {
  if (papers < 1_000) return 2;
  if (papers < 10_000) return 3;
  if (papers < 40_000) return 5;
  return 10;
}

const byCodePoint = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

export function analyzeTopics(input: TopicMentions, options: AnalyzeOptions = {}): Analysis {
  // Graph insertion order steers Louvain and the layout: fix it, whatever order input comes in.
  const mentions = [...input.mentions].sort(
    (a, b) => byCodePoint(a.paperId, b.paperId) || byCodePoint(a.topicId, b.topicId),
  );
  const topicsByPaper = new Map<string, string[]>();
  for (const { paperId, topicId } of mentions) {
    const topics = topicsByPaper.get(paperId);
    if (topics) topics.push(topicId);
    else topicsByPaper.set(paperId, [topicId]);
  }
  const candidates = [...input.topics].sort((a, b) => b.df - a.df || byCodePoint(a.id, b.id));
  const df = new Map(candidates.map((topic) => [topic.id, topic.df]));
  const labels = new Map(candidates.map((topic) => [topic.id, topic.label]));
  const edges = coOccurrences([...topicsByPaper.values()], df, undefined, input.papers);

  // The map: candidate topics with at least one link (an isolated topic says nothing).
  const graph = new Graph({ type: 'undirected' });
  for (const edge of edges) {
    graph.mergeNode(edge.source);
    graph.mergeNode(edge.target);
    graph.addEdge(edge.source, edge.target, { weight: edge.strength * edge.papers });
  }
  const random = createSeededRandom(options.seed);
  const communities = louvain(graph, { rng: random, getEdgeWeight: 'weight' });
  const clusters = numberClusters(graph, communities, labels, df);

  layoutTopics(graph, clusters.ids, options.seed ?? DEFAULT_SEED);

  const round = (value: number) => Math.round(value * 1000) / 1000;
  const topics = graph.mapNodes((id, attributes) => ({
    id,
    cluster: clusters.ids.get(id) ?? -1,
    x: round(attributes.x as number),
    y: round(attributes.y as number),
  }));
  return { topics, coOccurrences: edges, clusters: clusters.list };
}

/**
 * Louvain's community ids depend on visiting order; renumber them by size (0 = largest, ties
 * by first topic id) and name each by its three most mentioned topics.
 */
function numberClusters(
  graph: Graph,
  communities: Record<string, number>,
  labels: Map<string, string>,
  df: Map<string, number>,
): { ids: Map<string, number>; list: Cluster[] } {
  const members = new Map<number, string[]>();
  graph.forEachNode((node) => {
    const community = communities[node] ?? -1;
    const group = members.get(community);
    if (group) group.push(node);
    else members.set(community, [node]);
  });
  const ordered = [...members.values()]
    .map((topics) =>
      topics.sort((a, b) => (df.get(b) ?? 0) - (df.get(a) ?? 0) || byCodePoint(a, b)),
    )
    .sort((a, b) => b.length - a.length || byCodePoint(a[0] ?? '', b[0] ?? ''));

  const ids = new Map<string, number>();
  const list: Cluster[] = ordered.map((topics, id) => {
    for (const topic of topics) ids.set(topic, id);
    const label = topics
      .slice(0, 3)
      .map((topic) => labels.get(topic) ?? topic)
      .join(' · ');
    return { id, label, topics: topics.length };
  });
  return { ids, list };
}

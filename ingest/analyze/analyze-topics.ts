/**
 * Corpus-level analysis after every ingest: topic document frequencies and labels, which
 * topics make the map, their co-occurrence links, clusters (Louvain) and positions
 * (ForceAtlas2), and a name for every cluster. Deterministic: the same mentions give the same
 * map. A first version; the "Topic map analytics" issue replaces clustering and layout.
 */
import Graph from 'graphology';
import louvain from 'graphology-communities-louvain';
import type { Analysis, Cluster } from '../../server/store/graph-store.ts';
import type { Mention } from '../../server/store/model.ts';
import { coOccurrences } from './co-occurrence.ts';
import { layoutTopics } from './layout-topics.ts';
import { createSeededRandom, DEFAULT_SEED } from './seeded-random.ts';

export interface AnalyzeOptions {
  /** Topics mentioned by fewer papers stay in the store but not on the map. */
  minPapers?: number;
  /** At most this many topics on the map, most mentioned first. */
  maxTopics?: number;
  seed?: number;
}

/** Few papers: a topic two of them share is already a signal; many papers: more is needed. */
export function defaultMinPapers(papers: number): number {
  if (papers < 1_000) return 2;
  if (papers < 10_000) return 3;
  if (papers < 40_000) return 5;
  return 10;
}

type MentionRow = Pick<Mention, 'paperId' | 'topicId' | 'label' | 'score'>;

/** The most common surface form of each topic; ties go to the alphabetically first. */
function topicLabels(mentions: MentionRow[]): Map<string, string> {
  const counts = new Map<string, Map<string, number>>();
  for (const { topicId, label } of mentions) {
    const forms = counts.get(topicId) ?? new Map<string, number>();
    forms.set(label, (forms.get(label) ?? 0) + 1);
    counts.set(topicId, forms);
  }
  const labels = new Map<string, string>();
  for (const [topicId, forms] of counts) {
    const [best] = [...forms].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]));
    labels.set(topicId, best?.[0] ?? topicId);
  }
  return labels;
}

export function analyzeTopics(unordered: MentionRow[], options: AnalyzeOptions = {}): Analysis {
  // Graph insertion order steers Louvain and the layout: fix it, whatever order mentions come in.
  const mentions = [...unordered].sort(
    (a, b) => a.paperId.localeCompare(b.paperId) || a.topicId.localeCompare(b.topicId),
  );
  const topicsByPaper = new Map<string, string[]>();
  const df = new Map<string, number>();
  for (const { paperId, topicId } of mentions) {
    const topics = topicsByPaper.get(paperId) ?? [];
    topics.push(topicId);
    topicsByPaper.set(paperId, topics);
    df.set(topicId, (df.get(topicId) ?? 0) + 1);
  }
  const labels = topicLabels(mentions);
  const minPapers = options.minPapers ?? defaultMinPapers(topicsByPaper.size);
  const selected = new Map(
    [...df]
      .filter(([, papers]) => papers >= minPapers)
      .sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))
      .slice(0, options.maxTopics ?? 2_000),
  );
  const edges = coOccurrences([...topicsByPaper.values()], selected);

  // The map: selected topics with at least one link (an isolated topic says nothing).
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

  const topics = [...df].map(([id, papers]) => {
    const onMap = graph.hasNode(id);
    const round = (value: number) => Math.round(value * 1000) / 1000;
    return {
      id,
      label: labels.get(id) ?? id,
      df: papers,
      cluster: onMap ? (clusters.ids.get(id) ?? -1) : -1,
      x: onMap ? round(graph.getNodeAttribute(id, 'x') as number) : 0,
      y: onMap ? round(graph.getNodeAttribute(id, 'y') as number) : 0,
    };
  });
  const kept = edges.filter((edge) => graph.hasEdge(edge.source, edge.target));
  return { topics, coOccurrences: kept, clusters: clusters.list };
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
    members.set(community, [...(members.get(community) ?? []), node]);
  });
  const ordered = [...members.values()]
    .map((topics) =>
      topics.sort((a, b) => (df.get(b) ?? 0) - (df.get(a) ?? 0) || a.localeCompare(b)),
    )
    .sort((a, b) => b.length - a.length || (a[0] ?? '').localeCompare(b[0] ?? ''));

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

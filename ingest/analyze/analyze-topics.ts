/**
 * The topic map, computed after every ingest from the most mentioned topics and their
 * mentions (the store counts papers per topic and names topics; see GraphStore.refreshTopics),
 * the way VOSviewer builds a term map, plus what VOSviewer leaves out:
 *
 * 1. candidates: the most mentioned topics with enough papers;
 * 2. selection: the most relevant of them (see relevance.ts), at most `maxTopics`, in linked
 *    groups of 3 or more;
 * 3. clusters: Leiden on association strength, at a resolution where no cluster holds more
 *    than a quarter of the map, each named by its most characteristic topics;
 * 4. positions: the VOS layout, clusters pulled together;
 * 5. links to draw: each topic's strongest co-occurrences;
 * 6. overlays: year, code and repositories per topic and cluster.
 *
 * Deterministic: the same input gives the same map. Given the previous map (the clusters and
 * positions in `input.topics`), the new one starts from it when it still fits (its clusters
 * within 2% of the best quality, 70% of its topics still in their cluster), keeps the cluster
 * ids whose topics mostly stay together and is aligned onto it, so a user finds the field where
 * it was.
 */
import type { Network } from 'networkanalysis-ts';
import type {
  Analysis,
  Cluster,
  PaperFacts,
  TopicMentions,
  TopicOverlay,
} from '../../server/store/graph-store.ts';
import { compare, countPairs, strongestLinks, type PairCounts } from './co-occurrence.ts';
import { alignOnto } from './align.ts';
import { nameCluster } from './name-clusters.ts';
import { relevanceScores } from './relevance.ts';
import { leidenClusters, topicNetwork, vosLayout } from './topic-network.ts';

export interface AnalyzeOptions {
  seed?: number;
  /**
   * Leiden resolution: higher gives more, smaller clusters. Unset: VOSviewer's 1, raised
   * until no cluster holds more than `MAX_CLUSTER_SHARE` of the map.
   */
  resolution?: number;
  /** Most topics on the map. */
  maxTopics?: number;
  /** Share of the candidates kept by relevance (VOSviewer: 60%). */
  relevantShare?: number;
  /** Ignore the previous map: a new layout and new cluster ids. */
  fresh?: boolean;
  /** Filled with the seconds each step took. */
  timings?: Partial<Record<AnalysisStep, number>>;
  /** Filled with what the map came to. */
  report?: Partial<MapReport>;
}

export interface MapReport {
  topics: number;
  clusters: number;
  resolution: number;
  /** Drawn although nothing changed: the stored map was behind the papers (an ingest stopped). */
  caughtUp?: true;
  /** Not stored: another ingest, which had read more papers, wrote its map first. */
  superseded?: true;
}

export type AnalysisStep = 'select' | 'cluster' | 'layout' | 'links' | 'overlays';

const DEFAULT_SEED = 42;
const DEFAULT_RESOLUTION = 1;
/**
 * No cluster should hold more than this share of the map's topics: a field read at a glance
 * needs parts. At VOSviewer's resolution 1 the 80,000 arXiv papers make 5 clusters, the largest
 * 608 of 2,000 topics (30%); at 1.56, 13, the largest 320. The samples (14 clusters, largest
 * 13%) and 5,000 arXiv papers (17, largest 11%) stay at 1.
 */
const MAX_CLUSTER_SHARE = 0.25;
/** Each raise multiplies the resolution by this, at most `RESOLUTION_RAISES` times. */
const RESOLUTION_STEP = 1.25;
const RESOLUTION_RAISES = 4;
/**
 * The previous layout is polished only when at least this share of the topics it placed kept
 * their cluster: otherwise its groups no longer match the clusters (a store written by an
 * older Topograph, a corpus that changed a lot) and a fresh layout reads better.
 */
const KEPT_FOR_POLISH = 0.7;
/** How much heavier a link inside a cluster weighs in the layout (see pullClustersTogether). */
const INTRA_CLUSTER_PULL = 4;
const RELEVANT_SHARE = 0.6;
/**
 * A topic on the previous map stays on it until a newcomer is this much more relevant: the
 * relevance of topics near the cut moves with every few papers. Adding the 50 newest papers to
 * 80,000: without it 102 of 2,000 topics left the map and 4.4% changed cluster; with 1.25, 47
 * and 4.7%; with 1.5, 26 and 1.7%, every cluster keeping its name but one of 9 topics merged.
 */
const STAY_BONUS = 1.5;
/** Most topics on the map: more is a hairball, and the layout's cost grows with the square. */
export const MAX_MAP_TOPICS = 2_000;
/** Candidates to choose the map from: enough that the relevant share fills the map. */
export const MAX_CANDIDATES = Math.ceil(MAX_MAP_TOPICS / RELEVANT_SHARE);
/** Positions are stored at this scale (a VOS layout has mean distance 1 between topics). */
const SCALE = 100;
/** Smallest cluster, and smallest group of linked topics, on the map (VOSviewer merges small ones too). */
const MIN_CLUSTER_SIZE = 3;

/**
 * Below this many papers the relevance filter is not applied: most candidates then have two or
 * three papers, and how their few co-occurrences spread says nothing. On the 176 sample papers
 * it ranked "environment" and "experimental result" above "structural causal model"; on 80,000
 * arXiv papers its least relevant topics are "experimental result", "valuable insight",
 * "rapid development" and its most relevant "whole-slide image", "word error rate".
 */
export const RELEVANCE_FROM_PAPERS = 1_000;

/** Few papers: a topic two of them share is already a signal; many papers: more is needed. */
export function defaultMinPapers(papers: number): number {
  if (papers < 1_000) return 2;
  if (papers < 10_000) return 3;
  if (papers < 40_000) return 5;
  return 10;
}

export function analyzeTopics(input: TopicMentions, options: AnalyzeOptions = {}): Analysis {
  const seed = options.seed ?? DEFAULT_SEED;
  const maxTopics = options.maxTopics ?? MAX_MAP_TOPICS;
  const share = options.relevantShare ?? RELEVANT_SHARE;
  let started = performance.now();
  const step = (name: AnalysisStep) => {
    const now = performance.now();
    if (options.timings) options.timings[name] = Math.round(now - started) / 1000;
    started = now;
  };

  // Order fixes every later step: by papers, then id, whatever order the store gave.
  const candidates = [...input.topics]
    .sort((a, b) => b.df - a.df || compare(a.id, b.id))
    .slice(0, Math.ceil(maxTopics / share));
  const index = new Map(candidates.map((topic, i) => [topic.id, i]));
  const papersOf = topicPapers(input, index);
  const topicsOf = paperTopics(papersOf);
  const allPairs = countPairs(topicsOf.values(), candidates.length);

  // ── selection ──
  let selected = candidates.map((_, i) => i);
  if (input.papers >= RELEVANCE_FROM_PAPERS && allPairs.size > 0) {
    const network = topicNetwork(candidates.length, allPairs);
    // A rough first clustering is enough to tell concentrated topics from spread ones; from
    // the previous map's clusters where there is one, so that what a topic's relevance is
    // measured against moves no more than the papers did (50 papers added to 5,000: 82% of
    // the topics kept their cluster, 77% with a fresh first clustering).
    const before = candidates.map((topic) => (options.fresh ? -1 : topic.cluster));
    const parts = leidenClusters(network, {
      ...clusterSettings(options.resolution ?? DEFAULT_RESOLUTION, seed, 'quick'),
      ...(before.some((cluster) => cluster >= 0) ? { initial: before } : {}),
    });
    const relevance = relevanceScores(candidates.length, allPairs, parts);
    const keep = Math.min(maxTopics, Math.round(candidates.length * share));
    selected = mostRelevant(relevance, (i) => !options.fresh && candidates[i]!.cluster >= 0, keep);
  }
  const mapped = linkedGroups(selected, allPairs, candidates.length);
  const ids = mapped.map((i) => candidates[i]!.id);
  const df = mapped.map((i) => candidates[i]!.df);
  const pairs = restrictPairs(allPairs, candidates.length, mapped);
  step('select');

  const facts = new Map(input.facts.map((paper) => [paper.id, paper]));
  if (ids.length === 0) {
    // Nothing linked (a handful of papers): no map, but every candidate keeps its overlays.
    const topics = candidates.map((topic, i) => ({
      id: topic.id,
      cluster: -1,
      x: 0,
      y: 0,
      ...overlayOf(papersOf[i] ?? [], facts),
    }));
    if (options.report) Object.assign(options.report, { topics: 0, clusters: 0 });
    return { version: input.version, topics, coOccurrences: [], clusters: [] };
  }

  // ── clusters ──
  const network = topicNetwork(ids.length, pairs);
  const previous = mapped.map((i) =>
    options.fresh ? { ...candidates[i]!, cluster: -1 } : candidates[i]!,
  );
  const known = previous.filter((topic) => topic.cluster >= 0).length;
  const incremental = known > 0 && known >= ids.length / 2;
  const resolution =
    options.resolution ??
    (incremental && input.resolution !== undefined && fits(network, input.resolution, seed)
      ? input.resolution
      : chooseResolution(network, seed));
  const raw = leidenClusters(network, {
    ...clusterSettings(resolution, seed, 'full'),
    ...(incremental ? { initial: previous.map((topic) => topic.cluster) } : {}),
  });
  const clusterOf = stableClusterIds(
    raw,
    previous.map((topic) => topic.cluster),
  );
  step('cluster');

  // ── positions ── polished from the previous map when its clusters mostly stayed, else
  // laid out afresh; either way turned and scaled onto the previous map where there is one.
  const kept = previous.filter((topic, i) => topic.cluster >= 0 && topic.cluster === clusterOf[i]);
  const polish = incremental && kept.length >= KEPT_FOR_POLISH * known;
  let [xs, ys] = vosLayout(topicNetwork(ids.length, pullClustersTogether(pairs, clusterOf)), {
    seed,
    // One start on a big map, as VOSviewer does: each costs ~6 s at 2,000 topics.
    randomStarts: ids.length > 500 ? 1 : 10,
    ...(polish ? { initial: startingPositions(previous, pairs, ids.length) } : {}),
  });
  const anchors = previous.flatMap((topic, i) =>
    topic.cluster >= 0 ? [{ i, x: topic.x / SCALE, y: topic.y / SCALE }] : [],
  );
  if (anchors.length >= 3) [xs, ys] = alignOnto(xs, ys, anchors);
  step('layout');

  const coOccurrences = strongestLinks(pairs, ids, df, input.papers);
  step('links');

  // ── overlays and names ──
  const round = (value: number) => Math.round(value * 1000) / 1000;
  const mappedAt = new Map(mapped.map((candidate, i) => [candidate, i]));
  const topics = candidates.map((topic, candidate) => {
    const i = mappedAt.get(candidate);
    const overlay = overlayOf(papersOf[candidate] ?? [], facts);
    if (i === undefined) return { id: topic.id, cluster: -1, x: 0, y: 0, ...overlay };
    return {
      id: topic.id,
      cluster: clusterOf[i]!,
      x: round(xs[i]! * SCALE),
      y: round(ys[i]! * SCALE),
      ...overlay,
    };
  });
  const clusters = describeClusters(
    ids,
    df,
    clusterOf,
    pairs,
    (i) => ({
      label: candidates[mapped[i]!]!.label,
      papers: papersOf[mapped[i]!] ?? [],
    }),
    facts,
  );
  step('overlays');
  if (options.report)
    Object.assign(options.report, { topics: ids.length, clusters: clusters.length, resolution });
  return { version: input.version, topics, coOccurrences, clusters, resolution };
}

/**
 * The `keep` most relevant topics (indexes, ascending), a topic of the previous map counted
 * `STAY_BONUS` times as relevant; a topic of no relevance (no co-occurrence) never.
 */
export function mostRelevant(
  relevance: readonly number[],
  onPreviousMap: (i: number) => boolean,
  keep: number,
): number[] {
  const weight = (i: number) => relevance[i]! * (onPreviousMap(i) ? STAY_BONUS : 1);
  return relevance
    .flatMap((value, i) => (value > 0 ? [i] : []))
    .sort((a, b) => weight(b) - weight(a) || a - b)
    .slice(0, keep)
    .sort((a, b) => a - b);
}

/**
 * VOSviewer's resolution 1, raised step by step while the largest cluster holds more than
 * `MAX_CLUSTER_SHARE` of the topics. A map drawn from a previous one keeps its resolution
 * while that still fits: chosen afresh, adding 50 papers to 80,000 flipped it from 1.563 to
 * 1.25 and the map from 12 clusters to 7.
 */
function chooseResolution(network: Network, seed: number): number {
  let resolution = DEFAULT_RESOLUTION;
  for (let raise = 0; raise < RESOLUTION_RAISES; raise++) {
    if (fits(network, resolution, seed)) break;
    resolution = Math.round(resolution * RESOLUTION_STEP * 1000) / 1000;
  }
  return resolution;
}

/** Whether no cluster holds more than `MAX_CLUSTER_SHARE` at `resolution` (one quick run). */
function fits(network: Network, resolution: number, seed: number): boolean {
  const clusters = leidenClusters(network, clusterSettings(resolution, seed, 'quick'));
  const largest = clusters.filter((cluster) => cluster === 0).length; // 0 = largest
  return largest <= MAX_CLUSTER_SHARE * clusters.length;
}

/** Leiden settings: a quick single pass for probing, or the full run (10 starts). */
function clusterSettings(resolution: number, seed: number, run: 'quick' | 'full') {
  return {
    resolution,
    seed,
    randomStarts: run === 'quick' ? 1 : 10,
    iterations: run === 'quick' ? 2 : 10,
    minClusterSize: MIN_CLUSTER_SIZE,
  };
}

/**
 * The pairs with links inside a cluster `INTRA_CLUSTER_PULL` times heavier, for the layout
 * only. The plain VOS layout interleaves clusters in the dense middle of the map (samples:
 * mean distance to the own cluster's centre over mean distance to the map's, 0.44); pulling
 * each cluster together lets the eye find them (0.25) without breaking the layout's reading
 * (close topics co-occur).
 */
function pullClustersTogether(pairs: PairCounts, clusterOf: readonly number[]): PairCounts {
  const n = clusterOf.length;
  const pulled: PairCounts = new Map();
  for (const [key, count] of pairs) {
    const same = clusterOf[Math.floor(key / n)] === clusterOf[key % n];
    pulled.set(key, same ? count * INTRA_CLUSTER_PULL : count);
  }
  return pulled;
}

/** Paper ids per candidate topic, sorted. */
function topicPapers(input: TopicMentions, index: Map<string, number>): string[][] {
  const papers: string[][] = Array.from({ length: index.size }, () => []);
  for (const { paperId, topicId } of input.mentions) {
    const i = index.get(topicId);
    if (i !== undefined) papers[i]!.push(paperId);
  }
  for (const list of papers) list.sort(compare);
  return papers;
}

/** Candidate topic indexes per paper. */
function paperTopics(papersOf: string[][]): Map<string, number[]> {
  const topics = new Map<string, number[]>();
  papersOf.forEach((papers, topic) => {
    for (const paper of papers) {
      const list = topics.get(paper);
      if (list) list.push(topic);
      else topics.set(paper, [topic]);
    }
  });
  return topics;
}

/** The pairs among `kept` (indexes into 0…n-1), renumbered to 0…kept.length-1. */
function restrictPairs(pairs: PairCounts, n: number, kept: readonly number[]): PairCounts {
  const at = new Map(kept.map((topic, i) => [topic, i]));
  const restricted: PairCounts = new Map();
  for (const [key, count] of pairs) {
    const i = at.get(Math.floor(key / n));
    const j = at.get(key % n);
    if (i !== undefined && j !== undefined) restricted.set(i * kept.length + j, count);
  }
  return restricted;
}

/**
 * The topics of `kept` in connected groups of at least `MIN_CLUSTER_SIZE`: a topic with no
 * link, or two topics linked only to each other, is noise rather than a part of the field.
 */
function linkedGroups(kept: readonly number[], pairs: PairCounts, n: number): number[] {
  const parent = new Map(kept.map((topic) => [topic, topic]));
  const root = (topic: number): number => {
    let node = topic;
    while (parent.get(node) !== node) node = parent.get(node)!;
    parent.set(topic, node);
    return node;
  };
  for (const key of pairs.keys()) {
    const i = Math.floor(key / n);
    const j = key % n;
    if (parent.has(i) && parent.has(j)) {
      const [a, b] = [root(i), root(j)];
      if (a !== b) parent.set(Math.max(a, b), Math.min(a, b));
    }
  }
  const sizes = new Map<number, number>();
  for (const topic of kept) sizes.set(root(topic), (sizes.get(root(topic)) ?? 0) + 1);
  return kept.filter((topic) => (sizes.get(root(topic)) ?? 0) >= MIN_CLUSTER_SIZE);
}

/**
 * Cluster ids that survive a new ingest: an old cluster passes its id to the new cluster that
 * holds most of its topics, when that is most of them and most of the new cluster comes from it
 * (largest overlaps first). Other clusters take the lowest ids left free.
 */
export function stableClusterIds(
  clusters: readonly number[],
  previous: readonly number[],
): number[] {
  const overlap = new Map<string, number>();
  const oldSizes = new Map<number, number>();
  const newSizes = new Map<number, number>();
  clusters.forEach((cluster, topic) => {
    newSizes.set(cluster, (newSizes.get(cluster) ?? 0) + 1);
    const old = previous[topic] ?? -1;
    if (old < 0) return;
    oldSizes.set(old, (oldSizes.get(old) ?? 0) + 1);
    const key = `${cluster}:${old}`;
    overlap.set(key, (overlap.get(key) ?? 0) + 1);
  });
  const matches = [...overlap]
    .map(([key, count]) => {
      const [cluster = 0, old = 0] = key.split(':').map(Number);
      return { cluster, old, count };
    })
    .filter(
      ({ cluster, old, count }) =>
        count * 2 > (oldSizes.get(old) ?? 0) && count * 2 > (newSizes.get(cluster) ?? 0),
    )
    .sort((a, b) => b.count - a.count || a.cluster - b.cluster);
  const idOf = new Map<number, number>();
  const used = new Set<number>();
  for (const { cluster, old } of matches) {
    if (idOf.has(cluster) || used.has(old)) continue;
    idOf.set(cluster, old);
    used.add(old);
  }
  // Other clusters, largest first (Leiden numbers them so), take the lowest free ids.
  let next = 0;
  const fresh = [...newSizes.keys()].filter((cluster) => !idOf.has(cluster)).sort((a, b) => a - b);
  for (const cluster of fresh) {
    while (used.has(next)) next++;
    idOf.set(cluster, next);
    used.add(next);
  }
  return clusters.map((cluster) => idOf.get(cluster)!);
}

/** Known topics where they were; a new one at the mean of its placed neighbours (or the centre). */
function startingPositions(
  previous: readonly { cluster: number; x: number; y: number }[],
  pairs: PairCounts,
  n: number,
): [number, number][] {
  const positions = previous.map((topic): [number, number] | undefined =>
    topic.cluster >= 0 ? [topic.x / SCALE, topic.y / SCALE] : undefined,
  );
  const sums = previous.map(() => [0, 0, 0]);
  for (const [key, count] of pairs) {
    const i = Math.floor(key / n);
    const j = key % n;
    for (const [a, b] of [
      [i, j],
      [j, i],
    ] as const) {
      const known = positions[b];
      if (positions[a] || !known) continue;
      sums[a]![0]! += known[0] * count;
      sums[a]![1]! += known[1] * count;
      sums[a]![2]! += count;
    }
  }
  return positions.map((position, i) => {
    if (position) return position;
    const [x = 0, y = 0, weight = 0] = sums[i]!;
    // A small, deterministic offset keeps two new topics with the same neighbours apart.
    const jitter = 0.05 * Math.sin(i + 1);
    return weight > 0 ? [x / weight + jitter, y / weight - jitter] : [jitter, -jitter];
  });
}

/** Year, code share and repositories over a set of papers. */
function overlayOf(papers: Iterable<string>, facts: Map<string, PaperFacts>): TopicOverlay {
  let count = 0;
  let withCode = 0;
  let years = 0;
  let yearSum = 0;
  const repositories = new Set<string>();
  for (const id of papers) {
    const paper = facts.get(id);
    count++;
    if (!paper) continue;
    if (paper.hasCode) withCode++;
    if (paper.year !== undefined) {
      years++;
      yearSum += paper.year;
    }
    for (const repository of paper.repositories) repositories.add(repository);
  }
  const overlay: TopicOverlay = {
    codeShare: count ? Math.round((withCode / count) * 1000) / 1000 : 0,
    repositories: repositories.size,
  };
  if (years) overlay.year = Math.round((yearSum / years) * 10) / 10;
  return overlay;
}

/** Each cluster's name, size and overlays, by id. */
function describeClusters(
  ids: readonly string[],
  df: readonly number[],
  clusterOf: readonly number[],
  pairs: PairCounts,
  topic: (i: number) => { label: string; papers: string[] },
  facts: Map<string, PaperFacts>,
): Cluster[] {
  const members = new Map<number, number[]>();
  clusterOf.forEach((cluster, i) => {
    const list = members.get(cluster);
    if (list) list.push(i);
    else members.set(cluster, [i]);
  });
  // Link weight of each topic inside its cluster and in all.
  const inside = new Float64Array(ids.length);
  const total = new Float64Array(ids.length);
  for (const [key, count] of pairs) {
    const i = Math.floor(key / ids.length);
    const j = key % ids.length;
    total[i]! += count;
    total[j]! += count;
    if (clusterOf[i] === clusterOf[j]) {
      inside[i]! += count;
      inside[j]! += count;
    }
  }
  return [...members]
    .sort(([a], [b]) => a - b)
    .map(([id, topics]) => {
      const papers = new Set(topics.flatMap((i) => topic(i).papers));
      const label = nameCluster(
        topics.map((i) => ({
          id: ids[i]!,
          label: topic(i).label,
          df: df[i]!,
          inside: inside[i]!,
          total: total[i]!,
        })),
      );
      return { id, label, topics: topics.length, papers: papers.size, ...overlayOf(papers, facts) };
    });
}

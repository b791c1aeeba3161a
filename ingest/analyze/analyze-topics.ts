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
 *
 * This module composes the steps, each a module of its own as graphology splits ForceAtlas2:
 * `defaults.ts` (settings and thresholds), `select.ts` (2), `cluster.ts` (3), `layout.ts` (4),
 * `co-occurrence.ts` (5), `overlays.ts` (6 and cluster names). `drawTopicMap` returns the map
 * with what it came to and how long each step took; `analyzeTopics`, the map alone.
 */
import type { Analysis, TopicMentions } from '../../server/store/graph-store.ts';
import { alignOnto } from './align.ts';
import { chooseResolution, clusterSettings, fits, stableClusterIds } from './cluster.ts';
import { compare, countPairs, strongestLinks } from './co-occurrence.ts';
import {
  DEFAULT_RESOLUTION,
  DEFAULT_SEED,
  KEPT_FOR_POLISH,
  MAX_MAP_TOPICS,
  RELEVANCE_FROM_PAPERS,
  RELEVANT_SHARE,
  SCALE,
} from './defaults.ts';
import { pullClustersTogether, startingPositions } from './layout.ts';
import { describeClusters, overlayOf } from './overlays.ts';
import { relevanceScores } from './relevance.ts';
import { linkedGroups, mostRelevant, paperTopics, restrictPairs, topicPapers } from './select.ts';
import { leidenClusters, topicNetwork, vosLayout } from './topic-network.ts';

// The steps' public parts, for the pipeline and the tests.
export {
  defaultMinPapers,
  MAX_CANDIDATES,
  MAX_MAP_TOPICS,
  RELEVANCE_FROM_PAPERS,
} from './defaults.ts';
export { stableClusterIds } from './cluster.ts';
export { mostRelevant } from './select.ts';

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
}

export interface TopicMapResult {
  analysis: Analysis;
  /** What the map came to. */
  report: MapReport;
  /** Seconds each step took (none when there was no map to draw). */
  timings: Partial<Record<AnalysisStep, number>>;
}

export interface MapReport {
  topicCount: number;
  clusterCount: number;
  resolution: number;
  /** Drawn although nothing changed: the stored map was behind the papers (an ingest stopped). */
  caughtUp?: true;
  /** Not stored: another ingest, which had read more papers, wrote its map first. */
  superseded?: true;
  /**
   * The similar papers written: every paper's (`all`), or the changed papers' and the lists
   * they joined (`fitted in`); absent when they were current. `index`: the similarity index
   * built from every text, or the last ingest's read from its file and extended.
   */
  similarPapers?: {
    mode: 'all' | 'fitted in';
    listCount: number;
    index: 'built' | 'extended';
    /** Why the index could not be written for the next ingest (it builds it again). */
    indexNotKept?: string;
  };
}

export type AnalysisStep = 'select' | 'cluster' | 'layout' | 'links' | 'overlays';

/** The topic map of `input` (see `drawTopicMap`). */
export function analyzeTopics(input: TopicMentions, options: AnalyzeOptions = {}): Analysis {
  return drawTopicMap(input, options).analysis;
}

export function drawTopicMap(input: TopicMentions, options: AnalyzeOptions = {}): TopicMapResult {
  const seed = options.seed ?? DEFAULT_SEED;
  const maxTopics = options.maxTopics ?? MAX_MAP_TOPICS;
  const share = options.relevantShare ?? RELEVANT_SHARE;
  const timings: TopicMapResult['timings'] = {};
  let started = performance.now();
  const step = (name: AnalysisStep) => {
    const now = performance.now();
    timings[name] = Math.round(now - started) / 1000;
    started = now;
  };

  // Order fixes every later step: by papers, then id, whatever order the store gave. The map
  // is made of key terms: which topics, how they link, where they sit, what colours them.
  const candidates = [...input.topics]
    .sort((a, b) => b.keyDf - a.keyDf || compare(a.id, b.id))
    .slice(0, Math.ceil(maxTopics / share));
  const index = new Map(candidates.map((topic, i) => [topic.id, i]));
  const papersOf = topicPapers(input, index);
  const topicsOf = paperTopics(papersOf);
  const allPairs = countPairs(topicsOf.values(), candidates.length);

  // ── selection ──
  let selected = candidates.map((_, i) => i);
  if (input.paperCount >= RELEVANCE_FROM_PAPERS && allPairs.size > 0) {
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
  const df = mapped.map((i) => candidates[i]!.keyDf);
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
    return {
      analysis: { version: input.version, topics, coOccurrences: [], clusters: [] },
      report: { topicCount: 0, clusterCount: 0, resolution: 0 },
      timings,
    };
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

  const coOccurrences = strongestLinks(pairs, ids, df, input.paperCount);
  step('links');

  // ── overlays and names ──
  // `+ 0`: a position rounded to -0 is 0 (SQLite gives -0.0 back as 0, Neo4j as -0).
  const round = (value: number) => Math.round(value * 1000) / 1000 + 0;
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
  return {
    analysis: { version: input.version, topics, coOccurrences, clusters, resolution },
    report: { topicCount: ids.length, clusterCount: clusters.length, resolution },
    timings,
  };
}

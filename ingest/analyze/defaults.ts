/**
 * The topic map's settings and thresholds, each with the measurement that chose it (see
 * analyze-topics.ts for the steps that use them).
 */

export const DEFAULT_SEED = 42;
export const DEFAULT_RESOLUTION = 1;
/**
 * No cluster should hold more than this share of the map's topics: a field read at a glance
 * needs parts. At VOSviewer's resolution 1 the 80,000 arXiv papers make 5 clusters, the largest
 * 608 of 2,000 topics (30%); at 1.56, 13, the largest 320. The samples (14 clusters, largest
 * 13%) and 5,000 arXiv papers (17, largest 11%) stay at 1.
 */
export const MAX_CLUSTER_SHARE = 0.25;
/** Each raise multiplies the resolution by this, at most `RESOLUTION_RAISES` times. */
export const RESOLUTION_STEP = 1.25;
export const RESOLUTION_RAISES = 4;
/**
 * The previous layout is polished only when at least this share of the topics it placed kept
 * their cluster: otherwise its groups no longer match the clusters (a store written by an
 * older Topograph, a corpus that changed a lot) and a fresh layout reads better.
 */
export const KEPT_FOR_POLISH = 0.7;
/** How much heavier a link inside a cluster weighs in the layout (see pullClustersTogether). */
export const INTRA_CLUSTER_PULL = 4;
export const RELEVANT_SHARE = 0.6;
/**
 * A topic on the previous map stays on it until a newcomer is this much more relevant: the
 * relevance of topics near the cut moves with every few papers. Adding the 50 newest papers to
 * 80,000: without it 102 of 2,000 topics left the map and 4.4% changed cluster; with 1.25, 47
 * and 4.7%; with 1.5, 26 and 1.7% (31 and 1.7% once relevance was measured against the
 * previous clusters, bench:update), every cluster keeping its name but one of 9 topics merged.
 */
export const STAY_BONUS = 1.5;
/** Most topics on the map: more is a hairball, and the layout's cost grows with the square. */
export const MAX_MAP_TOPICS = 2_000;
/** Candidates to choose the map from: enough that the relevant share fills the map. */
export const MAX_CANDIDATES = Math.ceil(MAX_MAP_TOPICS / RELEVANT_SHARE);
/** Positions are stored at this scale (a VOS layout has mean distance 1 between topics). */
export const SCALE = 100;
/** Smallest cluster, and smallest group of linked topics, on the map (VOSviewer merges small ones too). */
export const MIN_CLUSTER_SIZE = 3;

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

/**
 * Which topics make the map: VOSviewer's relevance idea. A topic that co-occurs evenly with
 * every part of the field ("proposed method", "experimental result") says little about where
 * it belongs; a topic whose co-occurrences concentrate in one part says much. The parts are a
 * first clustering of the candidates; a topic's relevance is the Kullback–Leibler divergence
 * of its co-occurrences over those clusters from the co-occurrences of all topics over them.
 */
import { pairOf, type PairCounts } from './co-occurrence.ts';

/**
 * Co-occurrences a topic needs before its own spread counts: each topic's distribution is
 * smoothed towards the overall one with this weight, so that a topic seen in two papers does
 * not look concentrated just because two papers cannot be spread.
 */
const RELEVANCE_PRIOR = 10;

/** Relevance per topic `0…n-1`; 0 for a topic with no co-occurrence. */
export function relevanceScores(
  topics: number,
  pairs: PairCounts,
  clusters: readonly number[],
  prior = RELEVANCE_PRIOR,
): number[] {
  const nClusters = Math.max(0, ...clusters) + 1;
  const byCluster = Array.from({ length: topics }, () => new Float64Array(nClusters));
  const overall = new Float64Array(nClusters);
  for (const [key, count] of pairs) {
    const [i, j] = pairOf(key, topics);
    byCluster[i]![clusters[j]!]! += count;
    byCluster[j]![clusters[i]!]! += count;
    overall[clusters[j]!]! += count;
    overall[clusters[i]!]! += count;
  }
  const total = overall.reduce((sum, value) => sum + value, 0);
  return byCluster.map((counts) => {
    const own = counts.reduce((sum, value) => sum + value, 0);
    if (own === 0) return 0;
    let divergence = 0;
    counts.forEach((count, cluster) => {
      const q = overall[cluster]! / total;
      const p = (count + prior * q) / (own + prior);
      if (p > 0) divergence += p * Math.log(p / q);
    });
    return divergence;
  });
}

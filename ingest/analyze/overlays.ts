/**
 * What the explorer colours topics and clusters by (mean year, share with code, repositories)
 * and each cluster's name, size and papers.
 */
import type { Cluster, PaperFacts, TopicOverlay } from '../../server/store/graph-store.ts';
import { pairOf, type PairCounts } from './co-occurrence.ts';
import { nameCluster } from './name-clusters.ts';

/** Year, code share and repositories over a set of papers. */
export function overlayOf(papers: Iterable<string>, facts: Map<string, PaperFacts>): TopicOverlay {
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
    repositoryCount: repositories.size,
  };
  if (years) overlay.year = Math.round((yearSum / years) * 10) / 10;
  return overlay;
}

/** Each cluster's name, size and overlays, by id. */
export function describeClusters(
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
    const [i, j] = pairOf(key, ids.length);
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
      return {
        id,
        label,
        topicCount: topics.length,
        paperCount: papers.size,
        ...overlayOf(papers, facts),
      };
    });
}

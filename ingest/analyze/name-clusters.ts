/**
 * A name for every cluster: its most characteristic topics. A topic is characteristic of its
 * cluster when many papers mention it and most of its co-occurrences stay inside the cluster:
 * score = papers × (link weight inside the cluster / all its link weight). A common topic that
 * links everywhere ("language model" in an NLP corpus) then names no cluster, and a topic that
 * only repeats a chosen one ("causal effect" after "average causal effect") is skipped.
 */

export interface ClusterMember {
  id: string;
  label: string;
  /** Papers mentioning it. */
  df: number;
  /** Its co-occurrence weight with topics of the same cluster, and with all topics. */
  inside: number;
  total: number;
}

const NAME_TOPICS = 3;

/** The labels of the cluster's most characteristic topics, joined with " · ". */
export function nameCluster(members: readonly ClusterMember[]): string {
  const ranked = members
    .map((member) => ({
      member,
      score: member.df * (member.total > 0 ? member.inside / member.total : 0),
    }))
    .sort(
      (a, b) =>
        b.score - a.score ||
        b.member.df - a.member.df ||
        (a.member.id < b.member.id ? -1 : a.member.id > b.member.id ? 1 : 0),
    );
  const chosen: ClusterMember[] = [];
  for (const { member } of ranked) {
    if (chosen.length === NAME_TOPICS) break;
    if (chosen.some((other) => overlaps(other.id, member.id))) continue;
    chosen.push(member);
  }
  return chosen.map((member) => member.label).join(' · ');
}

/** One key's words run inside the other's ("causal effect" in "average causal effect"). */
function overlaps(a: string, b: string): boolean {
  const [short, long] = a.length <= b.length ? [a, b] : [b, a];
  return ` ${long} `.includes(` ${short} `);
}

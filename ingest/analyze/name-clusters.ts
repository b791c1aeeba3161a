/**
 * A name for every cluster: its most characteristic topics. A topic is characteristic of its
 * cluster when many papers mention it and most of its co-occurrences stay inside the cluster:
 * score = papers × (link weight inside the cluster / all its link weight). A common topic that
 * links everywhere ("language model" in an NLP corpus) then names no cluster, and a topic that
 * only repeats a chosen one ("causal effect" after "average causal effect") is skipped.
 *
 * Two corrections, measured with `npm run bench:map` (names with a part judged junk or too
 * broad: samples 9 of 11 → 6, the first 5,000 arXiv papers 10 of 16 → 6):
 * - the inside share of a topic with few links is drawn towards its cluster's (`SHARE_PRIOR`
 *   links' worth): a phrase two papers share, whose few links all stay inside, is no surer a
 *   sign of the cluster than a big topic's ("central focus", "theoretical foundation");
 * - a plain one-word label ("environment", "agent", "encoder", "gaussian") counts half
 *   (`ONE_WORD_WEIGHT`): of the 450 plain one-word labels judged in bench/map/judged.tsv, 18%
 *   are terms, against 61% of the other 872. Acronyms, names, hyphenated words are not plain.
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
/** How many links' worth of the cluster's inside share a topic's own share starts from. */
const SHARE_PRIOR = 30;
/** The weight of a plain one-word label (lower-case letters only). */
const ONE_WORD_WEIGHT = 0.5;
const PLAIN_WORD = /^\p{Ll}+$/u;

/** The labels of the cluster's most characteristic topics, joined with " · ". */
export function nameCluster(members: readonly ClusterMember[]): string {
  const inside = members.reduce((sum, member) => sum + member.inside, 0);
  const total = members.reduce((sum, member) => sum + member.total, 0);
  const clusterShare = total > 0 ? inside / total : 0;
  const ranked = members
    .map((member) => ({
      member,
      score:
        member.df *
        (PLAIN_WORD.test(member.label) ? ONE_WORD_WEIGHT : 1) *
        ((member.inside + SHARE_PRIOR * clusterShare) / (member.total + SHARE_PRIOR)),
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

/**
 * Ranks the papers related to one paper by the topics they share, each shared topic weighted
 * by its specificity (inverse document frequency): two papers that share "causal inference"
 * in a corpus about causal inference are barely related; two that share "string diagram" are.
 * Pure, so both store adapters rank the same way.
 */
import type { RelatedPaper } from './graph-store.ts';

/** One topic shared by the paper and another paper. */
export interface SharedTopicRow {
  paperId: string;
  title: string;
  published: string | null;
  topicId: string;
  label: string;
  /** Papers mentioning the topic. */
  df: number;
}

/** Related papers, best first, at most `limit`; `papers` is the corpus size. */
export function rankRelated(rows: SharedTopicRow[], papers: number, limit: number): RelatedPaper[] {
  const byPaper = new Map<string, RelatedPaper & { weights: number[] }>();
  for (const row of rows) {
    const weight = Math.log((papers + 1) / row.df);
    let related = byPaper.get(row.paperId);
    if (!related) {
      related = { id: row.paperId, title: row.title, score: 0, shared: [], weights: [] };
      if (row.published) related.published = row.published;
      byPaper.set(row.paperId, related);
    }
    related.score += weight;
    related.shared.push({ id: row.topicId, label: row.label });
    related.weights.push(weight);
  }
  return [...byPaper.values()]
    .filter((related) => related.score > 0)
    .sort((a, b) => b.score - a.score || a.id.localeCompare(b.id))
    .slice(0, limit)
    .map(({ weights, ...related }) => ({
      ...related,
      score: Math.round(related.score * 1000) / 1000,
      shared: related.shared
        .map((topic, index) => ({ topic, weight: weights[index] ?? 0 }))
        .sort((a, b) => b.weight - a.weight || a.topic.label.localeCompare(b.topic.label))
        .map(({ topic }) => topic),
    }));
}

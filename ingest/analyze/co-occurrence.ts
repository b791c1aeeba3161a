/**
 * Topic co-occurrence: two topics co-occur when one paper mentions both, counted once per
 * paper. Strength is the association strength (observed over expected co-occurrences,
 * `c·N / (dfᵢ·dfⱼ)`), so that two common topics meeting by chance do not outweigh two specific
 * topics that always appear together.
 */
import type { CoOccurrence } from '../../server/store/model.ts';

export interface CoOccurrenceOptions {
  /** Each topic keeps at most its this many strongest links. */
  linksPerTopic: number;
  /** Pairs seen in fewer papers are ignored. */
  minPapers: number;
}

export const DEFAULT_CO_OCCURRENCE: CoOccurrenceOptions = { linksPerTopic: 8, minPapers: 1 };

/**
 * Co-occurrences among `topics` (id → df) over `papers` (each a list of topic ids), with
 * source < target, the strongest links of each topic kept. `corpusPapers` is the N of the
 * strength: all papers of the corpus, of which `papers` may be the ones mentioning `topics`.
 */
export function coOccurrences(
  papers: string[][],
  topics: Map<string, number>,
  options: CoOccurrenceOptions = DEFAULT_CO_OCCURRENCE,
  corpusPapers = papers.length,
): CoOccurrence[] {
  const counts = new Map<string, number>();
  for (const paperTopics of papers) {
    const onMap = [...new Set(paperTopics.filter((id) => topics.has(id)))].sort();
    for (let i = 0; i < onMap.length; i++) {
      for (let j = i + 1; j < onMap.length; j++) {
        const pair = `${onMap[i]}\u0000${onMap[j]}`;
        counts.set(pair, (counts.get(pair) ?? 0) + 1);
      }
    }
  }

  const all: CoOccurrence[] = [];
  for (const [pair, count] of counts) {
    if (count < options.minPapers) continue;
    const [source = '', target = ''] = pair.split('\u0000');
    const strength =
      (count * corpusPapers) / ((topics.get(source) ?? 1) * (topics.get(target) ?? 1));
    all.push({ source, target, papers: count, strength: Math.round(strength * 1e6) / 1e6 });
  }
  all.sort(
    (a, b) =>
      b.strength - a.strength ||
      b.papers - a.papers ||
      a.source.localeCompare(b.source) ||
      a.target.localeCompare(b.target),
  );

  // Keep an edge when it is among the strongest of either of its topics.
  const kept = new Map<string, number>();
  return all.filter((edge) => {
    const source = kept.get(edge.source) ?? 0;
    const target = kept.get(edge.target) ?? 0;
    if (source >= options.linksPerTopic && target >= options.linksPerTopic) return false;
    kept.set(edge.source, source + 1);
    kept.set(edge.target, target + 1);
    return true;
  });
}

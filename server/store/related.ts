/**
 * A paper's related papers: its similar papers as the last analysis stored them (the whole
 * texts compared, ingest/analyze/similar-papers.ts), each with the topics the two share as its
 * reason (`explainSimilar`). A store whose papers were never analysed (an ingest stopped
 * before its analysis) ranks by the shared topics alone (`rankRelated`).
 *
 * `rankRelated` ranks the papers related to one paper by the concepts they share, Adamic–Adar style: a sum
 * over the shared topics, each counting for how specific it is (inverse document frequency)
 * times how strongly both papers name it (the geometric mean of the two mention scores). Two
 * papers sharing "causal inference" in a corpus about causal inference are barely related;
 * two naming "string diagram" in their titles are. The reasons are the shared topics, by their
 * share of the score. Pure, so both store adapters rank the same way.
 *
 * Chosen over a tf-idf cosine by reading the results on the sample corpus: the cosine divides
 * by the length of each paper's topic vector, which ranked papers that share a single topic
 * but name few others above papers sharing three specific ones ("Can Large Language Models
 * Infer Causation from Correlation?" got CLadder third behind a paper sharing only "NLP").
 */
import { stemmer } from 'stemmer';
import type { RelatedPaper, SimilarPaper } from './graph-store.ts';

/** One topic shared by the paper and another paper. */
export interface SharedTopicRow {
  paperId: string;
  topicId: string;
  label: string;
  /** Papers mentioning the topic. */
  df: number;
  /** Mention scores of the topic in the paper and in the other paper. */
  score: number;
  otherScore: number;
}

/** How much one shared topic relates two papers, in a corpus of `paperCount`. */
export function sharedWeight(
  row: Pick<SharedTopicRow, 'score' | 'otherScore' | 'df'>,
  paperCount: number,
): number {
  return Math.sqrt(row.score * row.otherScore) * Math.log((paperCount + 1) / row.df);
}

/** A related paper before the store adds its title and date. */
export type RankedPaper = Omit<RelatedPaper, 'title' | 'published'>;

/**
 * Related papers, best first, at most `limit`; `paperCount` is the corpus size. Without titles:
 * a store reads those for the few papers returned, not for every paper sharing a topic (at
 * 80,000 papers one paper's shared rows run to tens of thousands).
 */
export function rankRelated(
  rows: SharedTopicRow[],
  paperCount: number,
  limit: number,
): RankedPaper[] {
  const byPaper = new Map<string, RankedPaper & { weights: number[] }>();
  // Summed in topic order, whatever order a store returned the rows in: floating-point sums
  // depend on their order, and two papers tied on score must tie (then go by id) everywhere.
  const ordered = [...rows].sort((a, b) =>
    a.topicId < b.topicId ? -1 : a.topicId > b.topicId ? 1 : 0,
  );
  for (const row of ordered) {
    const weight = sharedWeight(row, paperCount);
    let related = byPaper.get(row.paperId);
    if (!related) {
      related = { id: row.paperId, score: 0, shared: [], phrases: [], weights: [] };
      byPaper.set(row.paperId, related);
    }
    related.score += weight;
    related.shared.push({ id: row.topicId, label: row.label });
    related.weights.push(weight);
  }
  return [...byPaper.values()]
    .filter((related) => related.score > 0)
    .sort((a, b) => b.score - a.score || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0))
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

/**
 * The stored similar papers, in their order, each with the topics it shares with the paper
 * (`rows`: the shared topics of the paper and those papers), most specific first.
 */
export function explainSimilar(
  similar: readonly SimilarPaper[],
  rows: readonly SharedTopicRow[],
  paperCount: number,
): RankedPaper[] {
  const shared = new Map<string, { topic: { id: string; label: string }; weight: number }[]>();
  for (const row of rows) {
    const list = shared.get(row.paperId) ?? [];
    list.push({
      topic: { id: row.topicId, label: row.label },
      weight: sharedWeight(row, paperCount),
    });
    shared.set(row.paperId, list);
  }
  return similar.map(({ id, score, phrases }) => ({
    id,
    score,
    shared: (shared.get(id) ?? [])
      .sort(
        (a, b) =>
          b.weight - a.weight ||
          a.topic.label.localeCompare(b.topic.label) ||
          (a.topic.id < b.topic.id ? -1 : 1),
      )
      .map(({ topic }) => topic),
    phrases,
  }));
}

/** What a store reads of each related paper: its title, date, abstract and key terms. */
export interface RelatedSummary {
  id: string;
  title: string;
  published: string | null;
  abstract: string;
  /** Its topics' ids and labels, best first. */
  topics: { id: string; label: string }[];
}

/** Key phrases given as a related paper's words, at most. */
const KEY_PHRASES_SHOWN = 4;

/**
 * The ranked papers with their titles and dates, from a store's `summaries` of them. Their
 * words become the key terms of either paper that the other's title or abstract uses, the
 * paper's own (`paper`) first, when any does: noun phrases such as "causal reasoning", where
 * the stored words are adjacent words such as "models llms". Topics both mention are left out,
 * being given already.
 */
export function withSummaries(
  ranked: readonly RankedPaper[],
  summaries: readonly RelatedSummary[],
  paper: { title: string; abstract: string; topics: readonly { id: string; label: string }[] },
): RelatedPaper[] {
  const byId = new Map(summaries.map((summary) => [summary.id, summary]));
  const mine = keyPhrases(paper.topics);
  const myText = ` ${stems(`${paper.title} . ${paper.abstract}`)} `;
  return ranked.map(({ id, score, shared, phrases }) => {
    const { title = '', published = null, abstract = '', topics = [] } = byId.get(id) ?? {};
    const text = ` ${stems(`${title} . ${abstract}`)} `;
    const given = new Set(shared.map((topic) => topic.id));
    const used = [
      ...mine.filter((phrase) => text.includes(` ${phrase.stems} `)),
      ...keyPhrases(topics).filter((phrase) => myText.includes(` ${phrase.stems} `)),
    ]
      .filter((phrase) => !given.has(phrase.id) && given.add(phrase.id))
      // One of two phrases where one holds the other ("causal reasoning", "LLM causal
      // reasoning"): the first, the better key term.
      .filter((phrase, index, all) =>
        all
          .slice(0, index)
          .every(
            (before) =>
              !` ${before.stems} `.includes(` ${phrase.stems} `) &&
              !` ${phrase.stems} `.includes(` ${before.stems} `),
          ),
      )
      .slice(0, KEY_PHRASES_SHOWN)
      .map((phrase) => phrase.label);
    return {
      id,
      title,
      ...(published ? { published } : {}),
      score,
      shared,
      phrases: used.length > 0 ? used : phrases,
    };
  });
}

/** Topics as phrases to look for: labels without their acronym, stemmed. */
function keyPhrases(topics: readonly { id: string; label: string }[]) {
  return topics.flatMap((topic) => {
    // "large language model (LLM)" → "large language model".
    const label = topic.label.replace(/\s*\([^)]*\)$/, '');
    const stemmed = stems(label);
    return stemmed === '' ? [] : [{ id: topic.id, label, stems: stemmed }];
  });
}

/** The stemmed words of a text, lower-cased, one space apart. */
function stems(text: string): string {
  return text
    .toLowerCase()
    .normalize('NFKC')
    .split(/[^\p{L}\p{N}]+/u)
    .filter((word) => word !== '')
    .map((word) => stemmer(word))
    .join(' ');
}

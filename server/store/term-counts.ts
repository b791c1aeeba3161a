/**
 * What an ingest ranks its papers' terms against, the same for every store (`StoredTermCounts`):
 * each store reads the rows below in one transaction with its own indexes; this module asks
 * the questions and puts the answers together.
 */
import type { StoredTermCounts } from './graph-store.ts';

/** The rows a store reads for `storedTermCounts`. */
export interface StoredTermRows {
  /** Papers stored, less those excluded. */
  paperCount: number;
  /** Of the keys asked (`TermQuestions.keys`), those stored: paper counts, all papers. */
  topics: Iterable<{ id: string; df: number }>;
  /** Of the words asked, the summed paper counts of the topics whose id starts "word ". */
  leads: Iterable<{ word: string; papers: number }>;
  /**
   * Topics of two papers or more whose lower-cased label ends with one of the suffixes asked
   * (" (llm)"); case is checked here.
   */
  labelled: Iterable<{ id: string; label: string; df: number }>;
  /** The excluded papers' mentions: topic id → papers among them mentioning it. */
  excluded: Iterable<{ id: string; mentions: number }>;
}

/** What to read for the keys an ingest asks about. */
export interface TermQuestions {
  keys: string[];
  /** One-word keys in lower case: how often the store writes each before other words. */
  words: string[];
  /** Acronym keys ("LLM"), and the label suffix that names a topic with one (" (llm)"). */
  acronyms: string[];
  suffixes: string[];
}

/** A normalised key that is an acronym: one word, an upper-case letter after the first. */
const ACRONYM = /^[^\s]*\p{Lu}[^\s]*[\p{Lu}\d][^\s]*$/u;

export function termQuestions(keys: readonly string[]): TermQuestions {
  const words: string[] = [];
  const acronyms: string[] = [];
  for (const key of keys) {
    if (key.includes(' ') || key === '') continue;
    if (key === key.toLowerCase()) words.push(key);
    else if (ACRONYM.test(key)) acronyms.push(key);
  }
  return {
    keys: [...keys],
    words,
    acronyms,
    suffixes: [...new Set(acronyms.map((acronym) => ` (${acronym.toLowerCase()})`))],
  };
}

/** "large language model (LLM)" → ["large language model", "LLM"]. */
function splitAcronymLabel(label: string): [string, string] | undefined {
  const match = /^(.+) \(([^()\s]+)\)$/u.exec(label);
  return match ? [match[1]!, match[2]!] : undefined;
}

/**
 * Puts a store's rows together: paper counts and leads less the excluded papers' mentions
 * (a paper written again is counted once, as it is ranked), and each acronym asked read as
 * the topic holding most papers of those its label names with it, when that is a majority.
 */
export function storedTermCounts(questions: TermQuestions, rows: StoredTermRows): StoredTermCounts {
  const documentFrequency = new Map<string, number>();
  for (const { id, df } of rows.topics) if (df > 0) documentFrequency.set(id, df);
  const leads = new Map<string, number>();
  for (const { word, papers } of rows.leads) if (papers > 0) leads.set(word, papers);
  const asked = new Set(questions.words);
  const subtract = (counts: Map<string, number>, key: string, by: number) => {
    const left = (counts.get(key) ?? 0) - by;
    if (left > 0) counts.set(key, left);
    else counts.delete(key);
  };
  for (const { id, mentions } of rows.excluded) {
    if (documentFrequency.has(id)) subtract(documentFrequency, id, mentions);
    const space = id.indexOf(' ');
    const first = space > 0 ? id.slice(0, space) : undefined;
    if (first !== undefined && asked.has(first)) subtract(leads, first, mentions);
  }

  const acronymsAsked = new Set(questions.acronyms);
  const byAcronym = new Map<string, { key: string; label: string; df: number }[]>();
  for (const { id, label, df } of rows.labelled) {
    const parts = splitAcronymLabel(label);
    if (!parts || !acronymsAsked.has(parts[1])) continue;
    const topics = byAcronym.get(parts[1]) ?? [];
    topics.push({ key: id, label: parts[0], df });
    byAcronym.set(parts[1], topics);
  }
  const acronyms = new Map<string, { key: string; label: string }>();
  for (const [acronym, topics] of byAcronym) {
    const total = topics.reduce((sum, topic) => sum + topic.df, 0);
    const winner = topics.find((topic) => topic.df * 2 > total);
    if (winner) acronyms.set(acronym, { key: winner.key, label: winner.label });
  }
  return { paperCount: rows.paperCount, documentFrequency, leads, acronyms };
}

/** An empty store's answer (or one holding only the papers excluded). */
export function noStoredTerms(paperCount: number): StoredTermCounts {
  return { paperCount, documentFrequency: new Map(), leads: new Map(), acronyms: new Map() };
}

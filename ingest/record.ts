/**
 * What every source parser produces: one `PaperRecord` per paper it reads, with where it was
 * read. Records are raw (one input's view of a paper); ingest/merge turns them into `Paper`s.
 */
import type { Authorship } from '../server/store/model.ts';
import type { IngestError } from './errors.ts';

export interface SourceLocation {
  /** The file as the user named it (used in error messages). */
  file: string;
  /** 1-based line of the record's first line (for formats without lines: the record number). */
  line: number;
}

export interface PaperRecord {
  title: string;
  abstract?: string;
  /** ISO date as precise as the source gives it: `YYYY`, `YYYY-MM` or `YYYY-MM-DD`. */
  published?: string;
  authors?: string[];
  authorsCount?: number;
  upvotes?: number;
  organization?: string;
  arxivId?: string;
  doi?: string;
  url?: string;
  /** OpenAlex work id (`W2741809807`). */
  openalexId?: string;
  /** Subject categories the source files the paper under (arXiv's `cs.CL`, primary first). */
  categories?: string[];
  /**
   * Works the paper cites, as the source names them: OpenAlex work ids (`W…`), `doi:…` or
   * `arxiv:…`. Matched to stored papers by the people-and-citations work.
   */
  references?: string[];
  /** Who wrote it with their ids and institutions, where the source gives more than names. */
  authorships?: Authorship[];
  /** http(s) URLs the source gives for the paper: code repositories, project pages, datasets. */
  links?: string[];
  /** Free text beside the abstract whose URLs count too (arXiv's comment: "Code at …"). */
  comment?: string;
  source: SourceLocation;
}

/**
 * What a parser yields: a record, or a problem with one record (an `IngestError` naming the
 * file and line) that is skipped and reported while the rest of the file is read. A parser
 * *throws* only when the file as a whole cannot be read; then none of its records are used.
 */
export type SourceItem = PaperRecord | IngestError;

/** Longest title accepted, in characters: titles run to a few hundred. */
export const MAX_TITLE_LENGTH = 2_000;
/**
 * Longest abstract (or comment) accepted, in characters: abstracts run to a few thousand; a
 * longer field is a whole paper or a broken export, and would hold the tagger for minutes.
 */
export const MAX_TEXT_LENGTH = 100_000;

/** A link: its address and its text. */
const ANCHOR = /<a\s[^<>]*?href=["']([^"']*)["'][^<>]*>(.*?)<\/a>/gis;
/** Tags inside a word or phrase (`x<sup>2</sup>`, `Sch<i>ö</i>lkopf`): they go without a trace. */
const INLINE_TAG =
  /<\/?(?:a|abbr|b|cite|code|em|enquote|i|nc|ncx|q|sc|small|span|strong|sub|sup|tt|u)\b[^<>]*>/gi;
/**
 * Any other HTML or XML tag (`</jats:p>`, `<br/>`, `<img src=x onerror=…>`): a space. A letter
 * must follow the `<`, so "a < b" and "x<2" stay text.
 */
const TAG = /<\/?[A-Za-z][\w:.-]*(?:\s[^<>]*)?\/?>/g;

/**
 * Markup as plain text: a link keeps its address (after its text when they differ, so the
 * repository it names is still found), inline tags go, other tags become a space. Spacing is
 * left to the caller. The BibTeX reader uses it on its parser's output too.
 */
export function markupToText(text: string): string {
  if (!text.includes('<')) return text;
  return text
    .replace(ANCHOR, (_, url: string, label: string) =>
      label.trim() === url ? url : `${label} (${url})`,
    )
    .replace(INLINE_TAG, '')
    .replace(TAG, ' ');
}

/**
 * The record with the markup taken out of its title and abstract: JATS in OpenAlex and
 * Crossref abstracts, `<i>` in listings, a hostile `<img …>`. Shown as text it was noise, and
 * read for key terms it became topics ("img", "jats"). Runs of spaces it leaves become one;
 * line breaks stay.
 */
export function withoutMarkup(record: PaperRecord): PaperRecord {
  const clean = (text: string) =>
    text.includes('<')
      ? markupToText(text)
          .replace(/[ \t]{2,}/g, ' ')
          .trim()
      : text;
  return {
    ...record,
    ...(typeof record.title === 'string' ? { title: clean(record.title) } : {}),
    ...(typeof record.abstract === 'string' ? { abstract: clean(record.abstract) } : {}),
  };
}

/** Why a record cannot be a paper (an empty title, an absurdly long field), if it cannot. */
export function recordProblem(record: PaperRecord): string | undefined {
  const tooLong = (field: string, length: number, max: number) =>
    `${field} of ${length.toLocaleString('en')} characters (at most ${max.toLocaleString('en')}): record skipped`;
  if (typeof record.title !== 'string' || record.title.trim() === '') return 'no title';
  if (record.title.length > MAX_TITLE_LENGTH) {
    return tooLong('title', record.title.length, MAX_TITLE_LENGTH);
  }
  for (const field of ['abstract', 'comment'] as const) {
    const text = record[field];
    if (text !== undefined && text.length > MAX_TEXT_LENGTH) {
      return tooLong(field, text.length, MAX_TEXT_LENGTH);
    }
  }
  return undefined;
}

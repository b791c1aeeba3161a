/**
 * Reads RIS files (`.ris`), the tagged export format of Zotero, EndNote, Scopus and Web of
 * Science: each record runs from `TY  - JOUR` to `ER  - `, one `XX  - value` tag per line, and a
 * line without a tag continues the value above it (wrapped abstracts). The format is simple
 * enough to stream line by line here, so a large export never has to be held in memory.
 */
import { findUrls } from '../links/find-urls.ts';
import { toRepository } from '../links/repository.ts';
import { arxivIdIn } from '../../server/store/paper-key.ts';
import { IngestError } from '../errors.ts';
import { readLines } from '../read-lines.ts';
import type { PaperRecord, SourceItem } from '../record.ts';

const STAGE = 'ris';

/** `TY  - JOUR`; writers differ in spacing, and `ER  -` often loses its trailing space. */
const TAG_LINE = /^([A-Z][A-Z0-9])\s{1,2}-(?:\s+(.*))?$/;
/** `2023`, `2023/06/20/`, `2023/06//`, `2023-06-20`: year, then optional month and day. */
const DATE = /^(\d{4})(?:[/-](\d{1,2})?)?(?:[/-](\d{1,2})?)?/;

interface RisRecord {
  line: number;
  tags: Map<string, string[]>;
  /** The tag a line without one continues. */
  last: string;
}

function isoDate(value: string): string | undefined {
  const match = DATE.exec(value.trim());
  if (!match) return undefined;
  const [, year, month, day] = match;
  const monthNumber = Number(month);
  if (!month || monthNumber < 1 || monthNumber > 12) return year;
  const dayNumber = Number(day);
  if (!day || dayNumber < 1 || dayNumber > 31) return `${year}-${month.padStart(2, '0')}`;
  return `${year}-${month.padStart(2, '0')}-${day.padStart(2, '0')}`;
}

/** `Kıcıman, Emre` → `Emre Kıcıman`; `Smith, John, Jr.` → `John Smith Jr.`; else as written. */
function authorName(value: string): string {
  const [last, first, suffix] = value.split(',').map((part) => part.trim());
  return [first, last, suffix].filter(Boolean).join(' ');
}

function toRecord(record: RisRecord, file: string): PaperRecord | IngestError {
  const all = (...tags: string[]): string[] =>
    tags.flatMap((tag) => record.tags.get(tag) ?? []).filter(Boolean);
  const first = (...tags: string[]): string | undefined => all(...tags)[0];

  const title = first('TI', 'T1');
  if (!title) {
    return new IngestError(STAGE, file, record.line, 'record without a title (TI or T1), skipped');
  }
  const paper: PaperRecord = { title, source: { file, line: record.line } };
  // Some writers split a long abstract over several AB tags.
  const abstract = all('AB', 'N2').join(' ');
  if (abstract) paper.abstract = abstract;
  const authors = all('AU', 'A1').map(authorName).filter(Boolean);
  if (authors.length) paper.authors = authors;
  const published = all('DA', 'PY', 'Y1')
    .map(isoDate)
    .filter((date): date is string => date !== undefined)
    .sort((a, b) => b.length - a.length)[0];
  if (published) paper.published = published;
  const doi = first('DO');
  if (doi) paper.doi = doi;
  const urls = all('UR');
  if (urls[0]) paper.url = urls[0];
  const links = urls.filter((url) => toRepository(url));
  if (links.length) paper.links = links;
  const arxivId = [doi, ...urls].map(arxivIdIn).find(Boolean);
  if (arxivId) paper.arxivId = arxivId;
  // Zotero writes notes (arXiv's "Comment: Code at …") as HTML.
  const comment = all('N1')
    .map((note) =>
      note
        .replace(/<[^<>]*>/g, ' ')
        .replace(/\s+/g, ' ')
        .trim(),
    )
    .filter((note) => findUrls(note).length > 0)
    .join(' ');
  if (comment) paper.comment = comment;
  return paper;
}

/**
 * Reads a `.ris` file: one record per `TY` … `ER` block with a title (`TI` or `T1`), in file
 * order, located at its `TY` line. Abstracts (`AB`/`N2`) continue over untagged lines and are
 * joined with spaces; authors (`AU`/`A1`) become "First Last"; `published` is the most precise
 * of `DA`, `PY`, `Y1` (`2023`, `2023-06` or `2023-06-20`, not padded); the first `UR` is the
 * url and every code or data repository `UR` is also a link; an arXiv DOI or URL gives
 * `arxivId`; a note (`N1`) with a URL is the comment. `L1`/`L2` (file attachments) are
 * ignored. A record left open at the end of the file (no `ER`) is still read; a BOM and CRLF
 * line ends are accepted.
 *
 * Yields an `IngestError` for a record without a title and for text outside any record.
 * Throws an `IngestError` when the file is not UTF-8 text or holds no `TY` line at all.
 */
export async function* parseRis(file: string): AsyncGenerator<SourceItem> {
  let record: RisRecord | undefined;
  let records = 0;
  /** Non-blank text outside a record: reported once per run of such lines. */
  let stray: { line: number; text: string } | undefined;
  const strayError = (): IngestError | undefined => {
    if (!stray) return undefined;
    const { line, text } = stray;
    stray = undefined;
    const shown = text.length > 40 ? `${text.slice(0, 40)}…` : text;
    return new IngestError(STAGE, file, line, `text outside a record, skipped: "${shown}"`);
  };

  for await (const { line, text: raw } of readLines(file, { stage: STAGE })) {
    // NFC: the same name must compare equal however the exporting system composed it.
    const text = raw.trimEnd().normalize('NFC');
    const tagged = TAG_LINE.exec(text);
    const tag = tagged?.[1];
    const value = tagged?.[2]?.trim() ?? '';

    if (tag === 'TY') {
      // A new record closes one left open (a missing ER).
      if (record) yield toRecord(record, file);
      const error = strayError();
      if (error) yield error;
      record = { line, tags: new Map([['TY', [value]]]), last: 'TY' };
      records += 1;
    } else if (!record) {
      if (text.trim() && !stray) stray = { line, text: text.trim() };
    } else if (tag === 'ER') {
      yield toRecord(record, file);
      record = undefined;
    } else if (tag) {
      const values = record.tags.get(tag) ?? [];
      values.push(value);
      record.tags.set(tag, values);
      record.last = tag;
    } else if (text.trim()) {
      const values = record.tags.get(record.last)!;
      values.push(`${values.pop() ?? ''} ${text.trim()}`.trim());
    }
  }

  if (records === 0) {
    const shown = stray ? ` (line ${stray.line} is "${stray.text.slice(0, 40)}")` : '';
    throw new IngestError(STAGE, file, undefined, `no RIS records (no "TY  - " line)${shown}`);
  }
  if (record) yield toRecord(record, file);
  const error = strayError();
  if (error) yield error;
}

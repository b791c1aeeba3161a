/**
 * Reads BibTeX and BibLaTeX files (`.bib`) as exported by Zotero, Better BibTeX and Google
 * Scholar. `@retorquere/bibtex-parser` (the parser behind Better BibTeX's imports) does the
 * tokenising, `@string` expansion and LaTeX decoding (`{\"u}` → ü, `\&` → &); this module maps
 * its entries to paper records in file order, each with the line of its `@type{`, and reports
 * an entry it cannot use (no title, unbalanced braces) without giving up on the rest.
 */
import { parse, type Creator, type Entry, type Library } from '@retorquere/bibtex-parser';
import { findUrls } from '../links/find-urls.ts';
import { toRepository } from '../links/repository.ts';
import { arxivIdIn } from '../../server/store/paper-key.ts';
import { IngestError } from '../errors.ts';
import { readLines } from '../read-lines.ts';
import { markupToText, type PaperRecord, type SourceItem } from '../record.ts';
import { categoryList } from './generic-record.ts';

const STAGE = 'bibtex';

/**
 * Titles as written: no sentence-casing (BibTeX styles lower-case titles, Topograph shows them
 * as the authors wrote them) and no case-protection markup. An unknown macro is dropped and
 * its argument kept (`\mathcal{X}` → `X`), so one exotic command does not lose the entry.
 */
const PARSE_OPTIONS = {
  english: false,
  caseProtection: false,
  unsupported: (node: { type: string }, tex: string) => (node.type === 'macro' ? '' : tex),
} as const;

/**
 * Parser output as plain text: the parser writes HTML-like markup (`\emph` → <i>, `\url` →
 * <a href>, paragraphs → <p>), read as `markupToText` reads any; spaces collapse. NFC, because
 * the parser writes `{\"o}` as o + combining diaeresis, and "Schölkopf" from one export must
 * equal "Schölkopf" typed in another.
 */
function plainText(value: string | undefined): string | undefined {
  if (value === undefined) return undefined;
  const text = markupToText(value.normalize('NFC')).replace(/\s+/g, ' ').trim();
  return text || undefined;
}

function authorName(creator: Creator): string | undefined {
  if (creator.name) return plainText(creator.name);
  // "and others" is BibTeX for et al., not a person.
  if (creator.lastName === 'others' && !creator.firstName) return undefined;
  const parts = [creator.firstName, creator.prefix, creator.lastName, creator.suffix];
  return plainText(parts.filter(Boolean).join(' '));
}

/** `date` (BibLaTeX, `2023-06-20` or a range) or `year`/`month`/`day`: the most precise. */
function publishedDate(fields: Entry['fields']): string | undefined {
  const date = /^(\d{4})(?:-(\d{2}))?(?:-(\d{2}))?/.exec(fields.date?.trim() ?? '');
  const fromDate = date ? [date[1], date[2], date[3]] : [];
  const year = /^\d{4}$/.exec(fields.year?.trim() ?? '')?.[0];
  const month = Number(fields.month);
  const day = Number(fields.day);
  const fromYear = year
    ? [
        year,
        month >= 1 && month <= 12 ? String(month).padStart(2, '0') : undefined,
        month >= 1 && day >= 1 && day <= 31 ? String(day).padStart(2, '0') : undefined,
      ]
    : [];
  const best = [fromDate, fromYear]
    .map((parts) => parts.filter((part): part is string => part !== undefined).join('-'))
    .sort((a, b) => b.length - a.length)[0];
  return best || undefined;
}

/** `eprint` with `archiveprefix`/`eprinttype` arXiv, else an arXiv DOI, URL or journal text. */
function arxivIdOf(fields: Entry['fields']): string | undefined {
  const archive = (fields.archiveprefix ?? fields.eprinttype ?? '').trim().toLowerCase();
  if (archive === 'arxiv' && fields.eprint) return fields.eprint.trim().replace(/^arxiv:\s*/i, '');
  return [fields.doi, fields.journal, fields.note, fields.url].map(arxivIdIn).find(Boolean);
}

function toRecord(entry: Entry, file: string, line: number): PaperRecord | IngestError {
  const { fields } = entry;
  const title = plainText(fields.title);
  if (!title) {
    return new IngestError(STAGE, file, line, `@${entry.type}{${entry.key}: no title, skipped`);
  }
  const paper: PaperRecord = { title, source: { file, line } };
  const abstract = plainText(fields.abstract);
  if (abstract) paper.abstract = abstract;
  const published = publishedDate(fields);
  if (published) paper.published = published;
  const authors = (fields.author ?? []).map(authorName).filter((name): name is string => !!name);
  if (authors.length) paper.authors = authors;
  const doi = fields.doi?.trim();
  if (doi) paper.doi = doi;
  const arxivId = arxivIdOf(fields);
  if (arxivId) paper.arxivId = arxivId;
  // arXiv's own BibTeX names the paper's primary category.
  const categories = categoryList(fields.primaryclass);
  if (categories.length) paper.categories = categories;
  const url = fields.url?.trim();
  if (url) {
    paper.url = url;
    if (toRepository(url)) paper.links = [url];
  }
  const comment = [fields.note, fields.howpublished]
    .map(plainText)
    .filter((text): text is string => !!text && findUrls(text).length > 0)
    .join(' ');
  if (comment) paper.comment = comment;
  return paper;
}

/** Why the parser gave up on an entry, named by its `@type{key` when it has one. */
function unreadableReason(input: string, error: string): string {
  const head = /^@(\w+)\s*[{(]\s*([^,\s]*)/.exec(input);
  const entry = head ? `@${head[1]}{${head[2]}: ` : '';
  // The parser reads on to the next `@` and finds it where the closing brace should be.
  if (/^Token mismatch, expected "[})]", found "@/.test(error)) {
    return `${entry}unterminated entry (no closing brace before the next @), skipped`;
  }
  const problem = error.split('\n')[0]!.replace(/ at line \d+, column \d+/, '');
  return `${entry}unreadable entry, skipped: ${problem}`;
}

/** A function from offset to 1-based line, by binary search over the line starts. */
function lineIndex(text: string): (offset: number) => number {
  const starts = [0];
  for (let at = text.indexOf('\n'); at !== -1; at = text.indexOf('\n', at + 1)) starts.push(at + 1);
  return (offset) => {
    let low = 0;
    let high = starts.length - 1;
    while (low < high) {
      const middle = Math.ceil((low + high) / 2);
      if (starts[middle]! <= offset) low = middle;
      else high = middle - 1;
    }
    return low + 1;
  };
}

/**
 * Longest entry handed to the parser, in characters. It slows to a crawl on megabyte fields
 * (27 s, then a RangeError, for one 10 MB abstract), and no real entry comes near this.
 */
export const MAX_ENTRY_LENGTH = 1_000_000;

/**
 * The file as one string, through `readLines` so that encoding problems name their line.
 * An entry (from a line starting with `@` to the next) longer than `MAX_ENTRY_LENGTH` is
 * blanked out, its lines kept empty so every other line keeps its number, and reported.
 */
async function readText(file: string) {
  const lines: string[] = [];
  const oversized: { offset: number; error: IngestError }[] = [];
  let start = { line: 0, offset: 0 };
  let offset = 0;
  const endEntry = () => {
    const length = offset - start.offset;
    if (length <= MAX_ENTRY_LENGTH) return;
    const head = /^\s*@(\w+)\s*[{(]\s*([^,\s]*)/.exec(lines[start.line] ?? '');
    const reason =
      `${head ? `@${head[1]}{${head[2]}: ` : ''}entry of ${length.toLocaleString('en')} ` +
      `characters (at most ${MAX_ENTRY_LENGTH.toLocaleString('en')}), skipped`;
    oversized.push({
      offset: start.offset,
      error: new IngestError(STAGE, file, start.line + 1, reason),
    });
    lines.fill('', start.line);
  };
  for await (const { text } of readLines(file, { stage: STAGE })) {
    if (/^\s*@/.test(text)) {
      endEntry();
      start = { line: lines.length, offset };
    }
    lines.push(text);
    offset += text.length + 1;
  }
  endEntry();
  return { text: lines.join('\n'), oversized };
}

function parseLibrary(text: string, file: string): Library {
  try {
    return parse(text, PARSE_OPTIONS);
  } catch (error) {
    // The parser recovers from malformed entries itself; anything thrown is about the file.
    throw new IngestError(STAGE, file, undefined, `cannot parse: ${(error as Error).message}`);
  }
}

/**
 * Reads a `.bib` file: one record per entry with a title (any entry type), in file order, each
 * located at the line of its `@type{`. Titles and abstracts lose their LaTeX (`{{BERT}}` →
 * BERT, `{\"u}` → ü, `\emph{x}` → x) but keep their case; authors become "First Last";
 * `published` is as precise as the entry (`2023`, `2023-06` or `2023-06-20`, not padded);
 * `arxivId` comes from `eprint` (with `archiveprefix`/`eprinttype` arXiv), an arXiv DOI, URL or
 * Google Scholar's `journal = {arXiv preprint arXiv:…}`; a code or data repository `url` is
 * also a link; `note`/`howpublished` become the comment when they hold a URL.
 *
 * Yields an `IngestError` for an entry without a title or one the parser cannot read (e.g. an
 * unterminated entry: the parser resumes at the next `@`). Throws an `IngestError` when the
 * file is not UTF-8 text, or holds no readable entry at all.
 */
export async function* parseBibtex(file: string): AsyncGenerator<SourceItem> {
  const { text, oversized } = await readText(file);
  const library = parseLibrary(text, file);
  const lineAt = lineIndex(text);

  // Entries and errors come in two lists; put them back in file order by their offsets.
  const located: { offset: number; item: () => SourceItem }[] = [];
  const claimed = new Set<number>();
  const locate = (input: string): number => {
    let offset = text.indexOf(input);
    while (offset !== -1 && claimed.has(offset)) offset = text.indexOf(input, offset + 1);
    if (offset !== -1) claimed.add(offset);
    return offset;
  };

  let entries = 0;
  for (const entry of library.entries) {
    // An entry the parser gave up on half-way has no input; its error is reported below.
    if (!entry.input) continue;
    entries += 1;
    const offset = locate(entry.input);
    located.push({ offset, item: () => toRecord(entry, file, lineAt(offset)) });
  }
  for (const error of library.errors) {
    // Errors without input are warnings about a readable entry (an undefined @string).
    if (!error.input?.trim()) continue;
    const offset = locate(error.input);
    const line = offset === -1 ? undefined : lineAt(offset);
    const reason = unreadableReason(error.input, error.error);
    located.push({ offset, item: () => new IngestError(STAGE, file, line, reason) });
  }

  for (const { offset, error } of oversized) located.push({ offset, item: () => error });
  located.sort((a, b) => a.offset - b.offset);
  if (entries === 0) {
    const first = located[0]?.item();
    if (first instanceof IngestError) {
      throw new IngestError(STAGE, file, first.line, `no readable BibTeX entry: ${first.reason}`);
    }
    throw new IngestError(STAGE, file, undefined, 'no BibTeX entries (like @article{key, …})');
  }
  for (const { item } of located) yield item();
}

/**
 * Reads Hugging Face Papers API responses: `/api/daily_papers` items (`{paper: {…},
 * organization, publishedAt, …}`) and bare paper objects (`/api/papers/{id}`,
 * `/api/papers/search`), either as one JSON document (an array or a single object) or as JSON
 * Lines, one item per line. HF gives what abstracts lack: the code repository and project page
 * a paper claims, its organisation and its upvotes. JSON Lines are streamed (constant memory,
 * a bad line is reported and skipped); a JSON document is read whole, as API pages are small.
 */
import { isHttpUrl } from '../links/find-urls.ts';
import { IngestError } from '../errors.ts';
import { readLines, type NumberedLine } from '../read-lines.ts';
import { JSON_LINES_FILE, jsonLineRecords, readJsonDocument } from './json-records.ts';
import { isArxivId } from '../../server/store/paper-key.ts';
import type { PaperRecord, SourceItem, SourceLocation } from '../record.ts';

const STAGE = 'hf-papers';

const ISO_DATE = /^(\d{4}-\d{2}-\d{2})/;

type JsonObject = Record<string, unknown>;

function isObject(value: unknown): value is JsonObject {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function text(value: unknown): string {
  return typeof value === 'string' ? value.replace(/\s+/g, ' ').trim() : '';
}

/** The paper object of a daily_papers item, or the object itself when it is a bare paper. */
function paperOf(value: JsonObject): JsonObject {
  return isObject(value.paper) ? value.paper : value;
}

/**
 * Whether a parsed JSON value (a whole document, or its first record) is a Hugging Face paper:
 * a daily_papers item or a bare paper object, with an arXiv id and a title. Cheap: looks at the
 * first element of an array only. Used to tell HF files from other JSON formats.
 */
export function looksLikeHfPaper(value: unknown): boolean {
  const first: unknown = Array.isArray(value) ? value[0] : value;
  if (!isObject(first)) return false;
  const paper = paperOf(first);
  return (
    typeof paper.id === 'string' &&
    isArxivId(paper.id.trim()) &&
    typeof paper.title === 'string' &&
    ('summary' in paper || 'upvotes' in paper || Array.isArray(paper.authors))
  );
}

function organizationName(value: unknown): string {
  return isObject(value) ? text(value.fullname) || text(value.name) : '';
}

/** http(s) URLs of a field; `githubRepo` sometimes carries stray whitespace or newlines. */
function httpUrls(value: unknown): string[] {
  return typeof value === 'string' ? value.split(/\s+/).filter(isHttpUrl) : [];
}

/** The record of one item, or why it cannot be one. */
function paperRecord(value: unknown, source: SourceLocation): PaperRecord | string {
  if (!isObject(value)) return 'not a paper object';
  const paper = paperOf(value);
  const title = text(paper.title) || text(value.title);
  if (!title) return 'paper without a title';

  const record: PaperRecord = { title, source };
  const id = text(paper.id);
  if (isArxivId(id)) record.arxivId = id.replace(/v\d+$/, '');
  const abstract = text(paper.summary) || text(value.summary);
  if (abstract) record.abstract = abstract;
  // paper.publishedAt is the arXiv date; the item's own publishedAt is when HF listed it.
  const published = ISO_DATE.exec(text(paper.publishedAt))?.[1];
  if (published) record.published = published;
  if (Array.isArray(paper.authors)) {
    const authors = paper.authors
      .map((author) => (isObject(author) ? text(author.name) : ''))
      .filter((name) => name !== '');
    if (authors.length > 0) record.authors = authors;
  }
  const upvotes = paper.upvotes ?? value.upvotes;
  if (typeof upvotes === 'number' && Number.isInteger(upvotes) && upvotes >= 0) {
    record.upvotes = upvotes;
  }
  const organization = organizationName(paper.organization) || organizationName(value.organization);
  if (organization) record.organization = organization;
  const links = [
    ...new Set([
      ...httpUrls(paper.githubRepo ?? value.githubRepo),
      ...httpUrls(paper.projectPage ?? value.projectPage),
    ]),
  ];
  if (links.length > 0) record.links = links;
  return record;
}

/**
 * Reads JSON Lines of HF items, one item (daily_papers item or bare paper) per line, in
 * constant memory. `source.line` is the item's line. A line that is not JSON or not a paper
 * is yielded as an `IngestError` with its line and skipped; blank lines are ignored. Throws
 * when the first readable line is not a Hugging Face paper (the file is another format).
 */
export async function* parseHfPapersLines(
  lines: AsyncIterable<NumberedLine>,
  file: string,
): AsyncGenerator<SourceItem> {
  yield* jsonLineRecords(lines, file, {
    stage: STAGE,
    toRecord: paperRecord,
    accepts: {
      test: looksLikeHfPaper,
      otherwise: 'not a Hugging Face paper (no arXiv id and title)',
    },
  });
}

/**
 * Reads a Hugging Face Papers file: JSON Lines when the name ends in `.jsonl`/`.ndjson`
 * (optionally `.gz`; see {@link parseHfPapersLines}), else one JSON document — an array of
 * items (daily_papers, papers/search) or a single paper (papers/{id}), read whole.
 *
 * In a document, lines say nothing (API responses are minified), so records are counted:
 * `source.line` is the record number (from 1), and a problem record is yielded as an
 * `IngestError` with no line whose message says `record N`, and skipped.
 *
 * Maps `paper.id` → arxivId, `paper.publishedAt` (the arXiv date, not the item's
 * `publishedAt`) → published, `githubRepo`/`projectPage` → links (http(s) only),
 * `organization.fullname` (else `.name`, from the paper or the item) → organization.
 * Throws `IngestError` when the file is not UTF-8, not JSON, or not HF papers. Pass `lines`
 * to read decompressed text.
 */
export async function* parseHfPapers(
  file: string,
  lines?: AsyncIterable<NumberedLine>,
): AsyncGenerator<SourceItem> {
  if (JSON_LINES_FILE.test(file)) {
    yield* parseHfPapersLines(lines ?? readLines(file, { stage: STAGE }), file);
    return;
  }
  const document = await readJsonDocument(file, STAGE, lines);
  const items = Array.isArray(document) ? document : [document];
  if (items.length > 0 && !looksLikeHfPaper(items[0])) {
    throw new IngestError(
      STAGE,
      file,
      undefined,
      'not a Hugging Face Papers response (expected paper objects with an arXiv id and a title)',
    );
  }
  for (const [index, item] of items.entries()) {
    const record = paperRecord(item, { file, line: index + 1 });
    yield typeof record === 'string'
      ? new IngestError(STAGE, file, undefined, `record ${index + 1}: ${record}`)
      : record;
  }
}

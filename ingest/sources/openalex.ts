/**
 * Reads OpenAlex works: a `/works?…` list response (`{meta, results: […]}`), a single work
 * (`/works/W…`) or a bare array of works, as one JSON document, and the snapshot's JSON Lines
 * (one work per line). OpenAlex covers every field and publisher, but it ships no plain
 * abstract: the text is rebuilt from `abstract_inverted_index` (word → positions). The arXiv id,
 * which merges a work with its preprint, comes from any location hosted on arxiv.org.
 */
import { IngestError } from '../errors.ts';
import { isHttpUrl } from '../links/find-urls.ts';
import { arxivIdIn } from '../../server/store/paper-key.ts';
import { readLines, type NumberedLine } from '../read-lines.ts';
import { JSON_LINES_FILE, jsonLineRecords, readJsonDocument } from './json-records.ts';
import type { Authorship, Institution } from '../../server/store/model.ts';
import type { PaperRecord, SourceItem, SourceLocation } from '../record.ts';

const STAGE = 'openalex';

const WORK_ID = /^(?:https:\/\/openalex\.org\/)?W\d+$/i;
/** Any OpenAlex entity URL or bare id (`https://openalex.org/A5020917394`, `I60587646`). */
const ENTITY_ID = /^(?:https:\/\/openalex\.org\/)?([WAI]\d+)$/i;
const ORCID = /^(?:https?:\/\/orcid\.org\/)?(\d{4}-\d{4}-\d{4}-\d{3}[\dX])$/i;
const DOI_PREFIX = /^(?:https?:\/\/(?:dx\.)?doi\.org\/|doi:\s*)/i;
const ISO_DATE = /^(\d{4}-\d{2}-\d{2})/;

type JsonObject = Record<string, unknown>;

function isObject(value: unknown): value is JsonObject {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function text(value: unknown): string {
  return typeof value === 'string' ? value.replace(/\s+/g, ' ').trim() : '';
}

function isWork(value: unknown): value is JsonObject {
  return (
    isObject(value) &&
    ((typeof value.id === 'string' && WORK_ID.test(value.id)) ||
      ('abstract_inverted_index' in value && Array.isArray(value.authorships)))
  );
}

/**
 * Whether a parsed JSON value is OpenAlex: a work (an `openalex.org/W…` id, or an abstract
 * index beside authorships), a list response whose first result is a work (or an empty one
 * with `meta`), or an array whose first element is a work. Cheap: looks at one work only.
 */
export function looksLikeOpenAlex(value: unknown): boolean {
  if (Array.isArray(value)) return isWork(value[0]);
  if (isWork(value)) return true;
  if (!isObject(value) || !Array.isArray(value.results)) return false;
  return value.results.length > 0 ? isWork(value.results[0]) : isObject(value.meta);
}

/** The abstract as words in position order; undefined when OpenAlex has none (null index). */
function abstractText(index: unknown): string | undefined {
  if (!isObject(index)) return undefined;
  const words = new Map<number, string>();
  for (const [word, positions] of Object.entries(index)) {
    if (!Array.isArray(positions)) continue;
    for (const position of positions) {
      if (Number.isInteger(position)) words.set(Number(position), word);
    }
  }
  const abstract = [...words.entries()]
    .sort(([a], [b]) => a - b)
    .map(([, word]) => word)
    .join(' ');
  return text(abstract) || undefined;
}

/** The first arXiv id among the work's locations (landing page or PDF on arxiv.org) and DOI. */
function arxivIdOf(work: JsonObject, doi: string | undefined): string | undefined {
  const locations = [
    work.primary_location,
    ...(Array.isArray(work.locations) ? work.locations : []),
    work.best_oa_location,
  ];
  // Landing pages and PDFs on arxiv.org, the ids block, then arXiv's own DOI.
  const candidates: string[] = [];
  for (const location of locations) {
    if (!isObject(location)) continue;
    for (const url of [location.landing_page_url, location.pdf_url]) {
      candidates.push(text(url));
    }
  }
  if (isObject(work.ids)) candidates.push(...Object.values(work.ids).map(text));
  if (doi !== undefined) candidates.push(doi);
  return candidates.map(arxivIdIn).find(Boolean);
}

/** `W123`, `A123` or `I123` from an OpenAlex URL or id; undefined for anything else. */
function entityId(value: unknown): string | undefined {
  return ENTITY_ID.exec(text(value))?.[1]?.toUpperCase();
}

function institutionOf(value: unknown): Institution | undefined {
  if (!isObject(value)) return undefined;
  const name = text(value.display_name);
  if (!name) return undefined;
  const institution: Institution = { name };
  const id = entityId(value.id);
  if (id) institution.openalexId = id;
  const ror = text(value.ror);
  if (isHttpUrl(ror)) institution.ror = ror;
  const country = text(value.country_code);
  if (/^[A-Z]{2}$/i.test(country)) institution.country = country.toUpperCase();
  return institution;
}

/**
 * An authorship: the author's display name (else the name as printed), ids, and the
 * institutions OpenAlex matched (else the affiliation lines as printed).
 */
function authorshipOf(value: unknown): Authorship | undefined {
  if (!isObject(value)) return undefined;
  const author = isObject(value.author) ? value.author : {};
  const name = text(author.display_name) || text(value.raw_author_name);
  if (!name) return undefined;
  const matched = (Array.isArray(value.institutions) ? value.institutions : [])
    .map(institutionOf)
    .filter((institution) => institution !== undefined);
  const printed = Array.isArray(value.raw_affiliation_strings)
    ? value.raw_affiliation_strings.map((line) => ({ name: text(line) })).filter((i) => i.name)
    : [];
  const authorship: Authorship = { name, institutions: matched.length > 0 ? matched : printed };
  const id = entityId(author.id);
  if (id) authorship.openalexId = id;
  const orcid = ORCID.exec(text(author.orcid))?.[1];
  if (orcid) authorship.orcid = orcid.toUpperCase();
  return authorship;
}

/** The record of one work, or why it cannot be one. */
function workRecord(work: unknown, source: SourceLocation): PaperRecord | string {
  if (!isObject(work)) return 'not a work object';
  const title = text(work.title) || text(work.display_name);
  const workId = text(work.id).replace(/^https:\/\/openalex\.org\//, '');
  if (!title) return `work ${workId || 'without an id'} has no title`;

  const record: PaperRecord = { title, source };
  const doiUrl = text(work.doi) || (isObject(work.ids) ? text(work.ids.doi) : '');
  const doi = doiUrl.replace(DOI_PREFIX, '') || undefined;
  if (doi) record.doi = doi;
  const arxivId = arxivIdOf(work, doi);
  if (arxivId) record.arxivId = arxivId;
  const abstract = abstractText(work.abstract_inverted_index);
  if (abstract) record.abstract = abstract;
  const published = ISO_DATE.exec(text(work.publication_date))?.[1];
  if (published) record.published = published;
  if (Array.isArray(work.authorships)) {
    const authorships = work.authorships
      .map(authorshipOf)
      .filter((authorship) => authorship !== undefined);
    if (authorships.length > 0) {
      record.authors = authorships.map((authorship) => authorship.name);
      record.authorships = authorships;
    }
  }
  const openalexId = entityId(work.id);
  if (openalexId?.startsWith('W')) record.openalexId = openalexId;
  if (Array.isArray(work.referenced_works)) {
    const references = work.referenced_works
      .map(entityId)
      .filter((id) => id?.startsWith('W') === true);
    if (references.length > 0) record.references = references as string[];
  }
  const landingPage = isObject(work.primary_location)
    ? text(work.primary_location.landing_page_url)
    : '';
  const url = [landingPage, doiUrl].find(isHttpUrl);
  if (url) record.url = url;
  return record;
}

/**
 * Reads JSON Lines of OpenAlex works (the snapshot's format), one work per line, in constant
 * memory. `source.line` is the work's line. A line that is not JSON or a work without a title
 * is yielded as an `IngestError` with its line and skipped; blank lines are ignored. Throws
 * when the first readable line is not an OpenAlex work (the file is another format).
 */
export async function* parseOpenAlexLines(
  lines: AsyncIterable<NumberedLine>,
  file: string,
): AsyncGenerator<SourceItem> {
  yield* jsonLineRecords(lines, file, {
    stage: STAGE,
    toRecord: workRecord,
    accepts: { test: isWork, otherwise: 'not an OpenAlex work (no openalex.org/W… id)' },
  });
}

/**
 * Reads an OpenAlex file: JSON Lines when the name ends in `.jsonl`/`.ndjson` (optionally
 * `.gz`; see {@link parseOpenAlexLines}), else one JSON document — a list response, a single
 * work or an array of works — read whole.
 *
 * In a document, lines say nothing (API responses are minified), so works are counted:
 * `source.line` is the work's number in the document (from 1), and a work without a title is
 * yielded as an `IngestError` with no line whose message says `record N`, and skipped.
 *
 * Maps `title` (else `display_name`), the abstract rebuilt from `abstract_inverted_index`
 * (none when null; a trimmed index gives only the words it has), `publication_date`, `doi`
 * without its `https://doi.org/` prefix, authors' display names (and as `authorships`, with
 * their OpenAlex ids, ORCIDs and institutions, else their affiliation lines as printed), the
 * work's id as `openalexId`, `referenced_works` as `references` (bare `W…` ids), `url` from the primary
 * location's landing page (else the DOI link), and `arxivId` from the first location whose
 * landing page or PDF is on arxiv.org (else arXiv's own `10.48550/arXiv.…` DOI).
 * Throws `IngestError` when the file is not UTF-8, not JSON, or not OpenAlex. Pass `lines` to
 * read decompressed text.
 */
export async function* parseOpenAlex(
  file: string,
  lines?: AsyncIterable<NumberedLine>,
): AsyncGenerator<SourceItem> {
  if (JSON_LINES_FILE.test(file)) {
    yield* parseOpenAlexLines(lines ?? readLines(file, { stage: STAGE }), file);
    return;
  }
  const document = await readJsonDocument(file, STAGE, lines);
  const empty = Array.isArray(document) && document.length === 0;
  if (!empty && !looksLikeOpenAlex(document)) {
    throw new IngestError(
      STAGE,
      file,
      undefined,
      'not an OpenAlex response (expected {meta, results}, a work or an array of works)',
    );
  }
  const works: unknown[] = Array.isArray(document)
    ? document
    : isObject(document) && Array.isArray(document.results)
      ? document.results
      : [document];
  for (const [index, work] of works.entries()) {
    const record = workRecord(work, { file, line: index + 1 });
    yield typeof record === 'string'
      ? new IngestError(STAGE, file, undefined, `record ${index + 1}: ${record}`)
      : record;
  }
}

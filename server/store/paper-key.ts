/**
 * Identity of papers across inputs: the match keys both stores keep for each paper (SQLite's
 * `paper_keys`, Neo4j's `PaperKey` nodes), by which a later input, or a search for an
 * identifier, finds it. A paper is matched on DOI, then arXiv id (without version), then
 * OpenAlex id, then normalised title; its stable id is the arXiv id or DOI when known, else a
 * hash of the normalised title.
 */
import { createHash } from 'node:crypto';

/** Case-, accent-, punctuation- and spacing-insensitive form of a title. */
export function normaliseTitle(title: string): string {
  return title
    .normalize('NFKD')
    .replace(/\p{M}+/gu, '')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
}

export function normaliseDoi(doi: string): string {
  return doi
    .trim()
    .replace(/^(https?:\/\/(dx\.)?doi\.org\/|doi:\s*)/i, '')
    .toLowerCase();
}

/** `arXiv:2301.01234v3` → `2301.01234`; old-style ids (`hep-th/9901001v2`) likewise. */
export function normaliseArxivId(id: string): string {
  return id
    .trim()
    .replace(/^(arxiv:|https?:\/\/arxiv\.org\/(abs|pdf)\/)/i, '')
    .replace(/\.pdf$/i, '')
    .replace(/v\d+$/i, '')
    .toLowerCase();
}

/** A new-style (`2203.15756`) or old-style (`hep-th/9901001`, `math.GT/0309136`) arXiv id. */
const ARXIV_ID = String.raw`(\d{4}\.\d{4,5}|[a-z][a-z-]*(?:\.[a-z]{2})?\/\d{7})(?:v\d+)?`;
/** How texts refer to one: an abs/pdf URL, arXiv's DOI, or `arXiv:` (Google Scholar journals). */
const ARXIV_REFERENCE = new RegExp(
  String.raw`(?:\barxiv\.org\/(?:abs|pdf)\/|\b10\.48550\/arxiv\.|\barxiv:\s*)${ARXIV_ID}`,
  'i',
);

const BARE_ARXIV_ID = new RegExp(String.raw`^${ARXIV_ID}$`, 'i');

/** True for an arXiv id as written in an id field, with or without its version. */
export function isArxivId(id: string): boolean {
  return BARE_ARXIV_ID.test(id);
}

/** The arXiv id (version stripped) a URL, DOI or citation text refers to, if any. */
export function arxivIdIn(text: string | undefined): string | undefined {
  const match = text ? ARXIV_REFERENCE.exec(text) : null;
  return match?.[1];
}

export interface PaperIdentity {
  title: string;
  doi?: string;
  arxivId?: string;
  openalexId?: string;
}

/** Match keys, strongest first: any shared key means the same paper. */
export function paperKeys(paper: PaperIdentity): string[] {
  const keys: string[] = [];
  if (paper.doi) keys.push(`doi:${normaliseDoi(paper.doi)}`);
  if (paper.arxivId) keys.push(`arxiv:${normaliseArxivId(paper.arxivId)}`);
  if (paper.openalexId) keys.push(`openalex:${paper.openalexId.toUpperCase()}`);
  const title = normaliseTitle(paper.title);
  if (title) keys.push(`title:${title}`);
  return keys;
}

/** The id a new paper gets; an existing paper keeps the id it has. */
export function paperId(paper: PaperIdentity): string {
  if (paper.arxivId) return normaliseArxivId(paper.arxivId);
  if (paper.doi) return normaliseDoi(paper.doi);
  const hash = createHash('sha256').update(normaliseTitle(paper.title)).digest('hex');
  return `t-${hash.slice(0, 16)}`;
}

const DOI = /^(?:https?:\/\/(?:dx\.)?doi\.org\/|doi:\s*)?10\.\d{1,9}(?:\.\d+)*\/\S+$/i;
const OPENALEX_WORK = /^(?:https?:\/\/(?:api\.)?openalex\.org\/(?:works\/)?)?(W\d+)$/i;

/**
 * The match keys a typed identifier stands for: a DOI (`10.1109/…`, a doi.org link), an arXiv
 * id (`2511.08577`, `arXiv:2511.08577v2`, an arxiv.org link, `hep-th/9901001`) or an OpenAlex
 * work (`W2741809807`, an openalex.org link); none for any other text.
 */
export function identifierKeys(text: string): string[] {
  const typed = text.trim();
  const keys: string[] = [];
  const bare = typed.replace(/^arxiv:\s*/i, '');
  const arxivId = isArxivId(bare) ? bare : arxivIdIn(typed);
  if (arxivId) keys.push(`arxiv:${normaliseArxivId(arxivId)}`);
  if (DOI.test(typed)) keys.push(`doi:${normaliseDoi(typed)}`);
  const work = OPENALEX_WORK.exec(typed)?.[1];
  if (work) keys.push(`openalex:${work.toUpperCase()}`);
  return keys;
}

/**
 * Merges records of the same paper, from one input or several, and from the store, into one
 * `Paper`: the longest abstract (listings truncate them), the earliest publication date, the
 * union of links and sources, and the first value seen for single-valued metadata.
 */
import { basename } from 'node:path';
import type { Authorship, Paper } from '../../server/store/model.ts';
import { findUrls, isHttpUrl } from '../links/find-urls.ts';
import type { PaperRecord } from '../record.ts';
import {
  normaliseArxivId,
  normaliseDoi,
  paperId,
  paperKeys,
} from '../../server/store/paper-key.ts';

function union<T>(a: readonly T[], b: readonly T[]): T[] {
  return [...new Set([...a, ...b])];
}

/** The earlier date; of `2023` and `2023-06-20`, the more precise one. */
function earliest(a: string | undefined, b: string | undefined): string | undefined {
  if (!a) return b;
  if (!b) return a;
  if (b.startsWith(a)) return b;
  if (a.startsWith(b)) return a;
  return a <= b ? a : b;
}

function larger(a: number | undefined, b: number | undefined): number | undefined {
  if (a === undefined) return b;
  if (b === undefined) return a;
  return Math.max(a, b);
}

/** Of two authorship lists, the one that says more (ids and institutions), else the first. */
function richer(
  a: Authorship[] | undefined,
  b: Authorship[] | undefined,
): Authorship[] | undefined {
  const detail = (list: Authorship[] | undefined) =>
    (list ?? []).reduce(
      (sum, author) =>
        sum + 1 + author.institutions.length + (author.orcid ? 1 : 0) + (author.openalexId ? 1 : 0),
      0,
    );
  return detail(b) > detail(a) ? b : (a ?? b);
}

/** `file:line` with the file's base name, so re-running from another folder changes nothing. */
export function sourceLabel(record: PaperRecord): string {
  return `${basename(record.source.file)}:${record.source.line}`;
}

/** A new paper from one record; its links are the source's links and the URLs in its text. */
export function paperFromRecord(record: PaperRecord): Paper {
  const abstract = record.abstract?.trim() ?? '';
  const paper: Paper = {
    id: paperId(record),
    title: record.title.trim(),
    abstract,
    authors: record.authors ?? [],
    categories: [...new Set(record.categories ?? [])],
    references: [...new Set(record.references ?? [])],
    // The paper's own page (`url`) is not a link of it; URLs in the comment are.
    links: union(
      (record.links ?? []).filter(isHttpUrl),
      findUrls(`${abstract} ${record.comment ?? ''}`).map((found) => found.url),
    ),
    sources: [sourceLabel(record)],
  };
  if (record.published) paper.published = record.published;
  if (record.authorsCount !== undefined) paper.authorsCount = record.authorsCount;
  else if (record.authors?.length) paper.authorsCount = record.authors.length;
  if (record.upvotes !== undefined) paper.upvotes = record.upvotes;
  if (record.organization) paper.organization = record.organization;
  if (record.arxivId) paper.arxivId = normaliseArxivId(record.arxivId);
  if (record.doi) paper.doi = normaliseDoi(record.doi);
  if (record.url) paper.url = record.url;
  if (record.openalexId) paper.openalexId = record.openalexId;
  if (record.authorships?.length) paper.authorships = record.authorships;
  return paper;
}

/** `into` with what `other` adds; `into` keeps its id and title. Pure: returns a new object. */
export function mergePaper(into: Paper, other: Paper): Paper {
  const merged: Paper = {
    ...into,
    abstract: other.abstract.length > into.abstract.length ? other.abstract : into.abstract,
    authors: other.authors.length > into.authors.length ? other.authors : into.authors,
    categories: union(into.categories, other.categories),
    references: union(into.references, other.references),
    links: union(into.links, other.links),
    sources: union(into.sources, other.sources),
  };
  const optional = {
    published: earliest(into.published, other.published),
    authorsCount: larger(into.authorsCount, other.authorsCount),
    upvotes: larger(into.upvotes, other.upvotes),
    organization: into.organization ?? other.organization,
    arxivId: into.arxivId ?? other.arxivId,
    doi: into.doi ?? other.doi,
    url: into.url ?? other.url,
    openalexId: into.openalexId ?? other.openalexId,
    authorships: richer(into.authorships, other.authorships),
  };
  for (const [field, value] of Object.entries(optional)) {
    if (value !== undefined) Object.assign(merged, { [field]: value });
  }
  return merged;
}

/** Groups papers that share any match key. */
export class PaperIndex {
  private readonly byKey = new Map<string, Paper>();
  private readonly papers = new Map<string, Paper>();

  /** Adds `paper`, merging it into a paper it matches; returns true when it merged. */
  add(paper: Paper): boolean {
    const keys = paperKeys(paper);
    const match = keys.map((key) => this.byKey.get(key)).find((found) => found !== undefined);
    const result = match ? mergePaper(match, paper) : paper;
    this.papers.set(result.id, result);
    for (const key of union(keys, paperKeys(result))) this.byKey.set(key, result);
    return match !== undefined;
  }

  get size(): number {
    return this.papers.size;
  }

  values(): IterableIterator<Paper> {
    return this.papers.values();
  }
}

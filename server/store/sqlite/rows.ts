/**
 * Rows of the embedded store's tables and their conversion to the graph model: SQL NULL
 * becomes an absent field, JSON text becomes lists, 0/1 becomes a boolean.
 */
import type { Cluster, SimilarList, SimilarPaper } from '../graph-store.ts';
import type { Authorship, Paper, Topic } from '../model.ts';

export interface PaperRow {
  id: string;
  title: string;
  abstract: string;
  published: string | null;
  authors: string;
  authors_count: number | null;
  upvotes: number | null;
  organization: string | null;
  arxiv_id: string | null;
  doi: string | null;
  url: string | null;
  links: string;
  sources: string;
  openalex_id: string | null;
  categories: string;
  reference_ids: string;
  authorships: string | null;
}

export interface TopicRow {
  id: string;
  label: string;
  aliases: string;
  df: number;
  /** Papers naming it a key term (schema version 7); not part of a `Topic`. */
  key_df: number;
  cluster: number;
  x: number;
  y: number;
  year: number | null;
  code_share: number | null;
  repositories: number | null;
}

export interface ClusterRow {
  id: number;
  label: string;
  topics: number;
  papers: number;
  year: number | null;
  code_share: number;
  repositories: number;
}

export function paperFromRow(row: PaperRow): Paper {
  const paper: Paper = {
    id: row.id,
    title: row.title,
    abstract: row.abstract,
    authors: JSON.parse(row.authors) as string[],
    categories: JSON.parse(row.categories) as string[],
    references: JSON.parse(row.reference_ids) as string[],
    links: JSON.parse(row.links) as string[],
    sources: JSON.parse(row.sources) as string[],
  };
  if (row.published !== null) paper.published = row.published;
  if (row.authors_count !== null) paper.authorsCount = row.authors_count;
  if (row.upvotes !== null) paper.upvotes = row.upvotes;
  if (row.organization !== null) paper.organization = row.organization;
  if (row.arxiv_id !== null) paper.arxivId = row.arxiv_id;
  if (row.doi !== null) paper.doi = row.doi;
  if (row.url !== null) paper.url = row.url;
  if (row.openalex_id !== null) paper.openalexId = row.openalex_id;
  if (row.authorships !== null) paper.authorships = JSON.parse(row.authorships) as Authorship[];
  return paper;
}

export function topicFromRow(row: TopicRow): Topic {
  const { id, label, df, cluster, x, y, year, code_share, repositories } = row;
  const topic: Topic = {
    id,
    label,
    df,
    cluster,
    x,
    y,
    aliases: JSON.parse(row.aliases) as string[],
  };
  if (year !== null) topic.year = year;
  if (code_share !== null) topic.codeShare = code_share;
  if (repositories !== null) topic.repositoryCount = repositories;
  return topic;
}

export function clusterFromRow(row: ClusterRow): Cluster {
  return {
    id: row.id,
    label: row.label,
    topicCount: row.topics,
    paperCount: row.papers,
    ...(row.year === null ? {} : { year: row.year }),
    codeShare: row.code_share,
    repositoryCount: row.repositories,
  };
}

export interface SimilarRow {
  id: string;
  score: number;
  /** JSON list of strings. */
  phrases: string;
}

export function similarFromRow({ id, score, phrases }: SimilarRow): SimilarPaper {
  return { id, score, phrases: JSON.parse(phrases) as string[] };
}

/** Rows of similar papers, by paper then rank, as one list a paper. */
export function similarLists(rows: (SimilarRow & { paperId: string })[]): SimilarList[] {
  const lists: SimilarList[] = [];
  for (const row of rows) {
    if (lists.at(-1)?.paperId !== row.paperId) lists.push({ paperId: row.paperId, similar: [] });
    lists.at(-1)!.similar.push(similarFromRow(row));
  }
  return lists;
}

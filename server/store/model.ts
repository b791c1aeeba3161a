/**
 * The graph model shared by ingest, the stores and the API: papers, topics and repositories,
 * and the relationships between them (see DESIGN.md, "Graph model"). Plain data, no behaviour.
 */

/** An institution an author wrote from: OpenAlex's, or an affiliation line as written. */
export interface Institution {
  name: string;
  /** OpenAlex institution id (`I60587646`). */
  openalexId?: string;
  /** ROR id (`https://ror.org/03613d656`). */
  ror?: string;
  /** ISO 3166 country code (`CZ`). */
  country?: string;
}

/** One author of a paper as the source identifies them. */
export interface Authorship {
  name: string;
  /** `0000-0001-9520-4273`, without the `https://orcid.org/` prefix. */
  orcid?: string;
  /** OpenAlex author id (`A5020917394`). */
  openalexId?: string;
  institutions: Institution[];
}

/** A paper as stored: one node, however many inputs it was seen in. */
export interface Paper {
  /** Stable id: arXiv id or DOI when known, else `t-` + a hash of the normalised title. */
  id: string;
  title: string;
  /** Empty when no input gave one. */
  abstract: string;
  /** ISO date (`YYYY-MM-DD`, or `YYYY-MM` / `YYYY` when that is all a source gave), the earliest. */
  published?: string;
  authors: string[];
  authorsCount?: number;
  upvotes?: number;
  organization?: string;
  arxivId?: string;
  doi?: string;
  url?: string;
  /** OpenAlex work id (`W2741809807`). */
  openalexId?: string;
  /** Subject categories (arXiv's `cs.CL`), primary first; empty when no source gave any. */
  categories: string[];
  /** Works it cites, as sources name them (`W…`, `doi:…`, `arxiv:…`); see `PaperRecord`. */
  references: string[];
  /** Its authors with ids and institutions, where a source gave them (OpenAlex, arXiv). */
  authorships?: Authorship[];
  /** Other http(s) links found for the paper (project pages, demos): not repositories. */
  links: string[];
  /** Where the paper was seen: `file:line` for each input record merged into it. */
  sources: string[];
}

export type RepositoryKind = 'code' | 'dataset' | 'model' | 'demo';

export interface Repository {
  /** `host/owner/name`, lower-cased: the same repository written three ways is one node. */
  id: string;
  url: string;
  host: string;
  owner: string;
  name: string;
  kind: RepositoryKind;
}

export type LinkStatus = 'released' | 'promised';

/** `(Paper)-[:LINKS_TO {status}]->(Repository)` */
export interface RepositoryLink {
  paperId: string;
  repositoryId: string;
  status: LinkStatus;
}

/**
 * `(Paper)-[:MENTIONS {score, count, inTitle, keyTerm}]->(Topic)`, with the surface form seen.
 * A paper mentions every term it uses; its key terms are the best ranked of them.
 */
export interface Mention {
  paperId: string;
  topicId: string;
  /**
   * The readable surface form in this paper; a topic's label is its most common one. Empty
   * where the paper writes the term only inside longer phrases.
   */
  label: string;
  score: number;
  count: number;
  inTitle: boolean;
  /** One of the paper's key terms (its panel, the paper map, shared-topic reasons). */
  keyTerm: boolean;
}

export interface Topic {
  /** Normalised key: case-folded, singular head. */
  id: string;
  label: string;
  aliases: string[];
  /** Number of papers that mention it. */
  df: number;
  cluster: number;
  x: number;
  y: number;
  /** Overlays (see `TopicOverlay`), set for the topics the last analysis considered. */
  year?: number;
  codeShare?: number;
  repositoryCount?: number;
}

/** `(Topic)-[:CO_OCCURS {papers, strength}]-(Topic)`, source < target. */
export interface CoOccurrence {
  source: string;
  target: string;
  /** Papers mentioning both (stored as `papers`). */
  paperCount: number;
  strength: number;
}

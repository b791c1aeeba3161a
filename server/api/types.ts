/**
 * The JSON shapes of the HTTP API: the contract between the server and the web app, written
 * out here rather than borrowed from the store, so a change to the store's port cannot change
 * it silently (routes.ts declares each route's answer as one of these, so the type check fails
 * when the store no longer gives what the contract promises). The web app imports these as
 * types only, and nothing else of the server (eslint.config.js). Graphs are
 * graphology-serialisable (`graph.import(json)`).
 *
 * One vocabulary, here as in the code: a plural noun holds a list (`papers`, `links`), a
 * number of things is `<thing>Count` (`paperCount`, `repositoryCount`).
 */

export type RepositoryKind = 'code' | 'dataset' | 'model' | 'demo';
/** `released`: the paper links it; `promised`: the paper says it will be released. */
export type LinkStatus = 'released' | 'promised';

/** An institution an author wrote from (OpenAlex's, or an affiliation line as printed). */
export interface InstitutionRecord {
  name: string;
  openalexId?: string;
  ror?: string;
  /** ISO 3166 country code. */
  country?: string;
}

/** An author of a paper with the ids and institutions a source gave. */
export interface Authorship {
  name: string;
  orcid?: string;
  openalexId?: string;
  institutions: InstitutionRecord[];
}

export interface HealthResponse {
  status: 'ok';
  store: string;
}

/** `GET /api/stats` */
export interface StatsResponse {
  paperCount: number;
  topicCount: number;
  repositoryCount: number;
  clusterCount: number;
  mentionCount: number;
  linkCount: number;
  /** Similar-paper links the last analysis stored (10 per paper at most). */
  similarCount: number;
  /** Papers linking at least one released code repository. */
  paperWithCodeCount: number;
}

/** A paper as `GET /api/papers/:id` gives it. */
export interface PaperRecord {
  id: string;
  title: string;
  /** Empty when no input gave one. */
  abstract: string;
  /** ISO date (`YYYY-MM-DD`, or `YYYY-MM` / `YYYY`), the earliest any source gave. */
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
  /** Subject categories (arXiv's `cs.CL`), primary first. */
  categories: string[];
  /** Works it cites, as sources name them (OpenAlex `W…` ids, `doi:…`, `arxiv:…`). */
  references: string[];
  /** Its authors with ids and institutions, where a source gave more than names. */
  authorships?: Authorship[];
  /** Other http(s) links (project pages, demos): not repositories. */
  links: string[];
  /** Where the paper was seen: `file:line` of each input record merged into it. */
  sources: string[];
}

export interface RepositoryRecord {
  /** `host/owner/name`, lower-cased. */
  id: string;
  url: string;
  host: string;
  owner: string;
  name: string;
  kind: RepositoryKind;
}

export interface TopicRecord {
  id: string;
  label: string;
  aliases: string[];
  /** Number of papers that mention it (the store's `df`). */
  paperCount: number;
  /** -1: off the map. */
  cluster: number;
  x: number;
  y: number;
  year?: number;
  codeShare?: number;
  repositoryCount?: number;
}

export interface PaperSummary {
  id: string;
  title: string;
  published?: string;
}

export interface RelatedPaper extends PaperSummary {
  /** Cosine similarity of the two texts (0–1]; a shared-topic score before any analysis. */
  score: number;
  /** The topics both papers mention, most specific first. */
  shared: { id: string; label: string }[];
  /** The words both texts use that weigh most in `score`, as written; pairs first. */
  phrases: string[];
}

export interface TopicNodeAttributes {
  label: string;
  /** Number of papers mentioning the topic. */
  paperCount: number;
  /**
   * Number of papers naming it one of their key terms: what chose it for the map and what
   * sizes it there (a common word is mentioned by many papers and the key term of few).
   */
  weight: number;
  cluster: number;
  x: number;
  y: number;
  /** Overlays for the colour modes: mean publication year (absent when no paper is dated)… */
  year?: number;
  /** …share (0–1) of its papers with released code, and repositories its papers link to. */
  codeShare: number;
  repositoryCount: number;
}

export interface CoOccurrenceEdgeAttributes {
  /** Number of papers mentioning both topics. */
  paperCount: number;
  strength: number;
}

export interface ClusterSummary {
  /** Stable across ingests while most of its topics stay together. */
  id: number;
  /** Its most characteristic topics, joined. */
  label: string;
  topicCount: number;
  paperCount: number;
  year?: number;
  codeShare: number;
  repositoryCount: number;
}

/** `GET /api/topic-map`: a graphology SerializedGraph plus the clusters drawn in it. */
export interface TopicMapResponse {
  attributes: { clusters: ClusterSummary[] };
  options: { type: 'undirected'; multi: false; allowSelfLoops: false };
  nodes: { key: string; attributes: TopicNodeAttributes }[];
  edges: { key: string; source: string; target: string; attributes: CoOccurrenceEdgeAttributes }[];
}

/** A paper on the paper map (see server/store/paper-map.ts); its title is its label. */
export interface PaperNodeAttributes {
  label: string;
  published?: string;
  year?: number;
  hasCode: boolean;
  /** The cluster of its main topic on the map; -1 when it mentions none. */
  cluster: number;
  x: number;
  y: number;
  /** Its related papers on this map. */
  linkCount: number;
}

/**
 * Two related papers: how related (the similarity of their texts), and the topics they share
 * (at most three labels; none when only their words are shared).
 */
export interface RelatedEdgeAttributes {
  strength: number;
  shared: string[];
}

/** `GET /api/paper-map`: papers linked to their most related papers, graphology-serialised. */
export interface PaperMapResponse {
  options: { type: 'undirected'; multi: false; allowSelfLoops: false };
  nodes: { key: string; attributes: PaperNodeAttributes }[];
  edges: { key: string; source: string; target: string; attributes: RelatedEdgeAttributes }[];
}

export interface PaperTopic {
  id: string;
  label: string;
  score: number;
  inTitle: boolean;
}

export type PaperRepository = RepositoryRecord & { status: LinkStatus };

/** `GET /api/papers/:id` */
export interface PaperDetailResponse {
  paper: PaperRecord;
  topics: PaperTopic[];
  repositories: PaperRepository[];
  related: RelatedPaper[];
}

/** `GET /api/topics/:id` */
export interface TopicDetailResponse {
  topic: TopicRecord;
  /** Its papers, with whether each links released code. */
  papers: (PaperSummary & { score: number; hasCode: boolean })[];
  /** The repositories its papers link (at most 20): how many of them, whether released. */
  repositories: (RepositoryRecord & { paperCount: number; released: boolean })[];
  coOccurring: { id: string; label: string; paperCount: number; strength: number }[];
  /** Its papers per publication year, oldest first. */
  years: { year: number; paperCount: number }[];
}

/** `GET /api/repositories/:id` */
export interface RepositoryDetailResponse {
  repository: RepositoryRecord;
  papers: (PaperSummary & { status: LinkStatus })[];
}

export type SearchKind = 'topic' | 'paper' | 'repository';

export interface SearchHit {
  kind: SearchKind;
  id: string;
  label: string;
  /** Short context: a topic's paper count, a paper's date, a repository's host. */
  detail?: string;
  /** A paper found for two words or more: whether it has them as a phrase. */
  phrase?: boolean;
  /** A paper the query names by its DOI, arXiv id or OpenAlex id. */
  identified?: true;
}

/** `GET /api/search?q=` */
export interface SearchResponse {
  query: string;
  results: SearchHit[];
}

export interface ErrorResponse {
  statusCode: number;
  error: string;
  message: string;
}

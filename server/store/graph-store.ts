/**
 * The `GraphStore` port: the one narrow interface ingest and the API use to reach the graph,
 * whichever database holds it (embedded SQLite by default, Neo4j for teams). Writes come in
 * batches, each one transaction; reads are exactly the queries the API needs.
 */
import type { CoOccurrence, LinkStatus, Mention, Paper, Repository, Topic } from './model.ts';

/**
 * What a store refuses or cannot do, in words for its user: the message names the store and
 * what to do (every adapter's errors are of this class, so a caller catches one).
 */
export class StoreError extends Error {
  override readonly name: string = 'StoreError';
}

/**
 * The store is held by another writer for longer than it will wait; nothing of the write was
 * made.
 */
export class StoreBusyError extends StoreError {
  override readonly name = 'StoreBusyError';
}

/** One paper to write, with everything that hangs off it; replaces what the store had. */
export interface PaperWrite {
  paper: Paper;
  /** Match keys (`doi:…`, `arxiv:…`, `title:…`) by which later inputs find this paper. */
  keys: string[];
  mentions: Omit<Mention, 'paperId'>[];
  repositories: { repository: Repository; status: LinkStatus }[];
}

/**
 * The topic map as ingest/analyze computes it, written back in one transaction: the topics on
 * the map with their cluster and position (every other topic is off the map: cluster -1),
 * their co-occurrence links and the clusters.
 */
export interface Analysis {
  /** The papers version (`MapState`) of the store it was computed from. */
  version: number;
  /** The candidate topics: on the map (cluster ≥ 0, with a position) or off it (cluster -1). */
  topics: (Pick<Topic, 'id' | 'cluster' | 'x' | 'y'> & TopicOverlay)[];
  coOccurrences: CoOccurrence[];
  clusters: Cluster[];
  /**
   * The Leiden resolution the map was drawn at; the next map keeps it while it fits, so that
   * a daily update does not re-cut the field. Absent when unknown (no map, or an older store).
   */
  resolution?: number;
}

/** What the explorer colours a topic by; for a cluster, over the papers of all its topics. */
export interface TopicOverlay {
  /** Mean publication year of the papers that have a date; absent when none has. */
  year?: number;
  /** Share (0–1) of the papers that link released code. */
  codeShare: number;
  /** Distinct repositories (code, data, models, demos) the papers link to. */
  repositoryCount: number;
}

/** A paper as the analysis sees it. */
export interface PaperFacts {
  id: string;
  year?: number;
  /** Links at least one released code repository. */
  hasCode: boolean;
  /** Ids of the repositories it links to, released or promised. */
  repositories: string[];
}

/**
 * What the store holds besides the papers an ingest is about to write: how many other papers,
 * and how many of them mention each term asked for (a term none of them mentions is absent).
 * An ingest ranks its papers' terms against it, not against themselves alone.
 */
export interface StoredTermCounts {
  paperCount: number;
  documentFrequency: Map<string, number>;
  /**
   * For each one-word key asked (lower case, no acronym), how many times the store's papers
   * write it before other words: the paper counts of the topics whose key begins with it
   * ("causal" → "causal model", "causal effect", …). With `documentFrequency` (the papers
   * writing it alone or as a head) it says whether a word only modifies (`findModifierWords`).
   * Absent: none.
   */
  leads: Map<string, number>;
  /**
   * For each acronym asked ("LLM"), the topic the store names with it: the one whose label
   * ends with it in brackets ("large language model (LLM)") and holds more than half the
   * papers of all topics so labelled. A topic's label shows an acronym only where the papers
   * mentioning it use it (ingest/terms/corpus.ts), so this is the store's reading of an
   * acronym with support across it. Absent: none, or no majority.
   */
  acronyms: Map<string, { key: string; label: string }>;
}

/** What ingest/analyze reads to draw the map: the candidate topics and their mentions. */
export interface TopicMentions {
  /** The papers version (`MapState`) of what was read, read in the same transaction. */
  version: number;
  /** Papers in the store (the N of association strength). */
  paperCount: number;
  /**
   * The topics most papers name a key term (`keyDf`), those of at least `minPapers` such
   * papers, most first, with where the last analysis put them (cluster -1: off the map), so a
   * new map can keep to it.
   */
  topics: (Pick<Topic, 'id' | 'label' | 'df' | 'cluster' | 'x' | 'y'> & { keyDf: number })[];
  /**
   * The papers naming those topics a key term, by paper then topic (every mention would be
   * ~5 times as many rows to read at 80,000 papers, for every daily update).
   */
  mentions: Pick<Mention, 'paperId' | 'topicId'>[];
  /** The papers of those mentions. */
  facts: PaperFacts[];
  /** The resolution the stored map was drawn at, when known (see `Analysis`). */
  resolution?: number;
}

export interface Cluster extends TopicOverlay {
  /** Stable across ingests while most of its topics stay together. */
  id: number;
  /** Its most characteristic topics, joined: a readable name. */
  label: string;
  /** Number of topics in it. */
  topicCount: number;
  /** Papers mentioning any of its topics. */
  paperCount: number;
}

/**
 * Whether the topic map is the map of the papers stored. Every `writePapers` batch adds one
 * to `papersVersion` in its own transaction; `writeAnalysis` records the version its map was
 * computed from in its own. So an ingest killed after writing papers, or two ingests whose
 * analyses finish in the wrong order, leave `mapVersion < papersVersion`: the next ingest
 * draws the map again, whatever changed.
 */
export interface MapState {
  papersVersion: number;
  mapVersion: number;
  /**
   * The papers version the stored similar papers are complete for (`writeSimilar` with a
   * version): at the papers version, a few papers added can be fitted in (`updateSimilar`);
   * behind it (an ingest stopped while writing them, a store from before them), every list is
   * computed again.
   */
  similarVersion: number;
}

export interface StoreStats {
  paperCount: number;
  topicCount: number;
  repositoryCount: number;
  clusterCount: number;
  mentionCount: number;
  linkCount: number;
  /** Similar-paper links stored by the last analysis (see `writeSimilar`). */
  similarCount: number;
  /** Papers linking at least one released code repository. */
  paperWithCodeCount: number;
}

export interface TopicMapQuery {
  /**
   * At most this many topics, the map's weightiest first: those most papers name a key term
   * (which is how the map chose them).
   */
  limit: number;
  /** Only topics mentioned by at least this many papers. */
  minPapers: number;
  /** Only topics of this cluster. */
  cluster?: number;
  /** At most this many co-occurrence edges, strongest first. */
  maxEdges: number;
}

export interface TopicMap {
  /** With the papers naming each a key term (`keyDf`), the map's weight of it. */
  topics: (Topic & { keyDf: number })[];
  edges: CoOccurrence[];
  clusters: Cluster[];
}

export interface PaperSummary {
  id: string;
  title: string;
  published?: string;
}

export interface RelatedPaper extends PaperSummary {
  score: number;
  /** The topics both papers mention, most specific first. */
  shared: { id: string; label: string }[];
  /** The words both texts use that weigh most in `score`, as written (see `SimilarPaper`). */
  phrases: string[];
}

/** A paper's text, as similarity reads it. */
export interface PaperText {
  id: string;
  title: string;
  abstract: string;
}

/** One similar paper, as ingest/analyze computed it from the whole texts. */
export interface SimilarPaper {
  id: string;
  /** Cosine similarity of the two texts, (0, 1]. */
  score: number;
  /** Shared word pairs, then words, most telling first, as first written in the corpus. */
  phrases: string[];
}

/** A paper's similar papers, most similar first (empty: none shares a term with it). */
export interface SimilarList {
  paperId: string;
  similar: SimilarPaper[];
}

export interface PaperDetail {
  paper: Paper;
  topics: { id: string; label: string; score: number; inTitle: boolean }[];
  repositories: (Repository & { status: LinkStatus })[];
  related: RelatedPaper[];
}

/** Repositories listed in a topic's detail: the most linked by its papers. */
export const TOPIC_REPOSITORIES = 20;

export interface TopicDetail {
  topic: Topic;
  /** Its papers, with whether each links released code (as the paper map's `hasCode`). */
  papers: (PaperSummary & { score: number; hasCode: boolean })[];
  /**
   * The repositories its papers link (at most `TOPIC_REPOSITORIES`): how many of its papers
   * link each, and whether any of them released it (else it is only promised); most linked
   * first, released before promised, then by id.
   */
  repositories: (Repository & { paperCount: number; released: boolean })[];
  coOccurring: { id: string; label: string; paperCount: number; strength: number }[];
  /** Its papers per publication year, oldest first (undated papers are not counted). */
  years: { year: number; paperCount: number }[];
}

/** What the paper map is drawn from (see paper-map.ts): the chosen papers and their topics. */
export interface PaperMapInput {
  /** Papers in the store (the N of the topics' specificity). */
  paperCount: number;
  /**
   * At most `limit` papers naming a topic on the map: those naming the most first, then the
   * newest, then by id.
   */
  nodes: (PaperSummary & { hasCode: boolean })[];
  /**
   * Their mentions of topics of two papers or more (no other topic can be shared), with the
   * topic's paper count and where the map puts it (cluster -1: off the map).
   */
  mentions: {
    paperId: string;
    topicId: string;
    label: string;
    score: number;
    df: number;
    cluster: number;
    x: number;
    y: number;
  }[];
  /**
   * The stored similar papers of those papers that are among them, as `SimilarPaper`s of
   * `paperId` (empty before any analysis wrote them: links then come from shared topics).
   */
  similar: { paperId: string; id: string; score: number }[];
}

export interface RepositoryDetail {
  repository: Repository;
  papers: (PaperSummary & { status: LinkStatus })[];
}

export type SearchKind = 'topic' | 'paper' | 'repository';

export interface SearchHit {
  kind: SearchKind;
  id: string;
  label: string;
  /** Short context: a topic's paper count, a paper's date, a repository's host. */
  detail?: string;
  /**
   * A paper found for a query of two words or more: true when its title or abstract has them
   * as a phrase (these come first), false when only somewhere.
   */
  phrase?: boolean;
}

/** What every side of the port has: the store's kind, its versions and its counts. */
export interface StoreBase {
  /** `embedded` or `neo4j`, for health checks and messages. */
  readonly kind: string;
  mapState(): Promise<MapState>;
  stats(): Promise<StoreStats>;
}

/** What an ingest needs (ingest/pipeline.ts), and a copy of what it writes. */
export interface IngestSide extends StoreBase {
  /** Papers having any of `keys`, for merging new records into what is stored. */
  findPapers(keys: string[]): Promise<Paper[]>;
  /**
   * The store's counts of the topics `keys` name, of the words they begin and of the acronyms
   * among them, leaving out the stored papers `excluding` (ids; those an ingest writes again),
   * read in one transaction (see `StoredTermCounts`; built by `term-counts.ts`).
   */
  storedTermCounts(keys: readonly string[], excluding: string[]): Promise<StoredTermCounts>;
  /**
   * Writes the batch in one transaction: all of it or, on error, none of it; the same
   * transaction adds one to the papers version.
   */
  writePapers(batch: PaperWrite[]): Promise<void>;
  /**
   * Recomputes the paper count (df) and label (the form most mentions write; ties to the
   * first in code-point order) of every topic whose mentions changed since the last refresh,
   * and drops the topics and repositories nothing refers to any more. What a write touched is
   * recorded in its own transaction, so a refresh that never ran (an ingest stopped) is made up
   * by the next one.
   */
  refreshTopics(): Promise<void>;
  /** The map's candidate topics (see `TopicMentions`) and their mentions. */
  readTopicMentions(query: { minPapers: number; limit: number }): Promise<TopicMentions>;
  /**
   * Replaces the map, in one transaction, unless the store holds a map of a later papers
   * version (another ingest's, computed from more papers): then nothing is written and it
   * answers false.
   */
  writeAnalysis(analysis: Analysis): Promise<boolean>;
  /** Up to `limit` papers' texts with an id after `after` ('' for the first page), in id order. */
  readPaperTexts(after: string, limit: number): Promise<PaperText[]>;
  /**
   * Replaces the similar papers of each listed paper, in one transaction; a similar paper not
   * in the store is skipped. With `version`, the last batch: the lists are complete for that
   * papers version (`MapState.similarVersion`).
   */
  writeSimilar(lists: SimilarList[], version?: number): Promise<void>;
  /** The stored similar papers of those of `ids` that have any, in id order. */
  readSimilar(ids: string[]): Promise<SimilarList[]>;
  /** The papers whose stored similar papers include any of `ids`, in id order. */
  findListing(ids: string[]): Promise<string[]>;
}

/** What a copy reads from its source (`npm run copy`). */
export interface ExportSide extends StoreBase {
  /**
   * Up to `limit` papers with an id after `after` ('' for the first page), in the store's id
   * order, each with everything `writePapers` took for it (keys, mentions with their surface
   * forms, repository links): a store is copied by paging through this (`npm run copy`).
   */
  exportPapers(after: string, limit: number): Promise<PaperWrite[]>;
  /**
   * The last analysis as written, with the papers version it was computed from
   * (`writeAnalysis` of it on a copy reproduces the map).
   */
  exportAnalysis(): Promise<Analysis>;
  /** Up to `limit` papers' similar lists with a paper id after `after`, in id order. */
  exportSimilar(after: string, limit: number): Promise<SimilarList[]>;
}

/** What the API reads (graph-reader.ts makes the API's `GraphReader` of it). */
export interface ReadSide extends StoreBase {
  topicMap(query: TopicMapQuery): Promise<TopicMap>;
  paper(id: string, relatedLimit: number): Promise<PaperDetail | undefined>;
  topic(id: string, limit: number): Promise<TopicDetail | undefined>;
  repository(id: string): Promise<RepositoryDetail | undefined>;
  paperMapInput(query: { limit: number }): Promise<PaperMapInput>;
  // Search is made of these four (search.ts orders, merges and words them).
  /**
   * Topics by name: `named`, those whose id is one of `ids` (any paper count); else topics of
   * two papers or more whose case-folded label ends with, starts with, or contains `text`
   * (`labelHasWordStartingWith` passes ` word`), or whose id starts with it; most mentioned
   * first, then by label and id; at most `limit`.
   */
  findTopics(match: TopicMatch, limit: number): Promise<TopicHit[]>;
  /**
   * Papers by the words of `text` in their title or abstract (stemmed; user syntax is only
   * words): `words`, every word, the last also as a prefix; `phrase`, all of them in order,
   * side by side. Best first (a title match weighs ten times an abstract's), at most `limit`.
   */
  findPaperText(text: string, mode: 'words' | 'phrase', limit: number): Promise<PaperHit[]>;
  /** Papers by their match keys (`doi:…`, `arxiv:…`, `openalex:W…`; see paper-key.ts), by id. */
  findPapersByKey(keys: string[], limit: number): Promise<PaperHit[]>;
  /** Repositories whose id contains `text` (case-folded), by id, at most `limit`. */
  findRepositories(text: string, limit: number): Promise<Repository[]>;
}

/** The port: every side, as each adapter implements it. */
export interface GraphStore extends IngestSide, ExportSide, ReadSide {
  close(): Promise<void>;
}

/** A topic search found. */
export interface TopicHit {
  id: string;
  label: string;
  df: number;
}

/** Which topics `findTopics` looks for. */
export type TopicMatch =
  | { kind: 'named'; ids: string[] }
  | {
      kind: 'labelEndsWith' | 'labelStartsWith' | 'idStartsWith' | 'labelHasWordStartingWith';
      text: string;
    };

/** A paper full-text search found. */
export type PaperHit = PaperSummary;

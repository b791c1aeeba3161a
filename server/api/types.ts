/**
 * The JSON shapes of the HTTP API. The web app imports these as types only, so the two sides
 * cannot drift apart silently. Graphs are graphology-serialisable (`graph.import(json)`).
 */
import type {
  Cluster,
  PaperDetail,
  RepositoryDetail,
  SearchHit,
  StoreStats,
  TopicDetail,
} from '../store/graph-store.ts';

export type { PaperSummary, RelatedPaper, SearchHit, SearchKind } from '../store/graph-store.ts';
export type { RepositoryKind } from '../store/model.ts';
import type { PaperMapEdge, PaperMapNode } from '../store/paper-map.ts';

export interface HealthResponse {
  status: 'ok';
  store: string;
}

export type StatsResponse = StoreStats;

export interface TopicNodeAttributes {
  label: string;
  /** Number of papers mentioning the topic. */
  papers: number;
  cluster: number;
  x: number;
  y: number;
  /** Overlays for the colour modes: mean publication year (absent when no paper is dated)… */
  year?: number;
  /** …share (0–1) of its papers with released code, and repositories its papers link to. */
  codeShare: number;
  repositories: number;
}

export interface CoOccurrenceEdgeAttributes {
  /** Number of papers mentioning both topics. */
  papers: number;
  strength: number;
}

export type ClusterSummary = Cluster;

/** `GET /api/topic-map`: a graphology SerializedGraph plus the clusters drawn in it. */
export interface TopicMapResponse {
  attributes: { clusters: ClusterSummary[] };
  options: { type: 'undirected'; multi: false; allowSelfLoops: false };
  nodes: { key: string; attributes: TopicNodeAttributes }[];
  edges: { key: string; source: string; target: string; attributes: CoOccurrenceEdgeAttributes }[];
}

/** A paper on the paper map (see server/store/paper-map.ts); its title is its label. */
export type PaperNodeAttributes = Omit<PaperMapNode, 'id' | 'title'> & { label: string };

/** Two related papers: how related, and the topics they share (at most three labels). */
export type RelatedEdgeAttributes = Omit<PaperMapEdge, 'source' | 'target'>;

/** `GET /api/paper-map`: papers linked to their most related papers, graphology-serialised. */
export interface PaperMapResponse {
  options: { type: 'undirected'; multi: false; allowSelfLoops: false };
  nodes: { key: string; attributes: PaperNodeAttributes }[];
  edges: { key: string; source: string; target: string; attributes: RelatedEdgeAttributes }[];
}

export type PaperTopic = PaperDetail['topics'][number];
export type PaperRepository = PaperDetail['repositories'][number];

/** `GET /api/papers/:id` */
export type PaperDetailResponse = PaperDetail;
/** A paper as `GET /api/papers/:id` gives it. */
export type PaperRecord = PaperDetail['paper'];

/** `GET /api/topics/:id` */
export type TopicDetailResponse = TopicDetail;

/** `GET /api/repositories/:id` */
export type RepositoryDetailResponse = RepositoryDetail;

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

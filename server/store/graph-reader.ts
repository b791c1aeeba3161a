/**
 * What the API reads: the read side of a `GraphStore`, and the paper map built from it. The
 * server reads through worker threads (read-threads.ts), so that no read holds its event loop;
 * `inThreadReader` reads in the calling thread, for tests and tools over a store in memory.
 */
import type {
  GraphStore,
  ReadSide,
  MapState,
  PaperDetail,
  RepositoryDetail,
  SearchHit,
  StoreStats,
  TopicDetail,
  TopicMap,
  TopicMapQuery,
} from './graph-store.ts';
import { buildPaperMap, type PaperMap } from './paper-map.ts';
import { searchGraph } from './search.ts';

export interface PaperMapQuery {
  /** Papers drawn. */
  limit: number;
  /** Related papers linked per paper. */
  links: number;
}

export interface GraphReader {
  readonly kind: GraphStore['kind'];
  mapState(): Promise<MapState>;
  stats(): Promise<StoreStats>;
  topicMap(query: TopicMapQuery): Promise<TopicMap>;
  paperMap(query: PaperMapQuery): Promise<PaperMap>;
  paper(id: string, relatedLimit: number): Promise<PaperDetail | undefined>;
  topic(id: string, limit: number): Promise<TopicDetail | undefined>;
  repository(id: string): Promise<RepositoryDetail | undefined>;
  search(query: string, limit: number): Promise<SearchHit[]>;
}

/** The names of a reader's reads, as a worker thread is asked for them. */
export const READS = [
  'mapState',
  'stats',
  'topicMap',
  'paperMap',
  'paper',
  'topic',
  'repository',
  'search',
] as const satisfies readonly (keyof GraphReader)[];
export type ReadName = (typeof READS)[number];

/** Reads `store` in the calling thread. */
export function inThreadReader(store: ReadSide): GraphReader {
  return {
    kind: store.kind,
    mapState: () => store.mapState(),
    stats: () => store.stats(),
    topicMap: (query) => store.topicMap(query),
    paperMap: async ({ limit, links }) =>
      buildPaperMap(await store.paperMapInput({ limit }), links),
    paper: (id, relatedLimit) => store.paper(id, relatedLimit),
    topic: (id, limit) => store.topic(id, limit),
    repository: (id) => store.repository(id),
    search: (query, limit) => searchGraph(store, query, limit),
  };
}

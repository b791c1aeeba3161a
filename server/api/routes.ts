/**
 * The JSON API under `/api`. Every parameter is validated by a JSON schema (bad ones give 400
 * with a message), every limit is capped, and unknown ids give 404. Routes only talk to a
 * `GraphReader` (the store's reads, in worker threads in the server); they never see SQL or
 * Cypher.
 */
import type { FastifyInstance } from 'fastify';
import type { GraphReader } from '../store/graph-reader.ts';
import { NotFoundError } from './errors.ts';
import { createMapCache, DEFAULT_MAP_CACHE_ENTRIES } from './map-cache.ts';
import type {
  HealthResponse,
  PaperDetailResponse,
  PaperMapResponse,
  RepositoryDetailResponse,
  SearchResponse,
  StatsResponse,
  TopicDetailResponse,
  TopicMapResponse,
} from './types.ts';

export const LIMITS = {
  topicMap: { default: 500, max: 2_000 },
  edges: { default: 4_000, max: 20_000 },
  search: { default: 12, max: 50 },
  related: { default: 10, max: 50 },
  topicPapers: { default: 100, max: 500 },
  paperMap: { default: 1_000, max: 3_000 },
  linksPerPaper: { default: 5, max: 20 },
} as const;

const limit = (spec: { default: number; max: number }) =>
  ({ type: 'integer', minimum: 1, maximum: spec.max, default: spec.default }) as const;

const idParams = {
  type: 'object',
  required: ['id'],
  properties: { id: { type: 'string', minLength: 1, maxLength: 500 } },
} as const;

/**
 * Ajv coerces "Infinity" and "1e309" to Infinity, which passes `type: integer`, and then
 * checks `minimum`/`maximum` only on finite numbers: `limit=Infinity` went through every cap
 * (a 5.8 s paper map) or failed deep in a store (500). Whatever the schema, a number that
 * reaches a handler is finite.
 */
class NotFiniteError extends Error {
  override readonly name = 'NotFiniteError';
  readonly statusCode = 400;
}

function refuseNonFinite(part: string, values: unknown): void {
  if (typeof values !== 'object' || values === null) return;
  for (const [name, value] of Object.entries(values)) {
    if (typeof value === 'number' && !Number.isFinite(value)) {
      throw new NotFiniteError(`${part}/${name} must be a finite number`);
    }
  }
}

export function registerApiRoutes(
  app: FastifyInstance,
  store: GraphReader,
  { cacheMaps = true }: { cacheMaps?: boolean } = {},
): void {
  const maps = createMapCache(store, cacheMaps ? DEFAULT_MAP_CACHE_ENTRIES : 0);

  app.addHook('preHandler', async (request) => {
    refuseNonFinite('querystring', request.query);
    refuseNonFinite('params', request.params);
  });

  app.get('/api/health', async (): Promise<HealthResponse> => {
    // The store answers: its smallest read (counting 80,000 papers took 45 ms).
    await store.mapState();
    return { status: 'ok', store: store.kind };
  });

  app.get('/api/stats', async (): Promise<StatsResponse> => store.stats());

  app.get<{
    Querystring: { limit: number; minPapers: number; cluster?: number; maxEdges: number };
  }>(
    '/api/topic-map',
    {
      schema: {
        querystring: {
          type: 'object',
          additionalProperties: false,
          properties: {
            limit: limit(LIMITS.topicMap),
            maxEdges: limit(LIMITS.edges),
            minPapers: { type: 'integer', minimum: 1, maximum: 1_000_000, default: 1 },
            cluster: { type: 'integer', minimum: 0, maximum: 1_000_000 },
          },
        },
      },
    },
    async (request, reply) =>
      maps.send(request, reply, 'topic-map', async (): Promise<TopicMapResponse> => {
        const map = await store.topicMap(request.query);
        return {
          attributes: { clusters: map.clusters },
          options: { type: 'undirected', multi: false, allowSelfLoops: false },
          nodes: map.topics.map((topic) => ({
            key: topic.id,
            attributes: {
              label: topic.label,
              paperCount: topic.df,
              weight: topic.keyDf,
              cluster: topic.cluster,
              x: topic.x,
              y: topic.y,
              ...(topic.year === undefined ? {} : { year: topic.year }),
              codeShare: topic.codeShare ?? 0,
              repositoryCount: topic.repositoryCount ?? 0,
            },
          })),
          edges: map.edges.map((edge) => ({
            key: `${edge.source}->${edge.target}`,
            source: edge.source,
            target: edge.target,
            attributes: { paperCount: edge.paperCount, strength: edge.strength },
          })),
        };
      }),
  );

  app.get<{ Querystring: { limit: number; links: number } }>(
    '/api/paper-map',
    {
      schema: {
        querystring: {
          type: 'object',
          additionalProperties: false,
          properties: { limit: limit(LIMITS.paperMap), links: limit(LIMITS.linksPerPaper) },
        },
      },
    },
    async (request, reply) =>
      maps.send(request, reply, 'paper-map', async (): Promise<PaperMapResponse> => {
        const map = await store.paperMap({
          limit: request.query.limit,
          links: request.query.links,
        });
        return {
          options: { type: 'undirected', multi: false, allowSelfLoops: false },
          nodes: map.nodes.map(({ id, title, ...attributes }) => ({
            key: id,
            attributes: { label: title, ...attributes },
          })),
          edges: map.edges.map(({ source, target, ...attributes }) => ({
            key: `${source}->${target}`,
            source,
            target,
            attributes,
          })),
        };
      }),
  );

  app.get<{ Params: { id: string }; Querystring: { related: number } }>(
    '/api/papers/:id',
    {
      schema: {
        params: idParams,
        querystring: { type: 'object', properties: { related: limit(LIMITS.related) } },
      },
    },
    async (request): Promise<PaperDetailResponse> => {
      const detail = await store.paper(request.params.id, request.query.related);
      if (!detail) throw new NotFoundError(`no paper with id "${request.params.id}"`);
      return detail;
    },
  );

  app.get<{ Params: { id: string }; Querystring: { limit: number } }>(
    '/api/topics/:id',
    {
      schema: {
        params: idParams,
        querystring: { type: 'object', properties: { limit: limit(LIMITS.topicPapers) } },
      },
    },
    async (request): Promise<TopicDetailResponse> => {
      const detail = await store.topic(request.params.id, request.query.limit);
      if (!detail) throw new NotFoundError(`no topic with id "${request.params.id}"`);
      // The store's `df` is the contract's `paperCount`.
      const { df, ...topic } = detail.topic;
      return { ...detail, topic: { ...topic, paperCount: df } };
    },
  );

  app.get<{ Params: { id: string } }>(
    '/api/repositories/:id',
    { schema: { params: idParams } },
    async (request): Promise<RepositoryDetailResponse> => {
      // Repository ids are lower-case by definition: GitHub.com/Py-Why/DoWhy is the same one.
      const detail = await store.repository(request.params.id.toLowerCase());
      if (!detail) throw new NotFoundError(`no repository with id "${request.params.id}"`);
      return detail;
    },
  );

  app.get<{ Querystring: { q: string; limit: number } }>(
    '/api/search',
    {
      schema: {
        querystring: {
          type: 'object',
          required: ['q'],
          properties: {
            // No control characters: SQLite's full-text query stops at a NUL ("x%00y" searched
            // "x", "%00" matched everything).
            q: {
              type: 'string',
              minLength: 1,
              maxLength: 200,
              pattern: '^[^\\u0000-\\u001f\\u007f]*$',
            },
            limit: limit(LIMITS.search),
          },
        },
      },
    },
    async (request): Promise<SearchResponse> => {
      const query = request.query.q.trim();
      const results = query ? await store.search(query, request.query.limit) : [];
      return { query, results };
    },
  );
}

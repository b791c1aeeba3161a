// The HTTP API through Fastify's inject, over a real SQLite store built from the samples.
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../server/app.ts';
import type {
  PaperDetailResponse,
  PaperMapResponse,
  RepositoryDetailResponse,
  SearchResponse,
  StatsResponse,
  TopicDetailResponse,
  TopicMapResponse,
} from '../server/api/types.ts';
import { ingest } from '../ingest/pipeline.ts';
import { createSqliteStore } from '../server/store/sqlite/sqlite-store.ts';
import { createSampleStore, type SampleStore } from './support/sample-store.ts';
import { FIXTURE, FIXTURE_ANALYSIS } from './store-contract.ts';
import { withMethod } from './support/store-proxy.ts';

let sample: SampleStore;
let app: FastifyInstance;

async function get<T>(url: string, status = 200): Promise<T> {
  const response = await app.inject({ method: 'GET', url });
  expect(response.statusCode, `${url}: ${response.body}`).toBe(status);
  expect(response.headers['content-type']).toMatch(/^application\/json/);
  return response.json<T>();
}

beforeAll(async () => {
  sample = await createSampleStore();
  app = await buildApp({ store: sample.store });
});
afterAll(async () => {
  await app.close();
  await sample.dispose();
});

describe('GET /api/health and /api/stats', () => {
  it('reports health and the numbers of the graph', async () => {
    expect(await get('/api/health')).toEqual({ status: 'ok', store: 'embedded' });
    const stats = await get<StatsResponse>('/api/stats');
    expect(stats).toMatchObject({ paperCount: 176 });
    expect(stats.topicCount).toBeGreaterThan(100);
    expect(stats.repositoryCount).toBeGreaterThan(30);
  });
});

describe('GET /api/topic-map', () => {
  it('returns a graphology graph of positioned topics and their links', async () => {
    const map = await get<TopicMapResponse>('/api/topic-map?limit=60');
    expect(map.nodes.length).toBe(60);
    const keys = new Set(map.nodes.map((n) => n.key));
    expect(map.edges.length).toBeGreaterThan(0);
    expect(map.edges.every((e) => keys.has(e.source) && keys.has(e.target))).toBe(true);
    // The map's weightiest first: the topics most papers name a key term.
    const { topics } = await sample.store.readTopicMentions({ minPapers: 1, limit: 100_000 });
    const weight = new Map(topics.map((topic) => [topic.id, topic.keyDf]));
    const weights = map.nodes.map((n) => weight.get(n.key));
    expect(weights).toEqual([...weights].sort((a, b) => b! - a!));
    expect(map.nodes.every((n) => n.attributes.paperCount >= weight.get(n.key)!)).toBe(true);
    expect(map.attributes.clusters.length).toBeGreaterThan(1);
  });

  it('serves the overlays of every topic and cluster for the colour modes', async () => {
    const map = await get<TopicMapResponse>('/api/topic-map?limit=60');
    for (const { attributes } of map.nodes) {
      expect(attributes.codeShare).toBeGreaterThanOrEqual(0);
      expect(attributes.codeShare).toBeLessThanOrEqual(1);
      expect(Number.isInteger(attributes.repositoryCount)).toBe(true);
    }
    expect(map.nodes.some((n) => n.attributes.year !== undefined)).toBe(true);
    expect(map.nodes.some((n) => n.attributes.codeShare > 0)).toBe(true);
    for (const cluster of map.attributes.clusters) {
      expect(cluster).toMatchObject({
        label: expect.stringContaining(' · '),
        paperCount: expect.any(Number),
        codeShare: expect.any(Number),
        repositoryCount: expect.any(Number),
      });
    }
  });

  it('filters by cluster and minimum papers', async () => {
    const map = await get<TopicMapResponse>('/api/topic-map?cluster=0&minPapers=3');
    expect(map.nodes.length).toBeGreaterThan(0);
    expect(map.nodes.every((n) => n.attributes.cluster === 0 && n.attributes.paperCount >= 3)).toBe(
      true,
    );
  });

  it('names an unknown parameter', async () => {
    expect(await get('/api/topic-map?color=red', 400)).toMatchObject({
      message: 'unknown query parameter "color"',
    });
  });

  it('refuses bad or uncapped parameters with a message', async () => {
    for (const query of [
      'limit=abc',
      'limit=0',
      'limit=100000',
      'cluster=-1',
      'maxEdges=1e9',
      'color=red',
    ]) {
      const body = await get<{ message: string }>(`/api/topic-map?${query}`, 400);
      expect(body.message.length).toBeGreaterThan(5);
    }
  });
});

describe('numeric parameters', () => {
  // Ajv coerces these to ±Infinity, which its minimum and maximum let through.
  it('refuses Infinity, -Infinity and 1e309 for every number of every route, with a 400', async () => {
    const numbers: Record<string, string[]> = {
      '/api/topic-map': ['limit', 'maxEdges', 'minPapers', 'cluster'],
      '/api/paper-map': ['limit', 'links'],
      '/api/search?q=causal': ['limit'],
      '/api/topics/causal%20inference': ['limit'],
      '/api/papers/x': ['related'],
    };
    for (const [route, names] of Object.entries(numbers)) {
      for (const name of names) {
        for (const value of ['Infinity', '-Infinity', '1e309']) {
          const url = `${route}${route.includes('?') ? '&' : '?'}${name}=${value}`;
          expect(await get(url, 400), url).toMatchObject({
            message: `querystring/${name} must be a finite number`,
          });
        }
      }
    }
  });
});

describe('GET /api/paper-map', () => {
  it('links papers to their most related papers, placed and coloured by their topics', async () => {
    const stats = await get<StatsResponse>('/api/stats');
    const map = await get<PaperMapResponse>('/api/paper-map?links=3');
    expect(map.nodes.length).toBeGreaterThan(0.8 * stats.paperCount);
    expect(map.nodes.length).toBeLessThanOrEqual(stats.paperCount);
    const clusters = (await get<TopicMapResponse>('/api/topic-map')).attributes.clusters;
    const ids = new Set(map.nodes.map((n) => n.key));
    for (const { attributes } of map.nodes) {
      expect(Number.isFinite(attributes.x) && Number.isFinite(attributes.y)).toBe(true);
      expect(attributes.cluster === -1 || clusters.some((c) => c.id === attributes.cluster)).toBe(
        true,
      );
    }
    for (const edge of map.edges) {
      expect(ids.has(edge.source) && ids.has(edge.target)).toBe(true);
      expect(edge.attributes.shared.length).toBeLessThanOrEqual(3);
      expect(edge.attributes.strength).toBeGreaterThan(0);
    }
    // Linked by the similarity of their texts: most links share a topic too.
    const explained = map.edges.filter((edge) => edge.attributes.shared.length > 0).length;
    expect(explained).toBeGreaterThan(map.edges.length / 3);
    // Each paper keeps its three strongest links (and may be the strongest of others).
    expect(map.edges.length).toBeLessThanOrEqual(3 * map.nodes.length);
    // The edge to a paper's best related paper is on the map, as strong, with the same topics.
    const paper = map.nodes.find((n) => n.attributes.linkCount > 0)!;
    const detail = await get<PaperDetailResponse>(`/api/papers/${encodeURIComponent(paper.key)}`);
    const best = detail.related[0]!;
    const edge = map.edges.find(
      (e) => [e.source, e.target].sort().join() === [paper.key, best.id].sort().join(),
    );
    expect(edge?.attributes.strength).toBe(Math.round(best.score * 1000) / 1000);
    expect(edge?.attributes.shared).toEqual(best.shared.slice(0, 3).map((topic) => topic.label));
  });

  it('caps its parameters', async () => {
    expect(
      (await get<PaperMapResponse>('/api/paper-map?limit=5')).nodes.length,
    ).toBeLessThanOrEqual(5);
    for (const query of ['limit=0', 'limit=100000', 'links=50', 'x=1']) {
      await get(`/api/paper-map?${query}`, 400);
    }
  });
});

describe('papers, topics and repositories', () => {
  it('details a paper with topics, repositories and related papers with reasons', async () => {
    const search = await get<SearchResponse>('/api/search?q=Think-at-Hard');
    const hit = search.results.find((r) => r.kind === 'paper');
    expect(hit?.label).toMatch(/^Think-at-Hard/);
    const detail = await get<PaperDetailResponse>(`/api/papers/${encodeURIComponent(hit!.id)}`);
    expect(detail.paper.organization).toBe('Tsinghua-NICS-EFC');
    expect(detail.repositories.map((r) => r.url)).toEqual(['https://github.com/thu-nics/TaH']);
  });

  it('ranks related papers by what their texts share, and says what', async () => {
    const search = await get<SearchResponse>(
      `/api/search?q=${encodeURIComponent('Infer Causation from Correlation')}`,
    );
    const corr2cause = search.results.find((r) => r.kind === 'paper')!;
    expect(corr2cause.label).toBe('Can Large Language Models Infer Causation from Correlation?');
    const url = `/api/papers/${encodeURIComponent(corr2cause.id)}`;
    const detail = await get<PaperDetailResponse>(url);
    // CLadder (causal reasoning benchmark for language models) is the closest paper.
    expect(detail.related[0]?.title).toBe('CLadder: Assessing Causal Reasoning in Language Models');
    expect(detail.related).toHaveLength(10);
    for (const related of detail.related) {
      expect(related.shared.length + related.phrases.length).toBeGreaterThan(0);
      expect(related.id).not.toBe(corr2cause.id);
    }
    const scores = detail.related.map((r) => r.score);
    expect(scores).toEqual([...scores].sort((a, b) => b - a));
    const few = await get<PaperDetailResponse>(`${url}?related=2`);
    expect(few.related).toEqual(detail.related.slice(0, 2));
  });

  it('details a topic with its papers and co-occurring topics', async () => {
    const map = await get<TopicMapResponse>('/api/topic-map?limit=1');
    const top = map.nodes[0]!;
    const detail = await get<TopicDetailResponse>(`/api/topics/${encodeURIComponent(top.key)}`);
    expect(detail.topic.label).toBe(top.attributes.label);
    expect(detail.papers.length).toBe(Math.min(top.attributes.paperCount, 100));
    expect(detail.coOccurring.length).toBeGreaterThan(0);
    // Papers per year: oldest first, adding up to the dated papers among all of its papers.
    const years = detail.years.map((y) => y.year);
    expect(years).toEqual([...years].sort((a, b) => a - b));
    const dated = detail.papers.filter((p) => p.published !== undefined).length;
    expect(detail.years.reduce((sum, y) => sum + y.paperCount, 0)).toBe(dated);
  });

  it('details a repository, its id containing slashes', async () => {
    const detail = await get<RepositoryDetailResponse>(
      `/api/repositories/${encodeURIComponent('GitHub.com/thu-nics/TaH')}`,
    );
    expect(detail.repository).toMatchObject({ owner: 'thu-nics', name: 'TaH', kind: 'code' });
    expect(detail.papers.map((p) => p.title)).toEqual([
      'Think-at-Hard: Selective Latent Iterations to Improve Reasoning Language Models',
    ]);
  });

  it('answers 404 with a message for unknown ids and routes', async () => {
    expect(await get('/api/papers/nope', 404)).toMatchObject({
      message: 'no paper with id "nope"',
    });
    expect(await get('/api/topics/nope', 404)).toMatchObject({ statusCode: 404 });
    expect(await get('/api/repositories/nope', 404)).toMatchObject({ statusCode: 404 });
    expect(await get('/api/nothing-here', 404)).toMatchObject({ statusCode: 404 });
    expect(await get('/api/papers/%E0%A4%A', 400)).toEqual({
      statusCode: 400,
      error: 'Bad Request',
      message: expect.stringContaining('/api/papers/%E0%A4%A'),
    });
    expect(await get(`/api/papers/${'x'.repeat(600)}`, 414)).toMatchObject({ statusCode: 414 });
  });
});

describe('GET /api/search', () => {
  it('finds topics, papers and repositories', async () => {
    const { results } = await get<SearchResponse>('/api/search?q=counterfactual');
    expect(
      results.some((r) => r.kind === 'topic' && r.label.toLowerCase().includes('counterfactual')),
    ).toBe(true);
    expect(results.some((r) => r.kind === 'paper')).toBe(true);
    const repos = await get<SearchResponse>('/api/search?q=dowhy');
    expect(
      repos.results.some((r) => r.kind === 'repository' && r.id === 'github.com/py-why/dowhy'),
    ).toBe(true);
  });

  it('finds a paper by its arXiv id or DOI, and gives its categories', async () => {
    const store = createSqliteStore(':memory:');
    await ingest(['ingest/sources/fixtures/arxiv/arxiv_api_atom_current.xml'], store);
    const arxivApp = await buildApp({ store });
    try {
      const search = async (q: string) => {
        const response = await arxivApp.inject({
          method: 'GET',
          url: `/api/search?q=${encodeURIComponent(q)}`,
        });
        return (response.json() as SearchResponse).results.filter((r) => r.kind === 'paper');
      };
      for (const query of [
        'arXiv:2202.12139v1',
        'https://arxiv.org/abs/2202.12139',
        '10.1109/ICSTW55395.2022.00035',
      ]) {
        expect((await search(query))[0]).toMatchObject({
          id: '2202.12139',
          label:
            'Testing Deep Learning Models: A First Comparative Study of Multiple Testing Techniques',
        });
      }
      const detail = await arxivApp.inject({ method: 'GET', url: '/api/papers/2202.12139' });
      expect((detail.json() as PaperDetailResponse).paper.categories).toEqual(['cs.SE', 'cs.LG']);
    } finally {
      await arxivApp.close();
      await store.close();
    }
  });

  it('finds the topic an acronym stands for first', async () => {
    for (const [acronym, topic] of [
      ['LLM', 'large language model (LLM)'],
      ['ssm', 'state space model (SSM)'],
    ]) {
      const { results } = await get<SearchResponse>(`/api/search?q=${acronym}`);
      expect(results.find((r) => r.kind === 'topic')?.label).toBe(topic);
    }
  });

  it('caps and validates its parameters', async () => {
    await get('/api/search', 400);
    await get(`/api/search?q=${'a'.repeat(201)}`, 400);
    await get('/api/search?q=causal&limit=51', 400);
    // Control characters: the full-text query stopped at a NUL, and "%00" matched everything.
    await get('/api/search?q=%00', 400);
    await get('/api/search?q=cladder%00zzz', 400);
    await get('/api/search?q=causal%09inference', 400);
    const { results } = await get<SearchResponse>('/api/search?q=causal&limit=3');
    expect(results.filter((r) => r.kind === 'topic').length).toBeLessThanOrEqual(3);
    const hostile = await get<SearchResponse>(
      `/api/search?q=${encodeURIComponent('"; DROP TABLE papers; -- *')}`,
    );
    expect(hostile.query).toBe('"; DROP TABLE papers; -- *');
    expect((await get<StatsResponse>('/api/stats')).paperCount).toBe(176);
  });
});

describe('server errors', () => {
  it('hides internals behind a 500', async () => {
    const broken = createSqliteStore(':memory:');
    await broken.close();
    const brokenApp = await buildApp({ store: broken });
    const response = await brokenApp.inject({ method: 'GET', url: '/api/stats' });
    expect(response.statusCode).toBe(500);
    expect(response.json()).toEqual({
      statusCode: 500,
      error: 'Internal Server Error',
      message: 'Something went wrong on the server; see its log.',
    });
    await brokenApp.close();
  });
});

describe('the maps, cached until the store changes', () => {
  it('answer with an ETag, and 304 without a body to a client that holds it', async () => {
    for (const url of ['/api/topic-map?limit=200', '/api/paper-map?limit=100']) {
      const first = await app.inject({ method: 'GET', url });
      const etag = first.headers.etag as string;
      expect(etag).toMatch(/^"[\w-]{20}"$/);
      expect(first.headers['cache-control']).toBe('no-cache');
      const again = await app.inject({ method: 'GET', url, headers: { 'if-none-match': etag } });
      expect(again.statusCode).toBe(304);
      expect(again.body).toBe('');
      const weak = await app.inject({
        method: 'GET',
        url,
        headers: { 'if-none-match': `W/${etag}` },
      });
      expect(weak.statusCode).toBe(304);
      // Other parameters, another answer and another tag.
      const other = await app.inject({
        method: 'GET',
        url: `${url}0`,
        headers: { 'if-none-match': etag },
      });
      expect(other.statusCode).toBe(200);
      expect(other.headers.etag).not.toBe(etag);
    }
  });

  it('compress with brotli or gzip as the client accepts, to the same JSON', async () => {
    const url = '/api/topic-map?limit=500';
    const plain = await app.inject({ method: 'GET', url });
    expect(plain.headers['content-encoding']).toBeUndefined();
    const brotli = await app.inject({
      method: 'GET',
      url,
      headers: { 'accept-encoding': 'gzip, deflate, br' },
    });
    expect(brotli.headers['content-encoding']).toBe('br');
    expect(brotliDecompressSync(brotli.rawPayload).toString()).toBe(plain.body);
    expect(brotli.rawPayload.length).toBeLessThan(plain.rawPayload.length / 3);
    const gzipped = await app.inject({
      method: 'GET',
      url,
      headers: { 'accept-encoding': 'gzip' },
    });
    expect(gzipped.headers['content-encoding']).toBe('gzip');
    expect(gunzipSync(gzipped.rawPayload).toString()).toBe(plain.body);
    expect(plain.headers.vary).toBe('Accept-Encoding');
  });

  it('computes each answer once, however many ask at once, and again after a write', async () => {
    const store = createSqliteStore(':memory:');
    await store.writePapers(FIXTURE);
    await store.refreshTopics();
    await store.writeAnalysis(FIXTURE_ANALYSIS);
    let computed = 0;
    const counting = withMethod(store, 'topicMap', async (query) => {
      computed += 1;
      return store.topicMap(query);
    });
    const countingApp = await buildApp({ store: counting });
    try {
      const url = '/api/topic-map?minPapers=1';
      const answers = await Promise.all(
        Array.from({ length: 10 }, () => countingApp.inject({ method: 'GET', url })),
      );
      expect(computed).toBe(1);
      expect(new Set(answers.map((answer) => answer.body)).size).toBe(1);
      const before = answers[0]!;
      expect(before.json<TopicMapResponse>().nodes).toHaveLength(4);

      // Another process's ingest writes papers: the next answer is computed from them.
      await store.writePapers([{ ...FIXTURE[0]!, paper: { ...FIXTURE[0]!.paper, id: 'p9' } }]);
      await store.refreshTopics();
      const after = await countingApp.inject({
        method: 'GET',
        url,
        headers: { 'if-none-match': before.headers.etag as string },
      });
      expect(after.statusCode).toBe(200);
      expect(computed).toBe(2);
      const papers = (body: string) =>
        (JSON.parse(body) as TopicMapResponse).nodes.find(
          (node) => node.key === 'causal inference',
        )!.attributes.paperCount;
      expect(papers(after.body)).toBe(papers(before.body) + 1);
    } finally {
      await countingApp.close();
      await store.close();
    }
  });
});

describe('pages beside the API', () => {
  let site: string;
  let pages: FastifyInstance;
  beforeAll(async () => {
    // A built app in miniature: its page and one asset.
    site = mkdtempSync(join(tmpdir(), 'topograph-site-'));
    writeFileSync(join(site, 'index.html'), '<!doctype html><title>Topograph</title>');
    mkdirSync(join(site, 'assets'));
    writeFileSync(join(site, 'assets', 'app.js'), 'console.log(1)');
    pages = await buildApp({ store: sample.store, webRoot: site });
  });
  afterAll(async () => {
    await pages.close();
    rmSync(site, { recursive: true, force: true });
  });

  it('serves the page for any page path, to GET and HEAD alike, with its policies', async () => {
    for (const method of ['GET', 'HEAD'] as const) {
      const response = await pages.inject({ method, url: '/topic/causal%20inference?view=papers' });
      expect(response.statusCode, method).toBe(200);
      expect(response.headers['content-type']).toMatch(/^text\/html/);
      expect(response.headers['content-security-policy']).toContain("form-action 'none'");
      expect(response.headers['content-security-policy']).toContain("frame-ancestors 'none'");
      expect(response.headers['permissions-policy']).toContain('camera=()');
    }
    expect((await pages.inject({ method: 'GET', url: '/assets/app.js' })).statusCode).toBe(200);
  });

  it('answers a JSON 404, not the page, for API paths in any case and missing assets', async () => {
    for (const url of ['/api', '/api/', '/API/health', '/Api/nothing', '/assets/gone.js']) {
      const response = await pages.inject({ method: 'GET', url });
      expect(response.statusCode, url).toBe(404);
      expect(response.headers['content-type'], url).toMatch(/^application\/json/);
    }
  });
});

// The Neo4j store. Offline, always: its configuration, and the message a user gets when Neo4j
// is not running (a real connection to a closed port, no stand-in). Against a real Neo4j 5.26
// whenever NEO4J_URI is set (.ci/run starts one with `npm run neo4j`): the GraphStore contract;
// the sample corpus ingested into Neo4j and copied into it with `npm run copy`, each answering
// every API read as the embedded store does; the README's Cypher queries returning the rows it
// shows; and the explorer in Chromium served from Neo4j. Those are tagged `neo4j` and counted
// at the end of every run (test/support/neo4j-reporter.ts). They share Neo4j's one database
// and empty it before each test (test/support/neo4j.ts refuses one holding a graph the suite
// did not write), so they all live in this file, whose tests run one after another.
import neo4j from 'neo4j-driver';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { copyStore } from '../ingest/copy-store.ts';
import { ingest } from '../ingest/pipeline.ts';
import type { PaperMapResponse, SearchResponse, TopicMapResponse } from '../server/api/types.ts';
import { buildApp } from '../server/app.ts';
import { StoreError, type GraphStore } from '../server/store/graph-store.ts';
import { createNeo4jStore, Neo4jStoreError } from '../server/store/neo4j/neo4j-store.ts';
import { createReadThreads } from '../server/store/read-threads.ts';
import {
  DEFAULT_NEO4J_PASSWORD,
  neo4jConfig,
  openStore,
  StoreConfigError,
} from '../server/store/open-store.ts';
import { describeGraphStoreContract, FIXTURE } from './store-contract.ts';
import { launchChromium, watchedPage } from './support/browser.ts';
import { openEmptyNeo4jStore, runTestQuery, TEST_QUERIES } from './support/neo4j.ts';
import { freePort } from './support/ports.ts';
import { NEO4J_TAG } from './support/neo4j-reporter.ts';
import { firstDifference, readEverything, SEARCHES } from './support/read-everything.ts';
import { readmeCell, readmeQueries } from './support/readme-cypher.ts';
import { createSampleStore, SAMPLES_DIR, type SampleStore } from './support/sample-store.ts';
import { WEB_ROOT } from './support/sample-server.ts';
import { explainMissingPapers } from './support/search-difference.ts';
// For the type of window.topographMap.
import '../web/src/views/map/map-probe.ts';
import { searchGraph } from '../server/store/search.ts';

describe('neo4j store: configuration and connection (offline)', () => {
  it('reads NEO4J_URI, NEO4J_USER and NEO4J_PASSWORD, defaulting to the local server', () => {
    expect(neo4jConfig({})).toEqual({
      uri: 'bolt://127.0.0.1:7687',
      user: 'neo4j',
      password: DEFAULT_NEO4J_PASSWORD,
    });
    expect(
      neo4jConfig({ NEO4J_URI: ' bolt://db:7687 ', NEO4J_USER: 'ana', NEO4J_PASSWORD: 'pw' }),
    ).toEqual({ uri: 'bolt://db:7687', user: 'ana', password: 'pw' });
    expect(() => neo4jConfig({ NEO4J_URI: 'http://localhost:7474', NEO4J_PASSWORD: 'x' })).toThrow(
      /NEO4J_URI must be a neo4j:\/\/ or bolt:\/\/ address/,
    );
  });

  it('refuses an unknown TOPOGRAPH_STORE before connecting', async () => {
    await expect(openStore({ TOPOGRAPH_STORE: 'postgres' })).rejects.toThrow(StoreConfigError);
  });

  it('says where it looked and how to start Neo4j when nothing answers', async () => {
    const uri = `bolt://127.0.0.1:${await freePort()}`;
    const opening = createNeo4jStore({ uri, user: 'neo4j', password: 'whatever-1' });
    await expect(opening).rejects.toThrow(Neo4jStoreError);
    // One class for every store's errors, so a caller catches one.
    await expect(opening).rejects.toThrow(StoreError);
    await expect(opening).rejects.toThrow(
      new RegExp(`cannot reach Neo4j at ${uri}.*npm run neo4j.*docker compose up -d neo4j`),
    );
  });
});

const uri = process.env.NEO4J_URI;
if (uri) {
  describe(`live Neo4j at ${uri}`, { tags: [NEO4J_TAG] }, () => {
    describeGraphStoreContract('neo4j', () => openEmptyNeo4jStore());
    // Topics are recounted a page at a time: the same answers with pages of two topics.
    describeGraphStoreContract('neo4j, topics recounted two at a time', () =>
      openEmptyNeo4jStore({ topicsPerRefresh: 2 }),
    );

    it('recounts every topic once in a store written before writes marked what they touched', async () => {
      const { store, dispose } = await openEmptyNeo4jStore({ topicsPerRefresh: 2 });
      try {
        await store.writePapers(FIXTURE);
        await runTestQuery(TEST_QUERIES.unmarkedStore);
        await store.refreshTopics();
        expect((await store.topic('causal inference', 10))?.topic.df).toBe(3);
        expect((await store.topic('optics', 10))?.topic.df).toBe(1);
        expect(await store.topic('orphan', 10)).toBeUndefined();
        expect((await store.stats()).topicCount).toBe(5);
      } finally {
        await dispose();
      }
    });

    it('refuses a wrong password, naming the user and the variables to check', async () => {
      const config = neo4jConfig(process.env);
      const opening = createNeo4jStore({ ...config, password: `${config.password}-wrong` });
      await expect(opening).rejects.toThrow(Neo4jStoreError);
      await expect(opening).rejects.toThrow(/refused user "neo4j".*NEO4J_PASSWORD/);
    });

    describe('the sample corpus', () => {
      let embedded: SampleStore;
      // Neo4j ranks full-text hits by Lucene's score, SQLite by bm25: the same papers, in
      // another order; the two databases also round the 6th decimal of a strength apart.
      const options = { paperSearchAsSet: true, roundStrengths: true };
      let expected: Awaited<ReturnType<typeof readEverything>>;

      beforeAll(async () => {
        embedded = await createSampleStore();
        expected = await readEverything(embedded.store, options);
      });
      afterAll(() => embedded?.dispose());

      /**
       * Neo4j's reads equal the embedded store's, but for the papers a search cannot find
       * inside a host name (test/support/search-difference.ts): those must be all that
       * differs, and the samples have exactly two ("github" in *.github.io addresses).
       */
      async function expectSameReads(store: GraphStore) {
        const actual = await readEverything(store, options);
        const differences: Record<string, string[]> = {};
        for (const query of SEARCHES) {
          const { insideHostNames, unexplained } = await explainMissingPapers(
            embedded.store,
            query,
            expected.searches[query]!,
            actual.searches[query]!,
          );
          expect(unexplained, `papers "${query}" finds only in SQLite`).toEqual([]);
          if (insideHostNames.length) differences[query] = insideHostNames;
        }
        expect(differences).toEqual({ github: [expect.any(String), expect.any(String)] });
        const found = (query: string) =>
          new Set(actual.searches[query]!.map((hit) => `${hit.kind}:${hit.id}`));
        const searches = Object.fromEntries(
          Object.entries(expected.searches).map(([query, hits]) => [
            query,
            differences[query]
              ? hits.filter((hit) => found(query).has(`${hit.kind}:${hit.id}`))
              : hits,
          ]),
        );
        const all = { ...expected, searches };
        expect(actual, firstDifference(actual, all)).toEqual(all);
      }

      it('ingests the samples and answers every API read as the embedded store', async () => {
        const { store, dispose } = await openEmptyNeo4jStore();
        try {
          const summary = await ingest([SAMPLES_DIR], store);
          expect(summary.paperCounts).toEqual(embedded.summary.paperCounts);
          await expectSameReads(store);
          // Ingesting the same files again changes nothing.
          const again = await ingest([SAMPLES_DIR], store);
          expect(again.paperCounts.new + again.paperCounts.updated).toBe(0);
        } finally {
          await dispose();
        }
      }, 300_000);

      describe('copied with npm run copy', () => {
        let neo4jStore: { store: GraphStore; dispose(): Promise<void> };

        beforeAll(async () => {
          neo4jStore = await openEmptyNeo4jStore();
          await copyStore(embedded.store, neo4jStore.store, { batchSize: 50 });
        }, 300_000);
        afterAll(() => neo4jStore?.dispose());

        it('answers every read as the embedded store', async () => {
          await expectSameReads(neo4jStore.store);
        }, 300_000);

        it('answers the API through read threads as in the server’s thread', async () => {
          const threads = await createReadThreads(
            { kind: 'neo4j', config: neo4jConfig(process.env) },
            2,
          );
          const threaded = await buildApp({ store: neo4jStore.store, reader: threads });
          const inThread = await buildApp({ store: neo4jStore.store });
          try {
            const urls = [
              '/api/topic-map?limit=100',
              '/api/paper-map?limit=100&links=3',
              '/api/search?q=causal',
              '/api/repositories/github.com%2Fpy-why%2Fdowhy',
            ];
            for (const url of urls) {
              const [a, b] = await Promise.all([threaded.inject(url), inThread.inject(url)]);
              expect(a.statusCode, url).toBe(200);
              expect(a.json(), url).toEqual(b.json());
            }
          } finally {
            await threaded.close();
            await inThread.close();
            await threads.close();
          }
        });

        it('finds, for a query ending in a stop word, every paper the embedded store finds', async () => {
          // Lucene's English analyzer indexes no "of": the last word is only a preference.
          for (const query of ['effects of', 'the role of', 'causal inference with']) {
            const papers = async (store: GraphStore) =>
              (await searchGraph(store, query, 1_000))
                .filter((hit) => hit.kind === 'paper')
                .map((hit) => hit.id);
            const expectedPapers = await papers(embedded.store);
            expect(expectedPapers.length, query).toBeGreaterThan(0);
            expect(await papers(neo4jStore.store), query).toEqual(
              expect.arrayContaining(expectedPapers),
            );
          }
        });

        it('answers the README’s Cypher queries with the rows the README shows', async () => {
          const queries = readmeQueries();
          expect(queries).toHaveLength(4);
          const config = neo4jConfig(process.env);
          const driver = neo4j.driver(config.uri, neo4j.auth.basic(config.user, config.password));
          try {
            for (const query of queries) {
              // Neo4j Browser sends `:param n => 0` as an Integer, as here.
              const parameters = Object.fromEntries(
                Object.entries(query.parameters).map(([name, value]) => [
                  name,
                  typeof value === 'number' ? neo4j.int(value) : value,
                ]),
              );
              const { records, keys } = await driver.executeQuery(query.cypher, parameters, {
                routing: neo4j.routing.READ,
              });
              expect(keys, query.cypher).toEqual(query.columns);
              expect(
                query.rows.length,
                `${query.cypher}: the README shows no rows`,
              ).toBeGreaterThan(0);
              const rows = records
                .slice(0, query.rows.length)
                .map((record) => keys.map((key) => readmeCell(record.get(key))));
              // Integers arrive as neo4j Integers; readmeCell writes them as numbers.
              expect(rows, query.cypher).toEqual(query.rows);
            }
          } finally {
            await driver.close();
          }
        });

        describe('the explorer in Chromium, served from Neo4j', () => {
          let browser: Browser;
          let page: Page;
          let url: string;
          let close: () => Promise<void>;
          const errors: string[] = [];
          const WAIT = { timeout: 15_000 } as const;

          beforeAll(async () => {
            const app = await buildApp({ store: neo4jStore.store, webRoot: WEB_ROOT });
            await app.listen({ host: '127.0.0.1', port: 0 });
            const address = app.server.address();
            if (!address || typeof address === 'string') throw new Error('no TCP address');
            url = `http://127.0.0.1:${address.port}`;
            close = () => app.close();
            browser = await launchChromium('store-neo4j.test (explorer)');
            page = await watchedPage(browser, { width: 1280, height: 800 }, errors);
          });
          afterAll(async () => {
            await browser?.close();
            await close?.();
          });

          const api = async <T>(path: string): Promise<T> => {
            const response = await fetch(`${url}${path}`);
            expect(response.ok, `${path} answered ${response.status}`).toBe(true);
            return (await response.json()) as T;
          };
          const panelTitle = () => page.locator('aside.side-panel h2').textContent();
          const search = () => page.getByRole('combobox', { name: /search/i });

          it('draws the topic map, finds and opens a topic, then a paper and its code', async () => {
            const map = await api<TopicMapResponse>('/api/topic-map');
            await page.goto(`${url}/`);
            await expect
              .poll(() => page.getByTestId('graph-map').getAttribute('aria-label'), WAIT)
              .toBe(`Topic map: ${map.nodes.length} topics, coloured by cluster`);

            // A topic, searched with the keyboard.
            const [topic] = (await api<SearchResponse>('/api/search?q=counterfactual')).results;
            expect(topic?.kind).toBe('topic');
            await search().fill('counterfactual');
            await expect
              .poll(
                () =>
                  page.locator('[role="option"]').first().locator('.search__label').textContent(),
                WAIT,
              )
              .toBe(topic!.label);
            await search().press('ArrowDown');
            await search().press('Enter');
            await expect.poll(panelTitle, WAIT).toBe(topic!.label);

            // A paper with a GitHub repository, searched by its title, and its safe link.
            const title =
              'Think-at-Hard: Selective Latent Iterations to Improve Reasoning Language Models';
            await search().fill('Think-at-Hard');
            await page
              .locator('[role="option"][data-kind="paper"]')
              .filter({ hasText: title })
              .click();
            await expect.poll(panelTitle, WAIT).toBe(title);
            const repository = page.locator(
              'aside.side-panel a[href="https://github.com/thu-nics/TaH"]',
            );
            await repository.first().waitFor(WAIT);
            expect(await repository.first().getAttribute('rel')).toContain('noopener');
            expect(errors).toEqual([]);
          });

          it('switches to the paper map, keeping the paper selected', async () => {
            const paperMap = await api<PaperMapResponse>('/api/paper-map');
            await page
              .getByRole('radiogroup', { name: 'View' })
              .getByRole('radio', { name: 'Papers' })
              .click();
            await expect
              .poll(() => page.getByTestId('graph-map').getAttribute('aria-label'), WAIT)
              .toBe(
                `Paper map: ${paperMap.nodes.length} papers, coloured by cluster of the main topic`,
              );
            await expect
              .poll(
                () => page.evaluate(() => new URLSearchParams(location.search).get('view')),
                WAIT,
              )
              .toBe('papers');
            // Every paper the API gives the map is drawn; the open paper stays open.
            const drawn = await page.evaluate(() => window.topographMap!.nodes());
            expect(new Set(drawn)).toEqual(new Set(paperMap.nodes.map((node) => node.key)));
            expect(await panelTitle()).toContain('Think-at-Hard');
            expect(errors).toEqual([]);
          });
        });
      });
    });
  });
}

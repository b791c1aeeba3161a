// The Neo4j store. Offline, always: its configuration, and the message a user gets when Neo4j
// is not running (a real connection to a closed port, no stand-in). Against a real Neo4j only
// when NEO4J_URI is set (CI's neo4j:5.26-community service container, or `docker compose up -d
// neo4j` with NEO4J_URI=neo4j://localhost:7687): the GraphStore contract, the sample corpus
// ingested into Neo4j, and `npm run copy` into Neo4j, each answering every API read as the
// embedded store does. Without NEO4J_URI those are not registered at all (nothing can stand in
// for a Neo4j server, and a skipped test would only look like coverage); the Cypher of every
// statement is still checked offline by neo4j-cypher.test.ts. The Neo4j tests empty the
// database at NEO4J_URI before each test (test/support/neo4j.ts refuses one holding a graph
// the suite did not write).
import { createServer } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { copyStore } from '../ingest/copy-store.ts';
import { ingest } from '../ingest/pipeline.ts';
import type { GraphStore } from '../server/store/graph-store.ts';
import { createNeo4jStore, Neo4jStoreError } from '../server/store/neo4j/neo4j-store.ts';
import { neo4jConfig, openStore, StoreConfigError } from '../server/store/open-store.ts';
import { describeGraphStoreContract } from './store-contract.ts';
import { openEmptyNeo4jStore } from './support/neo4j.ts';
import { readEverything } from './support/read-everything.ts';
import { createSampleStore, SAMPLES_DIR, type SampleStore } from './support/sample-store.ts';

/** A local port nothing listens on: bound by the OS, then released. */
async function closedPort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  await new Promise<void>((resolve) => server.close(() => resolve()));
  if (!address || typeof address === 'string') throw new Error('no TCP address');
  return address.port;
}

describe('neo4j store: configuration and connection (offline)', () => {
  it('reads NEO4J_URI, NEO4J_USER and NEO4J_PASSWORD, with defaults but for the password', () => {
    expect(neo4jConfig({ NEO4J_PASSWORD: 'secret-pass' })).toEqual({
      uri: 'neo4j://localhost:7687',
      user: 'neo4j',
      password: 'secret-pass',
    });
    expect(
      neo4jConfig({ NEO4J_URI: ' bolt://db:7687 ', NEO4J_USER: 'ana', NEO4J_PASSWORD: 'pw' }),
    ).toEqual({ uri: 'bolt://db:7687', user: 'ana', password: 'pw' });
    expect(() => neo4jConfig({})).toThrow(/needs NEO4J_PASSWORD/);
    expect(() => neo4jConfig({ NEO4J_URI: 'http://localhost:7474', NEO4J_PASSWORD: 'x' })).toThrow(
      /NEO4J_URI must be a neo4j:\/\/ or bolt:\/\/ address/,
    );
  });

  it('refuses an unknown TOPOGRAPH_STORE, and neo4j without a password, before connecting', async () => {
    await expect(openStore({ TOPOGRAPH_STORE: 'postgres' })).rejects.toThrow(StoreConfigError);
    await expect(openStore({ TOPOGRAPH_STORE: 'neo4j' })).rejects.toThrow(/NEO4J_PASSWORD/);
  });

  it('says where it looked and how to start Neo4j when nothing answers', async () => {
    const uri = `bolt://127.0.0.1:${await closedPort()}`;
    const opening = createNeo4jStore({ uri, user: 'neo4j', password: 'whatever-1' });
    await expect(opening).rejects.toThrow(Neo4jStoreError);
    await expect(opening).rejects.toThrow(
      new RegExp(`cannot reach Neo4j at ${uri}.*docker compose up -d neo4j`),
    );
  });
});

if (process.env.NEO4J_URI) {
  describeGraphStoreContract(`neo4j (${process.env.NEO4J_URI})`, openEmptyNeo4jStore);

  describe(`neo4j store on the sample corpus (${process.env.NEO4J_URI})`, () => {
    let embedded: SampleStore;
    let neo4j: { store: GraphStore; dispose(): Promise<void> } | undefined;
    // Neo4j ranks full-text hits by Lucene's score, SQLite by bm25: the same papers, in
    // another order; the two databases also round the 6th decimal of a strength apart.
    const options = { paperSearchAsSet: true, roundStrengths: true };
    let expected: Awaited<ReturnType<typeof readEverything>>;

    beforeAll(async () => {
      embedded = await createSampleStore();
      expected = await readEverything(embedded.store, options);
    });
    afterAll(async () => {
      await neo4j?.dispose();
      await embedded.dispose();
    });

    it('ingests the samples and answers every API read as the embedded store', async () => {
      neo4j = await openEmptyNeo4jStore();
      const summary = await ingest([SAMPLES_DIR], neo4j.store);
      expect(summary.papers).toEqual(embedded.summary.papers);
      expect(await readEverything(neo4j.store, options)).toEqual(expected);
      // Ingesting the same files again changes nothing.
      const again = await ingest([SAMPLES_DIR], neo4j.store);
      expect(again.papers.new + again.papers.updated).toBe(0);
      await neo4j.dispose();
      neo4j = undefined;
    }, 300_000);

    it('copies the embedded samples into Neo4j, answering every read the same', async () => {
      neo4j = await openEmptyNeo4jStore();
      await copyStore(embedded.store, neo4j.store, { batchSize: 50 });
      expect(await readEverything(neo4j.store, options)).toEqual(expected);
    }, 300_000);
  });
}

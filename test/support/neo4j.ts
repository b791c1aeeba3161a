/**
 * Test support for the Neo4j store, used only when `NEO4J_URI` is set (.ci/run starts a Neo4j
 * with `npm run neo4j`; `docker compose up -d neo4j` does too): opens the store on an emptied
 * database. The database is wiped before each test, so it refuses one that holds a graph it
 * did not write: a marker node says "this database belongs to the test suite".
 */
import neo4j from 'neo4j-driver';
import type { GraphStore } from '../../server/store/graph-store.ts';
import { createNeo4jStore, type Neo4jStoreOptions } from '../../server/store/neo4j/neo4j-store.ts';
import { neo4jConfig } from '../../server/store/open-store.ts';

/** The statements of this file; test/neo4j-cypher.test.ts lints them with the adapter's. */
export const TEST_QUERIES = {
  /** Nodes that are not the test suite's own: a real graph the suite must not wipe. */
  foreignNodes: `
    RETURN COUNT { (n) WHERE NOT n:TopographTestDatabase } AS nodes,
           EXISTS { (:TopographTestDatabase) } AS marked`,
  wipe: 'MATCH (n) DETACH DELETE n',
  mark: 'MERGE (:TopographTestDatabase {note: $note})',
  /**
   * A store as a Topograph before writes marked what they touched left it when an ingest
   * stopped before recounting: no flag, counts off, a topic nothing mentions.
   */
  unmarkedStore: `
    MATCH (s:StoreState {id: 'graph'})
    REMOVE s.marksStale
    WITH s
    MATCH (t:Topic)
    SET t.df = 0
    WITH count(t) AS topics
    CREATE (:Topic {id: 'orphan', label: 'orphan', df: 1, aliases: [], cluster: -1, x: 0.0,
                    y: 0.0})`,
} as const;

/** Runs one of `TEST_QUERIES` on the database at NEO4J_URI. */
export async function runTestQuery(statement: string): Promise<void> {
  const config = neo4jConfig(process.env);
  const driver = neo4j.driver(config.uri, neo4j.auth.basic(config.user, config.password));
  try {
    await driver.executeQuery(statement);
  } finally {
    await driver.close();
  }
}

const NOTE = 'Written by the Topograph test suite, which wipes this database before each test.';

/** Empties the database at NEO4J_URI (refusing a graph it did not write) and opens the store. */
export async function openEmptyNeo4jStore(options: Neo4jStoreOptions = {}): Promise<{
  store: GraphStore;
  dispose(): Promise<void>;
}> {
  const config = neo4jConfig(process.env);
  const driver = neo4j.driver(config.uri, neo4j.auth.basic(config.user, config.password), {
    disableLosslessIntegers: true,
  });
  try {
    // Fails at once when nothing answers (a query would be retried for 30 s first).
    await driver.verifyConnectivity();
    const { records } = await driver.executeQuery(TEST_QUERIES.foreignNodes);
    const nodes = Number(records[0]?.get('nodes') ?? 0);
    if (nodes > 0 && records[0]?.get('marked') !== true) {
      throw new Error(
        `test: NEO4J_URI=${config.uri} holds ${nodes} nodes the test suite did not write; ` +
          'the Neo4j tests wipe their database, so point NEO4J_URI at an empty one',
      );
    }
    await driver.executeQuery(TEST_QUERIES.wipe);
    await driver.executeQuery(TEST_QUERIES.mark, { note: NOTE });
  } finally {
    await driver.close();
  }
  const store = await createNeo4jStore(config, options);
  return { store, dispose: () => store.close() };
}

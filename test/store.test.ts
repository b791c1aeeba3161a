// Runs the GraphStore contract against every adapter: the embedded store on a real SQLite
// file in a temporary folder, always. (The Neo4j adapter runs it in store-neo4j.test.ts when
// NEO4J_URI is set.)
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { SCHEMA, SCHEMA_VERSION } from '../server/store/sqlite/schema.ts';
import { ADDED_IN_3, ADDED_IN_8 } from '../server/store/sqlite/upgrades.ts';
import { createSqliteStore } from '../server/store/sqlite/sqlite-store.ts';
import { describeGraphStoreContract, FIXTURE, FIXTURE_ANALYSIS } from './store-contract.ts';
import { searchGraph } from '../server/store/search.ts';

describeGraphStoreContract('embedded (SQLite file)', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'topograph-store-'));
  const store = createSqliteStore(join(dir, 'graph.db'));
  return {
    store,
    async dispose() {
      await store.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
});

describe('embedded store file versions', () => {
  let dir: string;
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'topograph-store-'));
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('upgrades a version 1 file: papers kept, search rebuilt', async () => {
    const path = join(dir, 'v1.db');
    // A version 1 file as that release wrote it: the paper id inside the search index.
    const db = new Database(path);
    db.exec(
      SCHEMA.replace(
        /CREATE VIRTUAL TABLE[^;]+;\s*CREATE TABLE IF NOT EXISTS paper_search_rows[^;]+;/,
        '',
      ),
    );
    db.exec(`CREATE VIRTUAL TABLE paper_search USING fts5(paper_id UNINDEXED, title, abstract);`);
    for (const { paper } of FIXTURE) {
      db.prepare(
        `INSERT INTO papers (id, title, abstract, authors, links, sources) VALUES (?, ?, ?, '[]', '[]', '[]')`,
      ).run(paper.id, paper.title, paper.abstract);
      db.prepare('INSERT INTO paper_search VALUES (?, ?, ?)').run(
        paper.id,
        paper.title,
        paper.abstract,
      );
    }
    db.pragma('user_version = 1');
    db.close();

    const store = createSqliteStore(path);
    try {
      const hits = await searchGraph(store, 'surgery', 10);
      expect(hits.filter((hit) => hit.kind === 'paper').map((hit) => hit.id)).toEqual(['p1']);
      expect((await store.stats()).paperCount).toBe(4);
    } finally {
      await store.close();
    }
    const reopened = new Database(path, { readonly: true });
    expect(reopened.pragma('user_version', { simple: true })).toBe(SCHEMA_VERSION);
    reopened.close();
  });

  it('upgrades a version 2 file: topics and clusters kept, overlays added', async () => {
    const path = join(dir, 'v2.db');
    // A version 2 file: today's tables without the overlay columns version 3 added.
    const db = new Database(path);
    db.exec(SCHEMA);
    for (const [table, columns] of Object.entries(ADDED_IN_3)) {
      for (const column of Object.keys(columns))
        db.exec(`ALTER TABLE ${table} DROP COLUMN ${column}`);
    }
    db.exec(`INSERT INTO topics (id, label, df, cluster, x, y) VALUES ('scm', 'SCM', 3, 0, 1, 2);
             INSERT INTO clusters (id, label, topics) VALUES (0, 'SCM', 1);`);
    db.pragma('user_version = 2');
    db.close();

    const store = createSqliteStore(path);
    try {
      const map = await store.topicMap({ limit: 10, minPapers: 1, maxEdges: 10 });
      expect(map.topics).toEqual([
        // An older file's every mention was a key term: its weight is its paper count.
        { id: 'scm', label: 'SCM', aliases: [], df: 3, keyDf: 3, cluster: 0, x: 1, y: 2 },
      ]);
      expect(map.clusters).toEqual([
        { id: 0, label: 'SCM', topicCount: 1, paperCount: 0, codeShare: 0, repositoryCount: 0 },
      ]);
      await store.writeAnalysis({
        version: 0,
        topics: [
          { id: 'scm', cluster: 0, x: 1, y: 2, year: 2024, codeShare: 1, repositoryCount: 2 },
        ],
        coOccurrences: [],
        clusters: [],
      });
      const [scm] = (await store.topicMap({ limit: 10, minPapers: 1, maxEdges: 10 })).topics;
      expect(scm).toMatchObject({ year: 2024, codeShare: 1, repositoryCount: 2 });
    } finally {
      await store.close();
    }
  });

  it('upgrades a version 3 file: papers and map kept, the map taken as current', async () => {
    const path = join(dir, 'v3.db');
    // A version 3 file: today's tables without store_state.
    const v3 = createSqliteStore(path);
    await v3.writePapers(FIXTURE);
    await v3.refreshTopics();
    await v3.writeAnalysis({ ...FIXTURE_ANALYSIS, version: 0 });
    await v3.close();
    const db = new Database(path);
    db.exec('DROP TABLE store_state');
    db.pragma('user_version = 3');
    db.close();

    const store = createSqliteStore(path);
    try {
      expect(await store.mapState()).toEqual({
        papersVersion: 0,
        mapVersion: 0,
        similarVersion: 0,
      });
      expect((await store.stats()).paperCount).toBe(4);
      expect((await store.topicMap({ limit: 10, minPapers: 1, maxEdges: 10 })).clusters).toEqual(
        FIXTURE_ANALYSIS.clusters,
      );
      await store.writePapers(FIXTURE.slice(0, 1));
      expect(await store.mapState()).toEqual({
        papersVersion: 1,
        mapVersion: 0,
        similarVersion: 0,
      });
    } finally {
      await store.close();
    }
    const reopened = new Database(path, { readonly: true });
    expect(reopened.pragma('user_version', { simple: true })).toBe(SCHEMA_VERSION);
    reopened.close();
  });

  it('upgrades a version 4 file: its next refresh counts every topic and repository', async () => {
    const path = join(dir, 'v4.db');
    const v4 = createSqliteStore(path);
    await v4.writePapers(FIXTURE);
    await v4.close();
    // A version 4 file whose ingest stopped before it counted: no marks, every df still 0.
    const db = new Database(path);
    db.exec('DROP TABLE stale_topics; DROP TABLE stale_repositories');
    db.pragma('user_version = 4');
    db.close();

    const store = createSqliteStore(path);
    try {
      await store.refreshTopics();
      expect((await store.topic('causal inference', 10))?.topic.df).toBe(3);
      expect((await store.topic('optics', 10))?.topic.df).toBe(1);
      await store.writePapers([{ ...FIXTURE[3]!, mentions: [], repositories: [] }]);
      await store.writePapers([{ ...FIXTURE[1]!, repositories: [] }]);
      await store.writePapers([{ ...FIXTURE[2]!, repositories: [] }]);
      await store.refreshTopics();
      expect(await store.topic('optics', 10)).toBeUndefined();
      expect((await store.stats()).repositoryCount).toBe(0);
    } finally {
      await store.close();
    }
  });

  it('upgrades a version 6 file: every stored mention is a key term', async () => {
    const path = join(dir, 'v6.db');
    const v6 = createSqliteStore(path);
    await v6.writePapers(FIXTURE);
    await v6.refreshTopics();
    await v6.close();
    // A version 6 file stored key terms only, unmarked.
    const db = new Database(path);
    db.exec(`DROP INDEX mentions_topic;
      ALTER TABLE mentions DROP COLUMN key_term;
      CREATE INDEX mentions_topic ON mentions(topic_id);`);
    db.pragma('user_version = 6');
    db.close();

    const store = createSqliteStore(path);
    try {
      expect((await store.paper('p1', 10))?.topics.map((t) => t.id)).toEqual([
        'string diagram',
        'causal inference',
        'intervention',
      ]);
      const [p1] = await store.exportPapers('', 1);
      expect(p1?.mentions.map((m) => m.keyTerm)).toEqual([true, true, true]);
    } finally {
      await store.close();
    }
  });

  it('upgrades a version 7 file: its papers have no categories, references or authorships yet', async () => {
    const path = join(dir, 'v7.db');
    const v7 = createSqliteStore(path);
    await v7.writePapers(FIXTURE);
    await v7.close();
    const db = new Database(path);
    for (const column of Object.keys(ADDED_IN_8.papers!)) {
      db.exec(`ALTER TABLE papers DROP COLUMN ${column}`);
    }
    db.pragma('user_version = 7');
    db.close();

    const store = createSqliteStore(path);
    try {
      const { openalexId, categories, references, authorships, ...rest } = FIXTURE[1]!.paper;
      expect([openalexId, categories.length, references.length, authorships?.length]).toEqual([
        'W2741809807',
        2,
        2,
        2,
      ]);
      expect(await store.findPapers(['doi:10.1/p2'])).toEqual([
        { ...rest, categories: [], references: [] },
      ]);
      // Written again, it keeps them.
      await store.writePapers(FIXTURE.slice(1, 2));
      expect(await store.findPapers(['doi:10.1/p2'])).toEqual([FIXTURE[1]!.paper]);
    } finally {
      await store.close();
    }
  });

  it('builds the mentions’ topic index again after a first ingest stopped before its refresh', async () => {
    const path = join(dir, 'first.db');
    const hasIndex = () => {
      const db = new Database(path, { readonly: true });
      try {
        return db
          .prepare("SELECT count(*) AS n FROM sqlite_master WHERE name = 'mentions_topic'")
          .get();
      } finally {
        db.close();
      }
    };
    const first = createSqliteStore(path);
    await first.writePapers(FIXTURE);
    // Written without it (an empty store), then stopped before the refresh builds it.
    expect(hasIndex()).toEqual({ n: 0 });
    await first.close();
    const reopened = createSqliteStore(path);
    try {
      expect(hasIndex()).toEqual({ n: 1 });
      expect((await reopened.topic('causal inference', 10))?.papers).toHaveLength(3);
      // A store that holds mentions keeps its index through later writes.
      await reopened.writePapers(FIXTURE.slice(0, 1));
      expect(hasIndex()).toEqual({ n: 1 });
    } finally {
      await reopened.close();
    }
  });

  it('refuses a file written by a newer version, and leaves it alone', () => {
    const path = join(dir, 'future.db');
    const db = new Database(path);
    db.pragma(`user_version = ${SCHEMA_VERSION + 1}`);
    db.close();
    expect(() => createSqliteStore(path)).toThrow(/written by a newer Topograph/);
    const after = new Database(path, { readonly: true });
    expect(after.pragma('user_version', { simple: true })).toBe(SCHEMA_VERSION + 1);
    expect(after.prepare('SELECT count(*) AS n FROM sqlite_master').get()).toEqual({ n: 0 });
    after.close();
  });
});

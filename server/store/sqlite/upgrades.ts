/**
 * The embedded store's file from any older schema version to the current one, one function a
 * version, each making a file of that version one of the next (schema.ts says what each
 * version added). A new file gets the schema at once. The adapter runs them in one IMMEDIATE
 * transaction, so an upgrade is all or nothing and waits for another writer.
 *
 * Each step is safe on a file that already has what it adds (tests build old files by taking
 * parts away from today's schema).
 */
import type Database from 'better-sqlite3';
import { SCHEMA, SCHEMA_VERSION } from './schema.ts';
import { searchIndexer } from './search-index.ts';

type Db = Database.Database;

/** Columns version 3 added to version 2 tables: table → column → definition. */
export const ADDED_IN_3: Record<string, Record<string, string>> = {
  topics: { year: 'REAL', code_share: 'REAL', repositories: 'INTEGER' },
  clusters: {
    papers: 'INTEGER NOT NULL DEFAULT 0',
    year: 'REAL',
    code_share: 'REAL NOT NULL DEFAULT 0',
    repositories: 'INTEGER NOT NULL DEFAULT 0',
  },
};

/** Columns version 8 added to papers. */
export const ADDED_IN_8: Record<string, Record<string, string>> = {
  papers: {
    openalex_id: 'TEXT',
    categories: "TEXT NOT NULL DEFAULT '[]'",
    reference_ids: "TEXT NOT NULL DEFAULT '[]'",
    authorships: 'TEXT',
  },
};

/** Version n → n + 1. */
const UPGRADES: Record<number, (db: Db) => void> = {
  // The search index keyed by its rowid: version 1 kept the paper id inside it.
  1: (db) => {
    db.exec(`DROP TABLE paper_search;
      CREATE VIRTUAL TABLE paper_search USING fts5(
        title, abstract, tokenize = 'porter unicode61 remove_diacritics 2'
      );
      CREATE TABLE IF NOT EXISTS paper_search_rows (
        paper_id TEXT PRIMARY KEY REFERENCES papers(id) ON DELETE CASCADE,
        row INTEGER NOT NULL UNIQUE
      ) WITHOUT ROWID;`);
    const index = searchIndexer(db);
    const papers = db.prepare<[], { id: string; title: string; abstract: string }>(
      'SELECT id, title, abstract FROM papers ORDER BY id',
    );
    for (const paper of papers.all()) index(paper.id, paper.title, paper.abstract);
  },
  // Overlays on topics and clusters.
  2: (db) => addColumns(db, ADDED_IN_3),
  // The papers version and the map's.
  3: (db) =>
    db.exec(`CREATE TABLE IF NOT EXISTS store_state (
        id INTEGER PRIMARY KEY CHECK (id = 1),
        papers_version INTEGER NOT NULL DEFAULT 0,
        map_version INTEGER NOT NULL DEFAULT 0
      );
      INSERT OR IGNORE INTO store_state (id) VALUES (1);`),
  // What writes touched, and the map's resolution. Written before writes marked anything:
  // every topic and repository is counted at the next refresh.
  4: (db) => {
    addColumns(db, { store_state: { map_resolution: 'REAL' } });
    db.exec(`CREATE TABLE IF NOT EXISTS stale_topics (id TEXT PRIMARY KEY) WITHOUT ROWID;
      CREATE TABLE IF NOT EXISTS stale_repositories (id TEXT PRIMARY KEY) WITHOUT ROWID;
      INSERT OR IGNORE INTO stale_topics (id) SELECT id FROM topics;
      INSERT OR IGNORE INTO stale_repositories (id) SELECT id FROM repositories;`);
  },
  // Similar papers: the table comes with SCHEMA; the next ingest fills it.
  5: (db) => addColumns(db, { store_state: { similar_version: 'INTEGER NOT NULL DEFAULT 0' } }),
  // Key terms marked among all mentions: what was stored were key terms only.
  6: (db) => {
    addColumns(db, {
      mentions: { key_term: 'INTEGER NOT NULL DEFAULT 1' },
      topics: { key_df: 'INTEGER NOT NULL DEFAULT 0' },
    });
    db.exec(`UPDATE topics SET key_df = df;
      DROP INDEX IF EXISTS topics_on_map;
      DROP INDEX IF EXISTS mentions_topic;`);
  },
  // Categories, references, OpenAlex ids and authorships of papers.
  7: (db) => addColumns(db, ADDED_IN_8),
};

/** Creates the tables of a new file (`version` 0), or upgrades a file of an older version. */
export function upgrade(db: Db, version: number): void {
  if (version >= SCHEMA_VERSION) return;
  for (let from = Math.max(version, 1); version > 0 && from < SCHEMA_VERSION; from++) {
    UPGRADES[from]!(db);
  }
  // Every statement is CREATE … IF NOT EXISTS: a new file gets it all, an upgraded one the
  // indexes added since.
  db.exec(SCHEMA);
  db.pragma(`user_version = ${SCHEMA_VERSION}`);
}

/** Adds the columns a table lacks (`ALTER TABLE … ADD COLUMN` has no IF NOT EXISTS). */
function addColumns(db: Db, columns: Record<string, Record<string, string>>) {
  for (const [table, added] of Object.entries(columns)) {
    const present = new Set(
      db
        .prepare<[], { name: string }>(`SELECT name FROM pragma_table_info('${table}')`)
        .all()
        .map((c) => c.name),
    );
    for (const [column, definition] of Object.entries(added)) {
      if (!present.has(column)) db.exec(`ALTER TABLE ${table} ADD COLUMN ${column} ${definition}`);
    }
  }
}

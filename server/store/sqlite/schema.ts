/**
 * The embedded store's tables: one per node kind and one per relationship, as in DESIGN.md's
 * graph model, plus `paper_keys` (match keys for merging) and an FTS5 index for search.
 * Lists (authors, links, sources, aliases) are JSON text; they are only ever read whole.
 *
 * Version 2: the search index is keyed by its rowid, which `paper_search_rows` maps to the
 * paper (version 1 kept the paper id in an unindexable FTS column, so replacing a paper's
 * text scanned the whole index: 5 of 6 seconds of writing 5,000 papers, quadratic beyond).
 *
 * Version 3: overlays on topics and clusters (mean year, share with code, repositories) and
 * each cluster's paper count.
 *
 * Version 4: `store_state`, one row: the papers version (one more for every batch of papers
 * written) and the papers version the topic map was drawn from (see `MapState`).
 *
 * Version 5: `stale_topics` and `stale_repositories`, what a write of papers touched since the
 * last recount (see `refreshTopics`), committed with the papers: adding 50 papers to 80,000
 * recounted all 1.6 million mentions (9.5 of the 18.7 s it took). An upgraded file counts all
 * of them once. `store_state.map_resolution`: the Leiden resolution of the stored map.
 *
 * Version 6: `similar`, each paper's most similar papers by their whole texts, as the last
 * analysis computed them (see `writeSimilar`), and `store_state.similar_version`, the papers
 * version they are complete for; an upgraded file has none until its next ingest, and ranks
 * related papers by shared topics meanwhile.
 *
 * Version 7: `mentions.key_term`: every term a paper mentions is stored, its key terms (ranked,
 * for its panel, the paper map and shared-topic reasons) marked, so that a topic counts every
 * paper using it (`df`); `topics.key_df`, the papers naming it a key term, which pick and
 * weigh the map's topics. An upgraded file's mentions are all key terms until its papers are
 * ingested again.
 *
 * Version 8: what sources say beyond title and abstract, kept for the people-and-citations
 * work: `openalex_id`, `categories` (arXiv's), `reference_ids` (the works a paper cites, as the
 * source names them) and `authorships` (authors with their ids and institutions; NULL when no
 * source gave more than names). Papers written before have none until ingested again.
 *
 * upgrades.ts turns a file of each older version into one of the next.
 */

export const SCHEMA_VERSION = 8;

export const SCHEMA = `
CREATE TABLE IF NOT EXISTS papers (
  id TEXT PRIMARY KEY,
  title TEXT NOT NULL,
  abstract TEXT NOT NULL,
  published TEXT,
  authors TEXT NOT NULL,
  authors_count INTEGER,
  upvotes INTEGER,
  organization TEXT,
  arxiv_id TEXT,
  doi TEXT,
  url TEXT,
  links TEXT NOT NULL,
  sources TEXT NOT NULL,
  openalex_id TEXT,
  categories TEXT NOT NULL DEFAULT '[]',
  reference_ids TEXT NOT NULL DEFAULT '[]',
  authorships TEXT
);
CREATE TABLE IF NOT EXISTS paper_keys (
  key TEXT PRIMARY KEY,
  paper_id TEXT NOT NULL REFERENCES papers(id) ON DELETE CASCADE
);
CREATE INDEX IF NOT EXISTS paper_keys_paper ON paper_keys(paper_id);
CREATE TABLE IF NOT EXISTS topics (
  id TEXT PRIMARY KEY,
  label TEXT NOT NULL,
  aliases TEXT NOT NULL DEFAULT '[]',
  df INTEGER NOT NULL DEFAULT 0,
  key_df INTEGER NOT NULL DEFAULT 0,
  cluster INTEGER NOT NULL DEFAULT -1,
  x REAL NOT NULL DEFAULT 0,
  y REAL NOT NULL DEFAULT 0,
  year REAL,
  code_share REAL,
  repositories INTEGER
);
CREATE INDEX IF NOT EXISTS topics_df ON topics(df DESC);
-- The map's candidates: the topics most papers name a key term.
CREATE INDEX IF NOT EXISTS topics_key_df ON topics(key_df DESC, id);
-- Search by label walks this (covering, and only topics of two papers or more: at 80k papers
-- 145k of 878k topics), most mentioned first; a full scan took ~0.4 s a keystroke.
-- The topics on the map, in the map's order (a few thousand rows): at 80k papers walking
-- topics_df for them took 0.3 s.
CREATE INDEX IF NOT EXISTS topics_on_map ON topics(key_df DESC, id) WHERE cluster >= 0;
CREATE INDEX IF NOT EXISTS topics_searchable ON topics(df DESC, label, id) WHERE df >= 2;
CREATE TABLE IF NOT EXISTS mentions (
  paper_id TEXT NOT NULL REFERENCES papers(id) ON DELETE CASCADE,
  topic_id TEXT NOT NULL REFERENCES topics(id),
  label TEXT NOT NULL,
  score REAL NOT NULL,
  count INTEGER NOT NULL,
  in_title INTEGER NOT NULL,
  key_term INTEGER NOT NULL DEFAULT 1,
  PRIMARY KEY (paper_id, topic_id)
) WITHOUT ROWID;
-- By topic, key terms apart, with each mention's form: the map reads a topic's key-term
-- mentions and a recount its forms without touching the table (4 million rows at 80k papers).
CREATE INDEX IF NOT EXISTS mentions_topic ON mentions(topic_id, key_term, label);
CREATE TABLE IF NOT EXISTS repositories (
  id TEXT PRIMARY KEY,
  url TEXT NOT NULL,
  host TEXT NOT NULL,
  owner TEXT NOT NULL,
  name TEXT NOT NULL,
  kind TEXT NOT NULL
);
CREATE TABLE IF NOT EXISTS links_to (
  paper_id TEXT NOT NULL REFERENCES papers(id) ON DELETE CASCADE,
  repository_id TEXT NOT NULL REFERENCES repositories(id),
  status TEXT NOT NULL,
  PRIMARY KEY (paper_id, repository_id)
) WITHOUT ROWID;
CREATE INDEX IF NOT EXISTS links_to_repository ON links_to(repository_id);
CREATE TABLE IF NOT EXISTS co_occurs (
  source TEXT NOT NULL REFERENCES topics(id),
  target TEXT NOT NULL REFERENCES topics(id),
  papers INTEGER NOT NULL,
  strength REAL NOT NULL,
  PRIMARY KEY (source, target)
) WITHOUT ROWID;
CREATE INDEX IF NOT EXISTS co_occurs_target ON co_occurs(target);
CREATE TABLE IF NOT EXISTS clusters (
  id INTEGER PRIMARY KEY,
  label TEXT NOT NULL,
  topics INTEGER NOT NULL,
  papers INTEGER NOT NULL DEFAULT 0,
  year REAL,
  code_share REAL NOT NULL DEFAULT 0,
  repositories INTEGER NOT NULL DEFAULT 0
);
CREATE VIRTUAL TABLE IF NOT EXISTS paper_search USING fts5(
  title, abstract, tokenize = 'porter unicode61 remove_diacritics 2'
);
CREATE TABLE IF NOT EXISTS paper_search_rows (
  paper_id TEXT PRIMARY KEY REFERENCES papers(id) ON DELETE CASCADE,
  row INTEGER NOT NULL UNIQUE
) WITHOUT ROWID;
CREATE TABLE IF NOT EXISTS store_state (
  id INTEGER PRIMARY KEY CHECK (id = 1),
  papers_version INTEGER NOT NULL DEFAULT 0,
  map_version INTEGER NOT NULL DEFAULT 0,
  map_resolution REAL,
  similar_version INTEGER NOT NULL DEFAULT 0
);
INSERT OR IGNORE INTO store_state (id) VALUES (1);
CREATE TABLE IF NOT EXISTS stale_topics (id TEXT PRIMARY KEY) WITHOUT ROWID;
CREATE TABLE IF NOT EXISTS stale_repositories (id TEXT PRIMARY KEY) WITHOUT ROWID;
CREATE TABLE IF NOT EXISTS similar (
  paper_id TEXT NOT NULL REFERENCES papers(id) ON DELETE CASCADE,
  rank INTEGER NOT NULL,
  other_id TEXT NOT NULL REFERENCES papers(id) ON DELETE CASCADE,
  score REAL NOT NULL,
  phrases TEXT NOT NULL,
  PRIMARY KEY (paper_id, rank)
) WITHOUT ROWID;
`;

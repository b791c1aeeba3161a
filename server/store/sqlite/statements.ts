/**
 * Every SQL statement the embedded adapter runs, as named constants, as the Neo4j adapter keeps
 * its Cypher in queries.ts: the adapter (sqlite-store.ts) is the glue that binds parameters
 * (always `?` or `@name`, never text built into a statement) and shapes rows. Schema and
 * upgrades are in schema.ts and upgrades.ts, the full-text indexer in search-index.ts.
 */
export const SQL = {
  papersByKeys: `SELECT DISTINCT p.* FROM paper_keys k JOIN papers p ON p.id = k.paper_id
     WHERE k.key IN (SELECT value FROM json_each(?)) ORDER BY p.id`,
  paperHitsByKeys: `SELECT DISTINCT p.id, p.title, p.published FROM paper_keys k
     JOIN papers p ON p.id = k.paper_id
     WHERE k.key IN (SELECT value FROM json_each(?)) ORDER BY p.id LIMIT ?`,
  upsertPaper: `INSERT INTO papers (id, title, abstract, published, authors, authors_count, upvotes,
     organization, arxiv_id, doi, url, links, sources, openalex_id, categories, reference_ids,
     authorships)
     VALUES (@id, @title, @abstract, @published, @authors, @authorsCount, @upvotes,
     @organization, @arxivId, @doi, @url, @links, @sources, @openalexId, @categories,
     @references, @authorships)
     ON CONFLICT (id) DO UPDATE SET title = excluded.title, abstract = excluded.abstract,
     published = excluded.published, authors = excluded.authors,
     authors_count = excluded.authors_count, upvotes = excluded.upvotes,
     organization = excluded.organization, arxiv_id = excluded.arxiv_id, doi = excluded.doi,
     url = excluded.url, links = excluded.links, sources = excluded.sources,
     openalex_id = excluded.openalex_id, categories = excluded.categories,
     reference_ids = excluded.reference_ids, authorships = excluded.authorships`,
  upsertPaperKey:
    'INSERT INTO paper_keys (key, paper_id) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET paper_id = excluded.paper_id',
  markPaperTopics:
    'INSERT OR IGNORE INTO stale_topics (id) SELECT topic_id FROM mentions WHERE paper_id = ?',
  markPaperRepositories: `INSERT OR IGNORE INTO stale_repositories (id)
     SELECT repository_id FROM links_to WHERE paper_id = ?`,
  markTopic: 'INSERT OR IGNORE INTO stale_topics (id) VALUES (?)',
  deletePaperMentions: 'DELETE FROM mentions WHERE paper_id = ?',
  hasMentions: 'SELECT EXISTS (SELECT 1 FROM mentions)',
  /**
   * The mentions' topic index, dropped while a first ingest fills an empty store and built
   * again, sorted at once, before anything reads by topic: 80,000 papers write ~4 million
   * mentions, and keeping the index as they came cost a cache miss each.
   */
  dropTopicIndex: 'DROP INDEX IF EXISTS mentions_topic',
  topicIndex: 'CREATE INDEX IF NOT EXISTS mentions_topic ON mentions(topic_id, key_term, label)',
  hasTopicIndex: `SELECT EXISTS (SELECT 1 FROM sqlite_master
     WHERE type = 'index' AND name = 'mentions_topic')`,
  insertTopic: 'INSERT OR IGNORE INTO topics (id, label) VALUES (?, ?)',
  insertMention: `INSERT INTO mentions (paper_id, topic_id, label, score, count, in_title, key_term)
     VALUES (?, ?, ?, ?, ?, ?, ?)`,
  deletePaperLinks: 'DELETE FROM links_to WHERE paper_id = ?',
  insertRepository: `INSERT INTO repositories (id, url, host, owner, name, kind)
     VALUES (@id, @url, @host, @owner, @name, @kind) ON CONFLICT (id) DO NOTHING`,
  insertLink: 'INSERT INTO links_to (paper_id, repository_id, status) VALUES (?, ?, ?)',
  nextPapersVersion: 'UPDATE store_state SET papers_version = papers_version + 1 WHERE id = 1',
  /**
   * Recounts the topics and repositories writes marked (schema version 5): a topic's df (every
   * paper mentioning it) and label (the form most of its mentions write, where they write one;
   * only changed rows are written), then drops what nothing refers to any more. CROSS JOIN keeps SQLite from the marks to the mentions:
   * left to choose, it walked all 1.6 million mentions to add 50 papers to 80,000 (3.7 s
   * instead of 0.08).
   */
  refreshStale: `
    WITH forms AS (
      SELECT m.topic_id, m.label, count(*) AS uses, sum(m.key_term) AS keys
      FROM stale_topics s CROSS JOIN mentions m ON m.topic_id = s.id
      GROUP BY m.topic_id, m.label
    ), ranked AS (
      SELECT topic_id, label, sum(uses) OVER (PARTITION BY topic_id) AS df,
             sum(keys) OVER (PARTITION BY topic_id) AS key_df,
             row_number() OVER (PARTITION BY topic_id ORDER BY label = '', uses DESC, label)
               AS rank
      FROM forms
    ), best AS (
      SELECT r.topic_id, r.df, r.key_df,
             CASE WHEN r.label = '' THEN t.label ELSE r.label END AS label
      FROM ranked r JOIN topics t ON t.id = r.topic_id WHERE r.rank = 1
    )
    UPDATE topics SET df = best.df, key_df = best.key_df, label = best.label
    FROM best
    WHERE topics.id = best.topic_id
      AND (topics.df <> best.df OR topics.key_df <> best.key_df OR topics.label <> best.label);
    CREATE TEMP TABLE unused_topics AS
      SELECT id FROM stale_topics s
      WHERE NOT EXISTS (SELECT 1 FROM mentions WHERE topic_id = s.id);
    DELETE FROM co_occurs WHERE source IN unused_topics OR target IN unused_topics;
    DELETE FROM topics WHERE id IN unused_topics;
    DROP TABLE unused_topics;
    DELETE FROM repositories
    WHERE id IN stale_repositories
      AND NOT EXISTS (SELECT 1 FROM links_to WHERE repository_id = repositories.id);
    DELETE FROM stale_topics;
    DELETE FROM stale_repositories;`,
  candidateTopics: `SELECT id, label, df, key_df AS keyDf, cluster, x, y FROM topics
     WHERE key_df >= ? ORDER BY key_df DESC, id LIMIT ?`,
  candidateMentions: `SELECT paper_id AS paperId, topic_id AS topicId FROM mentions
     WHERE topic_id IN (SELECT value FROM json_each(?)) AND key_term = 1
     ORDER BY paper_id, topic_id`,
  allLinks: `SELECT l.paper_id AS paperId, l.repository_id AS repository, l.status, r.kind
     FROM links_to l JOIN repositories r ON r.id = l.repository_id`,
  candidatePapers: `SELECT id, published FROM papers WHERE id IN
     (SELECT DISTINCT paper_id FROM mentions
      WHERE topic_id IN (SELECT value FROM json_each(?)) AND key_term = 1)
     ORDER BY id`,
  countPapers: 'SELECT count(*) AS paperCount FROM papers',
  countPapersAmong: 'SELECT count(*) FROM papers WHERE id IN (SELECT value FROM json_each(?))',
  topicCounts: `SELECT id, df FROM topics
     WHERE id IN (SELECT value FROM json_each(?)) AND df > 0`,
  // The papers of the topics a word begins ("causal " ≤ id < "causal!"): a range of the key.
  leadCount: `SELECT coalesce(sum(df), 0) FROM topics WHERE id >= ? || ' ' AND id < ? || '!'`,
  // Topics named with an acronym; walks the topics_searchable index (the suffix is checked after).
  acronymLabelled: `SELECT id, label, df FROM topics WHERE df >= 2 AND label LIKE '%)'`,
  mentionCountsOf: `SELECT topic_id AS id, count(*) AS mentions FROM mentions
     WHERE paper_id IN (SELECT value FROM json_each(?)) GROUP BY topic_id`,
  mapResolution: 'SELECT map_resolution FROM store_state',
  mapState: `SELECT papers_version AS papersVersion, map_version AS mapVersion,
     similar_version AS similarVersion FROM store_state`,
  claimSimilar: 'UPDATE store_state SET similar_version = ? WHERE id = 1',
  placeTopic: `UPDATE topics SET cluster = @cluster, x = @x, y = @y, year = @year,
     code_share = @codeShare, repositories = @repositoryCount WHERE id = @id`,
  insertCoOccurrence:
    'INSERT INTO co_occurs (source, target, papers, strength) VALUES (@source, @target, @paperCount, @strength)',
  insertCluster: `INSERT INTO clusters (id, label, topics, papers, year, code_share, repositories)
     VALUES (@id, @label, @topicCount, @paperCount, @year, @codeShare, @repositoryCount)`,
  claimMap: 'UPDATE store_state SET map_version = ?, map_resolution = ? WHERE id = 1',
  clearMap: `DELETE FROM co_occurs; DELETE FROM clusters;
     UPDATE topics SET cluster = -1, x = 0, y = 0, year = NULL, code_share = NULL,
     repositories = NULL
     WHERE cluster <> -1 OR x <> 0 OR y <> 0 OR code_share IS NOT NULL;`,
  papersAfter: 'SELECT * FROM papers WHERE id > ? ORDER BY id LIMIT ?',
  paperKeys: 'SELECT key FROM paper_keys WHERE paper_id = ? ORDER BY key',
  paperMentions: `SELECT topic_id AS topicId, label, score, count, in_title AS inTitle,
     key_term AS keyTerm FROM mentions WHERE paper_id = ? ORDER BY topic_id`,
  paperLinks: `SELECT r.*, l.status FROM links_to l JOIN repositories r ON r.id = l.repository_id
     WHERE l.paper_id = ? ORDER BY r.id`,
  mappedTopics: 'SELECT * FROM topics WHERE cluster <> -1 OR code_share IS NOT NULL ORDER BY id',
  allCoOccurrences:
    'SELECT source, target, papers AS paperCount, strength FROM co_occurs ORDER BY source, target',
  allClusters: 'SELECT * FROM clusters ORDER BY id',
  stats: `SELECT (SELECT count(*) FROM papers) AS paperCount,
     (SELECT count(*) FROM topics) AS topicCount,
     (SELECT count(*) FROM repositories) AS repositoryCount,
     (SELECT count(*) FROM clusters) AS clusterCount,
     (SELECT count(*) FROM mentions) AS mentionCount,
     (SELECT count(*) FROM links_to) AS linkCount,
     (SELECT count(*) FROM similar) AS similarCount,
     (SELECT count(DISTINCT l.paper_id) FROM links_to l
     JOIN repositories r ON r.id = l.repository_id
     WHERE l.status = 'released' AND r.kind = 'code') AS paperWithCodeCount`,
  // The map's topics weighed as the map was made, by the papers naming each a key term.
  mapTopics: `SELECT * FROM topics WHERE df >= ? AND cluster >= 0 AND (? IS NULL OR cluster = ?)
     ORDER BY key_df DESC, id LIMIT ?`,
  mapEdges: `SELECT source, target, papers AS paperCount, strength FROM co_occurs
     ORDER BY strength DESC, source, target`,
  paperById: 'SELECT * FROM papers WHERE id = ?',
  paperTopics: `SELECT t.id, t.label, m.score, m.in_title AS inTitle FROM mentions m
     JOIN topics t ON t.id = m.topic_id WHERE m.paper_id = ? AND m.key_term
     ORDER BY m.score DESC, t.id`,
  sharedTopics: `SELECT other.paper_id AS paperId, t.id AS topicId, t.label, t.df,
     mine.score, other.score AS otherScore
     FROM mentions mine
     JOIN topics t ON t.id = mine.topic_id
     JOIN mentions other ON other.topic_id = mine.topic_id AND other.paper_id <> mine.paper_id
     WHERE mine.paper_id = ? AND mine.key_term AND other.key_term`,
  similarOf: `SELECT other_id AS id, score, phrases FROM similar WHERE paper_id = ?
     ORDER BY rank LIMIT ?`,
  sharedTopicsWith: `SELECT other.paper_id AS paperId, t.id AS topicId, t.label, t.df,
     mine.score, other.score AS otherScore
     FROM mentions mine
     JOIN topics t ON t.id = mine.topic_id
     JOIN mentions other ON other.topic_id = mine.topic_id
     WHERE mine.paper_id = ? AND other.paper_id IN (SELECT value FROM json_each(?))
       AND mine.key_term AND other.key_term`,
  paperTextsAfter: 'SELECT id, title, abstract FROM papers WHERE id > ? ORDER BY id LIMIT ?',
  clearSimilar: 'DELETE FROM similar WHERE paper_id = ?',
  /** A similar paper, when both papers are stored (as Neo4j's MATCH on both). */
  insertSimilar: `INSERT INTO similar (paper_id, rank, other_id, score, phrases)
     SELECT p.id, @rank, o.id, @score, @phrases FROM papers p JOIN papers o ON o.id = @otherId
     WHERE p.id = @paperId`,
  similarOfPapers: `SELECT paper_id AS paperId, other_id AS id, score, phrases FROM similar
     WHERE paper_id IN (SELECT value FROM json_each(?)) ORDER BY paper_id, rank`,
  listingSimilar: `SELECT DISTINCT paper_id FROM similar
     WHERE other_id IN (SELECT value FROM json_each(?)) ORDER BY paper_id`,
  similarAfter: `SELECT paper_id AS paperId, other_id AS id, score, phrases FROM similar
     WHERE paper_id IN (SELECT DISTINCT paper_id FROM similar WHERE paper_id > ?
     ORDER BY paper_id LIMIT ?) ORDER BY paper_id, rank`,
  paperSummaries: `SELECT p.id, p.title, p.published, p.abstract,
     (SELECT json_group_array(json_object('id', t.id, 'label', t.label))
      FROM (SELECT t.id, t.label FROM mentions m JOIN topics t ON t.id = m.topic_id
            WHERE m.paper_id = p.id AND m.key_term ORDER BY m.score DESC, t.id) t) AS topics
     FROM papers p WHERE p.id IN (SELECT value FROM json_each(?))`,
  topicById: 'SELECT * FROM topics WHERE id = ?',
  topicPapers: `SELECT p.id, p.title, p.published, m.score,
     EXISTS (SELECT 1 FROM links_to l JOIN repositories r ON r.id = l.repository_id
     WHERE l.paper_id = p.id AND l.status = 'released' AND r.kind = 'code')
     AS hasCode
     FROM mentions m JOIN papers p ON p.id = m.paper_id
     WHERE m.topic_id = ? ORDER BY m.key_term DESC, m.score DESC, p.published DESC, p.id LIMIT ?`,
  topicRepositories: `SELECT r.*, count(DISTINCT l.paper_id) AS paperCount, max(l.status = 'released') AS released
     FROM mentions m JOIN links_to l ON l.paper_id = m.paper_id
     JOIN repositories r ON r.id = l.repository_id
     WHERE m.topic_id = ? GROUP BY r.id
     ORDER BY paperCount DESC, released DESC, r.id LIMIT ?`,
  topicCoOccurring: `SELECT t.id, t.label, c.papers AS paperCount, c.strength FROM co_occurs c
     JOIN topics t ON t.id = CASE WHEN c.source = ? THEN c.target ELSE c.source END
     WHERE ? IN (c.source, c.target) ORDER BY c.strength DESC, t.id LIMIT ?`,
  topicCoMentioned: `SELECT t.id, t.label, count(*) AS paperCount,
     round(count(*) * (SELECT count(*) FROM papers) * 1.0 / (t.df * ?), 6) AS strength
     FROM mentions mine JOIN mentions other
     ON other.paper_id = mine.paper_id AND other.topic_id <> mine.topic_id
     JOIN topics t ON t.id = other.topic_id
     WHERE mine.topic_id = ? AND mine.key_term = 1 AND other.key_term = 1 GROUP BY t.id
     ORDER BY paperCount DESC, strength DESC, t.id LIMIT ?`,
  topicOverlay: `SELECT count(*) AS papers,
       count(CASE WHEN p.published GLOB '[0-9][0-9][0-9][0-9]*' THEN 1 END) AS dated,
       coalesce(sum(CASE WHEN p.published GLOB '[0-9][0-9][0-9][0-9]*'
           THEN CAST(substr(p.published, 1, 4) AS INTEGER) END), 0) AS yearSum,
       coalesce(sum(EXISTS (SELECT 1 FROM links_to l JOIN repositories r ON r.id = l.repository_id
           WHERE l.paper_id = p.id AND l.status = 'released' AND r.kind = 'code')), 0) AS withCode,
       (SELECT count(DISTINCT l.repository_id) FROM mentions o
        JOIN links_to l ON l.paper_id = o.paper_id WHERE o.topic_id = @id) AS repositoryCount
     FROM mentions m JOIN papers p ON p.id = m.paper_id WHERE m.topic_id = @id`,
  topicYears: `SELECT CAST(substr(p.published, 1, 4) AS INTEGER) AS year, count(*) AS paperCount
     FROM mentions m JOIN papers p ON p.id = m.paper_id
     WHERE m.topic_id = ? AND p.published GLOB '[0-9][0-9][0-9][0-9]*'
     GROUP BY year ORDER BY year`,
  repositoryById: 'SELECT * FROM repositories WHERE id = ?',
  repositoryPapers: `SELECT p.id, p.title, p.published, l.status FROM links_to l JOIN papers p ON p.id = l.paper_id
     WHERE l.repository_id = ? ORDER BY p.published DESC, p.id`,
  paperMapMentions: `SELECT m.paper_id AS paperId, m.topic_id AS topicId, t.label, m.score, t.df, t.cluster,
     t.x, t.y
     FROM mentions m JOIN topics t ON t.id = m.topic_id
     WHERE m.paper_id IN (SELECT value FROM json_each(?)) AND m.key_term AND t.df >= 2
     ORDER BY m.paper_id, m.score DESC, m.topic_id`,
  paperMapSimilar: `SELECT paper_id AS paperId, other_id AS id, score FROM similar
     WHERE paper_id IN (SELECT value FROM json_each(@ids))
       AND other_id IN (SELECT value FROM json_each(@ids))
     ORDER BY paper_id, rank`,
  topicsNamed: `SELECT id, label, df FROM topics
     WHERE id IN (SELECT value FROM json_each(?)) AND df > 0 ORDER BY id`,
  papersMatching: `SELECT p.id, p.title, p.published FROM paper_search s
     JOIN paper_search_rows r ON r.row = s.rowid JOIN papers p ON p.id = r.paper_id
     WHERE paper_search MATCH ? ORDER BY bm25(paper_search, 10, 1), p.id LIMIT ?`,
  repositoriesContaining: `SELECT * FROM repositories WHERE id LIKE ? ESCAPE '\\' ORDER BY id LIMIT ?`,
  // From the topics on the map to their mentions (CROSS JOIN keeps SQLite to that order: at
  // 80k papers, 2,000 topics lead to 0.1 s of mentions; all mentions take 4 s).
  paperMapNodes: `
    WITH on_map AS (
      SELECT m.paper_id, count(*) AS topics FROM topics t
      CROSS JOIN mentions m ON m.topic_id = t.id WHERE t.cluster >= 0 AND m.key_term
      GROUP BY m.paper_id)
    SELECT p.id, p.title, p.published,
           EXISTS (SELECT 1 FROM links_to l JOIN repositories r ON r.id = l.repository_id
                   WHERE l.paper_id = p.id AND l.status = 'released' AND r.kind = 'code')
             AS hasCode
    FROM on_map o JOIN papers p ON p.id = o.paper_id
    ORDER BY o.topics DESC, p.published DESC NULLS LAST, p.id LIMIT ?`,
  // Search by a label's or an id's LIKE pattern: each walks the topics_searchable index.
  topicsByLabel: `
    SELECT id, label, df FROM topics WHERE df >= 2 AND label LIKE ? ESCAPE '\\'
    ORDER BY df DESC, label, id LIMIT ?`,
  topicsById: `
    SELECT id, label, df FROM topics WHERE df >= 2 AND id LIKE ? ESCAPE '\\'
    ORDER BY df DESC, label, id LIMIT ?`,
} as const;

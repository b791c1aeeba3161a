/**
 * Every Cypher statement the Neo4j adapter sends, as named constants and nowhere else: the
 * adapter runs only these (test/neo4j-cypher.test.ts fails on a `run(`/`executeQuery(` whose
 * statement comes from anywhere else), and each one passes Neo4j's own parser and semantic
 * analysis offline in `npm test`. User data only ever travels in `$parameters`; batched writes
 * are `UNWIND $rows … MERGE`.
 *
 * Every look-up by id names its index (`USING INDEX`): planned on a database just created,
 * whose statistics still say it is empty, `UNWIND $ids … MATCH (t:Topic {id: id})` scanned
 * every topic once per id, and the plan stayed cached: a live Neo4j recounted 5,000 papers'
 * topics in 100 s instead of 3.
 *
 * The graph: `(:Paper)-[:MENTIONS {label, score, count, inTitle, keyTerm}]->(:Topic)` (a mention
 * without `keyTerm`, written before every mention was stored, is a key term),
 * `(:Paper)-[:LINKS_TO {status}]->(:Repository)`, `(:Topic)-[:CO_OCCURS {papers, strength}]->(:Topic)`
 * (source < target), `(:Topic)-[:IN_CLUSTER]->(:Cluster)` for the topics on the map, and
 * `(:PaperKey {key})-[:IDENTIFIES]->(:Paper)`, the match keys by which later inputs find a paper,
 * and `(:Paper)-[:SIMILAR_TO {rank, score, phrases}]->(:Paper)`, each paper's most similar
 * papers by their whole texts as the last analysis computed them.
 * Properties a paper or topic lacks are absent (Cypher null), as the embedded store's NULLs.
 */

/** Run once at start, one statement per transaction (schema commands cannot share one). */
export const SCHEMA_QUERIES = {
  paperId: 'CREATE CONSTRAINT paper_id IF NOT EXISTS FOR (p:Paper) REQUIRE p.id IS UNIQUE',
  topicId: 'CREATE CONSTRAINT topic_id IF NOT EXISTS FOR (t:Topic) REQUIRE t.id IS UNIQUE',
  repositoryId:
    'CREATE CONSTRAINT repository_id IF NOT EXISTS FOR (r:Repository) REQUIRE r.id IS UNIQUE',
  clusterId: 'CREATE CONSTRAINT cluster_id IF NOT EXISTS FOR (c:Cluster) REQUIRE c.id IS UNIQUE',
  paperKey: 'CREATE CONSTRAINT paper_key IF NOT EXISTS FOR (k:PaperKey) REQUIRE k.key IS UNIQUE',
  storeState:
    'CREATE CONSTRAINT store_state_id IF NOT EXISTS FOR (s:StoreState) REQUIRE s.id IS UNIQUE',
  // The topic map and search filter topics on their paper count and cluster.
  topicDf: 'CREATE INDEX topic_df IF NOT EXISTS FOR (t:Topic) ON (t.df)',
  topicKeyDf: 'CREATE INDEX topic_key_df IF NOT EXISTS FOR (t:Topic) ON (t.keyDf)',
  topicCluster: 'CREATE INDEX topic_cluster IF NOT EXISTS FOR (t:Topic) ON (t.cluster)',
  // The map's links, strongest first: the topic map reads them in this order and stops at its
  // limit (4,000 of 10,000 at 80,000 papers: 33 ms, where seeking all 2,000 topics' links and
  // sorting them took 68 ms).
  coOccursStrength:
    'CREATE INDEX co_occurs_strength IF NOT EXISTS FOR ()-[c:CO_OCCURS]-() ON (c.strength)',
  // Topics with overlays but off the map, for clearing and exporting the last analysis.
  topicCodeShare: 'CREATE INDEX topic_code_share IF NOT EXISTS FOR (t:Topic) ON (t.codeShare)',
  // Search by the start, the end or a word of a topic's label or id, case-folded: only topics
  // of two papers or more have these keys, so the indexes hold what search may show (141,322
  // of 868,689 topics at 80,000 papers). Without them each of the four searches walked every
  // such topic when few matched: 130 ms each at 80,000 papers.
  topicLabelKey: 'CREATE TEXT INDEX topic_label_key IF NOT EXISTS FOR (t:Topic) ON (t.labelKey)',
  topicIdKey: 'CREATE TEXT INDEX topic_id_key IF NOT EXISTS FOR (t:Topic) ON (t.idKey)',
  // Papers by any word of their title or abstract, stemmed like the embedded store's FTS5
  // porter tokenizer (Lucene's English analyzer: lower case, stop words, Porter stemmer).
  paperText: `CREATE FULLTEXT INDEX paper_text IF NOT EXISTS
    FOR (p:Paper) ON EACH [p.title, p.abstract]
    OPTIONS {indexConfig: {\`fulltext.analyzer\`: 'english'}}`,
  // A full-text index over topic labels cost an ingest of 5,000 papers 1.5–3 s at commit and
  // served nobody: search uses the keys above, which Neo4j Browser can use too
  // (`WHERE t.labelKey CONTAINS 'causal'`). Dropped where an earlier version made it.
  dropTopicLabel: 'DROP INDEX topic_label IF EXISTS',
  // A new full-text index is populated in the background: wait, so search works at once.
  awaitIndexes: 'CALL db.awaitIndexes(300)',
} as const;

export const QUERIES = {
  // ── writes ──────────────────────────────────────────────────────────────────────────────

  /**
   * First in every batch of papers: one more papers version (see MapState), in the batch's
   * transaction. The one state node is locked until the batch commits, so batches of two
   * ingests take turns.
   */
  nextPapersVersion: `
    MERGE (s:StoreState {id: 'graph'})
      ON CREATE SET s.papersVersion = 0, s.mapVersion = 0, s.marksStale = true
    SET s.papersVersion = s.papersVersion + 1`,

  /**
   * $version, $resolution: first in writing a map: records the papers version it was drawn
   * from and its resolution (null: none), unless a map of a later version is stored (then no
   * row: nothing else is written).
   */
  claimMap: `
    MERGE (s:StoreState {id: 'graph'})
      ON CREATE SET s.papersVersion = 0, s.mapVersion = 0
    WITH s
    WHERE s.mapVersion <= $version
    SET s.mapVersion = $version, s.mapResolution = $resolution
    RETURN true AS claimed`,

  /**
   * The papers version and the version the map was drawn from (0 and 0 before any write), and
   * the map's resolution (null when unknown).
   */
  mapState: `
    OPTIONAL MATCH (s:StoreState {id: 'graph'})
    RETURN coalesce(s.papersVersion, 0) AS papersVersion, coalesce(s.mapVersion, 0) AS mapVersion,
           coalesce(s.similarVersion, 0) AS similarVersion, s.mapResolution AS mapResolution`,

  /** $version: the papers version the similar papers are complete for. */
  claimSimilar: `
    MERGE (s:StoreState {id: 'graph'})
      ON CREATE SET s.papersVersion = 0, s.mapVersion = 0
    SET s.similarVersion = $version`,

  /** $keys: match keys → the papers holding any of them. */
  findPapers: `
    MATCH (k:PaperKey)-[:IDENTIFIES]->(p:Paper)
    USING INDEX k:PaperKey(key)
    WHERE k.key IN $keys
    WITH DISTINCT p
    RETURN p {.*} AS paper
    ORDER BY p.id`,

  /** $keys: the papers these match keys identify, as search hits, by id; at most $limit. */
  paperHitsByKeys: `
    MATCH (k:PaperKey)-[:IDENTIFIES]->(p:Paper)
    USING INDEX k:PaperKey(key)
    WHERE k.key IN $keys
    WITH DISTINCT p
    RETURN p.id AS id, p.title AS title, p.published AS published
    ORDER BY id
    LIMIT $limit`,

  /** $ids: how many of these papers are stored. */
  countPapersAmong: `
    MATCH (p:Paper)
    USING INDEX p:Paper(id)
    WHERE p.id IN $ids
    RETURN count(p) AS papers`,

  /** $keys: those topics' paper counts, where they have papers. */
  topicCounts: `
    UNWIND $keys AS key
    MATCH (t:Topic {id: key})
    USING INDEX t:Topic(id)
    WHERE t.df > 0
    RETURN t.id AS id, t.df AS df`,

  /** $ids: how many of these papers mention each topic they mention. */
  /** $words: for each, the papers of the topics whose id begins with it and a space. */
  leadCounts: `
    UNWIND $words AS word
    OPTIONAL MATCH (t:Topic)
    USING INDEX t:Topic(id)
    WHERE t.id STARTS WITH word + ' '
    RETURN word, coalesce(sum(t.df), 0) AS papers`,

  /** $suffixes (\` (llm)\`): the topics of two papers or more an acronym names. */
  acronymLabelled: `
    UNWIND $suffixes AS suffix
    MATCH (t:Topic)
    USING TEXT INDEX t:Topic(labelKey)
    WHERE t.labelKey ENDS WITH suffix
    RETURN DISTINCT t.id AS id, t.label AS label, t.df AS df`,

  mentionCountsOf: `
    UNWIND $ids AS id
    MATCH (p:Paper {id: id})-[:MENTIONS]->(t:Topic)
    USING INDEX p:Paper(id)
    RETURN t.id AS id, count(*) AS mentions`,

  /**
   * $rows: one map per paper; a null property is removed, as a SQL NULL is absent.
   * `authorships` is JSON text: a property cannot hold a list of maps.
   */
  upsertPapers: `
    UNWIND $rows AS row
    MERGE (p:Paper {id: row.id})
    SET p.title = row.title, p.abstract = row.abstract, p.published = row.published,
        p.authors = row.authors, p.authorsCount = toInteger(row.authorsCount),
        p.upvotes = toInteger(row.upvotes), p.organization = row.organization,
        p.arxivId = row.arxivId, p.doi = row.doi, p.url = row.url, p.links = row.links,
        p.sources = row.sources, p.openalexId = row.openalexId, p.categories = row.categories,
        p.references = row.references, p.authorships = row.authorships`,

  /** $rows: {key, paperId}; a key seen again for another paper moves to it. */
  upsertPaperKeys: `
    UNWIND $rows AS row
    MATCH (p:Paper {id: row.paperId})
    USING INDEX p:Paper(id)
    MERGE (k:PaperKey {key: row.key})
    WITH k, p
    OPTIONAL MATCH (k)-[old:IDENTIFIES]->(other:Paper)
    WHERE other <> p
    DELETE old
    MERGE (k)-[:IDENTIFIES]->(p)`,

  /**
   * $ids: papers whose mentions and links are about to be replaced. What they pointed to is
   * marked `:Stale`, counted again by the next refresh (see refreshStaleTopics).
   */
  deletePaperEdges: `
    UNWIND $ids AS id
    MATCH (p:Paper {id: id})-[edge:MENTIONS|LINKS_TO]->(target)
    USING INDEX p:Paper(id)
    SET target:Stale
    DELETE edge`,

  /**
   * $rows: {paperId, topicId, label, score, count, inTitle, keyTerm}; a new topic starts off the
   * map, labelled by its id where the paper writes none,
   * and every topic mentioned is counted again by the next refresh. CREATE, not MERGE, for the
   * mention: deletePaperEdges has just removed the paper's.
   */
  writeMentions: `
    UNWIND $rows AS row
    MATCH (p:Paper {id: row.paperId})
    USING INDEX p:Paper(id)
    MERGE (t:Topic {id: row.topicId})
      ON CREATE SET t.label = CASE row.label WHEN '' THEN row.topicId ELSE row.label END,
                    t.aliases = [], t.df = 0, t.cluster = -1, t.x = 0.0, t.y = 0.0
    SET t:Stale
    CREATE (p)-[:MENTIONS {label: row.label, score: toFloat(row.score),
                           count: toInteger(row.count), inTitle: row.inTitle,
                           keyTerm: row.keyTerm}]->(t)`,

  /** $rows: {paperId, status, repository}; a known repository keeps its first spelling. */
  writeLinks: `
    UNWIND $rows AS row
    MATCH (p:Paper {id: row.paperId})
    USING INDEX p:Paper(id)
    MERGE (r:Repository {id: row.repository.id})
      ON CREATE SET r.url = row.repository.url, r.host = row.repository.host,
                    r.owner = row.repository.owner, r.name = row.repository.name,
                    r.kind = row.repository.kind
    MERGE (p)-[l:LINKS_TO]->(r)
    SET l.status = row.status`,

  /**
   * $limit: recounts a page of the topics writes marked `:Stale`, df (every paper mentioning
   * it) and label (the form most of its mentions write, where they write one) from their
   * mentions (only changed topics are written), deletes those nothing mentions any more and
   * unmarks the rest; the page's size comes back. The search keys follow: set for topics of
   * two papers or more, absent (so unindexed) below. Adding 50 papers to 80,000 recounts a few
   * hundred topics, not 870,000.
   */
  refreshStaleTopics: `
    MATCH (t:Topic:Stale)
    WITH t
    LIMIT $limit
    WITH collect(t) AS page
    CALL (page) {
      UNWIND page AS t
      MATCH (t)<-[m:MENTIONS]-(:Paper)
      WITH t, m.label AS label, count(*) AS uses,
           sum(CASE WHEN coalesce(m.keyTerm, true) THEN 1 ELSE 0 END) AS keys
      ORDER BY label = '', uses DESC, label
      WITH t, collect(label)[0] AS best, sum(uses) AS df, sum(keys) AS keyDf
      WITH t, df, keyDf, CASE best WHEN '' THEN t.label ELSE best END AS label
      WHERE t.df <> df OR t.keyDf IS NULL OR t.keyDf <> keyDf OR t.label <> label
      SET t.df = df, t.keyDf = keyDf, t.label = label,
          t.labelKey = CASE WHEN df >= 2 THEN toLower(label) END,
          t.idKey = CASE WHEN df >= 2 THEN toLower(t.id) END
    }
    CALL (page) {
      UNWIND page AS t
      REMOVE t:Stale
      WITH t
      WHERE NOT EXISTS { (t)<-[:MENTIONS]-(:Paper) }
      DETACH DELETE t
    }
    RETURN size(page) AS topics`,

  /** The repositories writes marked `:Stale`: deleted when no paper links them, else unmarked. */
  refreshStaleRepositories: `
    MATCH (r:Repository:Stale)
    REMOVE r:Stale
    WITH r
    WHERE NOT EXISTS { (r)<-[:LINKS_TO]-(:Paper) }
    DETACH DELETE r`,

  /** Whether writes mark what they touch: false for a store written before they did. */
  marksStale: `
    OPTIONAL MATCH (s:StoreState {id: 'graph'})
    RETURN coalesce(s.marksStale, false) AS marks`,

  /**
   * $after ('' at first), $limit: marks a page of all topics, in id order, `:Stale`, for a
   * store written before writes marked them; returns the page's size and last id.
   */
  markTopicPageStale: `
    MATCH (t:Topic)
    USING INDEX t:Topic(id)
    WHERE t.id > $after
    WITH t
    ORDER BY t.id
    LIMIT $limit
    SET t:Stale
    WITH collect(t) AS page
    RETURN size(page) AS topics, page[-1].id AS last`,

  /** Then every repository, and the store is recorded as one whose writes mark. */
  markRepositoriesStale: `
    MATCH (r:Repository)
    SET r:Stale
    WITH count(r) AS marked
    MERGE (s:StoreState {id: 'graph'})
      ON CREATE SET s.papersVersion = 0, s.mapVersion = 0
    SET s.marksStale = true`,

  /**
   * $minPapers, $limit: the map's candidate topics, those most papers name a key term first (a
   * topic recounted before `keyDf` was: its df, every mention being a key term then).
   */
  candidateTopics: `
    MATCH (t:Topic)
    WITH t, coalesce(t.keyDf, t.df) AS keyDf
    WHERE keyDf >= $minPapers
    RETURN t.id AS id, t.label AS label, t.df AS df, keyDf, t.cluster AS cluster, t.x AS x,
           t.y AS y
    ORDER BY keyDf DESC, id
    LIMIT $limit`,

  /** $ids: topic ids → the papers naming them a key term, by paper then topic. */
  candidateMentions: `
    UNWIND $ids AS id
    MATCH (p:Paper)-[m:MENTIONS]->(t:Topic {id: id})
    USING INDEX t:Topic(id)
    WHERE coalesce(m.keyTerm, true)
    RETURN p.id AS paperId, t.id AS topicId
    ORDER BY paperId, topicId`,

  /** $ids: topic ids → the papers naming them a key term, with date and repository links. */
  candidatePaperFacts: `
    UNWIND $ids AS id
    MATCH (p:Paper)-[m:MENTIONS]->(t:Topic {id: id})
    USING INDEX t:Topic(id)
    WHERE coalesce(m.keyTerm, true)
    WITH DISTINCT p
    OPTIONAL MATCH (p)-[l:LINKS_TO]->(r:Repository)
    WITH p, l, r
    ORDER BY r.id
    WITH p, collect(CASE WHEN r IS NULL THEN null
                    ELSE {repository: r.id, status: l.status, kind: r.kind} END) AS links
    RETURN p.id AS id, p.published AS published, links
    ORDER BY id`,

  countPapers: 'MATCH (p:Paper) RETURN count(p) AS paperCount',

  /** Forgets the previous map: co-occurrences, clusters and every topic's place on the map. */
  clearCoOccurrences: 'MATCH (:Topic)-[c:CO_OCCURS]->(:Topic) DELETE c',

  /** $after, $limit: a page of papers' texts, in id order. */
  paperTexts: `
    MATCH (p:Paper)
    WHERE p.id > $after
    RETURN p.id AS id, p.title AS title, p.abstract AS abstract
    ORDER BY p.id
    LIMIT $limit`,

  /** $rows [{paperId, similar: [{id, rank, score, phrases}]}]: replaces each paper's list. */
  writeSimilar: `
    UNWIND $rows AS row
    MATCH (p:Paper {id: row.paperId})
    USING INDEX p:Paper(id)
    CALL (p) {
      MATCH (p)-[old:SIMILAR_TO]->(:Paper)
      DELETE old
    }
    WITH p, row
    UNWIND row.similar AS similar
    MATCH (o:Paper {id: similar.id})
    USING INDEX o:Paper(id)
    CREATE (p)-[:SIMILAR_TO {rank: toInteger(similar.rank), score: toFloat(similar.score),
                             phrases: similar.phrases}]->(o)`,
  clearClusters: 'MATCH (c:Cluster) DETACH DELETE c',
  clearPlacements: `
    MATCH (t:Topic)
    WHERE t.cluster >= 0 OR t.codeShare IS NOT NULL
    SET t.cluster = -1, t.x = 0.0, t.y = 0.0, t.year = null, t.codeShare = null,
        t.repositories = null`,

  /** $rows: {id, cluster, x, y, year, codeShare, repositoryCount}. */
  placeTopics: `
    UNWIND $rows AS row
    MATCH (t:Topic {id: row.id})
    USING INDEX t:Topic(id)
    SET t.cluster = toInteger(row.cluster), t.x = toFloat(row.x), t.y = toFloat(row.y),
        t.year = toFloat(row.year), t.codeShare = toFloat(row.codeShare),
        t.repositories = toInteger(row.repositoryCount)`,

  /** $rows: {source, target, paperCount, strength}. */
  writeCoOccurrences: `
    UNWIND $rows AS row
    MATCH (s:Topic {id: row.source})
    USING INDEX s:Topic(id)
    MATCH (t:Topic {id: row.target})
    USING INDEX t:Topic(id)
    MERGE (s)-[c:CO_OCCURS]->(t)
    SET c.papers = toInteger(row.paperCount), c.strength = toFloat(row.strength)`,

  /** $rows: {id, label, topicCount, paperCount, year, codeShare, repositoryCount}. */
  writeClusters: `
    UNWIND $rows AS row
    MERGE (c:Cluster {id: toInteger(row.id)})
    SET c.label = row.label, c.topics = toInteger(row.topicCount),
        c.papers = toInteger(row.paperCount), c.year = toFloat(row.year),
        c.codeShare = toFloat(row.codeShare), c.repositories = toInteger(row.repositoryCount)`,

  /** Ties the topics on the map to their cluster node, for Neo4j Browser. */
  linkClusters: `
    MATCH (t:Topic)
    WHERE t.cluster >= 0
    MATCH (c:Cluster {id: t.cluster})
    MERGE (t)-[:IN_CLUSTER]->(c)`,

  // ── reads ───────────────────────────────────────────────────────────────────────────────

  stats: `
    RETURN COUNT { (:Paper) } AS paperCount,
           COUNT { (:Topic) } AS topicCount,
           COUNT { (:Repository) } AS repositoryCount,
           COUNT { (:Cluster) } AS clusterCount,
           COUNT { (:Paper)-[:MENTIONS]->(:Topic) } AS mentionCount,
           COUNT { (:Paper)-[:LINKS_TO]->(:Repository) } AS linkCount,
           COUNT { (:Paper)-[:SIMILAR_TO]->(:Paper) } AS similarCount,
           COUNT { (p:Paper)
                   WHERE EXISTS { (p)-[:LINKS_TO {status: 'released'}]->(:Repository {kind: 'code'}) } }
             AS paperWithCodeCount`,

  /**
   * $minPapers, $cluster (null: any), $limit: from the few topics on the map, not by df; the
   * map's weights first, the papers naming each topic a key term.
   */
  mapTopics: `
    MATCH (t:Topic)
    USING INDEX t:Topic(cluster)
    WHERE t.df >= $minPapers AND t.cluster >= 0 AND ($cluster IS NULL OR t.cluster = $cluster)
    RETURN t {.*} AS topic
    ORDER BY coalesce(t.keyDf, t.df) DESC, t.id
    LIMIT $limit`,

  /** $ids, $limit: the strongest co-occurrences among the given topics. */
  mapEdges: `
    MATCH (s:Topic)-[c:CO_OCCURS]->(t:Topic)
    USING INDEX c:CO_OCCURS(strength)
    WHERE c.strength IS NOT NULL AND s.id IN $ids AND t.id IN $ids
    RETURN s.id AS source, t.id AS target, c.papers AS paperCount, c.strength AS strength
    ORDER BY strength DESC, source, target
    LIMIT $limit`,

  clusters: 'MATCH (c:Cluster) RETURN c {.*} AS cluster ORDER BY c.id',

  /**
   * $id: a paper, its topics (highest score first), its repositories and the corpus size, in
   * one round trip where three took 3× the network and planning time.
   */
  paperDetail: `
    MATCH (p:Paper {id: $id})
    RETURN p {.*} AS paper,
           COLLECT { MATCH (p)-[m:MENTIONS]->(t:Topic)
                     WHERE coalesce(m.keyTerm, true)
                     RETURN {id: t.id, label: t.label, score: m.score, inTitle: m.inTitle} AS topic
                     ORDER BY m.score DESC, t.id } AS topics,
           COLLECT { MATCH (p)-[l:LINKS_TO]->(r:Repository)
                     RETURN {repository: r {.*}, status: l.status} AS link
                     ORDER BY r.id } AS repositories,
           COUNT { (:Paper) } AS paperCount`,

  /**
   * $id: every key term the paper shares with another paper's (related.ts ranks them). Rows, not
   * one collected list: at 80,000 papers a paper shares 14,000 rows, streamed in 65 ms and
   * collected into one list in 200 ms.
   */
  sharedTopics: `
    MATCH (p:Paper {id: $id})-[mine:MENTIONS]->(t:Topic)<-[other:MENTIONS]-(o:Paper)
    WHERE o <> p AND coalesce(mine.keyTerm, true) AND coalesce(other.keyTerm, true)
    RETURN o.id AS paperId, t.id AS topicId, t.label AS label, t.df AS df,
           mine.score AS score, other.score AS otherScore`,

  /** $id, $limit: the paper's stored similar papers, most similar first. */
  similarOf: `
    MATCH (:Paper {id: $id})-[s:SIMILAR_TO]->(o:Paper)
    RETURN o.id AS id, s.score AS score, s.phrases AS phrases
    ORDER BY s.rank
    LIMIT $limit`,

  /** $id, $ids: the key terms the paper shares with each of the given papers. */
  sharedTopicsWith: `
    MATCH (p:Paper {id: $id})-[mine:MENTIONS]->(t:Topic)<-[other:MENTIONS]-(o:Paper)
    WHERE o.id IN $ids AND coalesce(mine.keyTerm, true) AND coalesce(other.keyTerm, true)
    RETURN o.id AS paperId, t.id AS topicId, t.label AS label, t.df AS df,
           mine.score AS score, other.score AS otherScore`,

  /** $ids: titles, dates, abstracts and key terms (best first) of the few related papers returned. */
  paperSummaries: `
    MATCH (p:Paper)
    USING INDEX p:Paper(id)
    WHERE p.id IN $ids
    RETURN p.id AS id, p.title AS title, p.published AS published,
           p.abstract AS abstract,
           COLLECT { MATCH (p)-[m:MENTIONS]->(t:Topic)
                     WHERE coalesce(m.keyTerm, true)
                     RETURN {id: t.id, label: t.label} ORDER BY m.score DESC, t.id } AS topics`,

  /**
   * $id, $limit: a topic, its papers (those naming it a key term first, then by score, newest
   * first on a tie, undated last, then id),
   * its co-occurring topics on the map (strongest first), its dated papers per year, and the
   * corpus size: one statement, one round trip.
   */
  topicDetail: `
    MATCH (t:Topic {id: $id})
    CALL (t) {
      MATCH (p:Paper)-[:MENTIONS]->(t)
      WITH p, CASE WHEN p.published =~ '[0-9]{4}.*'
                   THEN toInteger(substring(p.published, 0, 4)) END AS year
      RETURN count(p) AS papers, count(year) AS dated, coalesce(sum(year), 0) AS yearSum,
             sum(CASE WHEN EXISTS {
                   MATCH (p)-[l:LINKS_TO]->(r:Repository)
                   WHERE l.status = 'released' AND r.kind = 'code'
                 } THEN 1 ELSE 0 END) AS withCode
    }
    RETURN t {.*} AS topic,
           {papers: papers, dated: dated, yearSum: yearSum, withCode: withCode} AS overlay,
           COLLECT { MATCH (p:Paper)-[m:MENTIONS]->(t)
                     RETURN {id: p.id, title: p.title, published: p.published, score: m.score,
                             hasCode: EXISTS {
                               MATCH (p)-[l:LINKS_TO]->(r:Repository)
                               WHERE l.status = 'released' AND r.kind = 'code'
                             }} AS paper
                     ORDER BY coalesce(m.keyTerm, true) DESC, m.score DESC,
                              coalesce(p.published, '') DESC, p.id
                     LIMIT $limit } AS papers,
           COLLECT { MATCH (t)<-[:MENTIONS]-(p:Paper)-[l:LINKS_TO]->(r:Repository)
                     WITH r, count(DISTINCT p) AS paperCount,
                          max(CASE WHEN l.status = 'released' THEN 1 ELSE 0 END) AS released
                     RETURN {repository: r {.*}, paperCount: paperCount, released: released = 1}
                       AS link
                     ORDER BY paperCount DESC, released DESC, r.id
                     LIMIT $repositories } AS repositories,
           COLLECT { MATCH (t)-[c:CO_OCCURS]-(o:Topic)
                     RETURN {id: o.id, label: o.label, paperCount: c.papers, strength: c.strength}
                       AS topic
                     ORDER BY c.strength DESC, o.id
                     LIMIT $limit } AS coOccurring,
           COLLECT { MATCH (p:Paper)-[:MENTIONS]->(t)
                     WHERE p.published =~ '[0-9]{4}.*'
                     WITH toInteger(substring(p.published, 0, 4)) AS year, count(p) AS paperCount
                     RETURN {year: year, paperCount: paperCount} AS perYear
                     ORDER BY perYear.year } AS years,
           size(COLLECT { MATCH (t)<-[:MENTIONS]-(:Paper)-[:LINKS_TO]->(r:Repository)
                          RETURN DISTINCT r.id }) AS repositoryCount,
           COUNT { (:Paper) } AS corpus`,

  /**
   * $id, $corpus (papers stored), $df (the topic's, at least 1), $limit: for a topic off the map,
   * the key terms of the papers naming it one, by association strength (rounded as the embedded
   * store; as the map's links, of key terms: every mention of a common word would be millions).
   */
  topicCoMentioned: `
    MATCH (p:Paper)-[mine:MENTIONS]->(:Topic {id: $id})
    WHERE coalesce(mine.keyTerm, true)
    MATCH (p)-[other:MENTIONS]->(t:Topic)
    WHERE t.id <> $id AND coalesce(other.keyTerm, true)
    WITH t, count(*) AS paperCount
    RETURN t.id AS id, t.label AS label, paperCount,
           round(paperCount * toFloat($corpus) / (t.df * $df), 6) AS strength
    ORDER BY paperCount DESC, strength DESC, id
    LIMIT $limit`,

  /**
   * $limit: the paper map's papers — those with the most key terms on the map, then the newest
   * (undated last), then by id — and whether each links released code.
   */
  paperMapNodes: `
    MATCH (t:Topic)<-[m:MENTIONS]-(p:Paper)
    WHERE t.cluster >= 0 AND coalesce(m.keyTerm, true)
    WITH p, count(t) AS topics
    ORDER BY topics DESC, coalesce(p.published, '') DESC, p.id
    LIMIT $limit
    RETURN p.id AS id, p.title AS title, p.published AS published,
           EXISTS {
             MATCH (p)-[l:LINKS_TO]->(r:Repository)
             WHERE l.status = 'released' AND r.kind = 'code'
           } AS hasCode, topics
    ORDER BY topics DESC, coalesce(published, '') DESC, id`,

  /** $ids: those papers' key terms of two papers or more, with where the map has them. */
  paperMapMentions: `
    UNWIND $ids AS id
    MATCH (p:Paper {id: id})-[m:MENTIONS]->(t:Topic)
    USING INDEX p:Paper(id)
    WHERE t.df >= 2 AND coalesce(m.keyTerm, true)
    RETURN p.id AS paperId, t.id AS topicId, t.label AS label, m.score AS score, t.df AS df,
           t.cluster AS cluster, t.x AS x, t.y AS y
    ORDER BY paperId, score DESC, topicId`,

  /** $id */
  /** $ids: the stored similar papers of those papers that are among them. */
  paperMapSimilar: `
    MATCH (p:Paper)-[s:SIMILAR_TO]->(o:Paper)
    USING INDEX p:Paper(id)
    WHERE p.id IN $ids AND o.id IN $ids
    RETURN p.id AS paperId, o.id AS id, s.score AS score
    ORDER BY paperId, s.rank`,

  repository: 'MATCH (r:Repository {id: $id}) RETURN r {.*} AS repository',

  /** $id: the papers linking it, newest first (undated last). */
  repositoryPapers: `
    MATCH (p:Paper)-[l:LINKS_TO]->(:Repository {id: $id})
    RETURN p.id AS id, p.title AS title, p.published AS published, l.status AS status
    ORDER BY coalesce(published, '') DESC, id`,

  /** $ids (the query as typed and case-folded): the topic named exactly, any paper count. */
  topicsNamed: `
    MATCH (t:Topic)
    USING INDEX t:Topic(id)
    WHERE t.id IN $ids AND t.df > 0
    RETURN t.id AS id, t.label AS label, t.df AS df
    ORDER BY id`,

  /** $suffix (` (llm)`), $limit: the topics an acronym stands for. */
  topicsEndingWith: `
    MATCH (t:Topic)
    USING TEXT INDEX t:Topic(labelKey)
    WHERE t.labelKey ENDS WITH $suffix
    RETURN t.id AS id, t.label AS label, t.df AS df
    ORDER BY df DESC, label, id
    LIMIT $limit`,

  /**
   * $prefix, $limit: topics whose label starts with the query. From three characters the text
   * index finds the few that match at once; the …ByDf form, for shorter queries, walks the
   * topics most mentioned first and stops at $limit matches, which come early for one or two
   * letters (a trigram index cannot seek fewer than three): 5 ms where the index took 75 ms
   * for "c" at 80,000 papers.
   */
  topicsStartingWith: `
    MATCH (t:Topic)
    USING TEXT INDEX t:Topic(labelKey)
    WHERE t.labelKey STARTS WITH $prefix
    RETURN t.id AS id, t.label AS label, t.df AS df
    ORDER BY df DESC, label, id
    LIMIT $limit`,

  topicsStartingWithByDf: `
    MATCH (t:Topic)
    USING INDEX t:Topic(df)
    WHERE t.df >= 2 AND t.labelKey STARTS WITH $prefix
    RETURN t.id AS id, t.label AS label, t.df AS df
    ORDER BY df DESC, label, id
    LIMIT $limit`,

  /** $prefix, $limit: topics whose id starts with the query (…ByDf: as above). */
  topicIdsStartingWith: `
    MATCH (t:Topic)
    USING TEXT INDEX t:Topic(idKey)
    WHERE t.idKey STARTS WITH $prefix
    RETURN t.id AS id, t.label AS label, t.df AS df
    ORDER BY df DESC, label, id
    LIMIT $limit`,

  topicIdsStartingWithByDf: `
    MATCH (t:Topic)
    USING INDEX t:Topic(df)
    WHERE t.df >= 2 AND t.idKey STARTS WITH $prefix
    RETURN t.id AS id, t.label AS label, t.df AS df
    ORDER BY df DESC, label, id
    LIMIT $limit`,

  /** $infix (` causal`), $limit: topics with a later word starting with the query (…ByDf: as above). */
  topicsContaining: `
    MATCH (t:Topic)
    USING TEXT INDEX t:Topic(labelKey)
    WHERE t.labelKey CONTAINS $infix
    RETURN t.id AS id, t.label AS label, t.df AS df
    ORDER BY df DESC, label, id
    LIMIT $limit`,

  topicsContainingByDf: `
    MATCH (t:Topic)
    USING INDEX t:Topic(df)
    WHERE t.df >= 2 AND t.labelKey CONTAINS $infix
    RETURN t.id AS id, t.label AS label, t.df AS df
    ORDER BY df DESC, label, id
    LIMIT $limit`,

  /** $search (a Lucene query built by lucene.ts, never raw input), $limit. */
  searchPapers: `
    CALL db.index.fulltext.queryNodes('paper_text', $search) YIELD node, score
    RETURN node.id AS id, node.title AS title, node.published AS published
    ORDER BY score DESC, id
    LIMIT $limit`,

  /** $infix, $limit: repositories whose id contains the query. */
  searchRepositories: `
    MATCH (r:Repository)
    WHERE r.id CONTAINS $infix
    RETURN r {.*} AS repository
    ORDER BY r.id
    LIMIT $limit`,

  // ── export (npm run copy) ───────────────────────────────────────────────────────────────

  /** $after (the last id of the previous page, '' at first), $limit: papers in id order. */
  exportPapers: `
    MATCH (p:Paper)
    WHERE p.id > $after
    WITH p
    ORDER BY p.id
    LIMIT $limit
    RETURN p {.*} AS paper,
           COLLECT { MATCH (k:PaperKey)-[:IDENTIFIES]->(p) RETURN k.key ORDER BY k.key } AS keys,
           COLLECT { MATCH (p)-[m:MENTIONS]->(t:Topic)
                     RETURN {topicId: t.id, label: m.label, score: m.score, count: m.count,
                             inTitle: m.inTitle, keyTerm: coalesce(m.keyTerm, true)}
                     ORDER BY t.id } AS mentions,
           COLLECT { MATCH (p)-[l:LINKS_TO]->(r:Repository)
                     RETURN {repository: r {.*}, status: l.status} ORDER BY r.id } AS repositories
    ORDER BY p.id`,

  /** $ids: the similar lists of those papers that have one, in id order. */
  similarOfPapers: `
    MATCH (p:Paper)
    USING INDEX p:Paper(id)
    WHERE p.id IN $ids AND EXISTS { (p)-[:SIMILAR_TO]->(:Paper) }
    RETURN p.id AS paperId,
           COLLECT { MATCH (p)-[s:SIMILAR_TO]->(o:Paper)
                     RETURN {id: o.id, score: s.score, phrases: s.phrases} ORDER BY s.rank } AS similar
    ORDER BY p.id`,

  /** $ids: the papers whose similar papers include any of these. */
  listingSimilar: `
    MATCH (p:Paper)-[:SIMILAR_TO]->(o:Paper)
    USING INDEX o:Paper(id)
    WHERE o.id IN $ids
    RETURN DISTINCT p.id AS id
    ORDER BY id`,

  /** $after, $limit: the similar lists of the next papers having one, in id order. */
  exportSimilar: `
    MATCH (p:Paper)
    WHERE p.id > $after AND EXISTS { (p)-[:SIMILAR_TO]->(:Paper) }
    WITH p
    ORDER BY p.id
    LIMIT $limit
    RETURN p.id AS paperId,
           COLLECT { MATCH (p)-[s:SIMILAR_TO]->(o:Paper)
                     RETURN {id: o.id, score: s.score, phrases: s.phrases} ORDER BY s.rank } AS similar
    ORDER BY p.id`,

  /** The topics the last analysis placed or gave overlays. */
  exportPlacements: `
    MATCH (t:Topic)
    WHERE t.cluster >= 0 OR t.codeShare IS NOT NULL
    RETURN t.id AS id, t.cluster AS cluster, t.x AS x, t.y AS y, t.year AS year,
           t.codeShare AS codeShare, t.repositories AS repositoryCount
    ORDER BY id`,

  exportCoOccurrences: `
    MATCH (s:Topic)-[c:CO_OCCURS]->(t:Topic)
    RETURN s.id AS source, t.id AS target, c.papers AS paperCount, c.strength AS strength
    ORDER BY source, target`,
} as const;

export type QueryName = keyof typeof QUERIES;

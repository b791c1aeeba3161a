/**
 * The embedded `GraphStore`: one SQLite file through better-sqlite3, in WAL mode so the server
 * can read while an ingest writes. Every batch is one transaction, so a failed ingest leaves
 * the file as it was; the same batch written twice leaves it unchanged.
 */
import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import Database from 'better-sqlite3';
import type {
  Analysis,
  Cluster,
  GraphStore,
  MapState,
  PaperFacts,
  TopicMentions,
  PaperDetail,
  PaperWrite,
  RepositoryDetail,
  PaperHit,
  TopicHit,
  TopicMatch,
  StoreStats,
  TopicDetail,
  PaperMapInput,
  TopicMap,
  TopicMapQuery,
} from '../graph-store.ts';
import { StoreBusyError, TOPIC_REPOSITORIES } from '../graph-store.ts';
import type { CoOccurrence, LinkStatus, Paper, Repository } from '../model.ts';
import { paperFacts, type LinkFact } from '../paper-facts.ts';
import { rankRelated, withSummaries, type SharedTopicRow } from '../related.ts';
import { SCHEMA_VERSION } from './schema.ts';
import { searchIndexer } from './search-index.ts';
import { upgrade } from './upgrades.ts';
import {
  clusterFromRow,
  paperFromRow,
  topicFromRow,
  type ClusterRow,
  type PaperRow,
  type TopicRow,
} from './rows.ts';
import { ftsPhrase, ftsQuery, likeEscape } from './search-query.ts';

type TopicPlacement = Omit<Analysis['topics'][number], 'year'> & { year: number | null };

export interface SqliteStoreOptions {
  /** Open an existing file only; never create one. */
  readonly?: boolean;
  /**
   * How long a write waits for another process's write to finish (default 60 s: the first
   * ingest of 80,000 papers recounts all their topics, holding the lock 8–22 s).
   */
  busyTimeoutMs?: number;
}

export const DEFAULT_BUSY_TIMEOUT_MS = 60_000;

/** Opens (creating when needed) the store at `path`; `:memory:` for a throw-away one. */
export function createSqliteStore(path: string, options: SqliteStoreOptions = {}): GraphStore {
  if (path !== ':memory:' && !options.readonly) mkdirSync(dirname(path), { recursive: true });
  const timeout = options.busyTimeoutMs ?? DEFAULT_BUSY_TIMEOUT_MS;
  const db = new Database(path, {
    readonly: options.readonly ?? false,
    fileMustExist: false,
    timeout,
  });
  const readVersion = () => db.pragma('user_version', { simple: true }) as number;
  const version = readVersion();
  if (version > SCHEMA_VERSION) {
    db.close();
    throw new Error(
      `store: ${path} was written by a newer Topograph (schema ${version}; this one reads ` +
        `up to ${SCHEMA_VERSION}); upgrade Topograph or ingest into a new file`,
    );
  }
  if (options.readonly && version > 0 && version < SCHEMA_VERSION) {
    db.close();
    throw new Error(
      `store: ${path} is in an older format (schema ${version}); open it once for writing ` +
        `(npm start or npm run ingest) to upgrade it`,
    );
  }
  if (!options.readonly) {
    db.pragma('journal_mode = WAL');
    db.pragma('synchronous = NORMAL');
    // 64 MiB of page cache (the default is 2 MiB): a big ingest touches pages all over the
    // topic and mention indexes (40,000 papers: 39 s to write with 2 MiB, 21 s with 64 MiB,
    // no faster with 256). Filled only as pages are read, freed when closed.
    db.pragma('cache_size = -65536');
    // A file of this version is opened without writing anything: an open used to write the
    // version inside a transaction that had already read, which SQLite cannot make wait, so
    // opening a store another process was writing failed at once ("database is locked").
    // An upgrade takes the write lock first (IMMEDIATE), waiting for a writer to finish.
    if (version < SCHEMA_VERSION) {
      runLocked(path, timeout, () =>
        db
          .transaction(() => {
            // Read again under the lock: another process may have upgraded it meanwhile.
            upgrade(db, readVersion());
          })
          .immediate(),
      );
    }
  }
  db.pragma('foreign_keys = ON');
  return new SqliteStore(db, path, timeout);
}

/**
 * Runs a write, turning SQLite's "database is locked" (another process held the write lock
 * longer than `timeout`) into a `StoreBusyError` that says so; nothing of the write was made.
 */
function runLocked<T>(path: string, timeout: number, write: () => T): T {
  try {
    return write();
  } catch (error) {
    if ((error as { code?: string }).code === 'SQLITE_BUSY') {
      throw new StoreBusyError(
        `store: ${path} is being written by another process (another ingest?) and stayed ` +
          `locked for over ${timeout / 1000} s; nothing of this write was made; run it again ` +
          'once the other one has finished',
      );
    }
    throw error;
  }
}

class SqliteStore implements GraphStore {
  readonly kind = 'embedded';

  constructor(
    private readonly db: Database.Database,
    private readonly path: string,
    private readonly busyTimeoutMs: number,
  ) {}

  private locked<T>(write: () => T): T {
    return runLocked(this.path, this.busyTimeoutMs, write);
  }

  // ── writes ────────────────────────────────────────────────────────────────────────────

  async findPapers(keys: string[]): Promise<Paper[]> {
    if (keys.length === 0) return [];
    const rows = this.db
      .prepare<[string], PaperRow>(
        `SELECT DISTINCT p.* FROM paper_keys k JOIN papers p ON p.id = k.paper_id
         WHERE k.key IN (SELECT value FROM json_each(?)) ORDER BY p.id`,
      )
      .all(JSON.stringify(keys));
    return rows.map(paperFromRow);
  }

  async writePapers(batch: PaperWrite[]): Promise<void> {
    const db = this.db;
    const upsertPaper = db.prepare(
      `INSERT INTO papers (id, title, abstract, published, authors, authors_count, upvotes,
         organization, arxiv_id, doi, url, links, sources)
       VALUES (@id, @title, @abstract, @published, @authors, @authorsCount, @upvotes,
         @organization, @arxivId, @doi, @url, @links, @sources)
       ON CONFLICT (id) DO UPDATE SET title = excluded.title, abstract = excluded.abstract,
         published = excluded.published, authors = excluded.authors,
         authors_count = excluded.authors_count, upvotes = excluded.upvotes,
         organization = excluded.organization, arxiv_id = excluded.arxiv_id, doi = excluded.doi,
         url = excluded.url, links = excluded.links, sources = excluded.sources`,
    );
    const indexText = searchIndexer(db);
    const upsertKey = db.prepare(
      'INSERT INTO paper_keys (key, paper_id) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET paper_id = excluded.paper_id',
    );
    // What the paper mentioned and linked before, and what it mentions now, is counted again
    // at the next refresh.
    const markOldTopics = db.prepare(
      'INSERT OR IGNORE INTO stale_topics (id) SELECT topic_id FROM mentions WHERE paper_id = ?',
    );
    const markOldRepositories = db.prepare(
      `INSERT OR IGNORE INTO stale_repositories (id)
       SELECT repository_id FROM links_to WHERE paper_id = ?`,
    );
    const markTopic = db.prepare('INSERT OR IGNORE INTO stale_topics (id) VALUES (?)');
    const deleteMentions = db.prepare('DELETE FROM mentions WHERE paper_id = ?');
    const insertTopic = db.prepare('INSERT OR IGNORE INTO topics (id, label) VALUES (?, ?)');
    const insertMention = db.prepare(
      `INSERT INTO mentions (paper_id, topic_id, label, score, count, in_title)
       VALUES (?, ?, ?, ?, ?, ?)`,
    );
    const deleteLinks = db.prepare('DELETE FROM links_to WHERE paper_id = ?');
    const upsertRepository = db.prepare(
      `INSERT INTO repositories (id, url, host, owner, name, kind)
       VALUES (@id, @url, @host, @owner, @name, @kind) ON CONFLICT (id) DO NOTHING`,
    );
    const insertLink = db.prepare(
      'INSERT INTO links_to (paper_id, repository_id, status) VALUES (?, ?, ?)',
    );
    const nextVersion = db.prepare(
      'UPDATE store_state SET papers_version = papers_version + 1 WHERE id = 1',
    );

    // IMMEDIATE: take the write lock before reading, so a busy store makes the write wait.
    this.locked(() =>
      db
        .transaction(() => {
          nextVersion.run();
          for (const { paper, keys, mentions, repositories } of batch) {
            upsertPaper.run({
              id: paper.id,
              title: paper.title,
              abstract: paper.abstract,
              published: paper.published ?? null,
              authors: JSON.stringify(paper.authors),
              authorsCount: paper.authorsCount ?? null,
              upvotes: paper.upvotes ?? null,
              organization: paper.organization ?? null,
              arxivId: paper.arxivId ?? null,
              doi: paper.doi ?? null,
              url: paper.url ?? null,
              links: JSON.stringify(paper.links),
              sources: JSON.stringify(paper.sources),
            });
            indexText(paper.id, paper.title, paper.abstract);
            for (const key of keys) upsertKey.run(key, paper.id);
            markOldTopics.run(paper.id);
            deleteMentions.run(paper.id);
            for (const mention of mentions) {
              insertTopic.run(mention.topicId, mention.label);
              markTopic.run(mention.topicId);
              insertMention.run(
                paper.id,
                mention.topicId,
                mention.label,
                mention.score,
                mention.count,
                mention.inTitle ? 1 : 0,
              );
            }
            markOldRepositories.run(paper.id);
            deleteLinks.run(paper.id);
            for (const { repository, status } of repositories) {
              upsertRepository.run(repository);
              insertLink.run(paper.id, repository.id, status);
            }
          }
        })
        .immediate(),
    );
  }

  async refreshTopics(): Promise<void> {
    // Only what writes touched since the last refresh (see schema version 5). A topic's label
    // is the form most of its mentions write; only changed rows are written. CROSS JOIN keeps
    // SQLite from the marks to the mentions: left to choose, it walked all 1.6 million mentions
    // to add 50 papers to 80,000 (3.7 s instead of 0.08).
    this.locked(() =>
      this.db
        .transaction(() => {
          this.db.exec(`
        WITH forms AS (
          SELECT m.topic_id, m.label, count(*) AS uses
          FROM stale_topics s CROSS JOIN mentions m ON m.topic_id = s.id
          GROUP BY m.topic_id, m.label
        ), ranked AS (
          SELECT topic_id, label, sum(uses) OVER (PARTITION BY topic_id) AS df,
                 row_number() OVER (PARTITION BY topic_id ORDER BY uses DESC, label) AS rank
          FROM forms
        )
        UPDATE topics SET df = ranked.df, label = ranked.label
        FROM ranked
        WHERE ranked.rank = 1 AND topics.id = ranked.topic_id
          AND (topics.df <> ranked.df OR topics.label <> ranked.label);
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
        DELETE FROM stale_repositories;`);
        })
        .immediate(),
    );
  }

  async readTopicMentions({
    minPapers,
    limit,
  }: {
    minPapers: number;
    limit: number;
  }): Promise<TopicMentions> {
    // One read transaction: the version and what is read are of the same moment.
    return this.db.transaction(() => this.readTopicMentionsNow(minPapers, limit))();
  }

  private readTopicMentionsNow(minPapers: number, limit: number): TopicMentions {
    const { papersVersion: version } = this.readMapState();
    const topics = this.db
      .prepare<[number, number], TopicMentions['topics'][number]>(
        `SELECT id, label, df, cluster, x, y FROM topics WHERE df >= ?
         ORDER BY df DESC, id LIMIT ?`,
      )
      .all(minPapers, limit);
    const ids = JSON.stringify(topics.map((topic) => topic.id));
    const mentions = this.db
      .prepare<[string], { paperId: string; topicId: string }>(
        `SELECT paper_id AS paperId, topic_id AS topicId FROM mentions
         WHERE topic_id IN (SELECT value FROM json_each(?)) ORDER BY paper_id, topic_id`,
      )
      .all(ids);
    const links = new Map<string, LinkFact[]>();
    const linkRows = this.db.prepare<
      [],
      { paperId: string; repository: string; status: LinkStatus; kind: string }
    >(
      `SELECT l.paper_id AS paperId, l.repository_id AS repository, l.status, r.kind
       FROM links_to l JOIN repositories r ON r.id = l.repository_id`,
    );
    for (const { paperId, ...link } of linkRows.iterate()) {
      const list = links.get(paperId);
      if (list) list.push(link);
      else links.set(paperId, [link]);
    }
    const facts: PaperFacts[] = [];
    const paperRows = this.db.prepare<[string], { id: string; published: string | null }>(
      `SELECT id, published FROM papers WHERE id IN
         (SELECT DISTINCT paper_id FROM mentions WHERE topic_id IN (SELECT value FROM json_each(?)))
       ORDER BY id`,
    );
    for (const { id, published } of paperRows.iterate(ids)) {
      facts.push(paperFacts(id, published, links.get(id) ?? []));
    }
    const { papers } = this.db
      .prepare<[], { papers: number }>('SELECT count(*) AS papers FROM papers')
      .get()!;
    return { version, papers, topics, mentions, facts, ...this.readMapResolution() };
  }

  private readMapResolution(): { resolution?: number } {
    const resolution = this.db
      .prepare<[], number | null>('SELECT map_resolution FROM store_state')
      .pluck()
      .get();
    return resolution == null ? {} : { resolution };
  }

  private readMapState(): MapState {
    return this.db
      .prepare<[], MapState>(
        'SELECT papers_version AS papersVersion, map_version AS mapVersion FROM store_state',
      )
      .get()!;
  }

  async mapState(): Promise<MapState> {
    return this.readMapState();
  }

  async writeAnalysis({
    version,
    topics,
    coOccurrences,
    clusters,
    resolution,
  }: Analysis): Promise<boolean> {
    const db = this.db;
    const placeTopic = db.prepare<[TopicPlacement]>(
      `UPDATE topics SET cluster = @cluster, x = @x, y = @y, year = @year,
         code_share = @codeShare, repositories = @repositories WHERE id = @id`,
    );
    const insertCoOccurrence = db.prepare(
      'INSERT INTO co_occurs (source, target, papers, strength) VALUES (@source, @target, @papers, @strength)',
    );
    const insertCluster = db.prepare<[Omit<Cluster, 'year'> & { year: number | null }]>(
      `INSERT INTO clusters (id, label, topics, papers, year, code_share, repositories)
       VALUES (@id, @label, @topics, @papers, @year, @codeShare, @repositories)`,
    );
    // IMMEDIATE: the version check and the writes hold the write lock together.
    return this.locked(() =>
      db
        .transaction(() => {
          if (this.readMapState().mapVersion > version) return false;
          db.prepare('UPDATE store_state SET map_version = ?, map_resolution = ? WHERE id = 1').run(
            version,
            resolution ?? null,
          );
          db.exec(`DELETE FROM co_occurs; DELETE FROM clusters;
               UPDATE topics SET cluster = -1, x = 0, y = 0, year = NULL, code_share = NULL,
                 repositories = NULL
               WHERE cluster <> -1 OR x <> 0 OR y <> 0 OR code_share IS NOT NULL;`);
          for (const topic of topics) placeTopic.run({ ...topic, year: topic.year ?? null });
          for (const edge of coOccurrences) insertCoOccurrence.run(edge);
          for (const cluster of clusters)
            insertCluster.run({ ...cluster, year: cluster.year ?? null });
          return true;
        })
        .immediate(),
    );
  }

  // ── export (npm run copy) ─────────────────────────────────────────────────────────────

  async exportPapers(after: string, limit: number): Promise<PaperWrite[]> {
    const papers = this.db
      .prepare<[string, number], PaperRow>('SELECT * FROM papers WHERE id > ? ORDER BY id LIMIT ?')
      .all(after, limit);
    const keys = this.db
      .prepare<[string], string>('SELECT key FROM paper_keys WHERE paper_id = ? ORDER BY key')
      .pluck();
    const mentions = this.db.prepare<
      [string],
      { topicId: string; label: string; score: number; count: number; inTitle: number }
    >(
      `SELECT topic_id AS topicId, label, score, count, in_title AS inTitle FROM mentions
       WHERE paper_id = ? ORDER BY topic_id`,
    );
    const links = this.db.prepare<[string], Repository & { status: LinkStatus }>(
      `SELECT r.*, l.status FROM links_to l JOIN repositories r ON r.id = l.repository_id
       WHERE l.paper_id = ? ORDER BY r.id`,
    );
    return papers.map((row) => ({
      paper: paperFromRow(row),
      keys: keys.all(row.id),
      mentions: mentions
        .all(row.id)
        .map((mention) => ({ ...mention, inTitle: mention.inTitle === 1 })),
      repositories: links.all(row.id).map(({ status, ...repository }) => ({ repository, status })),
    }));
  }

  async exportAnalysis(): Promise<Analysis> {
    const topics = this.db
      .prepare<[], TopicRow>(
        'SELECT * FROM topics WHERE cluster <> -1 OR code_share IS NOT NULL ORDER BY id',
      )
      .all()
      .map((row) => ({
        id: row.id,
        cluster: row.cluster,
        x: row.x,
        y: row.y,
        ...(row.year === null ? {} : { year: row.year }),
        // Only a file from before overlays (schema 2) lacks them on a placed topic.
        codeShare: row.code_share ?? 0,
        repositories: row.repositories ?? 0,
      }));
    const coOccurrences = this.db
      .prepare<[], CoOccurrence>(
        'SELECT source, target, papers, strength FROM co_occurs ORDER BY source, target',
      )
      .all();
    const clusters = this.db
      .prepare<[], ClusterRow>('SELECT * FROM clusters ORDER BY id')
      .all()
      .map(clusterFromRow);
    return {
      version: this.readMapState().mapVersion,
      topics,
      coOccurrences,
      clusters,
      ...this.readMapResolution(),
    };
  }

  // ── reads ─────────────────────────────────────────────────────────────────────────────

  async stats(): Promise<StoreStats> {
    return this.db
      .prepare<[], StoreStats>(
        `SELECT (SELECT count(*) FROM papers) AS papers,
                (SELECT count(*) FROM topics) AS topics,
                (SELECT count(*) FROM repositories) AS repositories,
                (SELECT count(*) FROM clusters) AS clusters,
                (SELECT count(*) FROM mentions) AS mentions,
                (SELECT count(*) FROM links_to) AS links,
                (SELECT count(DISTINCT l.paper_id) FROM links_to l
                  JOIN repositories r ON r.id = l.repository_id
                 WHERE l.status = 'released' AND r.kind = 'code') AS papersWithCode`,
      )
      .get()!;
  }

  async topicMap({ limit, minPapers, cluster, maxEdges }: TopicMapQuery): Promise<TopicMap> {
    const topics = this.db
      .prepare<[number, number | null, number | null, number], TopicRow>(
        `SELECT * FROM topics WHERE df >= ? AND cluster >= 0 AND (? IS NULL OR cluster = ?)
         ORDER BY df DESC, id LIMIT ?`,
      )
      .all(minPapers, cluster ?? null, cluster ?? null, limit)
      .map(topicFromRow);
    // The links are few (the analysis keeps at most ~10,000): reading them all and keeping
    // those between the topics drawn beats probing every pair (4M probes for 2,000 topics).
    const drawn = new Set(topics.map((topic) => topic.id));
    const edges = this.db
      .prepare<[], CoOccurrence>(
        `SELECT source, target, papers, strength FROM co_occurs
         ORDER BY strength DESC, source, target`,
      )
      .all()
      .filter((edge) => drawn.has(edge.source) && drawn.has(edge.target))
      .slice(0, maxEdges);
    const clusters = this.db
      .prepare<[], ClusterRow>('SELECT * FROM clusters ORDER BY id')
      .all()
      .map(clusterFromRow);
    return { topics, edges, clusters };
  }

  async paper(id: string, relatedLimit: number): Promise<PaperDetail | undefined> {
    const row = this.db.prepare<[string], PaperRow>('SELECT * FROM papers WHERE id = ?').get(id);
    if (!row) return undefined;
    const topics = this.db
      .prepare<[string], { id: string; label: string; score: number; inTitle: number }>(
        `SELECT t.id, t.label, m.score, m.in_title AS inTitle FROM mentions m
         JOIN topics t ON t.id = m.topic_id WHERE m.paper_id = ? ORDER BY m.score DESC, t.id`,
      )
      .all(id)
      .map((topic) => ({ ...topic, inTitle: topic.inTitle === 1 }));
    const repositories = this.db
      .prepare<[string], Repository & { status: LinkStatus }>(
        `SELECT r.*, l.status FROM links_to l JOIN repositories r ON r.id = l.repository_id
         WHERE l.paper_id = ? ORDER BY r.id`,
      )
      .all(id);
    const { papers } = this.db
      .prepare<[], { papers: number }>('SELECT count(*) AS papers FROM papers')
      .get()!;
    const shared = this.db
      .prepare<[string], SharedTopicRow>(
        `SELECT other.paper_id AS paperId, t.id AS topicId, t.label, t.df,
                mine.score, other.score AS otherScore
         FROM mentions mine
         JOIN topics t ON t.id = mine.topic_id
         JOIN mentions other ON other.topic_id = mine.topic_id AND other.paper_id <> mine.paper_id
         WHERE mine.paper_id = ?`,
      )
      .all(id);
    const ranked = rankRelated(shared, papers, relatedLimit);
    const related = withSummaries(
      ranked,
      this.db
        .prepare<[string], { id: string; title: string; published: string | null }>(
          'SELECT id, title, published FROM papers WHERE id IN (SELECT value FROM json_each(?))',
        )
        .all(JSON.stringify(ranked.map((paper) => paper.id))),
    );
    return { paper: paperFromRow(row), topics, repositories, related };
  }

  async topic(id: string, limit: number): Promise<TopicDetail | undefined> {
    const row = this.db.prepare<[string], TopicRow>('SELECT * FROM topics WHERE id = ?').get(id);
    if (!row) return undefined;
    const papers = this.db
      .prepare<
        [string, number],
        { id: string; title: string; published: string | null; score: number; hasCode: number }
      >(
        `SELECT p.id, p.title, p.published, m.score,
                EXISTS (SELECT 1 FROM links_to l JOIN repositories r ON r.id = l.repository_id
                        WHERE l.paper_id = p.id AND l.status = 'released' AND r.kind = 'code')
                  AS hasCode
         FROM mentions m JOIN papers p ON p.id = m.paper_id
         WHERE m.topic_id = ? ORDER BY m.score DESC, p.published DESC, p.id LIMIT ?`,
      )
      .all(id, limit)
      .map(({ published, hasCode, ...paper }) => ({
        ...paper,
        ...(published ? { published } : {}),
        hasCode: hasCode === 1,
      }));
    const repositories = this.db
      .prepare<[string, number], Repository & { papers: number; released: number }>(
        `SELECT r.*, count(DISTINCT l.paper_id) AS papers, max(l.status = 'released') AS released
         FROM mentions m JOIN links_to l ON l.paper_id = m.paper_id
         JOIN repositories r ON r.id = l.repository_id
         WHERE m.topic_id = ? GROUP BY r.id
         ORDER BY papers DESC, released DESC, r.id LIMIT ?`,
      )
      .all(id, TOPIC_REPOSITORIES)
      .map((repository) => ({ ...repository, released: repository.released === 1 }));
    let coOccurring = this.db
      .prepare<[string, string, number], TopicDetail['coOccurring'][number]>(
        `SELECT t.id, t.label, c.papers, c.strength FROM co_occurs c
         JOIN topics t ON t.id = CASE WHEN c.source = ? THEN c.target ELSE c.source END
         WHERE ? IN (c.source, c.target) ORDER BY c.strength DESC, t.id LIMIT ?`,
      )
      .all(id, id, limit);
    if (coOccurring.length === 0) {
      // Not on the map (too rare): its co-occurring topics straight from the papers it shares.
      coOccurring = this.db
        .prepare<[number, string, number], TopicDetail['coOccurring'][number]>(
          `SELECT t.id, t.label, count(*) AS papers,
                  round(count(*) * (SELECT count(*) FROM papers) * 1.0 / (t.df * ?), 6) AS strength
           FROM mentions mine JOIN mentions other
             ON other.paper_id = mine.paper_id AND other.topic_id <> mine.topic_id
           JOIN topics t ON t.id = other.topic_id
           WHERE mine.topic_id = ? GROUP BY t.id
           ORDER BY papers DESC, strength DESC, t.id LIMIT ?`,
        )
        .all(Math.max(row.df, 1), id, limit);
    }
    const years = this.db
      .prepare<[string], { year: number; papers: number }>(
        `SELECT CAST(substr(p.published, 1, 4) AS INTEGER) AS year, count(*) AS papers
         FROM mentions m JOIN papers p ON p.id = m.paper_id
         WHERE m.topic_id = ? AND p.published GLOB '[0-9][0-9][0-9][0-9]*'
         GROUP BY year ORDER BY year`,
      )
      .all(id);
    return { topic: topicFromRow(row), papers, repositories, coOccurring, years };
  }

  async repository(id: string): Promise<RepositoryDetail | undefined> {
    const repository = this.db
      .prepare<[string], Repository>('SELECT * FROM repositories WHERE id = ?')
      .get(id);
    if (!repository) return undefined;
    const papers = this.db
      .prepare<
        [string],
        { id: string; title: string; published: string | null; status: LinkStatus }
      >(
        `SELECT p.id, p.title, p.published, l.status FROM links_to l JOIN papers p ON p.id = l.paper_id
         WHERE l.repository_id = ? ORDER BY p.published DESC, p.id`,
      )
      .all(id)
      .map(({ published, ...paper }) => (published ? { ...paper, published } : paper));
    return { repository, papers };
  }

  async paperMapInput({ limit }: { limit: number }): Promise<PaperMapInput> {
    const { papers } = this.db
      .prepare<[], { papers: number }>('SELECT count(*) AS papers FROM papers')
      .get()!;
    const nodes = this.db
      .prepare<[number], { id: string; title: string; published: string | null; hasCode: number }>(
        // From the topics on the map to their mentions (CROSS JOIN keeps SQLite to that order:
        // at 80k papers, 2,000 topics lead to 0.1 s of mentions; all mentions take 4 s).
        `WITH on_map AS (
           SELECT m.paper_id, count(*) AS topics FROM topics t
           CROSS JOIN mentions m ON m.topic_id = t.id WHERE t.cluster >= 0 GROUP BY m.paper_id)
         SELECT p.id, p.title, p.published,
                EXISTS (SELECT 1 FROM links_to l JOIN repositories r ON r.id = l.repository_id
                        WHERE l.paper_id = p.id AND l.status = 'released' AND r.kind = 'code')
                  AS hasCode
         FROM on_map o JOIN papers p ON p.id = o.paper_id
         ORDER BY o.topics DESC, p.published DESC NULLS LAST, p.id LIMIT ?`,
      )
      .all(limit)
      .map(({ published, hasCode, ...paper }) => ({
        ...paper,
        ...(published ? { published } : {}),
        hasCode: hasCode === 1,
      }));
    const mentions = this.db
      .prepare<[string], PaperMapInput['mentions'][number]>(
        `SELECT m.paper_id AS paperId, m.topic_id AS topicId, t.label, m.score, t.df, t.cluster,
                t.x, t.y
         FROM mentions m JOIN topics t ON t.id = m.topic_id
         WHERE m.paper_id IN (SELECT value FROM json_each(?)) AND t.df >= 2
         ORDER BY m.paper_id, m.score DESC, m.topic_id`,
      )
      .all(JSON.stringify(nodes.map((node) => node.id)));
    return { papers, nodes, mentions };
  }

  // ── search (search.ts composes these) ────────────────────────────────────────────────

  async findTopics(match: TopicMatch, limit: number): Promise<TopicHit[]> {
    if (match.kind === 'named') {
      return this.db
        .prepare<[string], TopicHit>(
          `SELECT id, label, df FROM topics
           WHERE id IN (SELECT value FROM json_each(?)) AND df > 0 ORDER BY id`,
        )
        .all(JSON.stringify(match.ids));
    }
    // Each walks the topics_searchable index (topics of two papers or more, by df).
    const text = likeEscape(match.text);
    const choices: Record<Exclude<TopicMatch['kind'], 'named'>, ['label' | 'id', string]> = {
      labelEndsWith: ['label', `%${text}`],
      labelStartsWith: ['label', `${text}%`],
      idStartsWith: ['id', `${text}%`],
      labelHasWordStartingWith: ['label', `%${text}%`],
    };
    const [column, pattern] = choices[match.kind];
    return this.db
      .prepare<[string, number], TopicHit>(
        `SELECT id, label, df FROM topics WHERE df >= 2 AND ${column} LIKE ? ESCAPE '\\'
         ORDER BY df DESC, label, id LIMIT ?`,
      )
      .all(pattern, limit);
  }

  async findPaperText(text: string, mode: 'words' | 'phrase', limit: number): Promise<PaperHit[]> {
    const match = mode === 'phrase' ? ftsPhrase(text) : ftsQuery(text);
    if (!match) return [];
    return this.db
      .prepare<[string, number], { id: string; title: string; published: string | null }>(
        `SELECT p.id, p.title, p.published FROM paper_search s
         JOIN paper_search_rows r ON r.row = s.rowid JOIN papers p ON p.id = r.paper_id
         WHERE paper_search MATCH ? ORDER BY bm25(paper_search, 10, 1), p.id LIMIT ?`,
      )
      .all(match, limit)
      .map(({ published, ...paper }) => (published ? { ...paper, published } : paper));
  }

  async findRepositories(text: string, limit: number): Promise<Repository[]> {
    return this.db
      .prepare<[string, number], Repository>(
        `SELECT * FROM repositories WHERE id LIKE ? ESCAPE '\\' ORDER BY id LIMIT ?`,
      )
      .all(`%${likeEscape(text)}%`, limit);
  }

  async close(): Promise<void> {
    this.db.close();
  }
}

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
  PaperText,
  PaperWrite,
  SimilarList,
  StoredTermCounts,
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
import { paperFacts, topicOverlay, type LinkFact, type OverlayCounts } from '../paper-facts.ts';
import { noStoredTerms, storedTermCounts, termQuestions } from '../term-counts.ts';
import {
  explainSimilar,
  rankRelated,
  withSummaries,
  type RankedPaper,
  type RelatedSummary,
  type SharedTopicRow,
} from '../related.ts';
import { SCHEMA_VERSION } from './schema.ts';
import { SQL } from './statements.ts';
import { searchIndexer } from './search-index.ts';
import { upgrade } from './upgrades.ts';
import {
  clusterFromRow,
  paperFromRow,
  similarFromRow,
  similarLists,
  topicFromRow,
  type ClusterRow,
  type PaperRow,
  type SimilarRow,
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
  // A first ingest stopped before its refresh left the mentions without their topic index.
  // A first ingest stopped before its refresh left the mentions without their topic index; one
  // still writing holds the lock, and builds it itself: no wait for it.
  const indexed = db.prepare<[], number>(SQL.hasTopicIndex).pluck().get() === 1;
  if (!options.readonly && !indexed) {
    db.pragma('busy_timeout = 0');
    try {
      db.exec(SQL.topicIndex);
    } catch (error) {
      if ((error as { code?: string }).code !== 'SQLITE_BUSY') throw error;
    } finally {
      db.pragma(`busy_timeout = ${timeout}`);
    }
  }
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

/** A paper's row as a hit or summary: a paper without a date has none. */
function paperHit<R extends PaperHitRow>({
  published,
  ...paper
}: R): Omit<R, 'published'> & { published?: string } {
  return published ? { ...paper, published } : paper;
}

type PaperHitRow = { id: string; title: string; published: string | null };

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
    const rows = this.db.prepare<[string], PaperRow>(SQL.papersByKeys).all(JSON.stringify(keys));
    return rows.map(paperFromRow);
  }

  async storedTermCounts(keys: readonly string[], excluding: string[]): Promise<StoredTermCounts> {
    const db = this.db;
    const questions = termQuestions(keys);
    return db.transaction(() => {
      const ids = JSON.stringify(excluding);
      const left = db.prepare<[string], number>(SQL.countPapersAmong).pluck().get(ids)!;
      const paperCount = this.countPapers() - left;
      if (paperCount === 0) return noStoredTerms(paperCount);
      const leadCount = db.prepare<[string, string], number>(SQL.leadCount).pluck();
      return storedTermCounts(questions, {
        paperCount,
        topics: db
          .prepare<[string], { id: string; df: number }>(SQL.topicCounts)
          .all(JSON.stringify(questions.keys)),
        leads: questions.words.map((word) => ({ word, papers: leadCount.get(word, word)! })),
        labelled:
          questions.acronyms.length === 0
            ? []
            : db.prepare<[], { id: string; label: string; df: number }>(SQL.acronymLabelled).all(),
        excluded: db
          .prepare<[string], { id: string; mentions: number }>(SQL.mentionCountsOf)
          .all(ids),
      });
    })();
  }

  async writePapers(batch: PaperWrite[]): Promise<void> {
    const db = this.db;
    // Foreign keys are not checked in the write: every topic and paper a row refers to is written
    // first, in the same transaction, and checking them took a B-tree search in each of the
    // papers and topics per mention (PRAGMA cannot change inside a transaction).
    db.pragma('foreign_keys = OFF');
    try {
      this.writeBatch(batch);
    } finally {
      db.pragma('foreign_keys = ON');
    }
  }

  private writeBatch(batch: PaperWrite[]): void {
    const db = this.db;
    const upsertPaper = db.prepare(SQL.upsertPaper);
    const indexText = searchIndexer(db);
    const upsertKey = db.prepare(SQL.upsertPaperKey);
    // What the paper mentioned and linked before, and what it mentions now, is counted again
    // at the next refresh.
    const markOldTopics = db.prepare(SQL.markPaperTopics);
    const markOldRepositories = db.prepare(SQL.markPaperRepositories);
    const markTopic = db.prepare(SQL.markTopic);
    const deleteMentions = db.prepare(SQL.deletePaperMentions);
    const insertTopic = db.prepare(SQL.insertTopic);
    const insertMention = db.prepare(SQL.insertMention);
    const deleteLinks = db.prepare(SQL.deletePaperLinks);
    const upsertRepository = db.prepare(SQL.insertRepository);
    const insertLink = db.prepare(SQL.insertLink);
    const nextVersion = db.prepare(SQL.nextPapersVersion);

    // IMMEDIATE: take the write lock before reading, so a busy store makes the write wait.
    this.locked(() =>
      db
        .transaction(() => {
          nextVersion.run();
          // A first ingest into an empty store writes without the mentions' topic index (see
          // statements.ts); `refreshTopics`, or the next open, builds it.
          if (db.prepare<[], number>(SQL.hasMentions).pluck().get() === 0) {
            db.exec(SQL.dropTopicIndex);
          }
          // Each topic of the batch created and marked once: a paper mentions ~60 terms,
          // most of them shared with other papers of the batch.
          const topics = new Map<string, string>();
          for (const { mentions } of batch) {
            for (const { topicId, label } of mentions) {
              if (!topics.get(topicId)) topics.set(topicId, label);
            }
          }
          for (const [id, label] of topics) {
            insertTopic.run(id, label || id);
            markTopic.run(id);
          }
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
              openalexId: paper.openalexId ?? null,
              categories: JSON.stringify(paper.categories),
              references: JSON.stringify(paper.references),
              authorships: paper.authorships ? JSON.stringify(paper.authorships) : null,
            });
            indexText(paper.id, paper.title, paper.abstract);
            for (const key of keys) upsertKey.run(key, paper.id);
            markOldTopics.run(paper.id);
            deleteMentions.run(paper.id);
            for (const mention of mentions) {
              insertMention.run(
                paper.id,
                mention.topicId,
                mention.label,
                mention.score,
                mention.count,
                mention.inTitle ? 1 : 0,
                mention.keyTerm ? 1 : 0,
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
    // Only what writes touched since the last refresh (see statements.ts).
    this.locked(() =>
      this.db
        .transaction(() => {
          this.db.exec(SQL.topicIndex);
          this.db.exec(SQL.refreshStale);
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
      .prepare<[number, number], TopicMentions['topics'][number]>(SQL.candidateTopics)
      .all(minPapers, limit);
    const ids = JSON.stringify(topics.map((topic) => topic.id));
    const mentions = this.db
      .prepare<[string], { paperId: string; topicId: string }>(SQL.candidateMentions)
      .all(ids);
    const links = new Map<string, LinkFact[]>();
    const linkRows = this.db.prepare<
      [],
      { paperId: string; repository: string; status: LinkStatus; kind: string }
    >(SQL.allLinks);
    for (const { paperId, ...link } of linkRows.iterate()) {
      const list = links.get(paperId);
      if (list) list.push(link);
      else links.set(paperId, [link]);
    }
    const facts: PaperFacts[] = [];
    const paperRows = this.db.prepare<[string], { id: string; published: string | null }>(
      SQL.candidatePapers,
    );
    for (const { id, published } of paperRows.iterate(ids)) {
      facts.push(paperFacts(id, published, links.get(id) ?? []));
    }
    return {
      version,
      paperCount: this.countPapers(),
      topics,
      mentions,
      facts,
      ...this.readMapResolution(),
    };
  }

  private countPapers(): number {
    return this.db.prepare<[], number>(SQL.countPapers).pluck().get()!;
  }

  private readMapResolution(): { resolution?: number } {
    const resolution = this.db.prepare<[], number | null>(SQL.mapResolution).pluck().get();
    return resolution == null ? {} : { resolution };
  }

  private readMapState(): MapState {
    return this.db.prepare<[], MapState>(SQL.mapState).get()!;
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
    const placeTopic = db.prepare<[TopicPlacement]>(SQL.placeTopic);
    const insertCoOccurrence = db.prepare(SQL.insertCoOccurrence);
    const insertCluster = db.prepare<[Omit<Cluster, 'year'> & { year: number | null }]>(
      SQL.insertCluster,
    );
    // IMMEDIATE: the version check and the writes hold the write lock together.
    return this.locked(() =>
      db
        .transaction(() => {
          if (this.readMapState().mapVersion > version) return false;
          db.prepare(SQL.claimMap).run(version, resolution ?? null);
          db.exec(SQL.clearMap);
          for (const topic of topics) placeTopic.run({ ...topic, year: topic.year ?? null });
          for (const edge of coOccurrences) insertCoOccurrence.run(edge);
          for (const cluster of clusters)
            insertCluster.run({ ...cluster, year: cluster.year ?? null });
          return true;
        })
        .immediate(),
    );
  }

  async readPaperTexts(after: string, limit: number): Promise<PaperText[]> {
    return this.db.prepare<[string, number], PaperText>(SQL.paperTextsAfter).all(after, limit);
  }

  async writeSimilar(lists: SimilarList[], version?: number): Promise<void> {
    const db = this.db;
    const clear = db.prepare<[string]>(SQL.clearSimilar);
    const insert = db.prepare<
      [{ paperId: string; rank: number; otherId: string; score: number; phrases: string }]
    >(SQL.insertSimilar);
    this.locked(() =>
      db
        .transaction(() => {
          for (const { paperId, similar } of lists) {
            clear.run(paperId);
            similar.forEach(({ id: otherId, score, phrases }, rank) =>
              insert.run({ paperId, rank, otherId, score, phrases: JSON.stringify(phrases) }),
            );
          }
          if (version !== undefined) db.prepare(SQL.claimSimilar).run(version);
        })
        .immediate(),
    );
  }

  async readSimilar(ids: string[]): Promise<SimilarList[]> {
    return similarLists(
      this.db
        .prepare<[string], SimilarRow & { paperId: string }>(SQL.similarOfPapers)
        .all(JSON.stringify(ids)),
    );
  }

  async findListing(ids: string[]): Promise<string[]> {
    return this.db.prepare<[string], string>(SQL.listingSimilar).pluck().all(JSON.stringify(ids));
  }

  // ── export (npm run copy) ─────────────────────────────────────────────────────────────

  async exportSimilar(after: string, limit: number): Promise<SimilarList[]> {
    return similarLists(
      this.db
        .prepare<[string, number], SimilarRow & { paperId: string }>(SQL.similarAfter)
        .all(after, limit),
    );
  }

  async exportPapers(after: string, limit: number): Promise<PaperWrite[]> {
    const papers = this.db.prepare<[string, number], PaperRow>(SQL.papersAfter).all(after, limit);
    const keys = this.db.prepare<[string], string>(SQL.paperKeys).pluck();
    const mentions = this.db.prepare<
      [string],
      {
        topicId: string;
        label: string;
        score: number;
        count: number;
        inTitle: number;
        keyTerm: number;
      }
    >(SQL.paperMentions);
    const links = this.db.prepare<[string], Repository & { status: LinkStatus }>(SQL.paperLinks);
    return papers.map((row) => ({
      paper: paperFromRow(row),
      keys: keys.all(row.id),
      mentions: mentions.all(row.id).map((mention) => ({
        ...mention,
        inTitle: mention.inTitle === 1,
        keyTerm: mention.keyTerm === 1,
      })),
      repositories: links.all(row.id).map(({ status, ...repository }) => ({ repository, status })),
    }));
  }

  async exportAnalysis(): Promise<Analysis> {
    const topics = this.db
      .prepare<[], TopicRow>(SQL.mappedTopics)
      .all()
      .map((row) => ({
        id: row.id,
        cluster: row.cluster,
        x: row.x,
        y: row.y,
        ...(row.year === null ? {} : { year: row.year }),
        // Only a file from before overlays (schema 2) lacks them on a placed topic.
        codeShare: row.code_share ?? 0,
        repositoryCount: row.repositories ?? 0,
      }));
    const coOccurrences = this.db.prepare<[], CoOccurrence>(SQL.allCoOccurrences).all();
    const clusters = this.db.prepare<[], ClusterRow>(SQL.allClusters).all().map(clusterFromRow);
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
    return this.db.prepare<[], StoreStats>(SQL.stats).get()!;
  }

  async topicMap({ limit, minPapers, cluster, maxEdges }: TopicMapQuery): Promise<TopicMap> {
    const topics = this.db
      .prepare<[number, number | null, number | null, number], TopicRow>(SQL.mapTopics)
      .all(minPapers, cluster ?? null, cluster ?? null, limit)
      .map((row) => ({ ...topicFromRow(row), keyDf: row.key_df }));
    // The links are few (the analysis keeps at most ~10,000): reading them all and keeping
    // those between the topics drawn beats probing every pair (4M probes for 2,000 topics).
    const drawn = new Set(topics.map((topic) => topic.id));
    const edges = this.db
      .prepare<[], CoOccurrence>(SQL.mapEdges)
      .all()
      .filter((edge) => drawn.has(edge.source) && drawn.has(edge.target))
      .slice(0, maxEdges);
    const clusters = this.db.prepare<[], ClusterRow>(SQL.allClusters).all().map(clusterFromRow);
    return { topics, edges, clusters };
  }

  async paper(id: string, relatedLimit: number): Promise<PaperDetail | undefined> {
    const row = this.db.prepare<[string], PaperRow>(SQL.paperById).get(id);
    if (!row) return undefined;
    const topics = this.db
      .prepare<[string], { id: string; label: string; score: number; inTitle: number }>(
        SQL.paperTopics,
      )
      .all(id)
      .map((topic) => ({ ...topic, inTitle: topic.inTitle === 1 }));
    const repositories = this.db
      .prepare<[string], Repository & { status: LinkStatus }>(SQL.paperLinks)
      .all(id);
    const ranked = this.related(id, relatedLimit);
    const summaries = this.db
      .prepare<[string], Omit<RelatedSummary, 'topics'> & { topics: string }>(SQL.paperSummaries)
      .all(JSON.stringify(ranked.map((paper) => paper.id)))
      .map((summary) => ({
        ...summary,
        topics: JSON.parse(summary.topics) as RelatedSummary['topics'],
      }));
    const related = withSummaries(ranked, summaries, { ...row, topics });
    return { paper: paperFromRow(row), topics, repositories, related };
  }

  /** The stored similar papers with their shared topics, else the shared-topic ranking. */
  private related(id: string, limit: number): RankedPaper[] {
    const similar = this.db
      .prepare<[string, number], SimilarRow>(SQL.similarOf)
      .all(id, limit)
      .map(similarFromRow);
    if (similar.length === 0) {
      const shared = this.db.prepare<[string], SharedTopicRow>(SQL.sharedTopics).all(id);
      return rankRelated(shared, this.countPapers(), limit);
    }
    const rows = this.db
      .prepare<[string, string], SharedTopicRow>(SQL.sharedTopicsWith)
      .all(id, JSON.stringify(similar.map((paper) => paper.id)));
    return explainSimilar(similar, rows, this.countPapers());
  }

  async topic(id: string, limit: number): Promise<TopicDetail | undefined> {
    const row = this.db.prepare<[string], TopicRow>(SQL.topicById).get(id);
    if (!row) return undefined;
    const papers = this.db
      .prepare<
        [string, number],
        { id: string; title: string; published: string | null; score: number; hasCode: number }
      >(SQL.topicPapers)
      .all(id, limit)
      .map(({ published, hasCode, ...paper }) => ({
        ...paper,
        ...(published ? { published } : {}),
        hasCode: hasCode === 1,
      }));
    const repositories = this.db
      .prepare<[string, number], Repository & { paperCount: number; released: number }>(
        SQL.topicRepositories,
      )
      .all(id, TOPIC_REPOSITORIES)
      .map((repository) => ({ ...repository, released: repository.released === 1 }));
    let coOccurring = this.db
      .prepare<[string, string, number], TopicDetail['coOccurring'][number]>(SQL.topicCoOccurring)
      .all(id, id, limit);
    if (coOccurring.length === 0) {
      // Not on the map (too rare): its co-occurring topics straight from the papers it shares.
      coOccurring = this.db
        .prepare<[number, string, number], TopicDetail['coOccurring'][number]>(SQL.topicCoMentioned)
        .all(Math.max(row.df, 1), id, limit);
    }
    const years = this.db.prepare<[string], TopicDetail['years'][number]>(SQL.topicYears).all(id);
    const overlay = this.db.prepare<{ id: string }, OverlayCounts>(SQL.topicOverlay).get({ id })!;
    // The map's overlay gives way to the one over every paper mentioning the topic.
    const topic = topicFromRow(row);
    delete topic.year;
    return {
      topic: { ...topic, ...topicOverlay(overlay) },
      papers,
      repositories,
      coOccurring,
      years,
    };
  }

  async repository(id: string): Promise<RepositoryDetail | undefined> {
    const repository = this.db.prepare<[string], Repository>(SQL.repositoryById).get(id);
    if (!repository) return undefined;
    const papers = this.db
      .prepare<
        [string],
        { id: string; title: string; published: string | null; status: LinkStatus }
      >(SQL.repositoryPapers)
      .all(id)
      .map(paperHit);
    return { repository, papers };
  }

  async paperMapInput({ limit }: { limit: number }): Promise<PaperMapInput> {
    const paperCount = this.countPapers();
    const nodes = this.db
      .prepare<[number], { id: string; title: string; published: string | null; hasCode: number }>(
        SQL.paperMapNodes,
      )
      .all(limit)
      .map(({ published, hasCode, ...paper }) => ({
        ...paper,
        ...(published ? { published } : {}),
        hasCode: hasCode === 1,
      }));
    const ids = JSON.stringify(nodes.map((node) => node.id));
    const mentions = this.db
      .prepare<[string], PaperMapInput['mentions'][number]>(SQL.paperMapMentions)
      .all(ids);
    const similar = this.db
      .prepare<[{ ids: string }], PaperMapInput['similar'][number]>(SQL.paperMapSimilar)
      .all({ ids });
    return { paperCount, nodes, mentions, similar };
  }

  // ── search (search.ts composes these) ────────────────────────────────────────────────

  async findTopics(match: TopicMatch, limit: number): Promise<TopicHit[]> {
    if (match.kind === 'named') {
      return this.db.prepare<[string], TopicHit>(SQL.topicsNamed).all(JSON.stringify(match.ids));
    }
    // Each walks the topics_searchable index (topics of two papers or more, by df).
    const text = likeEscape(match.text);
    const choices: Record<Exclude<TopicMatch['kind'], 'named'>, [string, string]> = {
      labelEndsWith: [SQL.topicsByLabel, `%${text}`],
      labelStartsWith: [SQL.topicsByLabel, `${text}%`],
      idStartsWith: [SQL.topicsById, `${text}%`],
      labelHasWordStartingWith: [SQL.topicsByLabel, `%${text}%`],
    };
    const [statement, pattern] = choices[match.kind];
    return this.db.prepare<[string, number], TopicHit>(statement).all(pattern, limit);
  }

  async findPaperText(text: string, mode: 'words' | 'phrase', limit: number): Promise<PaperHit[]> {
    const match = mode === 'phrase' ? ftsPhrase(text) : ftsQuery(text);
    if (!match) return [];
    return this.db
      .prepare<[string, number], PaperHitRow>(SQL.papersMatching)
      .all(match, limit)
      .map(paperHit);
  }

  async findPapersByKey(keys: string[], limit: number): Promise<PaperHit[]> {
    if (keys.length === 0) return [];
    return this.db
      .prepare<[string, number], PaperHitRow>(SQL.paperHitsByKeys)
      .all(JSON.stringify(keys), limit)
      .map(paperHit);
  }

  async findRepositories(text: string, limit: number): Promise<Repository[]> {
    return this.db
      .prepare<[string, number], Repository>(SQL.repositoriesContaining)
      .all(`%${likeEscape(text)}%`, limit);
  }

  async close(): Promise<void> {
    this.db.close();
  }
}

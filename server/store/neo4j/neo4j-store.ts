/**
 * The Neo4j `GraphStore`, for teams and big corpora: one driver per store (one per process),
 * checked with `verifyConnectivity()` when opened, the schema (uniqueness constraints, indexes,
 * the papers' full-text index) set up idempotently, and closed with the store. Every
 * statement is a constant of queries.ts with `$parameters`; a batch of papers is one write
 * transaction of `UNWIND $rows` statements (`executeWrite`, so the driver retries transient
 * errors), and each API read is one read transaction, so it sees one state of the graph.
 * Behaviour matches the embedded store's (test/store-contract.ts), down to ranking and
 * ordering, except the order of papers found by full-text search (Lucene's score, not bm25).
 */
import neo4j, {
  type Driver,
  type ManagedTransaction,
  type QueryResult,
  type RecordShape,
} from 'neo4j-driver';
import type {
  Analysis,
  GraphStore,
  MapState,
  PaperMapInput,
  PaperDetail,
  PaperWrite,
  RepositoryDetail,
  PaperHit,
  TopicHit,
  TopicMatch,
  StoreStats,
  TopicDetail,
  TopicMap,
  TopicMapQuery,
  TopicMentions,
  PaperText,
  SimilarList,
  StoredTermCounts,
  SimilarPaper,
} from '../graph-store.ts';
import { StoreError, TOPIC_REPOSITORIES } from '../graph-store.ts';
import { paperFacts, topicOverlay, type OverlayCounts } from '../paper-facts.ts';
import { noStoredTerms, storedTermCounts, termQuestions } from '../term-counts.ts';
import type { CoOccurrence, Paper, Repository } from '../model.ts';
import {
  explainSimilar,
  rankRelated,
  withSummaries,
  type RankedPaper,
  type RelatedSummary,
  type SharedTopicRow,
} from '../related.ts';
import { lucenePhrase, luceneQuery } from './lucene.ts';
import { QUERIES, SCHEMA_QUERIES } from './queries.ts';
import {
  clusterFromProperties,
  linkStatus,
  paperFromProperties,
  repositoryFromProperties,
  summary,
  topicFromProperties,
  type Properties,
} from './rows.ts';

/** A statement of queries.ts: nothing else can be sent (a built string does not type-check). */
type Statement =
  (typeof QUERIES)[keyof typeof QUERIES] | (typeof SCHEMA_QUERIES)[keyof typeof SCHEMA_QUERIES];

export interface Neo4jConfig {
  /** `neo4j://host:7687` or `bolt://host:7687` (`+s`/`+ssc` for TLS). */
  uri: string;
  user: string;
  password: string;
}

/** Rows per `UNWIND $rows` statement: big enough to be fast, small enough for the heap. */
export const ROWS_PER_STATEMENT = 5_000;
/** Topics recounted per transaction by `refreshTopics`. */
export const TOPICS_PER_REFRESH = 10_000;

export interface Neo4jStoreOptions {
  /** Topics recounted per transaction (default TOPICS_PER_REFRESH; tests page by two). */
  topicsPerRefresh?: number;
}

export class Neo4jStoreError extends StoreError {
  override readonly name = 'Neo4jStoreError';
}

/** Opens the store: connects, checks the server answers, and sets up the schema. */
export async function createNeo4jStore(
  config: Neo4jConfig,
  { topicsPerRefresh = TOPICS_PER_REFRESH }: Neo4jStoreOptions = {},
): Promise<GraphStore> {
  const driver = neo4j.driver(config.uri, neo4j.auth.basic(config.user, config.password), {
    // Integers come back as JS numbers: the one place they are converted (counts < 2^53).
    disableLosslessIntegers: true,
    userAgent: 'topograph',
  });
  try {
    await driver.verifyConnectivity();
  } catch (error) {
    await driver.close();
    throw new Neo4jStoreError(connectionMessage(config, error));
  }
  try {
    for (const statement of Object.values(SCHEMA_QUERIES)) {
      await driver.executeQuery(statement, {}, { routing: neo4j.routing.WRITE });
    }
  } catch (error) {
    await driver.close();
    throw new Neo4jStoreError(
      `store/neo4j: cannot set up the schema at ${config.uri}: ${errorText(error)}`,
    );
  }
  return new Neo4jStore(driver, topicsPerRefresh);
}

function errorText(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

function connectionMessage(config: Neo4jConfig, error: unknown): string {
  const code = (error as { code?: string }).code ?? '';
  if (code.startsWith('Neo.ClientError.Security')) {
    return (
      `store/neo4j: Neo4j at ${config.uri} refused user "${config.user}" (${errorText(error)}); ` +
      'check NEO4J_USER and NEO4J_PASSWORD (npm run neo4j and docker compose take theirs from ' +
      'NEO4J_PASSWORD, default topograph-local)'
    );
  }
  return (
    `store/neo4j: cannot reach Neo4j at ${config.uri} (${errorText(error)}); start one with ` +
    '`npm run neo4j` (Java 17 and Maven) or `docker compose up -d neo4j`, or point NEO4J_URI ' +
    'at a running Neo4j 5'
  );
}

/** `list` in slices of `size`, for `UNWIND $rows` statements. */
function chunks<T>(list: T[], size = ROWS_PER_STATEMENT): T[][] {
  const slices: T[][] = [];
  for (let start = 0; start < list.length; start += size) {
    slices.push(list.slice(start, start + size));
  }
  return slices;
}

/** Rejects a batch Neo4j would store silently wrong (no NOT NULL constraints in Community). */
function checkBatch(batch: PaperWrite[]): void {
  for (const { paper } of batch) {
    const problem =
      typeof paper.id !== 'string' || paper.id === ''
        ? 'has no id'
        : typeof paper.title !== 'string'
          ? 'has no title'
          : typeof paper.abstract !== 'string'
            ? 'has no abstract text'
            : undefined;
    if (problem) {
      throw new Neo4jStoreError(
        `store/neo4j: paper ${JSON.stringify(paper.id)} ${problem}; nothing of this batch was written`,
      );
    }
  }
}

function paperRow(paper: Paper) {
  return {
    id: paper.id,
    title: paper.title,
    abstract: paper.abstract,
    published: paper.published ?? null,
    authors: paper.authors,
    authorsCount: paper.authorsCount ?? null,
    upvotes: paper.upvotes ?? null,
    organization: paper.organization ?? null,
    arxivId: paper.arxivId ?? null,
    doi: paper.doi ?? null,
    url: paper.url ?? null,
    links: paper.links,
    sources: paper.sources,
    openalexId: paper.openalexId ?? null,
    categories: paper.categories,
    references: paper.references,
    authorships: paper.authorships ? JSON.stringify(paper.authorships) : null,
  };
}

/** What each statement returns, as plain objects. */
async function run<T extends RecordShape = RecordShape>(
  tx: ManagedTransaction,
  statement: Statement,
  parameters: Record<string, unknown> = {},
): Promise<T[]> {
  const result: QueryResult<T> = await tx.run<T>(statement, parameters);
  return result.records.map((record) => record.toObject());
}

/** A whole number parameter (LIMIT wants an Integer; a JS number is sent as a Float). */
const int = (value: number) => neo4j.int(value);

class Neo4jStore implements GraphStore {
  readonly kind = 'neo4j';

  constructor(
    private readonly driver: Driver,
    private readonly topicsPerRefresh: number,
  ) {}

  private async read<T>(work: (tx: ManagedTransaction) => Promise<T>): Promise<T> {
    const session = this.driver.session({ defaultAccessMode: neo4j.session.READ });
    try {
      return await session.executeRead(work);
    } finally {
      await session.close();
    }
  }

  private async write<T>(work: (tx: ManagedTransaction) => Promise<T>): Promise<T> {
    const session = this.driver.session({ defaultAccessMode: neo4j.session.WRITE });
    try {
      return await session.executeWrite(work);
    } finally {
      await session.close();
    }
  }

  // ── writes ────────────────────────────────────────────────────────────────────────────

  async findPapers(keys: string[]): Promise<Paper[]> {
    if (keys.length === 0) return [];
    const rows = await this.read((tx) =>
      run<{ paper: Properties }>(tx, QUERIES.findPapers, { keys }),
    );
    return rows.map((row) => paperFromProperties(row.paper));
  }

  async storedTermCounts(keys: readonly string[], excluding: string[]): Promise<StoredTermCounts> {
    const questions = termQuestions(keys);
    return this.read(async (tx) => {
      const [all] = await run<{ paperCount: number }>(tx, QUERIES.countPapers);
      const [left] = await run<{ papers: number }>(tx, QUERIES.countPapersAmong, {
        ids: excluding,
      });
      const paperCount = (all?.paperCount ?? 0) - (left?.papers ?? 0);
      if (paperCount === 0) return noStoredTerms(paperCount);
      // One statement a slice, in turn (a transaction runs one at a time).
      const inSlices = async <T>(list: string[], read: (slice: string[]) => Promise<T[]>) => {
        const rows: T[] = [];
        for (const slice of chunks(list)) rows.push(...(await read(slice)));
        return rows;
      };
      return storedTermCounts(questions, {
        paperCount,
        topics: await inSlices(questions.keys, (keys) =>
          run<{ id: string; df: number }>(tx, QUERIES.topicCounts, { keys }),
        ),
        leads: await inSlices(questions.words, (words) =>
          run<{ word: string; papers: number }>(tx, QUERIES.leadCounts, { words }),
        ),
        labelled: await inSlices(questions.suffixes, (suffixes) =>
          run<{ id: string; label: string; df: number }>(tx, QUERIES.acronymLabelled, {
            suffixes,
          }),
        ),
        excluded: await inSlices(excluding, (ids) =>
          run<{ id: string; mentions: number }>(tx, QUERIES.mentionCountsOf, { ids }),
        ),
      });
    });
  }

  async writePapers(batch: PaperWrite[]): Promise<void> {
    checkBatch(batch);
    const papers = batch.map(({ paper }) => paperRow(paper));
    const ids = batch.map(({ paper }) => paper.id);
    const keys = batch.flatMap(({ paper, keys }) =>
      keys.map((key) => ({ key, paperId: paper.id })),
    );
    const mentions = batch.flatMap(({ paper, mentions }) =>
      mentions.map((mention) => ({ paperId: paper.id, ...mention })),
    );
    const links = batch.flatMap(({ paper, repositories }) =>
      repositories.map(({ repository, status }) => ({ paperId: paper.id, status, repository })),
    );
    await this.write(async (tx) => {
      await run(tx, QUERIES.nextPapersVersion);
      for (const rows of chunks(papers)) await run(tx, QUERIES.upsertPapers, { rows });
      for (const rows of chunks(keys)) await run(tx, QUERIES.upsertPaperKeys, { rows });
      for (const slice of chunks(ids)) await run(tx, QUERIES.deletePaperEdges, { ids: slice });
      for (const rows of chunks(mentions)) await run(tx, QUERIES.writeMentions, { rows });
      for (const rows of chunks(links)) await run(tx, QUERIES.writeLinks, { rows });
    });
  }

  async refreshTopics(): Promise<void> {
    const [state] = await this.read((tx) => run<{ marks: boolean }>(tx, QUERIES.marksStale));
    if (!state?.marks) await this.markAllStale();
    // A page of topics per transaction: the first ingest of a big corpus marks most of a
    // million topics, too many changes for one transaction in a small heap. A page recounted
    // is unmarked in its transaction, so a refresh that stops is taken up where it stopped;
    // the embedded store does it in one transaction.
    for (;;) {
      const [page] = await this.write((tx) =>
        run<{ topics: number }>(tx, QUERIES.refreshStaleTopics, {
          limit: int(this.topicsPerRefresh),
        }),
      );
      if (!page || page.topics < this.topicsPerRefresh) break;
    }
    await this.write((tx) => run(tx, QUERIES.refreshStaleRepositories));
  }

  /** A store written before writes marked what they touched: everything is counted once. */
  private async markAllStale(): Promise<void> {
    for (let after = ''; ;) {
      const [page] = await this.write((tx) =>
        run<{ topics: number; last: string | null }>(tx, QUERIES.markTopicPageStale, {
          after,
          limit: int(this.topicsPerRefresh),
        }),
      );
      if (!page?.last || page.topics < this.topicsPerRefresh) break;
      after = page.last;
    }
    await this.write((tx) => run(tx, QUERIES.markRepositoriesStale));
  }

  async readTopicMentions(query: { minPapers: number; limit: number }): Promise<TopicMentions> {
    return this.read(async (tx) => {
      // Read first: a batch committed while the rest is read makes the map newer than its
      // version says, never older.
      const { papersVersion: version, resolution } = await this.readState(tx);
      const topics = await run<TopicMentions['topics'][number]>(tx, QUERIES.candidateTopics, {
        minPapers: query.minPapers,
        limit: int(query.limit),
      });
      const ids = topics.map((topic) => topic.id);
      const mentions = await run<{ paperId: string; topicId: string }>(
        tx,
        QUERIES.candidateMentions,
        { ids },
      );
      const factRows = await run<{
        id: string;
        published: string | null;
        links: { repository: string; status: string; kind: string }[];
      }>(tx, QUERIES.candidatePaperFacts, { ids });
      const facts = factRows.map(({ id, published, links }) => paperFacts(id, published, links));
      const paperCount = await this.countPapers(tx);
      return { version, paperCount, topics, mentions, facts, ...resolution };
    });
  }

  /** The map state, and the stored map's resolution when known (as `Analysis` spreads it). */
  private async readState(
    tx: ManagedTransaction,
  ): Promise<MapState & { resolution: { resolution?: number } }> {
    const [state] = await run<MapState & { mapResolution: number | null }>(tx, QUERIES.mapState);
    const {
      papersVersion = 0,
      mapVersion = 0,
      similarVersion = 0,
      mapResolution = null,
    } = state ?? {};
    return {
      papersVersion,
      mapVersion,
      similarVersion,
      resolution: mapResolution === null ? {} : { resolution: mapResolution },
    };
  }

  private async countPapers(tx: ManagedTransaction): Promise<number> {
    const [{ paperCount = 0 } = {}] = await run<{ paperCount: number }>(tx, QUERIES.countPapers);
    return paperCount;
  }

  private async readMapState(tx: ManagedTransaction): Promise<MapState> {
    const { papersVersion, mapVersion, similarVersion } = await this.readState(tx);
    return { papersVersion, mapVersion, similarVersion };
  }

  async mapState(): Promise<MapState> {
    return this.read((tx) => this.readMapState(tx));
  }

  async writeAnalysis({
    version,
    topics,
    coOccurrences,
    clusters,
    resolution,
  }: Analysis): Promise<boolean> {
    const placements = topics.map((topic) => ({ ...topic, year: topic.year ?? null }));
    const clusterRows = clusters.map((cluster) => ({ ...cluster, year: cluster.year ?? null }));
    return this.write(async (tx) => {
      // A map of a later papers version is stored: this one is older; keep that one.
      const claimed = await run(tx, QUERIES.claimMap, {
        version: int(version),
        resolution: resolution ?? null,
      });
      if (claimed.length === 0) return false;
      await run(tx, QUERIES.clearCoOccurrences);
      await run(tx, QUERIES.clearClusters);
      await run(tx, QUERIES.clearPlacements);
      for (const rows of chunks(placements)) await run(tx, QUERIES.placeTopics, { rows });
      for (const rows of chunks(coOccurrences)) {
        await run(tx, QUERIES.writeCoOccurrences, { rows });
      }
      for (const rows of chunks(clusterRows)) await run(tx, QUERIES.writeClusters, { rows });
      await run(tx, QUERIES.linkClusters);
      return true;
    });
  }

  async readPaperTexts(after: string, limit: number): Promise<PaperText[]> {
    return this.read((tx) => run<PaperText>(tx, QUERIES.paperTexts, { after, limit: int(limit) }));
  }

  async writeSimilar(lists: SimilarList[], version?: number): Promise<void> {
    const rows = lists.map(({ paperId, similar }) => ({
      paperId,
      similar: similar.map((other, rank) => ({ ...other, rank })),
    }));
    await this.write(async (tx) => {
      for (const page of chunks(rows)) await run(tx, QUERIES.writeSimilar, { rows: page });
      if (version !== undefined) await run(tx, QUERIES.claimSimilar, { version: int(version) });
    });
  }

  async readSimilar(ids: string[]): Promise<SimilarList[]> {
    return this.read((tx) => run<SimilarList>(tx, QUERIES.similarOfPapers, { ids }));
  }

  async findListing(ids: string[]): Promise<string[]> {
    const rows = await this.read((tx) => run<{ id: string }>(tx, QUERIES.listingSimilar, { ids }));
    return rows.map((row) => row.id);
  }

  // ── export (npm run copy) ─────────────────────────────────────────────────────────────

  async exportSimilar(after: string, limit: number): Promise<SimilarList[]> {
    return this.read((tx) =>
      run<SimilarList>(tx, QUERIES.exportSimilar, { after, limit: int(limit) }),
    );
  }

  async exportPapers(after: string, limit: number): Promise<PaperWrite[]> {
    const rows = await this.read((tx) =>
      run<{
        paper: Properties;
        keys: string[];
        mentions: PaperWrite['mentions'];
        repositories: { repository: Properties; status: string }[];
      }>(tx, QUERIES.exportPapers, { after, limit: int(limit) }),
    );
    return rows.map((row) => ({
      paper: paperFromProperties(row.paper),
      keys: row.keys,
      mentions: row.mentions,
      repositories: row.repositories.map(({ repository, status }) => ({
        repository: repositoryFromProperties(repository),
        status: linkStatus(status),
      })),
    }));
  }

  async exportAnalysis(): Promise<Analysis> {
    return this.read(async (tx) => {
      const placements = await run<{
        id: string;
        cluster: number;
        x: number;
        y: number;
        year: number | null;
        codeShare: number | null;
        repositoryCount: number | null;
      }>(tx, QUERIES.exportPlacements);
      const topics = placements.map(({ year, codeShare, repositoryCount, ...topic }) => ({
        ...topic,
        ...(year === null ? {} : { year }),
        codeShare: codeShare ?? 0,
        repositoryCount: repositoryCount ?? 0,
      }));
      const coOccurrences = await run<CoOccurrence>(tx, QUERIES.exportCoOccurrences);
      const clusters = (await run<{ cluster: Properties }>(tx, QUERIES.clusters)).map((row) =>
        clusterFromProperties(row.cluster),
      );
      const { mapVersion: version, resolution } = await this.readState(tx);
      return { version, topics, coOccurrences, clusters, ...resolution };
    });
  }

  // ── reads ─────────────────────────────────────────────────────────────────────────────

  async stats(): Promise<StoreStats> {
    const [stats] = await this.read((tx) => run<StoreStats>(tx, QUERIES.stats));
    if (!stats) throw new Neo4jStoreError('store/neo4j: the statistics query returned nothing');
    return stats;
  }

  async topicMap({ limit, minPapers, cluster, maxEdges }: TopicMapQuery): Promise<TopicMap> {
    return this.read(async (tx) => {
      const topics = (
        await run<{ topic: Properties }>(tx, QUERIES.mapTopics, {
          minPapers,
          cluster: cluster ?? null,
          limit: int(limit),
        })
      ).map((row) => {
        const topic = topicFromProperties(row.topic);
        return {
          ...topic,
          keyDf: typeof row.topic.keyDf === 'number' ? row.topic.keyDf : topic.df,
        };
      });
      const edges = await run<CoOccurrence>(tx, QUERIES.mapEdges, {
        ids: topics.map((topic) => topic.id),
        limit: int(maxEdges),
      });
      const clusters = (await run<{ cluster: Properties }>(tx, QUERIES.clusters)).map((row) =>
        clusterFromProperties(row.cluster),
      );
      return { topics, edges, clusters };
    });
  }

  async paper(id: string, relatedLimit: number): Promise<PaperDetail | undefined> {
    return this.read(async (tx) => {
      const [row] = await run<{
        paper: Properties;
        topics: PaperDetail['topics'];
        repositories: { repository: Properties; status: string }[];
        paperCount: number;
      }>(tx, QUERIES.paperDetail, { id });
      if (!row) return undefined;
      const ranked = await this.related(tx, id, relatedLimit, row.paperCount);
      const summaries = await run<RelatedSummary>(tx, QUERIES.paperSummaries, {
        ids: ranked.map((paper) => paper.id),
      });
      const paper = paperFromProperties(row.paper);
      const related = withSummaries(ranked, summaries, { ...paper, topics: row.topics });
      return {
        paper,
        topics: row.topics,
        repositories: row.repositories.map((link) => ({
          ...repositoryFromProperties(link.repository),
          status: linkStatus(link.status),
        })),
        related,
      };
    });
  }

  /** The stored similar papers with their shared topics, else the shared-topic ranking. */
  private async related(
    tx: ManagedTransaction,
    id: string,
    limit: number,
    paperCount: number,
  ): Promise<RankedPaper[]> {
    const similar = await run<SimilarPaper>(tx, QUERIES.similarOf, { id, limit: int(limit) });
    if (similar.length === 0) {
      const shared = await run<SharedTopicRow>(tx, QUERIES.sharedTopics, { id });
      return rankRelated(shared, paperCount, limit);
    }
    const rows = await run<SharedTopicRow>(tx, QUERIES.sharedTopicsWith, {
      id,
      ids: similar.map((paper) => paper.id),
    });
    return explainSimilar(similar, rows, paperCount);
  }

  async topic(id: string, limit: number): Promise<TopicDetail | undefined> {
    return this.read(async (tx) => {
      const [row] = await run<{
        topic: Properties;
        papers: {
          id: string;
          title: string;
          published: string | null;
          score: number;
          hasCode: boolean;
        }[];
        repositories: { repository: Properties; paperCount: number; released: boolean }[];
        coOccurring: TopicDetail['coOccurring'];
        years: TopicDetail['years'];
        overlay: Omit<OverlayCounts, 'repositoryCount'>;
        repositoryCount: number;
        corpus: number;
      }>(tx, QUERIES.topicDetail, {
        id,
        limit: int(limit),
        repositories: int(TOPIC_REPOSITORIES),
      });
      if (!row) return undefined;
      // The map's overlay gives way to the one over every paper mentioning the topic.
      const stored = topicFromProperties(row.topic);
      delete stored.year;
      const topic = {
        ...stored,
        ...topicOverlay({ ...row.overlay, repositoryCount: row.repositoryCount }),
      };
      // Not on the map (too rare): its co-occurring topics straight from the papers it shares.
      const coOccurring =
        row.coOccurring.length > 0
          ? row.coOccurring
          : await run<TopicDetail['coOccurring'][number]>(tx, QUERIES.topicCoMentioned, {
              id,
              corpus: row.corpus,
              df: Math.max(topic.df, 1),
              limit: int(limit),
            });
      const repositories = row.repositories.map(({ repository, paperCount, released }) => ({
        ...repositoryFromProperties(repository),
        paperCount,
        released,
      }));
      return {
        topic,
        papers: row.papers.map(summary),
        repositories,
        coOccurring,
        years: row.years,
      };
    });
  }

  async paperMapInput({ limit }: { limit: number }): Promise<PaperMapInput> {
    return this.read(async (tx) => {
      const paperCount = await this.countPapers(tx);
      const nodes = (
        await run<{ id: string; title: string; published: string | null; hasCode: boolean }>(
          tx,
          QUERIES.paperMapNodes,
          { limit: int(limit) },
        )
      ).map(({ id, title, published, hasCode }) => ({
        id,
        title,
        ...(published ? { published } : {}),
        hasCode,
      }));
      const ids = nodes.map((node) => node.id);
      const mentions = await run<PaperMapInput['mentions'][number]>(tx, QUERIES.paperMapMentions, {
        ids,
      });
      const similar = await run<PaperMapInput['similar'][number]>(tx, QUERIES.paperMapSimilar, {
        ids,
      });
      return { paperCount, nodes, mentions, similar };
    });
  }

  async repository(id: string): Promise<RepositoryDetail | undefined> {
    return this.read(async (tx) => {
      const [row] = await run<{ repository: Properties }>(tx, QUERIES.repository, { id });
      if (!row) return undefined;
      const papers = (
        await run<{ id: string; title: string; published: string | null; status: string }>(
          tx,
          QUERIES.repositoryPapers,
          { id },
        )
      ).map((paper) => summary({ ...paper, status: linkStatus(paper.status) }));
      return { repository: repositoryFromProperties(row.repository), papers };
    });
  }

  // ── search (search.ts composes these) ────────────────────────────────────────────────

  async findTopics(match: TopicMatch, limit: number): Promise<TopicHit[]> {
    if (match.kind === 'named') {
      return this.read((tx) => run<TopicHit>(tx, QUERIES.topicsNamed, { ids: match.ids }));
    }
    // One or two letters match many topics, found soonest by walking them by df; longer
    // queries match few, found at once by the text indexes (see queries.ts).
    const short = match.text.trim().length < 3;
    const choices: Record<Exclude<TopicMatch['kind'], 'named'>, [Statement, string]> = {
      labelEndsWith: [QUERIES.topicsEndingWith, 'suffix'],
      labelStartsWith: [
        short ? QUERIES.topicsStartingWithByDf : QUERIES.topicsStartingWith,
        'prefix',
      ],
      idStartsWith: [
        short ? QUERIES.topicIdsStartingWithByDf : QUERIES.topicIdsStartingWith,
        'prefix',
      ],
      labelHasWordStartingWith: [
        short ? QUERIES.topicsContainingByDf : QUERIES.topicsContaining,
        'infix',
      ],
    };
    const [statement, parameter] = choices[match.kind];
    return this.read((tx) =>
      run<TopicHit>(tx, statement, { [parameter]: match.text, limit: int(limit) }),
    );
  }

  async findPaperText(text: string, mode: 'words' | 'phrase', limit: number): Promise<PaperHit[]> {
    const search = mode === 'phrase' ? lucenePhrase(text) : luceneQuery(text);
    if (!search) return [];
    const papers = await this.read((tx) =>
      run<{ id: string; title: string; published: string | null }>(tx, QUERIES.searchPapers, {
        search,
        limit: int(limit),
      }),
    );
    return papers.map(summary);
  }

  async findPapersByKey(keys: string[], limit: number): Promise<PaperHit[]> {
    if (keys.length === 0) return [];
    const papers = await this.read((tx) =>
      run<{ id: string; title: string; published: string | null }>(tx, QUERIES.paperHitsByKeys, {
        keys,
        limit: int(limit),
      }),
    );
    return papers.map(summary);
  }

  async findRepositories(text: string, limit: number): Promise<Repository[]> {
    const rows = await this.read((tx) =>
      run<{ repository: Properties }>(tx, QUERIES.searchRepositories, {
        infix: text,
        limit: int(limit),
      }),
    );
    return rows.map(({ repository }) => repositoryFromProperties(repository));
  }

  async close(): Promise<void> {
    await this.driver.close();
  }
}

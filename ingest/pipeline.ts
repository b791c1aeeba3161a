/**
 * The ingest pipeline, end to end: files → records → merged papers → key terms and repository
 * links → batched store writes → corpus analysis. A file that cannot be read is reported and
 * contributes nothing, so it never leaves half its papers in the store; the other files are
 * ingested. Running the same ingest twice changes nothing.
 */
import { mkdirSync } from 'node:fs';
import { readdir, readFile, stat } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import type {
  IngestSide,
  PaperText,
  PaperWrite,
  SimilarList,
} from '../server/store/graph-store.ts';
import type { Paper } from '../server/store/model.ts';
import {
  drawTopicMap,
  defaultMinPapers,
  MAX_CANDIDATES,
  type AnalysisStep,
  type MapReport,
} from './analyze/analyze-topics.ts';
import {
  allLists,
  buildIndexData,
  extendIndexData,
  indexOf,
  updateSimilar,
} from './analyze/similar-papers.ts';
import { readIndexFile, writeIndexFile } from './analyze/similarity-file.ts';
import { IngestError } from './errors.ts';
import { recordProblem, withoutMarkup } from './record.ts';
import { findRepositoryLinks } from './links/find-repository-links.ts';
import { mergePaper, paperFromRecord, PaperIndex } from './merge/merge-papers.ts';
import { paperKeys } from '../server/store/paper-key.ts';
import { SILENT_PROGRESS, type Progress } from './progress.ts';
import { formatFor, SOURCE_FORMATS } from './sources/index.ts';
import { readCorpus, type KeyTerm } from './terms/extract.ts';
import { readCorpusInParallel } from './terms/extract-parallel.ts';
import type { Thesaurus } from './terms/thesaurus.ts';

export interface IngestOptions {
  /** Force one format for every file instead of choosing by extension. */
  format?: string;
  /** Key terms kept per paper. */
  topK?: number;
  /** Papers per store transaction. */
  batchSize?: number;
  /** Terms to merge or drop (a VOSviewer thesaurus, read with `parseThesaurus`). */
  thesaurus?: Thesaurus;
  /** Leiden resolution of the topic map (higher: more, smaller clusters). */
  resolution?: number;
  /** Draw the map afresh rather than from the previous one (new layout, new cluster ids). */
  newMap?: boolean;
  progress?: Progress;
  /**
   * Where the similarity index is kept between ingests (see similarity-file.ts): a daily
   * listing is then fitted into the last ingest's index instead of every text being read again.
   */
  similarIndexFile?: string;
}

export interface FileFailure {
  file: string;
  message: string;
  /** `path`: no such file, or no format reads it; `file`: a file that could not be read. */
  kind: 'path' | 'file';
}

export interface IngestSummary {
  fileCount: number;
  /** Files in the given folders that no format reads (READMEs, images…). */
  skippedFiles: string[];
  timings: StageTimings;
  /** Papers stored without key terms because the tagger failed on their text. */
  termFailures: string[];
  /** Files read without error that held no paper at all. */
  emptyFiles: string[];
  failures: FileFailure[];
  recordCount: number;
  /** Records a file could not give (each message names file and line); the rest was read. */
  skippedRecords: string[];
  /** Records that were another record of a paper already read in this ingest. */
  mergedCount: number;
  paperCounts: { new: number; updated: number; unchanged: number };
  withoutAbstractCount: number;
  topicCount: number;
  repositoryCount: number;
  /** The topic map this ingest drew; absent when nothing changed and the map stood. */
  map?: MapReport;
}

/** Wall time of each stage, in seconds. */
export interface StageTimings {
  read: number;
  merge: number;
  terms: number;
  write: number;
  analyze: number;
  /** The analyze stage step by step (see ingest/analyze). */
  analysis: Partial<Record<'refresh' | 'read' | AnalysisStep | 'store' | 'similar', number>>;
}

/**
 * Papers per store transaction. Each commit writes every index page it touched, and at
 * 40,000 papers a batch of 250 touches nearly as many pages as one of 2,000: 48 s to write
 * 40,000 papers in batches of 250, 23 s in batches of 2,000 (a benchmark of the SQLite store).
 */
export const DEFAULT_BATCH_SIZE = 2_000;
/** From this many papers, term extraction uses every core (worker threads pay off). */
const PARALLEL_TERMS_FROM = 1_000;
/** Skipped records shown while ingesting; all are counted in the summary. */
const MAX_REPORTED_PROBLEMS = 20;
/**
 * Topics stored per paper. More than the ~10 a reader scans: related papers and the map need
 * overlap between papers; on the samples, 10 left 35 of 176 papers with no related paper, 20
 * leaves 8.
 */
export const DEFAULT_TOP_K = 20;

/** Field-order-independent equality of two papers. */
function samePaper(a: Paper, b: Paper): boolean {
  const canonical = (paper: Paper) => JSON.stringify(paper, Object.keys(paper).sort());
  return canonical(a) === canonical(b);
}

/** The files to read: files as given, folders walked (sorted, hidden entries skipped). */
async function listInputs(paths: string[], format: string | undefined) {
  const files: string[] = [];
  const skipped: string[] = [];
  const failures: FileFailure[] = [];
  const walk = async (path: string, explicit: boolean): Promise<void> => {
    const info = await stat(path).catch(() => undefined);
    if (!info) {
      failures.push({
        file: path,
        kind: 'path',
        message: `ingest: ${path}: no such file or folder`,
      });
    } else if (info.isDirectory()) {
      const entries = (await readdir(path)).filter((name) => !name.startsWith('.')).sort();
      for (const entry of entries) await walk(join(path, entry), false);
    } else if (formatFor(path, format)) {
      files.push(path);
    } else if (explicit) {
      const known = SOURCE_FORMATS.map((f) => `${f.name} (${f.extensions.join(', ')})`).join('; ');
      failures.push({
        file: path,
        kind: 'path',
        message: format
          ? `ingest: unknown format "${format}"; known formats: ${known}`
          : `ingest: ${path}: no format reads this file; known formats: ${known}`,
      });
    } else {
      skipped.push(path);
    }
  };
  for (const path of paths) await walk(path, true);
  return { files, skipped, failures };
}

export async function ingest(
  paths: string[],
  store: IngestSide,
  options: IngestOptions = {},
): Promise<IngestSummary> {
  if (options.format && !SOURCE_FORMATS.some((format) => format.name === options.format)) {
    const known = SOURCE_FORMATS.map((format) => format.name).join(', ');
    throw new RangeError(`ingest: unknown format "${options.format}"; known formats: ${known}`);
  }
  const { files, skipped, failures } = await listInputs(paths, options.format);
  const timings: StageTimings = {
    read: 0,
    merge: 0,
    terms: 0,
    write: 0,
    analyze: 0,
    analysis: {},
  };
  let stageStarted = performance.now();
  /** Ends a stage: its wall time in seconds (less `excluding` ms) goes to `timings`. */
  const endStage = (stage: keyof StageTimings, excluding = 0) => {
    const now = performance.now();
    timings[stage] = Math.round(now - stageStarted - excluding) / 1000;
    stageStarted = now;
  };

  // Whether the stored similar papers were complete before this ingest: then the papers it
  // changes can be fitted in instead of every list computed again.
  const before = await store.mapState();
  // Everything held for the papers (records, texts, terms) is let go before the analysis.
  const { changedIds, ...stored } = await storePapers(
    files,
    failures,
    store,
    options,
    endStage,
    timings,
  );

  // ── corpus analysis ── (skipped when no paper, and no term, changed and the map is of the
  // papers stored: an ingest killed before its map was written leaves it behind them)
  const changed =
    stored.paperCounts.new + stored.paperCounts.updated > 0 ||
    options.thesaurus !== undefined ||
    options.resolution !== undefined ||
    options.newMap === true;
  const state = await store.mapState();
  const behind = state.mapVersion < state.papersVersion;
  // Similar papers behind: new papers, an ingest stopped while writing them, a store from a
  // Topograph before them.
  const similarBehind = state.similarVersion < state.papersVersion;
  const fitIn =
    before.papersVersion > 0 && before.similarVersion >= before.papersVersion ? changedIds : null;
  let map: MapReport | undefined;
  if (changed || behind || similarBehind || (await store.stats()).clusterCount === 0) {
    map = await analyzeStore(
      store,
      options,
      timings,
      similarBehind ? { fitIn, versionBefore: before.similarVersion } : null,
    );
    if (behind && !changed) map.caughtUp = true;
  }
  endStage('analyze');

  const stats = await store.stats();
  return {
    fileCount: files.length,
    skippedFiles: skipped,
    ...stored,
    timings,
    failures,
    topicCount: stats.topicCount,
    repositoryCount: stats.repositoryCount,
    ...(map ? { map } : {}),
  };
}

/** Recomputes the topic map from the store (see ingest/analyze) and writes it back. */
async function analyzeStore(
  store: IngestSide,
  options: IngestOptions,
  timings: StageTimings,
  /**
   * Null: the similar papers are current; `fitIn`: the changed papers, when few enough;
   * `versionBefore`: the papers version the stored lists were complete for before this ingest.
   */
  similar: { fitIn: ReadonlySet<string> | null; versionBefore: number } | null,
): Promise<MapReport> {
  const progress = options.progress ?? SILENT_PROGRESS;
  const steps = timings.analysis;
  let stepStarted = performance.now();
  const endStep = (step: 'refresh' | 'read' | 'store' | 'similar') => {
    const now = performance.now();
    steps[step] = Math.round(now - stepStarted) / 1000;
    stepStarted = now;
  };
  progress.start('analyzing the corpus', 5, 'steps');
  progress.update(0, 'counting papers per topic');
  await store.refreshTopics();
  endStep('refresh');
  progress.update(1, 'reading the most mentioned topics');
  const { paperCount: papers } = await store.stats();
  const candidates = await store.readTopicMentions({
    minPapers: defaultMinPapers(papers),
    limit: MAX_CANDIDATES,
  });
  endStep('read');
  progress.update(2, 'clusters and layout');
  const {
    analysis,
    report,
    timings: stepTimes,
  } = drawTopicMap(candidates, {
    ...(options.resolution === undefined ? {} : { resolution: options.resolution }),
    fresh: options.newMap ?? false,
  });
  Object.assign(steps, stepTimes);
  stepStarted = performance.now();
  progress.update(3, 'writing the map');
  // False when another ingest, which read more papers, wrote its map first: that one stays.
  if (!(await store.writeAnalysis(analysis))) report.superseded = true;
  endStep('store');
  // Another ingest's analysis, of more papers, has written (or is writing) its own.
  if (similar && !report.superseded) {
    progress.update(4, 'finding similar papers');
    report.similarPapers = await writeSimilarPapers(
      store,
      similar.fitIn,
      options.similarIndexFile,
      similar.versionBefore,
    );
    endStep('similar');
  }
  progress.update(5);
  progress.stop();
  return report;
}

/** Papers read and lists written per store call. */
const SIMILAR_PAGE = 5_000;
const SIMILAR_BATCH = 1_000;

/**
 * Changed papers are fitted into the stored lists when they are at most this share of the
 * store (a daily listing into a large store); more, and every list is computed again.
 */
const FIT_IN_SHARE = 0.1;

/**
 * The similar papers, from the whole store's texts (see similar-papers.ts): every paper's, or
 * only the `fitIn` papers' and those they join. With an `indexFile`, the index of the last
 * ingest is read from it and the changed papers added (when it is that ingest's: see
 * similarity-file.ts), and the index written back for the next. Says which, for the summary.
 */
async function writeSimilarPapers(
  store: IngestSide,
  fitIn: ReadonlySet<string> | null,
  indexFile: string | undefined,
  similarVersionBefore: number,
): Promise<NonNullable<MapReport['similarPapers']>> {
  const { papersVersion } = await store.mapState();
  const papers: PaperText[] = [];
  for (let page = await store.readPaperTexts('', SIMILAR_PAGE); page.length > 0;) {
    papers.push(...page);
    page = await store.readPaperTexts(page.at(-1)!.id, SIMILAR_PAGE);
  }
  const fitting = fitIn !== null && fitIn.size <= FIT_IN_SHARE * papers.length;
  const kept = fitting && indexFile ? readIndexFile(indexFile, similarVersionBefore) : undefined;
  // The file's papers and the changed ones must be exactly the store's.
  const keptIds = new Set(kept?.ids);
  const extendable =
    kept !== undefined &&
    papers.length === new Set([...keptIds, ...fitIn!]).size &&
    papers.every((paper) => fitIn!.has(paper.id) || keptIds.has(paper.id));
  const data = extendable
    ? extendIndexData(
        kept,
        papers.filter((paper) => fitIn!.has(paper.id)),
      )
    : buildIndexData(papers);
  papers.length = 0;
  const index = indexOf(data);
  const lists = fitting
    ? await updateSimilar(index, fitIn, {
        readSimilar: async (ids) => {
          const stored: SimilarList[] = [];
          for (let start = 0; start < ids.length; start += SIMILAR_BATCH) {
            stored.push(...(await store.readSimilar(ids.slice(start, start + SIMILAR_BATCH))));
          }
          return stored;
        },
        findListing: (ids) => store.findListing(ids),
      })
    : allLists(index);
  // The last batch (an empty one when there is nothing to write) records the version.
  for (let start = 0; start === 0 || start < lists.length; start += SIMILAR_BATCH) {
    const last = start + SIMILAR_BATCH >= lists.length;
    await store.writeSimilar(
      lists.slice(start, start + SIMILAR_BATCH),
      last ? papersVersion : undefined,
    );
  }
  // Only time is lost when the index cannot be kept: the next ingest builds it again.
  let notKept: string | undefined;
  if (indexFile) {
    try {
      mkdirSync(dirname(indexFile), { recursive: true });
      writeIndexFile(indexFile, data, papersVersion);
    } catch (error) {
      notKept = `${indexFile}: ${error instanceof Error ? error.message : String(error)}`;
    }
  }
  return {
    mode: fitting ? 'fitted in' : 'all',
    listCount: lists.length,
    index: extendable ? 'extended' : 'built',
    ...(notKept ? { indexNotKept: notKept } : {}),
  };
}

/** Whether a file is empty or blank (whitespace only; a compressed file only when empty). */
async function holdsNothing(file: string): Promise<boolean> {
  const { size } = await stat(file);
  if (size === 0) return true;
  if (size > 4_096 || file.endsWith('.gz')) return false;
  return (await readFile(file, 'utf8')).trim() === '';
}

/** Reads, merges, extracts terms and writes the papers of `files`; the analysis comes after. */
async function storePapers(
  files: string[],
  failures: FileFailure[],
  store: IngestSide,
  options: IngestOptions,
  endStage: (stage: keyof StageTimings, excluding?: number) => void,
  timings: StageTimings,
) {
  const progress = options.progress ?? SILENT_PROGRESS;
  const emptyFiles: string[] = [];
  // ── read and merge ──────────────────────────────────────────────────────────────────
  const index = new PaperIndex();
  let records = 0;
  let merged = 0;
  const skippedRecords: string[] = [];
  progress.start('reading files', files.length);
  for (const [done, file] of files.entries()) {
    progress.update(done, file);
    const fileRecords: Paper[] = [];
    const fileProblems: IngestError[] = [];
    const format = formatFor(file, options.format)!;
    // One rule for every format: a file with nothing in it (or only blank lines) holds no
    // paper, a warning (exit 0); content that is no paper of its format is a failure
    // (BibTeX without an entry, broken JSON).
    if (await holdsNothing(file)) {
      emptyFiles.push(file);
      continue;
    }
    try {
      for await (const read of format.read(file)) {
        if (read instanceof IngestError) {
          fileProblems.push(read);
          continue;
        }
        const item = withoutMarkup(read);
        const problem = recordProblem(item);
        if (problem)
          fileProblems.push(new IngestError(format.name, file, item.source.line, problem));
        else fileRecords.push(paperFromRecord(item));
      }
    } catch (error) {
      const message =
        error instanceof IngestError ? error.message : `ingest: ${file}: ${String(error)}`;
      failures.push({ file, kind: 'file', message });
      continue;
    }
    skippedRecords.push(...fileProblems.map((problem) => problem.message));
    if (fileRecords.length === 0 && fileProblems.length === 0) emptyFiles.push(file);
    records += fileRecords.length;
    for (const paper of fileRecords) if (index.add(paper)) merged += 1;
  }
  progress.update(files.length);
  progress.stop();
  endStage('read');
  for (const problem of skippedRecords.slice(0, MAX_REPORTED_PROBLEMS)) {
    progress.log(`skipped: ${problem}`);
  }

  // ── merge with what is stored ───────────────────────────────────────────────────────
  const incoming = [...index.values()];
  const stored = await store.findPapers(incoming.flatMap((paper) => paperKeys(paper)));
  const storedByKey = new Map(
    stored.flatMap((paper) => paperKeys(paper).map((key) => [key, paper])),
  );
  const counts = { new: 0, updated: 0, unchanged: 0 };
  const changed: Paper[] = [];
  /** Every paper of this ingest as it will be stored, changed or not. */
  const toStore: Paper[] = [];
  /** The stored papers among them. */
  const storedIds: string[] = [];
  for (const paper of incoming) {
    const match = paperKeys(paper)
      .map((key) => storedByKey.get(key))
      .find((found) => found !== undefined);
    const result = match ? mergePaper(match, paper) : paper;
    toStore.push(result);
    if (match) storedIds.push(match.id);
    if (!match) {
      counts.new += 1;
      changed.push(result);
    } else if (samePaper(result, match)) {
      counts.unchanged += 1;
    } else {
      counts.updated += 1;
      changed.push(result);
    }
  }

  endStage('merge');

  // ── key terms, links, writes ────────────────────────────────────────────────────────
  // Terms are scored with corpus statistics, so every paper of this ingest is read, not only
  // the changed ones; nothing changed, nothing to compute. Papers are then ranked one at a
  // time and written in batches as they come, so no stage holds every paper's terms.
  // A thesaurus may change the terms of unchanged papers too: then every paper is rewritten.
  const rewritten = options.thesaurus ? toStore : changed;
  const termDocs = rewritten.length > 0 ? toStore : [];
  progress.start('extracting terms', termDocs.length, 'papers');
  const docs = termDocs.map((paper) => ({
    id: paper.id,
    title: paper.title,
    text: paper.abstract,
  }));
  const topK = options.topK ?? DEFAULT_TOP_K;
  const termFailures: string[] = [];
  const onFailure = (id: string, reason: string) =>
    termFailures.push(`ingest/terms: paper ${id}: no key terms, the tagger failed (${reason})`);
  const corpus =
    docs.length >= PARALLEL_TERMS_FROM
      ? await readCorpusInParallel(docs, { onFailure, onProgress: (read) => progress.update(read) })
      : readCorpus(docs, { onFailure });
  progress.update(termDocs.length);
  progress.stop();
  // Ranked against the whole store: the stored papers this ingest does not write again.
  const storedCounts =
    termDocs.length > 0 ? await store.storedTermCounts(corpus.interned(), storedIds) : undefined;
  const background = storedCounts && storedCounts.paperCount > 0 ? storedCounts : undefined;

  const batchSize = options.batchSize ?? DEFAULT_BATCH_SIZE;
  const toWrite = new Map(rewritten.map((paper) => [paper.id, paper]));
  let batch: PaperWrite[] = [];
  let written = 0;
  let writing = 0;
  const flush = async () => {
    const started = performance.now();
    await store.writePapers(batch);
    writing += performance.now() - started;
    written += batch.length;
    batch = [];
    progress.update(written);
  };
  progress.start('writing papers', toWrite.size);
  const mentionOf = (keyTerm: boolean) => (term: KeyTerm) => ({
    topicId: term.key,
    label: term.label,
    score: term.score,
    count: term.count,
    inTitle: term.inTitle,
    keyTerm,
  });
  for (const { id, keyTerms, otherTerms } of corpus.rank(topK, options.thesaurus, background)) {
    const paper = toWrite.get(id);
    if (!paper) continue;
    batch.push({
      paper,
      keys: paperKeys(paper),
      mentions: [...keyTerms.map(mentionOf(true)), ...otherTerms.map(mentionOf(false))],
      repositories: findRepositoryLinks(paper),
    });
    if (batch.length === batchSize) await flush();
  }
  if (batch.length > 0) await flush();
  progress.stop();
  // Ranking ran between the writes: its time is the terms stage's.
  endStage('terms', writing);
  timings.write = Math.round(writing) / 1000;
  return {
    emptyFiles,
    termFailures,
    recordCount: records,
    skippedRecords,
    mergedCount: merged,
    paperCounts: counts,
    withoutAbstractCount: incoming.filter((paper) => paper.abstract === '').length,
    changedIds: new Set(changed.map((paper) => paper.id)),
  };
}

/**
 * Copies a whole graph from one store into another through the `GraphStore` port, for a user
 * who outgrows the laptop (`npm run copy -- --from embedded --to neo4j`): papers page by page
 * in id order, each page one write batch (keys, mentions, links), then the topic counts and
 * labels, then the topic map and the similar papers as the last analysis wrote them. The target must be empty, so a copy
 * never merges two graphs by accident; at the end both stores must count the same.
 */
import type { ExportSide, IngestSide, StoreStats } from '../server/store/graph-store.ts';
import { SILENT_PROGRESS, type Progress } from './progress.ts';

export const DEFAULT_COPY_BATCH = 1_000;

export class CopyError extends Error {
  override readonly name = 'CopyError';
}

export interface CopyOptions {
  /** Papers per page read and per batch written (default 1,000). */
  batchSize?: number;
  progress?: Progress;
  /** Names of the stores for messages (`data/topograph.db`, `neo4j://…`). */
  from?: string;
  to?: string;
}

/** Copies `source` into the empty `target`; returns what the target holds afterwards. */
export async function copyStore(
  source: ExportSide,
  target: IngestSide,
  {
    batchSize = DEFAULT_COPY_BATCH,
    progress = SILENT_PROGRESS,
    from = source.kind,
    to = target.kind,
  }: CopyOptions = {},
): Promise<StoreStats> {
  if (!Number.isInteger(batchSize) || batchSize < 1) {
    throw new CopyError(`copy: the batch size must be a whole number above 0, not ${batchSize}`);
  }
  const held = await target.stats();
  if (held.paperCount > 0 || held.topicCount > 0) {
    throw new CopyError(
      `copy: the target (${to}) already holds ${held.paperCount} papers and ${held.topicCount} topics; ` +
        'copy into an empty store, so two graphs are never mixed',
    );
  }
  const expected = await source.stats();
  const sourceState = await source.mapState();
  progress.start('copying papers', expected.paperCount);
  let copied = 0;
  let after = '';
  for (;;) {
    const page = await source.exportPapers(after, batchSize);
    if (page.length === 0) break;
    await target.writePapers(page);
    copied += page.length;
    after = page[page.length - 1]!.paper.id;
    progress.update(copied, after);
  }
  progress.stop();
  progress.start('counting topics', 1);
  await target.refreshTopics();
  progress.stop();
  progress.start('copying the map', 1);
  // The copy's map is as current as the original's: of the papers copied, or (when an ingest
  // into the original stopped before drawing its map) one version behind them, so the next
  // ingest into the copy draws it again.
  const { papersVersion } = await target.mapState();
  const current = sourceState.mapVersion >= sourceState.papersVersion;
  await target.writeAnalysis({
    ...(await source.exportAnalysis()),
    version: current ? papersVersion : papersVersion - 1,
  });
  progress.stop();
  progress.start('copying similar papers', expected.paperCount);
  let listed = 0;
  for (let page = await source.exportSimilar('', batchSize); page.length > 0;) {
    await target.writeSimilar(page);
    listed += page.length;
    progress.update(listed);
    page = await source.exportSimilar(page.at(-1)!.paperId, batchSize);
  }
  progress.stop();

  const stats = await target.stats();
  const differences = (Object.keys(expected) as (keyof StoreStats)[]).filter(
    (key) => stats[key] !== expected[key],
  );
  if (differences.length > 0) {
    throw new CopyError(
      `copy: ${to} does not hold what ${from} holds: ` +
        differences.map((key) => `${key} ${stats[key]} instead of ${expected[key]}`).join(', '),
    );
  }
  return stats;
}

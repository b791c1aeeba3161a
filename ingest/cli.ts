/**
 * `npm run ingest -- <files or folders…>`: reads paper listings into the graph store chosen
 * by the environment (see server/store/open-store.ts), with progress on a terminal and a
 * summary at the end. Exits non-zero when any file failed; the other files are still ingested.
 */
import { Command } from 'commander';
import { openStore } from '../server/store/open-store.ts';
import { DEFAULT_TOP_K, ingest, type IngestSummary } from './pipeline.ts';
import { createProgress } from './progress.ts';
import { SOURCE_FORMATS } from './sources/index.ts';

function formatSummary(summary: IngestSummary, seconds: number): string {
  const { papers } = summary;
  const lines = [
    `files:        ${summary.files} read, ${summary.failures.length} failed` +
      (summary.skippedFiles.length ? `, ${summary.skippedFiles.length} skipped (no format)` : ''),
    `records:      ${summary.records} (${summary.merged} merged into papers seen in another record` +
      (summary.skippedRecords.length
        ? `, ${summary.skippedRecords.length} skipped as unreadable`
        : '') +
      ')',
    `papers:       ${papers.new} new, ${papers.updated} updated, ${papers.unchanged} unchanged` +
      (summary.withoutAbstract ? `, ${summary.withoutAbstract} without abstract` : ''),
    `in the store: ${summary.topics} topics, ${summary.repositories} repositories`,
    `time:         ${seconds.toFixed(1)} s`,
  ];
  for (const failure of summary.failures) lines.push(`error: ${failure.message}`);
  return lines.join('\n');
}

const program = new Command()
  .name('ingest')
  .description('Read paper listings and exports into the Topograph graph.')
  .argument('<paths...>', 'files or folders to read')
  .option(
    '--format <name>',
    `read every file as this format (${SOURCE_FORMATS.map((f) => f.name).join(', ')})`,
  )
  .option(
    '--top-k <n>',
    'key terms kept per paper',
    (value) => Number.parseInt(value, 10),
    DEFAULT_TOP_K,
  )
  .option('--if-empty', 'do nothing when the store already holds papers (used by npm start)')
  .action(
    async (paths: string[], options: { format?: string; topK: number; ifEmpty?: boolean }) => {
      if (!Number.isInteger(options.topK) || options.topK < 1 || options.topK > 100) {
        program.error('ingest: --top-k must be a whole number from 1 to 100');
      }
      const store = openStore();
      try {
        if (options.ifEmpty && (await store.stats()).papers > 0) return;
        const started = performance.now();
        const summary = await ingest(paths, store, {
          format: options.format,
          topK: options.topK,
          progress: createProgress(),
        });
        console.log(formatSummary(summary, (performance.now() - started) / 1000));
        if (summary.failures.length > 0) process.exitCode = 1;
      } finally {
        await store.close();
      }
    },
  );

await program.parseAsync();

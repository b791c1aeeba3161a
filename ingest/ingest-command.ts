/**
 * The ingest command as a function of its arguments, environment and output streams, so its
 * options are tested in-process (test/ingest.test.ts); `npm run ingest` (cli.ts) runs it on
 * the process's. It resolves to the exit code: 0, 1 when a file failed (the others were
 * ingested), 2 for a wrong option or setting (nothing was ingested).
 */
import { readFile } from 'node:fs/promises';
import { Command, CommanderError } from 'commander';
import { StoreBusyError } from '../server/store/graph-store.ts';
import {
  DEFAULT_DB_PATH,
  openStore,
  STORE_KINDS,
  storeKind,
  storeLocation,
  type StoreEnv,
  type StoreKind,
  similarIndexPath,
} from '../server/store/open-store.ts';
import {
  DEFAULT_CACHE_DIR,
  DEFAULT_FETCH_MAX,
  describeFetch,
  FETCH_SOURCES,
  FetchError,
  FetchOptionError,
  fetchRequest,
  fetchRequestOfUrl,
  fetchSource,
  storedFetches,
  type FetchEnv,
  type FetchOptions,
} from './fetch/fetch-source.ts';
import { DEFAULT_TOP_K, ingest, type IngestSummary } from './pipeline.ts';
import { createProgress } from './progress.ts';
import { SOURCE_FORMATS } from './sources/index.ts';
import { parseThesaurus, type Thesaurus } from './terms/thesaurus.ts';

const count = (n: number, one: string, many = `${one}s`) => `${n} ${n === 1 ? one : many}`;

/** What the ingest did to the related papers, when it did anything. */
function similarLine(similar: NonNullable<IngestSummary['map']>['similarPapers']): string[] {
  if (!similar) return [];
  return [
    similar.mode === 'all'
      ? `related:      found for every paper (${count(similar.listCount, 'paper')})`
      : `related:      the changed papers fitted in (${count(similar.listCount, 'list')} written` +
        `${similar.index === 'extended' ? ', into the index of the last ingest' : ''})`,
    ...(similar.indexNotKept
      ? [
          `note: the similarity index was not kept (${similar.indexNotKept}); the next ingest builds it again`,
        ]
      : []),
  ];
}

function formatSummary(summary: IngestSummary, seconds: number): string {
  const { paperCounts: papers } = summary;
  // Failures include paths that are no file of a known format; the rest were read.
  const failedFiles = summary.failures.length;
  const readFiles = summary.fileCount - summary.failures.filter((f) => f.kind === 'file').length;
  const lines = [
    `files:        ${readFiles} read, ${failedFiles} failed` +
      (summary.skippedFiles.length ? `, ${summary.skippedFiles.length} skipped (no format)` : ''),
    `records:      ${summary.recordCount} (${summary.mergedCount} merged into papers seen in another record` +
      (summary.skippedRecords.length
        ? `, ${summary.skippedRecords.length} skipped as unreadable`
        : '') +
      ')',
    `papers:       ${papers.new} new, ${papers.updated} updated, ${papers.unchanged} unchanged` +
      (summary.withoutAbstractCount ? `, ${summary.withoutAbstractCount} without abstract` : ''),
    `in the store: ${count(summary.topicCount, 'topic')}, ${count(summary.repositoryCount, 'repository', 'repositories')}`,
    !summary.map
      ? 'topic map:    unchanged (no paper changed)'
      : summary.map.superseded
        ? 'topic map:    kept another ingest’s, drawn from more papers (this one was not stored)'
        : (summary.map.topicCount === 0
            ? 'topic map:    empty (no topic is named by two papers yet)'
            : `topic map:    ${count(summary.map.topicCount, 'topic')} in ${count(summary.map.clusterCount, 'cluster')} (resolution ${summary.map.resolution})`) +
          (summary.map.caughtUp ? '; drawn again: an earlier ingest stopped before its map' : ''),
    ...similarLine(summary.map?.similarPapers),
    `time:         ${seconds.toFixed(1)} s (${Object.entries(summary.timings)
      .flatMap(([stage, time]) => (typeof time === 'number' ? [`${stage} ${time.toFixed(1)}`] : []))
      .join(', ')})`,
  ];
  const listed = (files: string[]) =>
    files.slice(0, 5).join(', ') + (files.length > 5 ? ` and ${files.length - 5} more` : '');
  if (summary.skippedFiles.length)
    lines.push(`skipped (no format reads them): ${listed(summary.skippedFiles)}`);
  if (summary.emptyFiles.length)
    lines.push(`warning: no paper found in ${listed(summary.emptyFiles)}`);
  for (const failure of summary.termFailures.slice(0, 5)) lines.push(`warning: ${failure}`);
  for (const failure of summary.failures) lines.push(`error: ${failure.message}`);
  if (summary.recordCount === 0 && summary.failures.length === 0) {
    lines.push('warning: no paper was read from the given paths; nothing was ingested');
  }
  return lines.join('\n');
}

function helpAfter(): string {
  const formats = SOURCE_FORMATS.filter((format) => format.extensions.length > 0).map(
    (format) =>
      `  ${format.name.padEnd(11)} ${format.extensions.join(' ').padEnd(26)} ${format.description}`,
  );
  return [
    '',
    'Formats, chosen by extension (.gz files are decompressed on the fly):',
    ...formats,
    '',
    `Environment: TOPOGRAPH_STORE (embedded or neo4j); TOPOGRAPH_DB, the embedded store's SQLite file`,
    `(default ${DEFAULT_DB_PATH}); NEO4J_URI, NEO4J_USER, NEO4J_PASSWORD for Neo4j.`,
  ].join('\n');
}

export interface CommandIo {
  /** Where the summary goes (stdout). */
  out: NodeJS.WritableStream & { isTTY?: boolean };
  /** Where progress and errors go (stderr). */
  err: NodeJS.WriteStream;
}

export async function runIngestCommand(
  argv: string[],
  env: StoreEnv & FetchEnv & { TOPOGRAPH_RESOLUTION?: string },
  io: CommandIo = { out: process.stdout, err: process.stderr },
): Promise<number> {
  const print = (text: string) => io.out.write(`${text}\n`);
  let exitCode = 0;

  /** `--store`, else TOPOGRAPH_STORE, else embedded; a wrong name stops the command. */
  const chooseStore = (option: string | undefined): StoreKind => {
    try {
      return storeKind(option === undefined ? env : { TOPOGRAPH_STORE: option });
    } catch (error) {
      return program.error(error instanceof Error ? error.message : String(error), {
        exitCode: 2,
      });
    }
  };

  const program = new Command()
    .name('ingest')
    .description('Read paper listings and exports into the Topograph graph.')
    .argument('[paths...]', 'files or folders to read, or Hugging Face Papers page URLs')
    .option('--from <source>', `first fetch papers from an API: ${FETCH_SOURCES.join(', ')}`)
    .option(
      '--query <query>',
      'arxiv: an arXiv search (\'all:"causal inference"\'); openalex: words',
    )
    .option('--since <day>', 'openalex: works published from this day; hf: listings from this day')
    .option('--date <day>', "hf: that day's listing")
    .option(
      '--max <n>',
      'with --from: papers to fetch at most',
      (value) => Number(value),
      DEFAULT_FETCH_MAX,
    )
    .option(
      '--mailto <address>',
      'an e-mail address sent with fetches (OpenAlex polite pool; default: TOPOGRAPH_MAILTO)',
    )
    .option(
      '--update',
      'fetch what is new for each query fetched before into the cache (--cache), and ingest it',
    )
    .option(
      '--cache <dir>',
      'where fetched pages are kept (a re-run reads them, an interrupted fetch resumes)',
      DEFAULT_CACHE_DIR,
    )
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
    .option(
      '--thesaurus <file>',
      'merge or drop terms: a VOSviewer thesaurus (tab-separated "label<TAB>replace by"; an empty replacement drops the term)',
    )
    .option(
      '--resolution <r>',
      'clustering resolution of the topic map: higher gives more, smaller clusters (default: TOPOGRAPH_RESOLUTION, else 1 raised until no cluster holds a quarter of the map)',
      (value) => Number(value),
    )
    .option(
      '--new-map',
      'lay the topic map out afresh instead of starting from the previous one (new positions and cluster ids)',
    )
    .option(
      '--store <kind>',
      `the graph store to write to (${STORE_KINDS.join(', ')}; default: TOPOGRAPH_STORE, else embedded)`,
    )
    .option('--if-empty', 'do nothing when the store already holds papers (used by npm start)')
    .addHelpText('after', helpAfter())
    .exitOverride()
    .configureOutput({
      writeOut: (text) => io.out.write(text),
      writeErr: (text) => io.err.write(text),
    })
    .action(
      async (
        paths: string[],
        options: {
          format?: string;
          topK: number;
          thesaurus?: string;
          store?: string;
          ifEmpty?: boolean;
          resolution?: number;
          newMap?: boolean;
          update?: boolean;
          mailto?: string;
        } & FetchOptions,
      ) => {
        if (paths.length === 0 && options.from === undefined && !options.update) {
          program.error(
            'ingest: give files or folders to read, --from arxiv --query …, or --update',
            { exitCode: 2 },
          );
        }
        // What to fetch first: --from, the stored queries (--update), and Hugging Face Papers
        // page URLs among the paths.
        const fetches: ReturnType<typeof storedFetches> = [];
        try {
          if (options.from !== undefined) fetches.push({ request: fetchRequest(options) });
          if (options.update) {
            const stored = storedFetches(options.cache);
            if (stored.length === 0 && paths.length === 0 && options.from === undefined) {
              print(`ingest: nothing to update: no query was fetched into ${options.cache} yet`);
              return;
            }
            fetches.push(...stored);
          }
          for (const path of paths.filter((p) => /^https?:\/\//i.test(p))) {
            const request = fetchRequestOfUrl(path, options);
            if (!request) {
              throw new FetchOptionError(
                `ingest: ${path}: only Hugging Face Papers pages (https://huggingface.co/papers?date=…) can be read from a URL; for others use --from or save the file`,
              );
            }
            fetches.push({ request });
          }
        } catch (error) {
          if (error instanceof FetchOptionError) program.error(error.message, { exitCode: 2 });
          throw error;
        }
        paths = paths.filter((p) => !/^https?:\/\//i.test(p));
        if (!Number.isInteger(options.topK) || options.topK < 1 || options.topK > 100) {
          program.error('ingest: --top-k must be a whole number from 1 to 100');
        }
        // A resolution set in the environment (or .env) holds for every ingest, npm start's too.
        const fromEnv = env.TOPOGRAPH_RESOLUTION?.trim();
        const resolution = options.resolution ?? (fromEnv ? Number(fromEnv) : undefined);
        if (resolution !== undefined && !(resolution > 0 && resolution <= 100)) {
          program.error(
            options.resolution === undefined
              ? `ingest: TOPOGRAPH_RESOLUTION must be a number above 0 and at most 100, not "${fromEnv}"`
              : 'ingest: --resolution must be a number above 0 and at most 100',
          );
        }
        // Read before anything is ingested: a broken thesaurus stops the run, naming its line.
        let thesaurus: Thesaurus | undefined;
        if (options.thesaurus) {
          try {
            thesaurus = parseThesaurus(
              await readFile(options.thesaurus, 'utf8'),
              options.thesaurus,
            );
            const dropped = [...thesaurus.values()].filter((term) => term === null).length;
            print(
              `thesaurus ${options.thesaurus}: ${thesaurus.size - dropped} terms replaced, ${dropped} dropped`,
            );
          } catch (error) {
            const message = error instanceof Error ? error.message : String(error);
            program.error(
              message.startsWith('ingest/') ? message : `ingest: --thesaurus: ${message}`,
              {
                exitCode: 2,
              },
            );
          }
        }
        // Fetched before the store is opened: a fetch that fails changes nothing stored.
        for (const { request, update } of fetches) {
          try {
            const fetchEnv = options.mailto ? { ...env, TOPOGRAPH_MAILTO: options.mailto } : env;
            const fetched = await fetchSource(request, fetchEnv, createProgress(io.err), update);
            for (const line of describeFetch(fetched, request)) print(line);
            paths = [...paths, ...fetched.files];
          } catch (error) {
            if (!(error instanceof FetchError)) throw error;
            print(
              `error: ${error.message}; nothing was changed (the pages fetched so far stay in ${request.cacheDir}: run again to go on from there)`,
            );
            exitCode = 1;
            return;
          }
        }
        if (fetches.length > 0 && paths.length === 0) return;
        const kind = chooseStore(options.store);
        const store = await openStore(env, kind).catch((error: unknown) =>
          // A wrong setting or an unreachable Neo4j: its message says what to do.
          program.error(error instanceof Error ? error.message : String(error), { exitCode: 2 }),
        );
        try {
          const { paperCount: papers } = await store.stats();
          if (options.ifEmpty && papers > 0) {
            print(
              `Topograph: the store (${storeLocation(env, kind)}) holds ${papers} papers; not ingesting ${paths.join(', ')}.`,
            );
            return;
          }
          const started = performance.now();
          const summary = await ingest(paths, store, {
            format: options.format,
            topK: options.topK,
            thesaurus,
            ...(resolution === undefined ? {} : { resolution }),
            newMap: options.newMap ?? false,
            progress: createProgress(io.err),
            similarIndexFile: similarIndexPath(env, kind),
          }).catch((error: unknown) => {
            // A wrong option, not a wrong file: say so and stop.
            if (error instanceof RangeError) program.error(error.message, { exitCode: 2 });
            // Another process held the store too long: what was written stays; say so, no trace.
            if (error instanceof StoreBusyError) program.error(error.message, { exitCode: 2 });
            throw error;
          });
          print(formatSummary(summary, (performance.now() - started) / 1000));
          if (summary.failures.length > 0) exitCode = 1;
        } finally {
          await store.close();
        }
      },
    );

  try {
    await program.parseAsync(argv, { from: 'user' });
  } catch (error) {
    // --help and --version end here with 0; a wrong option or setting with its code.
    if (error instanceof CommanderError) return error.exitCode;
    throw error;
  }
  return exitCode;
}

/**
 * `npm run copy -- --from embedded --to neo4j`: moves a graph from one store into another
 * (see copy-store.ts), with a progress bar. Each side is the embedded store (its file from
 * `--from-db`/`--to-db`, else TOPOGRAPH_DB) or Neo4j (NEO4J_URI, NEO4J_USER, NEO4J_PASSWORD).
 */
import { existsSync } from 'node:fs';
import { Command } from 'commander';
import { loadDotEnv } from '../server/config.ts';
import type { GraphStore } from '../server/store/graph-store.ts';
import {
  openStore,
  STORE_KINDS,
  storeKind,
  storeLocation,
  type StoreKind,
} from '../server/store/open-store.ts';
import { copyStore, DEFAULT_COPY_BATCH } from './copy-store.ts';
import { createProgress } from './progress.ts';

interface CopyCliOptions {
  from: string;
  to: string;
  fromDb?: string;
  toDb?: string;
  batchSize: number;
}

loadDotEnv();

const program = new Command()
  .name('copy')
  .description('Copy the whole Topograph graph from one store into another, empty one.')
  .requiredOption('--from <store>', `the store to read (${STORE_KINDS.join(' or ')})`)
  .requiredOption('--to <store>', `the empty store to write (${STORE_KINDS.join(' or ')})`)
  .option('--from-db <file>', 'the embedded source file (default: TOPOGRAPH_DB)')
  .option('--to-db <file>', 'the embedded target file (default: TOPOGRAPH_DB)')
  .option(
    '--batch-size <n>',
    'papers per batch',
    (value) => Number.parseInt(value, 10),
    DEFAULT_COPY_BATCH,
  )
  .addHelpText(
    'after',
    '\nNeo4j is reached with NEO4J_URI, NEO4J_USER and NEO4J_PASSWORD (see .env.example).',
  )
  .action(async (options: CopyCliOptions) => {
    const fail = (message: string): never => program.error(message, { exitCode: 2 });
    const side = (kind: string, db: string | undefined) => {
      try {
        const chosen: StoreKind = storeKind({ TOPOGRAPH_STORE: kind });
        const env = db === undefined ? process.env : { ...process.env, TOPOGRAPH_DB: db };
        return { kind: chosen, env, location: storeLocation(env, chosen) };
      } catch (error) {
        return fail(error instanceof Error ? `copy: ${error.message}` : String(error));
      }
    };
    const from = side(options.from, options.fromDb);
    const to = side(options.to, options.toDb);
    if (from.kind === to.kind && from.location === to.location) {
      fail(`copy: --from and --to are the same store (${from.location})`);
    }
    if (from.kind === 'embedded' && !existsSync(from.location)) {
      fail(`copy: there is no embedded store at ${from.location} (set --from-db or TOPOGRAPH_DB)`);
    }
    const open = (end: typeof from) =>
      openStore(end.env, end.kind).catch((error: unknown) =>
        fail(error instanceof Error ? error.message : String(error)),
      );
    const source: GraphStore = await open(from);
    let target: GraphStore | undefined;
    try {
      target = await open(to);
      const started = performance.now();
      const stats = await copyStore(source, target, {
        batchSize: options.batchSize,
        progress: createProgress(),
        from: from.location,
        to: to.location,
      });
      console.log(
        `copied ${from.location} → ${to.location}: ${stats.paperCount} papers, ${stats.topicCount} topics, ` +
          `${stats.repositoryCount} repositories, ${stats.clusterCount} clusters ` +
          `(${((performance.now() - started) / 1000).toFixed(1)} s)`,
      );
    } catch (error) {
      console.error(error instanceof Error ? error.message : String(error));
      process.exitCode = 1;
    } finally {
      await target?.close();
      await source.close();
    }
  });

await program.parseAsync();

/**
 * `npm run ingest -- <files or folders…>` (or `--from arxiv --query …`): reads paper listings into the graph store chosen
 * by the environment (see server/store/open-store.ts), with progress on a terminal and a
 * summary at the end. Exits non-zero when any file failed; the other files are still ingested.
 * The command itself is ingest-command.ts.
 */
import { loadDotEnv } from '../server/config.ts';
import { runIngestCommand } from './ingest-command.ts';

loadDotEnv();
// Output piped into a reader that stopped early (`npm run ingest -- --help | head`): done.
process.stdout.on('error', (error: NodeJS.ErrnoException) => {
  if (error.code === 'EPIPE') process.exit(process.exitCode ?? 0);
  throw error;
});
process.exitCode = await runIngestCommand(process.argv.slice(2), process.env);

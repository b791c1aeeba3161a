/**
 * Starts the server: opens the store, serves the API and the built explorer (dist/web), prints
 * the URL, and closes the store cleanly on SIGINT/SIGTERM.
 */
import { existsSync } from 'node:fs';
import { buildApp } from './app.ts';
import { loadDotEnv, serverConfig } from './config.ts';
import { openReader, openStore } from './store/open-store.ts';

loadDotEnv();
const config = serverConfig();
const store = await openStore().catch((error: unknown) => {
  // A wrong setting or an unreachable Neo4j: the message says what to do; no stack trace.
  console.error(`Topograph: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
});
const reader = await openReader(store, config.readThreads).catch(async (error: unknown) => {
  console.error(`Topograph: ${error instanceof Error ? error.message : String(error)}`);
  await store.close();
  process.exit(1);
});
const app = await buildApp({ store, reader, webRoot: 'dist/web', logger: { level: 'warn' } });

let closing = false;
const shutdown = async (signal: string) => {
  if (closing) return;
  closing = true;
  console.log(`\n${signal}: closing Topograph…`);
  await app.close();
  await reader.close();
  await store.close();
  process.exit(0);
};
process.on('SIGINT', () => void shutdown('SIGINT'));
process.on('SIGTERM', () => void shutdown('SIGTERM'));

if (!existsSync('dist/web/index.html')) {
  console.warn(
    'Topograph: the explorer is not built (dist/web); serving the API only. Run `npm run build`.',
  );
}
const stats = await store.stats();
try {
  await app.listen({ host: config.host, port: config.port });
} catch (error) {
  const code = (error as NodeJS.ErrnoException).code;
  console.error(
    code === 'EADDRINUSE'
      ? `Topograph: port ${config.port} on ${config.host} is in use; set PORT to another port (PORT=5180 npm start).`
      : `Topograph: cannot listen on ${config.host}:${config.port}: ${String(error)}`,
  );
  await reader.close();
  await store.close();
  process.exit(1);
}
const address = app.server.address();
const port = typeof address === 'object' && address ? address.port : config.port;
const host = config.host.includes(':') ? `[${config.host}]` : config.host;
console.log(
  `Topograph: ${stats.paperCount} papers, ${stats.topicCount} topics, ${stats.repositoryCount} repositories\n` +
    `Explorer at http://${host}:${port}  (Ctrl+C to stop)`,
);

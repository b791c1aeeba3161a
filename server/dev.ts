/**
 * `npm run dev`: the explorer from Vite's dev server with hot reload, and the API on the next
 * port, which Vite proxies under `/api` — one command, one URL to open.
 */
import { createServer } from 'vite';
import { buildApp } from './app.ts';
import { loadDotEnv, serverConfig } from './config.ts';
import { openReader, openStore } from './store/open-store.ts';

loadDotEnv();
const config = serverConfig();
const store = await openStore().catch((error: unknown) => {
  console.error(`Topograph: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
});
const reader = await openReader(store, config.readThreads).catch(async (error: unknown) => {
  console.error(`Topograph: ${error instanceof Error ? error.message : String(error)}`);
  await store.close();
  process.exit(1);
});
const api = await buildApp({ store, reader, logger: { level: 'warn' } });
await api.listen({ host: config.host, port: config.port + 1 });

const vite = await createServer({
  configFile: 'vite.config.ts',
  server: {
    host: config.host,
    port: config.port,
    strictPort: true,
    proxy: { '/api': `http://${config.host}:${config.port + 1}` },
  },
});
await vite.listen();
vite.printUrls();

const shutdown = async () => {
  await vite.close();
  await api.close();
  await reader.close();
  await store.close();
  process.exit(0);
};
process.on('SIGINT', () => void shutdown());
process.on('SIGTERM', () => void shutdown());

/**
 * The body of a read thread (see read-threads.ts): opens its own connection to the store,
 * says it is ready (or why it is not), then answers reads one message at a time until told
 * to close.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { inThreadReader, READS } from './graph-reader.ts';
import type { GraphStore } from './graph-store.ts';
import { createNeo4jStore } from './neo4j/neo4j-store.ts';
import type { ReadAnswer, ReaderSource, ReadRequest, ReadyMessage } from './read-threads.ts';
import { createSqliteStore } from './sqlite/sqlite-store.ts';

const port = parentPort!;
const source = workerData as ReaderSource;

async function open(): Promise<GraphStore> {
  return source.kind === 'embedded'
    ? createSqliteStore(source.path, { readonly: true })
    : createNeo4jStore(source.config);
}

let store: GraphStore;
try {
  store = await open();
} catch (error) {
  const where = source.kind === 'embedded' ? source.path : source.config.uri;
  const message = error instanceof Error ? error.message : String(error);
  port.postMessage({
    ready: false,
    error: message.includes(where) ? message : `store: cannot read ${where}: ${message}`,
  } satisfies ReadyMessage);
  process.exit(1);
}
const reader = inThreadReader(store);
const known = new Set<string>(READS);

port.on('message', async (message: ReadRequest | 'close') => {
  if (message === 'close') {
    await store.close();
    process.exit(0);
  }
  const { id, read, args } = message;
  let answer: ReadAnswer;
  try {
    if (!known.has(read)) throw new Error(`store: no read named ${JSON.stringify(read)}`);
    const method = reader[read] as (...values: unknown[]) => Promise<unknown>;
    answer = { id, value: await method(...args) };
  } catch (error) {
    const { name = 'Error', message: text = String(error) } = error instanceof Error ? error : {};
    answer = { id, error: { name, message: text } };
  }
  port.postMessage(answer);
});
port.postMessage({ ready: true } satisfies ReadyMessage);

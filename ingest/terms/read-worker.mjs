// Worker thread of extract-parallel.ts: reads the shares of documents it is sent, one message
// at a time (the costly, per-document half of term extraction), and posts each result back.
// Plain JavaScript that registers tsx first: a worker does not inherit the parent's loader.
import { parentPort } from 'node:worker_threads';
import { register } from 'tsx/esm/api';

register();
const { readDocuments } = await import('./read.ts');
parentPort.on('message', (docs) => {
  try {
    parentPort.postMessage(readDocuments(docs));
  } catch (error) {
    parentPort.postMessage({ error: `${error?.name}: ${error?.message}` });
  }
});

// Worker thread of extract-parallel.ts: reads its share of the documents (the costly,
// per-document half of term extraction) and posts the result back. Plain JavaScript that
// registers tsx first, because a worker thread does not inherit the parent's TypeScript loader.
import { parentPort, workerData } from 'node:worker_threads';
import { register } from 'tsx/esm/api';

register();
const { readDocuments } = await import('./extract.ts');
parentPort.postMessage(readDocuments(workerData));

/**
 * Test support: the real server (Fastify on a real socket, random port on 127.0.0.1) over a
 * sample store, serving the built explorer from dist/web — what `npm start` runs, in a box.
 */
import { existsSync } from 'node:fs';
import { buildApp } from '../../server/app.ts';
import { createSampleStore, type SampleStore } from './sample-store.ts';

export const WEB_ROOT = 'dist/web';

export interface SampleServer {
  /** `http://127.0.0.1:<port>` */
  url: string;
  sample: SampleStore;
  close(): Promise<void>;
}

export async function startSampleServer(): Promise<SampleServer> {
  if (!existsSync(`${WEB_ROOT}/index.html`)) {
    throw new Error(`${WEB_ROOT}/index.html is missing: run \`npm run build\` before this test`);
  }
  const sample = await createSampleStore();
  const app = await buildApp({ store: sample.store, webRoot: WEB_ROOT });
  await app.listen({ host: '127.0.0.1', port: 0 });
  const address = app.server.address();
  if (!address || typeof address === 'string') throw new Error('server has no TCP address');
  return {
    url: `http://127.0.0.1:${address.port}`,
    sample,
    async close() {
      await app.close();
      await sample.dispose();
    },
  };
}

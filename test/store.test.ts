// Runs the GraphStore contract against every adapter: the embedded store on a real SQLite
// file in a temporary folder, always. (The Neo4j adapter joins when NEO4J_URI is set.)
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createSqliteStore } from '../server/store/sqlite/sqlite-store.ts';
import { describeGraphStoreContract } from './store-contract.ts';

describeGraphStoreContract('embedded (SQLite file)', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'topograph-store-'));
  const store = createSqliteStore(join(dir, 'graph.db'));
  return {
    store,
    async dispose() {
      await store.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
});

/**
 * Test support: another process writing the embedded store. A child Node process opens the
 * SQLite file, takes its write lock (BEGIN IMMEDIATE, then a write), says so, holds it for
 * `ms`, commits and exits — as a second ingest would between two batches of its own.
 */
import { spawn } from 'node:child_process';
import { createRequire } from 'node:module';

const HOLDER = `
const Database = require(process.argv[1]);
const db = new Database(process.argv[2]);
db.exec('BEGIN IMMEDIATE');
db.exec('UPDATE store_state SET papers_version = papers_version');
process.stdout.write('locked\\n');
Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, Number(process.argv[3]));
db.exec('COMMIT');
db.close();
`;

/** Resolves once the child holds the lock; `released` resolves when it has let go and exited. */
export async function holdWriteLock(
  path: string,
  ms: number,
): Promise<{ released: Promise<void> }> {
  const betterSqlite = createRequire(import.meta.url).resolve('better-sqlite3');
  const child = spawn(process.execPath, ['-e', HOLDER, betterSqlite, path, String(ms)], {
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  const released = new Promise<void>((resolve, reject) =>
    child.on('exit', (code) =>
      code === 0 ? resolve() : reject(new Error(`the lock holder exited with ${code}`)),
    ),
  );
  await new Promise<void>((resolve, reject) => {
    child.stdout.on('data', (chunk: Buffer) => {
      if (chunk.toString().includes('locked')) resolve();
    });
    released.catch(reject);
  });
  return { released };
}

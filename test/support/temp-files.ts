/**
 * Test support: files a test file writes for its cases, each in a folder of its own (so two
 * cases may use the same name) inside one temporary folder that is removed after the test
 * file's cases. The importers' tests used to leave a folder in /tmp for every file they wrote.
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll } from 'vitest';

/** Returns `write(content, name)`: writes a file and gives its path. */
export function tempFiles(prefix: string): (content: string | Buffer, name: string) => string {
  const dir = mkdtempSync(join(tmpdir(), `topograph-${prefix}-`));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));
  let count = 0;
  return (content, name) => {
    const folder = join(dir, String(count++));
    mkdirSync(folder);
    const file = join(folder, name);
    writeFileSync(file, content);
    return file;
  };
}

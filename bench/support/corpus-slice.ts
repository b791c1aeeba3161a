/** The benchmarks' slices of the big corpora in ../shared/data (never committed). */
import { createReadStream, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { createGunzip } from 'node:zlib';

/** The first `lines` lines of a gzipped JSON Lines file, written as a plain file in `folder`. */
export async function sliceCorpus(path: string, lines: number, folder: string): Promise<string> {
  const out: string[] = [];
  const reader = createInterface({ input: createReadStream(path).pipe(createGunzip()) });
  for await (const line of reader) {
    out.push(line);
    if (out.length >= lines) break;
  }
  reader.close();
  const file = join(folder, `papers-${lines}.jsonl`);
  writeFileSync(file, `${out.join('\n')}\n`);
  return file;
}

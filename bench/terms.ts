/**
 * `npm run bench:terms [-- [--data SemEval2017.zip] [--speed corpus.jsonl.gz]]`: key-term
 * quality on the SemEval-2017 (ScienceIE) development set, read straight from its zip in
 * ../shared/data/keyphrase/, with the protocol of keyphrase.ts; in the same run the npm
 * extractors a user would otherwise pick (rake-modified, retext-keywords), one table.
 * `--speed` also reports tagging throughput: abstracts per second on one core, the median of
 * five rounds over 3,000 abstracts of a JSON Lines corpus, after 500 to warm up.
 */
import { createReadStream, existsSync, readFileSync } from 'node:fs';
import { createInterface } from 'node:readline';
import { parseArgs } from 'node:util';
import { createGunzip } from 'node:zlib';
import { unzipSync } from 'fflate';
import { toString } from 'nlcst-to-string';
import rakeModule from 'rake-modified';
import { retext } from 'retext';
import retextKeywords from 'retext-keywords';
import retextPos from 'retext-pos';
import { extractTerms } from '../ingest/terms/extract.ts';
import { readDocuments } from '../ingest/terms/read.ts';
import { evaluate } from './keyphrase.ts';

const { values } = parseArgs({
  options: {
    data: { type: 'string', default: '../shared/data/keyphrase/SemEval2017.zip' },
    speed: { type: 'string' },
  },
});

interface Document {
  id: string;
  text: string;
  gold: string[];
}

/** The documents of a KeywordExtractor-Datasets zip: `docsutf8/ID.txt` with `keys/ID.key`. */
function readDataset(path: string): Document[] {
  const files = unzipSync(readFileSync(path));
  const decoder = new TextDecoder();
  const documents: Document[] = [];
  for (const [name, bytes] of Object.entries(files).sort(([a], [b]) => (a < b ? -1 : 1))) {
    const match = /docsutf8\/([^/]+)\.txt$/.exec(name);
    const keys = match && files[name.replace('docsutf8/', 'keys/').replace(/\.txt$/, '.key')];
    if (!match || !keys) continue;
    documents.push({
      id: match[1]!,
      text: decoder.decode(bytes).trim(),
      gold: decoder
        .decode(keys)
        .split('\n')
        .map((line) => line.trim())
        .filter((line) => line !== ''),
    });
  }
  return documents;
}

// A CommonJS build with an ES default export: under Node's ESM loader it arrives one level deep.
const rake = (rakeModule as unknown as { default?: typeof rakeModule }).default ?? rakeModule;

async function retextKeyphrases(text: string): Promise<string[]> {
  const file = await retext().use(retextPos).use(retextKeywords, { maximum: 15 }).process(text);
  return (file.data.keyphrases ?? []).map((phrase) => toString(phrase.matches[0]!.nodes));
}

if (!existsSync(values.data)) {
  console.error(
    `bench:terms: no SemEval-2017 zip at ${values.data}. It ships in the shared data folder ` +
      `(../shared/data/keyphrase/SemEval2017.zip beside this repository; the LIAAD ` +
      `KeywordExtractor-Datasets collection has it too): pass its path with --data <file>.`,
  );
  process.exit(2);
}
const documents = readDataset(values.data);
const gold = documents.map((doc) => doc.gold);
const rows: [string, string[][]][] = [];

const started = performance.now();
const terms = extractTerms(
  documents.map(({ id, text }) => ({ id, text })),
  { topK: 15 },
);
rows.push([
  'Topograph (ingest/terms)',
  documents.map(({ id }) => (terms.get(id) ?? []).map((t) => t.key)),
]);
const ourSeconds = (performance.now() - started) / 1000;

rows.push(['rake-modified', documents.map(({ text }) => Object.keys(rake(text)).slice(0, 15))]);
rows.push([
  'retext-keywords',
  await Promise.all(documents.map(({ text }) => retextKeyphrases(text))),
]);

console.log(
  `SemEval-2017 development set: ${documents.length} documents, ` +
    `${gold.reduce((n, phrases) => n + phrases.length, 0)} gold keyphrases; ` +
    `macro P/R/F1 (%) with Porter-stemmed exact match\n`,
);
const header = ['extractor', ...[5, 10, 15].flatMap((k) => [`P@${k}`, `R@${k}`, `F1@${k}`])];
const table = rows.map(([name, predicted]) => {
  const scores = evaluate(predicted, gold);
  return [
    name,
    ...[5, 10, 15].flatMap((k) => {
      const { precision, recall, f1 } = scores.get(k)!;
      return [precision, recall, f1].map((value) => value.toFixed(1));
    }),
  ];
});
const widths = header.map((_, i) => Math.max(...[header, ...table].map((row) => row[i]!.length)));
for (const row of [header, ...table]) {
  console.log(
    row
      .map((cell, i) => (i === 0 ? cell.padEnd(widths[i]!) : cell.padStart(widths[i]!)))
      .join('  '),
  );
}
console.log(`\nTopograph extracted ${documents.length} documents in ${ourSeconds.toFixed(1)} s`);

if (values.speed) {
  const texts: { id: string; title?: string; text: string }[] = [];
  const lines = createInterface({ input: createReadStream(values.speed).pipe(createGunzip()) });
  for await (const line of lines) {
    const record = JSON.parse(line) as { title?: string; abstract?: string; summary?: string };
    const text = record.abstract ?? record.summary ?? '';
    if (text) texts.push({ id: String(texts.length), title: record.title, text });
    if (texts.length === 3_500) break;
  }
  lines.close();
  readDocuments(texts.slice(0, 500));
  const measured = texts.slice(500);
  // This machine's speed wanders by ±20% from minute to minute: five rounds, the median.
  const perAbstract: number[] = [];
  for (let round = 0; round < 5; round += 1) {
    const start = performance.now();
    readDocuments(measured);
    perAbstract.push((performance.now() - start) / measured.length);
  }
  perAbstract.sort((a, b) => a - b);
  const median = perAbstract[2]!;
  console.log(
    `speed: ${(1000 / median).toFixed(0)} abstracts/s on one core, median of 5 rounds of ` +
      `${measured.length} (${median.toFixed(2)} ms each, title and abstract read; best round ` +
      `${(1000 / perAbstract[0]!).toFixed(0)}/s, worst ${(1000 / perAbstract[4]!).toFixed(0)}/s)`,
  );
}

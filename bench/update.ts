/**
 * `npm run bench:update`: a daily update, the newest papers of a corpus added to a store of all
 * the others, as `npm run ingest` does it, three ways in one run on copies of the same store:
 *
 * - **update**: what an ingest does (recount the topics the new papers touched, then draw the
 *   map from the previous one);
 * - **recount all**: the same, every topic recounted, as before writes marked what they
 *   touched (the baseline of the recount);
 * - **index built**: the same without the similarity index the last ingest kept (every text
 *   read and tokenised again: the baseline of the kept index);
 * - **new map**: the same, the map drawn afresh (`--new-map`: the baseline of stability).
 *
 * For each: wall time by stage and analysis step (the similar papers fitted in, or all found
 * again), and how stable the map stayed: of the topics
 * on the map before and after, how many kept their cluster; clusters before and after.
 * Target (issue 15): 50 papers into 80,000 in under 20 s, the map stable.
 *
 * Then whether the new papers' key terms were ranked against the store (issue 17): their 10
 * best key terms after the update beside those a ranking of the whole corpus at once gives
 * them (overlap, 0–1), and, as the baseline, beside those ranked against the 50 papers alone
 * (as every ingest did before it read the store's counts). The whole corpus is read once for
 * it, ~2 minutes, and its ranking kept beside the base store.
 *
 *   npm run bench:update -- [--corpus papers_merged.jsonl.gz] [--papers 50] [--base store.db]
 *                           [--only update,'index built','recount all','new map']
 *
 * The base store (the corpus less its `--papers` newest papers, by date) is ingested once,
 * ~3–7 minutes, and kept in the system's temporary folder for later runs (or `--base`).
 */
import {
  copyFileSync,
  createReadStream,
  existsSync,
  mkdirSync,
  readFileSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { createInterface } from 'node:readline';
import { parseArgs } from 'node:util';
import { createGunzip } from 'node:zlib';
import Database from 'better-sqlite3';
import { ingest, type IngestSummary } from '../ingest/pipeline.ts';
import { createProgress } from '../ingest/progress.ts';
import { keyTermsOf, readCorpus } from '../ingest/terms/extract.ts';
import { readCorpusInParallel } from '../ingest/terms/extract-parallel.ts';
import { buildIndexData } from '../ingest/analyze/similar-papers.ts';
import { readIndexFile, writeIndexFile } from '../ingest/analyze/similarity-file.ts';
import type { PaperText } from '../server/store/graph-store.ts';
import { createSqliteStore } from '../server/store/sqlite/sqlite-store.ts';

const { values } = parseArgs({
  options: {
    corpus: { type: 'string', default: '../shared/data/corpus/papers_merged.jsonl.gz' },
    papers: { type: 'string', default: '50' },
    base: { type: 'string' },
    only: { type: 'string' },
  },
});
const ADDED = Number(values.papers);
const folder = join(tmpdir(), 'topograph-bench-update');
mkdirSync(folder, { recursive: true });
/** Cached files are named after the corpus and the split, so another corpus builds its own. */
const corpusName = basename(values.corpus!).replace(/\..*$/, '');
const basePath = values.base ?? join(folder, `${corpusName}-less-${ADDED}.db`);
const addedPath = join(folder, `${corpusName}-newest-${ADDED}.jsonl`);

/** Splits the corpus: the `ADDED` newest papers (by date, then line) and the rest. */
async function splitCorpus(): Promise<{ rest: string[]; newest: string[] }> {
  const lines: { line: string; date: string; at: number }[] = [];
  const input = createReadStream(values.corpus!).pipe(createGunzip());
  for await (const line of createInterface({ input, crlfDelay: Infinity })) {
    if (!line.trim()) continue;
    const { date } = JSON.parse(line) as { date?: string };
    lines.push({ line, date: date ?? '', at: lines.length });
  }
  const byDate = [...lines].sort((a, b) => a.date.localeCompare(b.date) || a.at - b.at);
  const newest = new Set(byDate.slice(-ADDED).map((entry) => entry.at));
  return {
    rest: lines.filter((entry) => !newest.has(entry.at)).map((entry) => entry.line),
    newest: lines.filter((entry) => newest.has(entry.at)).map((entry) => entry.line),
  };
}

async function prepare(): Promise<void> {
  if (existsSync(basePath) && existsSync(addedPath)) return;
  const { rest, newest } = await splitCorpus();
  writeFileSync(addedPath, newest.join('\n') + '\n');
  if (existsSync(basePath)) return;
  const restPath = join(folder, `${corpusName}-rest-${ADDED}.jsonl`);
  writeFileSync(restPath, rest.join('\n') + '\n');
  console.log(`base store: ${rest.length} papers into ${basePath} (once; kept for later runs)`);
  const store = createSqliteStore(basePath);
  try {
    await ingest([restPath], store, { progress: createProgress() });
  } finally {
    await store.close();
    rmSync(restPath, { force: true });
  }
}

/** A corpus line as the terms read it: by arXiv id. */
function termDoc(line: string) {
  const record = JSON.parse(line) as { arxiv_id: string; title: string; abstract: string };
  return { id: record.arxiv_id, title: record.title, text: record.abstract };
}

/** The 10 best key terms of each new paper, ranked against the whole corpus at once (cached). */
async function wholeCorpusTerms(newest: Set<string>): Promise<Map<string, string[]>> {
  const cached = join(folder, `${corpusName}-newest-${ADDED}-whole-corpus-terms.json`);
  if (existsSync(cached)) {
    return new Map(
      Object.entries(JSON.parse(readFileSync(cached, 'utf8')) as Record<string, string[]>),
    );
  }
  const docs = [];
  const input = createReadStream(values.corpus!).pipe(createGunzip());
  const seen = new Set<string>();
  for await (const line of createInterface({ input, crlfDelay: Infinity })) {
    if (!line.trim()) continue;
    const doc = termDoc(line);
    if (seen.has(doc.id)) continue;
    seen.add(doc.id);
    docs.push(doc);
  }
  console.log(`reading ${docs.length} papers' terms for the whole-corpus ranking (once)`);
  const corpus = await readCorpusInParallel(docs);
  const best = new Map<string, string[]>();
  for (const [id, terms] of keyTermsOf(corpus, 10, undefined)) {
    if (newest.has(id))
      best.set(
        id,
        terms.map((term) => term.key),
      );
  }
  writeFileSync(cached, JSON.stringify(Object.fromEntries(best)));
  return best;
}

/** The 10 best key terms of each new paper as the store holds them, by arXiv id. */
function storedTerms(path: string): Map<string, string[]> {
  const db = new Database(path, { readonly: true });
  try {
    const rows = db
      .prepare<[string], { arxivId: string; topicId: string }>(
        `SELECT p.arxiv_id AS arxivId, m.topic_id AS topicId FROM mentions m
         JOIN papers p ON p.id = m.paper_id
         WHERE m.key_term AND p.arxiv_id IN (SELECT value FROM json_each(?))
         ORDER BY p.arxiv_id, m.score DESC, m.topic_id`,
      )
      .all(JSON.stringify([...newestIds]));
    const terms = new Map<string, string[]>();
    for (const { arxivId, topicId } of rows) {
      const list = terms.get(arxivId) ?? [];
      if (list.length < 10) list.push(topicId);
      terms.set(arxivId, list);
    }
    return terms;
  } finally {
    db.close();
  }
}

/** Mean share of the reference's 10 best terms a ranking also puts in its 10 best. */
function overlap(ranked: Map<string, string[]>, reference: Map<string, string[]>): number {
  let sum = 0;
  for (const [id, best] of reference) {
    const mine = new Set(ranked.get(id) ?? []);
    sum += best.filter((key) => mine.has(key)).length / Math.max(best.length, 1);
  }
  return sum / Math.max(reference.size, 1);
}

let newestIds = new Set<string>();
let updatedTerms = new Map<string, string[]>();

type Variant = 'update' | 'index built' | 'recount all' | 'new map';
/** The new papers' similar papers (ids) after each variant. */
const similarOfNew = new Map<Variant, Map<string, string[]>>();

interface Result {
  variant: Variant;
  seconds: number;
  summary: IngestSummary;
  mapBefore: number;
  mapAfter: number;
  onBoth: number;
  /** Topics in the new cluster that took most of their old cluster's topics. */
  keptCluster: number;
  /** Topics whose cluster id stayed (what a user sees: colour and name). */
  sameId: number;
  clustersBefore: number;
  clustersAfter: number;
}

async function run(variant: Variant): Promise<Result> {
  const path = join(folder, 'work.db');
  for (const suffix of ['', '-wal', '-shm']) rmSync(path + suffix, { force: true });
  copyFileSync(basePath, path);
  const similarIndexFile = `${path}.similarity`;
  rmSync(similarIndexFile, { force: true });
  // 'index built': as before the index was kept, every text read and tokenised again.
  if (variant !== 'index built') copyFileSync(`${basePath}.similarity`, similarIndexFile);
  if (variant === 'recount all') {
    const db = new Database(path);
    db.exec(`INSERT OR IGNORE INTO stale_topics (id) SELECT id FROM topics;
             INSERT OR IGNORE INTO stale_repositories (id) SELECT id FROM repositories;`);
    db.close();
  }
  const store = createSqliteStore(path);
  try {
    const clusterOf = async () =>
      new Map(
        (await store.exportAnalysis()).topics
          .filter((topic) => topic.cluster >= 0)
          .map((topic) => [topic.id, topic.cluster]),
      );
    const before = await clusterOf();
    const clustersBefore = (await store.stats()).clusterCount;
    const started = performance.now();
    const summary = await ingest([addedPath], store, {
      newMap: variant === 'new map',
      similarIndexFile,
    });
    const seconds = (performance.now() - started) / 1000;
    similarOfNew.set(
      variant,
      new Map(
        (await store.readSimilar([...newestIds])).map((list) => [
          list.paperId,
          list.similar.map((other) => other.id),
        ]),
      ),
    );
    const after = await clusterOf();
    if (variant === 'update') updatedTerms = storedTerms(path);
    const both = [...after.keys()].filter((id) => before.has(id));
    // Each old cluster's heir: the new cluster holding most of its topics (ids aside).
    const overlap = new Map<string, number>();
    for (const id of both) {
      const key = `${before.get(id)} ${after.get(id)}`;
      overlap.set(key, (overlap.get(key) ?? 0) + 1);
    }
    const heir = new Map<number, { cluster: number; count: number }>();
    for (const [key, count] of overlap) {
      const [old = 0, now = 0] = key.split(' ').map(Number);
      if (count > (heir.get(old)?.count ?? 0)) heir.set(old, { cluster: now, count });
    }
    return {
      variant,
      seconds,
      summary,
      mapBefore: before.size,
      mapAfter: after.size,
      onBoth: both.length,
      keptCluster: both.filter((id) => heir.get(before.get(id)!)?.cluster === after.get(id)).length,
      sameId: both.filter((id) => before.get(id) === after.get(id)).length,
      clustersBefore,
      clustersAfter: (await store.stats()).clusterCount,
    };
  } finally {
    await store.close();
    for (const suffix of ['', '-wal', '-shm', '.similarity'])
      rmSync(path + suffix, { force: true });
  }
}

/** The base store's similarity index file, as its last ingest would have left it (once). */
async function prepareIndexFile(): Promise<void> {
  const file = `${basePath}.similarity`;
  const store = createSqliteStore(basePath, { readonly: true });
  try {
    const { similarVersion } = await store.mapState();
    if (readIndexFile(file, similarVersion)) return;
    console.log(`base store's similarity index into ${file} (once)`);
    const papers: PaperText[] = [];
    for (let page = await store.readPaperTexts('', 5_000); page.length > 0;) {
      papers.push(...page);
      page = await store.readPaperTexts(page.at(-1)!.id, 5_000);
    }
    writeIndexFile(file, buildIndexData(papers), similarVersion);
  } finally {
    await store.close();
  }
}

await prepare();
await prepareIndexFile();
const newestLines = readFileSync(addedPath, 'utf8')
  .split('\n')
  .filter((line) => line.trim());
newestIds = new Set(newestLines.map((line) => termDoc(line).id));
const results: Result[] = [];
for (const variant of ['update', 'index built', 'recount all', 'new map'] as const) {
  if (values.only && !values.only.split(',').includes(variant)) continue;
  results.push(await run(variant));
}
const base = createSqliteStore(basePath, { readonly: true });
const papers = (await base.stats()).paperCount;
await base.close();

console.log(`\n${ADDED} newest papers added to ${papers.toLocaleString('en')} (${basePath})\n`);
console.log(
  '| variant | total | terms + write | refresh | read | select | cluster | layout | rest | similar papers | map topics kept | kept their cluster | same cluster id | clusters |',
);
console.log('|---|---|---|---|---|---|---|---|---|---|---|---|---|---|');
for (const r of results) {
  const { timings } = r.summary;
  const step = timings.analysis;
  const rest = (step.links ?? 0) + (step.overlays ?? 0) + (step.store ?? 0);
  const pct = (n: number, of: number) => `${((100 * n) / of).toFixed(1)}%`;
  console.log(
    `| ${r.variant} | ${r.seconds.toFixed(1)} s | ${(timings.terms + timings.write).toFixed(1)} | ` +
      `${step.refresh?.toFixed(1)} | ${step.read?.toFixed(1)} | ${step.select?.toFixed(1)} | ` +
      `${step.cluster?.toFixed(1)} | ${step.layout?.toFixed(1)} | ${rest.toFixed(1)} | ` +
      `${step.similar?.toFixed(1) ?? '–'} (${r.summary.map?.similarPapers?.mode ?? 'current'}${r.summary.map?.similarPapers?.index === 'extended' ? ', index extended' : ''}) | ` +
      `${r.onBoth} of ${r.mapBefore} | ${pct(r.keptCluster, r.onBoth)} | ` +
      `${pct(r.sameId, r.onBoth)} | ` +
      `${r.clustersBefore} → ${r.clustersAfter} (resolution ${r.summary.map?.resolution}) |`,
  );
}

const fitted = similarOfNew.get('update');
const built = similarOfNew.get('index built');
if (fitted && built) {
  let shared = 0;
  let top = 0;
  let total = 0;
  for (const [id, list] of built) {
    const other = new Set(fitted.get(id) ?? []);
    shared += list.filter((paper) => other.has(paper)).length;
    total += list.length;
    if (list[0] === fitted.get(id)?.[0]) top += 1;
  }
  console.log(
    `\nsimilar papers of the ${built.size} new papers, fitted into the kept index beside the ` +
      `index built from every text: ${((100 * shared) / Math.max(total, 1)).toFixed(1)}% of ` +
      `the lists' papers the same, the first the same for ${top} of ${built.size}`,
  );
}

if (updatedTerms.size > 0) {
  const whole = await wholeCorpusTerms(newestIds);
  const alone = keyTermsOf(readCorpus(newestLines.map(termDoc)), 10, undefined);
  const best = new Map([...alone].map(([id, terms]) => [id, terms.map((term) => term.key)]));
  console.log(
    `\nkey terms of the ${whole.size} new papers, 10 best, overlap with a ranking of the whole ` +
      `corpus at once: ranked against the store ${overlap(updatedTerms, whole).toFixed(3)}, ` +
      `against the ${ADDED} papers alone ${overlap(best, whole).toFixed(3)}`,
  );
}

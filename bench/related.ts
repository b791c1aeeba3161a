/**
 * `npm run bench:related`: how good the paper panel's related papers are, judged the way a
 * reader judges them, beside two text baselines in the same run (bench/related/README.md).
 *
 * For each query paper of the judged set (bench/related/queries.tsv: 30 sample papers and 20
 * of the 80,000-paper arXiv corpus) it asks each system for 10 related papers and scores them
 * against the graded judgements (bench/related/judged.tsv, 0/1/2): P@5 (share of the first
 * five graded 1 or 2), nDCG@10 (gain = grade, the ideal from every judged paper of the query),
 * and judged@10 (share of the ten that were judged at all; an unjudged paper counts as 0, so a
 * low judged@10 means the figure is a floor and the pool wants judging: `--pool`).
 *
 * Systems: Topograph (the store's `paper(id).related`, as the panel shows it), tf-idf cosine
 * and BM25 over title + abstract (bench/related/text-rank.ts).
 *
 *   npm run bench:related                      # the sample corpus (ingested afresh)
 *   npm run bench:related -- --arxiv-db FILE   # and the arXiv set, from a store of
 *                                              # ../shared/data/corpus/papers_merged.jsonl.gz
 *   npm run bench:related -- --pool FILE       # write the unjudged candidates to judge
 */
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { ingest } from '../ingest/pipeline.ts';
import type { GraphStore } from '../server/store/graph-store.ts';
import { createSqliteStore } from '../server/store/sqlite/sqlite-store.ts';
import { TextIndex, type Ranking } from './related/text-rank.ts';
import { paperTexts, type PaperText } from './support/store-papers.ts';

const { values: args } = parseArgs({
  options: {
    'arxiv-db': { type: 'string' },
    pool: { type: 'string' },
    depth: { type: 'string', default: '10' },
  },
});
const DIR = 'bench/related';
const QUERIES = join(DIR, 'queries.tsv');
const JUDGED = join(DIR, 'judged.tsv');
const K = 10;
const SETS = { samples: 30, arxiv: 20 } as const;
type SetName = keyof typeof SETS;

/** A seeded shuffle (mulberry32), so the query papers are chosen the same way on any machine. */
function shuffled<T>(items: readonly T[], seed: number): T[] {
  let state = seed >>> 0;
  const random = () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
  const out = [...items];
  for (let i = out.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [out[i], out[j]] = [out[j]!, out[i]!];
  }
  return out;
}

function readTsv(path: string): string[][] {
  if (!existsSync(path)) return [];
  return readFileSync(path, 'utf8')
    .split('\n')
    .filter((line) => line.trim() !== '' && !line.startsWith('#'))
    .map((line) => line.split('\t'));
}

/** query id → candidate id → grade. */
function readJudged(): Map<string, Map<string, number>> {
  const judged = new Map<string, Map<string, number>>();
  for (const [, query, candidate, grade] of readTsv(JUDGED)) {
    if (!query || !candidate || !/^[012]$/.test(grade ?? '')) continue;
    const grades = judged.get(query) ?? new Map<string, number>();
    grades.set(candidate, Number(grade));
    judged.set(query, grades);
  }
  return judged;
}

/** The query papers of a set: from queries.tsv, or chosen now (and written) when it has none. */
function queriesOf(set: SetName, papers: readonly PaperText[]): string[] {
  const listed = readTsv(QUERIES)
    .filter(([name]) => name === set)
    .map(([, id]) => id!);
  if (listed.length > 0) return listed;
  const chosen = shuffled(
    papers.filter((paper) => paper.abstract.length >= 400).map((paper) => paper.id),
    set === 'samples' ? 17 : 2026,
  ).slice(0, SETS[set]);
  const byId = new Map(papers.map((paper) => [paper.id, paper]));
  const lines = chosen.map((id) => `${set}\t${id}\t${byId.get(id)!.title.replace(/\s+/g, ' ')}`);
  const header = existsSync(QUERIES) ? '' : '# set\tpaper id\ttitle\n';
  writeFileSync(QUERIES, header + lines.join('\n') + '\n', { flag: 'a' });
  return chosen;
}

interface Scores {
  p5: number;
  ndcg10: number;
  judged10: number;
}

function score(ranking: Ranking, grades: Map<string, number>): Scores {
  const top = ranking.slice(0, K);
  const gain = (id: string) => grades.get(id) ?? 0;
  const p5 = top.slice(0, 5).filter((id) => gain(id) >= 1).length / 5;
  const dcg = top.reduce((sum, id, i) => sum + gain(id) / Math.log2(i + 2), 0);
  const ideal = [...grades.values()]
    .sort((a, b) => b - a)
    .slice(0, K)
    .reduce((sum, grade, i) => sum + grade / Math.log2(i + 2), 0);
  return {
    p5,
    ndcg10: ideal === 0 ? 0 : dcg / ideal,
    judged10: top.length === 0 ? 1 : top.filter((id) => grades.has(id)).length / top.length,
  };
}

const mean = (values: number[]) => values.reduce((sum, v) => sum + v, 0) / values.length;
const fixed = (value: number) => value.toFixed(3);

type Systems = Record<string, (id: string) => Promise<Ranking>>;

async function runSet(set: SetName, store: GraphStore, pool: PaperText[][] | null): Promise<void> {
  const started = performance.now();
  const papers = await paperTexts(store);
  const index = new TextIndex();
  for (const paper of papers) index.add(paper.id, `${paper.title}. ${paper.abstract}`);
  const queries = queriesOf(set, papers).filter((id) => index.has(id));
  const judged = readJudged();
  const systems: Systems = {
    Topograph: async (id) => ((await store.paper(id, K))?.related ?? []).map((r) => r.id),
    'tf-idf cosine': async (id) => index.tfidf(id, K),
    BM25: async (id) => index.bm25(id, K),
  };
  const depth = Number(args.depth);
  const byId = new Map(papers.map((paper) => [paper.id, paper]));
  console.log(
    `\n${set}: ${queries.length} query papers of ${papers.length.toLocaleString('en-US')} (indexed in ${((performance.now() - started) / 1000).toFixed(1)} s)`,
  );
  console.log(`  ${'system'.padEnd(14)}  P@5    nDCG@10  judged@10`);
  const unjudged = new Map<string, Set<string>>();
  for (const [name, rank] of Object.entries(systems)) {
    const scores: Scores[] = [];
    for (const query of queries) {
      const ranking = await rank(query);
      const grades = judged.get(query) ?? new Map<string, number>();
      scores.push(score(ranking, grades));
      for (const id of ranking.slice(0, depth)) {
        if (!grades.has(id)) unjudged.set(query, (unjudged.get(query) ?? new Set()).add(id));
      }
    }
    console.log(
      `  ${name.padEnd(14)}  ${fixed(mean(scores.map((s) => s.p5)))}  ${fixed(mean(scores.map((s) => s.ndcg10)))}    ${fixed(mean(scores.map((s) => s.judged10)))}`,
    );
  }
  if (pool) {
    for (const [query, ids] of unjudged) {
      pool.push([byId.get(query)!, ...[...ids].map((id) => byId.get(id)!)]);
    }
  }
}

const pool: PaperText[][] | null = args.pool ? [] : null;
const dir = mkdtempSync(join(tmpdir(), 'topograph-bench-related-'));
try {
  const samples = createSqliteStore(join(dir, 'samples.db'));
  await ingest(['data/samples'], samples);
  await runSet('samples', samples, pool);
  await samples.close();
  const arxivDb = args['arxiv-db'];
  if (arxivDb === undefined) {
    console.log('\narxiv: skipped (give --arxiv-db, a store of the 80,000 papers; see the README)');
  } else {
    const arxiv = createSqliteStore(arxivDb, { readonly: true });
    await runSet('arxiv', arxiv, pool);
    await arxiv.close();
  }
} finally {
  rmSync(dir, { recursive: true, force: true });
}
if (pool && args.pool) {
  writeFileSync(
    args.pool,
    pool.map(([query, ...candidates]) => JSON.stringify({ query, candidates })).join('\n') + '\n',
  );
  const count = pool.reduce((sum, group) => sum + group.length - 1, 0);
  console.log(
    `\n${count} unjudged candidates of ${pool.length} query papers written to ${args.pool}`,
  );
}

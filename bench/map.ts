/**
 * `npm run bench:map`: whether the topics on the map and the clusters' names are ones a
 * researcher would name, and whether a topic counts all its papers, measured on the sample map
 * and on a map of the first 5,000 papers of the arXiv corpus (bench/map/README.md).
 *
 * For each map (the explorer's default view: the 500 most mentioned topics on the map) it
 * prints the share of its topics judged junk and too broad in bench/map/judged.tsv (and how
 * many are not judged yet), every cluster name with the judged parts that flaw it, and
 * completeness: for each topic, its paper count over the number of papers whose title or
 * abstract uses its label or one of its aliases (singular or plural, any case), averaged over
 * the map.
 *
 *   npm run bench:map
 *   npm run bench:map -- --corpus ../shared/data/corpus/papers_merged.jsonl.gz --slice 5000
 *   npm run bench:map -- --pool FILE    # write the unjudged topics out to judge
 *   npm run bench:map -- --list FILE    # every map topic with its papers and verdict
 */
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { ingest } from '../ingest/pipeline.ts';
import type { GraphStore, TopicMap } from '../server/store/graph-store.ts';
import { createSqliteStore } from '../server/store/sqlite/sqlite-store.ts';
import { sliceCorpus } from './support/corpus-slice.ts';
import { paperTexts } from './support/store-papers.ts';

const { values: args } = parseArgs({
  options: {
    corpus: { type: 'string', default: '../shared/data/corpus/papers_merged.jsonl.gz' },
    slice: { type: 'string', default: '5000' },
    topics: { type: 'string', default: '500' },
    pool: { type: 'string' },
    list: { type: 'string' },
  },
});
const JUDGED = 'bench/map/judged.tsv';
const VERDICTS = ['term', 'broad', 'junk'] as const;
type Verdict = (typeof VERDICTS)[number];

/** The key a label is judged under: lower-cased, spaces collapsed. */
const keyOf = (label: string) => label.toLowerCase().replace(/\s+/g, ' ').trim();

function readJudged(): Map<string, Verdict> {
  const judged = new Map<string, Verdict>();
  if (!existsSync(JUDGED)) return judged;
  for (const line of readFileSync(JUDGED, 'utf8').split('\n')) {
    if (line.startsWith('#') || line.trim() === '') continue;
    const [label, verdict] = line.split('\t');
    if (label && VERDICTS.includes(verdict as Verdict))
      judged.set(keyOf(label), verdict as Verdict);
  }
  return judged;
}

/** A text as phrases are looked for in it: lower-case words between single spaces. */
const words = (text: string) => ` ${text.toLowerCase().replace(/[^\p{L}\p{N}]+/gu, ' ')} `;

/**
 * The forms of a label looked for: as written, and with its last word made plural or
 * singular; a label's acronym ("large language model (LLM)") is looked for on its own.
 */
function forms(label: string): string[] {
  const [, expansion = label, acronym] = /^(.*?)(?: \(([^()]+)\))?$/.exec(label) ?? [];
  const phrase = words(expansion).trim();
  if (phrase === '') return [];
  const other = phrase.endsWith('s') ? phrase.slice(0, -1) : `${phrase}s`;
  const short = acronym === undefined ? [] : [` ${words(acronym).trim()} `];
  return [` ${phrase} `, ` ${other} `, ...short];
}

const percent = (part: number, whole: number) =>
  whole === 0 ? '–' : `${((100 * part) / whole).toFixed(1)}%`;

async function report(name: string, store: GraphStore, pool: Set<string>): Promise<void> {
  const map: TopicMap = await store.topicMap({
    limit: Number(args.topics),
    minPapers: 1,
    maxEdges: 1,
  });
  const judged = readJudged();
  const verdictOf = (label: string) => judged.get(keyOf(label));
  const counts = { term: 0, broad: 0, junk: 0, unjudged: 0 };
  for (const topic of map.topics) {
    const verdict = verdictOf(topic.label);
    if (verdict === undefined) {
      counts.unjudged++;
      pool.add(topic.label);
    } else counts[verdict]++;
  }
  listed.push(
    ...map.topics.map((topic) =>
      [name, topic.label, topic.df, verdictOf(topic.label) ?? '?'].join('\t'),
    ),
  );
  const n = map.topics.length;
  console.log(`\n${name}: ${n} topics on the map, ${map.clusters.length} clusters`);
  console.log(
    `  junk ${counts.junk} (${percent(counts.junk, n)}), too broad ${counts.broad} (${percent(counts.broad, n)}), terms ${counts.term}, not judged ${counts.unjudged}`,
  );
  let bad = 0;
  for (const cluster of map.clusters) {
    const parts = cluster.label.split(' · ');
    const flagged = parts.filter((part) => {
      const verdict = verdictOf(part);
      return verdict === 'junk' || verdict === 'broad';
    });
    if (flagged.length > 0) bad++;
    const flaws = flagged.length > 0 ? `: ${flagged.join(', ')}` : '';
    console.log(
      `  cluster ${cluster.id} "${cluster.label}" (${cluster.topicCount} topics)${flaws}`,
    );
    for (const part of parts) if (verdictOf(part) === undefined) pool.add(part);
  }
  console.log(`  cluster names with a junk or too-broad part: ${bad} of ${map.clusters.length}`);

  const corpus = (await paperTexts(store)).map((paper) =>
    words(`${paper.title}. ${paper.abstract}`),
  );
  const ratios = map.topics.map((topic) => {
    const looked = [topic.label, ...topic.aliases].flatMap(forms);
    const users = corpus.filter((text) => looked.some((form) => text.includes(form))).length;
    return { topic, users, ratio: users === 0 ? 1 : Math.min(1, topic.df / users) };
  });
  const mean = ratios.reduce((sum, r) => sum + r.ratio, 0) / Math.max(ratios.length, 1);
  console.log(`  completeness (papers counted / papers using the phrase): ${mean.toFixed(3)}`);
  for (const { topic, users } of [...ratios].sort((a, b) => a.ratio - b.ratio).slice(0, 5)) {
    console.log(`    "${topic.label}": ${topic.df} counted, ${users} use it`);
  }
}

const pool = new Set<string>();
const listed: string[] = [];
const scratch = mkdtempSync(join(tmpdir(), 'topograph-bench-map-'));
try {
  const samples = createSqliteStore(join(scratch, 'samples.db'));
  await ingest(['data/samples'], samples);
  await report('samples', samples, pool);
  await samples.close();
  if (existsSync(args.corpus!)) {
    const slice = await sliceCorpus(args.corpus!, Number(args.slice), scratch);
    const arxiv = createSqliteStore(join(scratch, 'arxiv.db'));
    await ingest([slice], arxiv);
    await report(`arXiv, first ${Number(args.slice).toLocaleString('en-US')}`, arxiv, pool);
    await arxiv.close();
  } else {
    console.log(`\narXiv: skipped (no ${args.corpus}; give --corpus)`);
  }
} finally {
  rmSync(scratch, { recursive: true, force: true });
}
if (args.list) {
  writeFileSync(args.list, ['# map\tlabel\tpapers\tverdict', ...listed].join('\n') + '\n');
  console.log(`\n${listed.length} map topics written to ${args.list}`);
}
if (args.pool) {
  writeFileSync(args.pool, [...pool].sort().join('\n') + '\n');
  console.log(`\n${pool.size} unjudged labels written to ${args.pool}`);
}

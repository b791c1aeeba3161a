// The ingest pipeline end to end on the real sample corpus, into a real SQLite file: counts,
// merging across files, links, idempotence, and failures that lose nothing.
import { execFile } from 'node:child_process';
import { PassThrough } from 'node:stream';
import {
  copyFileSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import Database from 'better-sqlite3';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { runIngestCommand } from '../ingest/ingest-command.ts';
import { startReplayServer, type ReplayServer } from './support/replay-server.ts';
import { ingest } from '../ingest/pipeline.ts';
import { parseThesaurus } from '../ingest/terms/thesaurus.ts';
import { createSqliteStore } from '../server/store/sqlite/sqlite-store.ts';
import { createSampleStore, SAMPLES_DIR, type SampleStore } from './support/sample-store.ts';
import { searchGraph } from '../server/store/search.ts';

// Several tests here ingest the samples more than once (4–10 s a run, more with the other core
// busy): the 30 s default cut them short on a loaded 2-core machine.
vi.setConfig({ testTimeout: 120_000 });

const TABLES = [
  'papers',
  'paper_keys',
  'topics',
  'mentions',
  'repositories',
  'links_to',
  'co_occurs',
  'clusters',
  'similar',
];

/** Every row of every table, in a fixed order: the whole content of the store. */
function dump(path: string): Record<string, unknown[]> {
  const db = new Database(path, { readonly: true });
  try {
    return Object.fromEntries(
      TABLES.map((table) => [table, db.prepare(`SELECT * FROM ${table} ORDER BY 1, 2`).all()]),
    );
  } finally {
    db.close();
  }
}

/**
 * `npm run ingest -- <args>` in this process (ingest/ingest-command.ts), with `env` as its
 * whole environment: its exit code and what it wrote. (One test below runs the real command
 * line in a subprocess.)
 */
async function runCommand(args: string[], env: Record<string, string>) {
  const collect = () => {
    const stream = new PassThrough() as PassThrough & { text(): string };
    const chunks: string[] = [];
    stream.on('data', (chunk: Buffer) => chunks.push(chunk.toString()));
    stream.text = () => chunks.join('');
    return stream;
  };
  const out = collect();
  const err = collect();
  const code = await runIngestCommand(args, env, {
    out,
    err: err as unknown as NodeJS.WriteStream,
  });
  return { code, stdout: out.text(), stderr: err.text() };
}

describe('ingesting the sample corpus', () => {
  let sample: SampleStore;
  beforeAll(async () => {
    sample = await createSampleStore();
  });
  afterAll(async () => sample.dispose());

  it('reads 206 records of 176 distinct papers, skipping the README', () => {
    expect(sample.summary).toMatchObject({
      fileCount: 3,
      recordCount: 206,
      mergedCount: 30,
      paperCounts: { new: 176, updated: 0, unchanged: 0 },
      failures: [],
      skippedFiles: [join(SAMPLES_DIR, 'README.md')],
    });
  });

  it('reports the wall time of every stage', () => {
    const { timings } = sample.summary;
    expect(Object.keys(timings)).toEqual([
      'read',
      'merge',
      'terms',
      'write',
      'analyze',
      'analysis',
    ]);
    expect(timings.terms).toBeGreaterThan(0);
    expect(timings.analyze).toBeGreaterThan(0);
    // The analyze stage step by step, for bench:ingest.
    expect(Object.keys(timings.analysis)).toEqual([
      'refresh',
      'read',
      'select',
      'cluster',
      'layout',
      'links',
      'overlays',
      'store',
      'similar',
    ]);
  });

  it('stores 176 papers, 21 of them seen in more than one file', () => {
    const { papers } = dump(sample.path) as { papers: { sources: string }[] };
    expect(papers).toHaveLength(176);
    const files = papers.map(
      (p) => new Set((JSON.parse(p.sources) as string[]).map((s) => s.split(':')[0])),
    );
    expect(files.filter((f) => f.size > 1)).toHaveLength(21);
  });

  it('merges metadata from the listing that has it', async () => {
    const [paper] = await sample.store.findPapers([
      'title:think at hard selective latent iterations to improve reasoning language models',
    ]);
    expect(paper).toMatchObject({
      organization: 'Tsinghua-NICS-EFC',
      published: '2025-11-11',
      upvotes: 5,
    });
    const detail = await sample.store.paper(paper!.id, 5);
    expect(detail?.repositories).toEqual([
      expect.objectContaining({
        id: 'github.com/thu-nics/tah',
        url: 'https://github.com/thu-nics/TaH',
        status: 'released',
      }),
    ]);
    expect(detail?.topics.length).toBeGreaterThanOrEqual(5);
  });

  it('finds repositories and datasets, and keeps project pages as links', async () => {
    const stats = await sample.store.stats();
    expect(stats.repositoryCount).toBeGreaterThanOrEqual(35);
    // Released code only: a promised repository ("code will be available") is not code yet.
    expect(stats.paperWithCodeCount).toBeGreaterThanOrEqual(25);
    expect(
      await sample.store.repository('huggingface.co/datasets/causalnlp/corr2cause'),
    ).toMatchObject({
      repository: { kind: 'dataset' },
    });
    const [lina] = await sample.store.findPapers([
      'title:lina learning interventions adaptively for physical alignment and generalization in diffusion models',
    ]);
    expect(lina?.links).toContain('https://opencausalab.github.io/LINA');
  });

  it('clusters and lays out the topic map', async () => {
    const map = await sample.store.topicMap({ limit: 2000, minPapers: 1, maxEdges: 20000 });
    expect(map.topics.length).toBeGreaterThan(50);
    expect(map.clusters.length).toBeGreaterThan(2);
    expect(new Set(map.topics.map((t) => t.cluster)).size).toBe(map.clusters.length);
    expect(map.topics.every((t) => Number.isFinite(t.x) && Number.isFinite(t.y))).toBe(true);
    expect(new Set(map.topics.map((t) => `${t.x},${t.y}`)).size).toBe(map.topics.length);
    expect(map.clusters.every((c) => c.label.length > 0)).toBe(true);
  });

  it('merges the same papers exported from Zotero, Google Scholar and Scopus into them', async () => {
    const fixtures = 'ingest/sources/fixtures';
    const store = createSqliteStore(':memory:');
    try {
      await ingest([SAMPLES_DIR], store);
      const summary = await ingest([`${fixtures}/bibtex`, `${fixtures}/ris`], store);
      expect(summary.paperCounts.new).toBe(0);
      expect(summary.skippedRecords.length).toBeGreaterThan(0);
      expect((await store.stats()).paperCount).toBe(176);
      const [deFinetti] = await store.findPapers(['arxiv:2203.15756']);
      expect(deFinetti).toMatchObject({
        title:
          'Causal de Finetti: On the Identification of Invariant Causal Structure in Exchangeable Data',
        arxivId: '2203.15756',
        doi: '10.48550/arxiv.2203.15756',
        published: '2022-03-29',
      });
      expect(deFinetti!.authors).toContain('Bernhard Schölkopf');
      expect(new Set(deFinetti!.sources.map((s) => s.split(':')[0]!.split('.').pop()))).toEqual(
        new Set(['txt', 'bib', 'ris']),
      );
    } finally {
      await store.close();
    }
  });

  it('changes nothing when the same files are ingested again', async () => {
    const before = dump(sample.path);
    const again = await ingest([SAMPLES_DIR], sample.store);
    expect(again.paperCounts).toEqual({ new: 0, updated: 0, unchanged: 176 });
    expect(dump(sample.path)).toEqual(before);
  });
});

describe('ingest failures', () => {
  const dir = mkdtempSync(join(tmpdir(), 'topograph-ingest-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('reports a bad file with its line, ingests the others, and loses nothing stored', async () => {
    const inputs = join(dir, 'inputs');
    const db = join(dir, 'graph.db');
    const store = createSqliteStore(db);
    try {
      await ingest([join(SAMPLES_DIR, '000_5f7d202db131836b.txt')], store);
      const before = dump(db);

      mkdirSync(inputs);
      copyFileSync(join(SAMPLES_DIR, '002_bac4045119eb759f.txt'), join(inputs, 'good.txt'));
      writeFileSync(
        join(inputs, 'bad.txt'),
        Buffer.from('A title\n\nCaf\xe9 au lait.\n', 'latin1'),
      );
      writeFileSync(join(inputs, 'empty.txt'), '\n\n');
      // Empty or blank in any format: a warning, never a failure.
      for (const name of ['empty.bib', 'empty.ris', 'empty.json', 'empty.xml', 'empty.csv']) {
        writeFileSync(join(inputs, name), name === 'empty.bib' ? ' \n' : '');
      }
      const summary = await ingest([inputs, join(dir, 'missing.txt')], store);
      expect(summary.failures).toEqual([
        {
          file: join(dir, 'missing.txt'),
          kind: 'path',
          message: expect.stringContaining('no such file'),
        },
        {
          file: join(inputs, 'bad.txt'),
          kind: 'file',
          message: expect.stringContaining('bad.txt line 3: invalid UTF-8'),
        },
      ]);
      expect(summary.emptyFiles.sort()).toEqual(
        ['empty.bib', 'empty.csv', 'empty.json', 'empty.ris', 'empty.txt', 'empty.xml'].map(
          (name) => join(inputs, name),
        ),
      );
      // The good file's 31 papers are in, some of them merged into papers already stored.
      expect(summary.recordCount).toBe(31);
      expect(
        summary.paperCounts.new + summary.paperCounts.updated + summary.paperCounts.unchanged,
      ).toBe(31);
      expect(summary.paperCounts.updated).toBeGreaterThan(0);
      const after = dump(db);
      // Everything stored before is still there.
      for (const row of before.papers as { id: string }[]) {
        expect((after.papers as { id: string }[]).some((p) => p.id === row.id)).toBe(true);
      }
    } finally {
      await store.close();
    }
  });

  it('refuses an unknown --format before reading anything', async () => {
    const store = createSqliteStore(':memory:');
    await expect(ingest([SAMPLES_DIR], store, { format: 'docx' })).rejects.toThrow(
      'ingest: unknown format "docx"; known formats: hf-listing, json',
    );
    expect((await store.stats()).paperCount).toBe(0);
    await store.close();
  });

  it('exits non-zero from the command line and names the file', async () => {
    const bad = join(dir, 'notes.docx');
    writeFileSync(bad, 'PK');
    const run = promisify(execFile);
    const result = await run(
      'npx',
      ['tsx', 'ingest/cli.ts', join(SAMPLES_DIR, '002_bac4045119eb759f.txt'), bad],
      {
        env: { ...process.env, TOPOGRAPH_DB: join(dir, 'cli.db') },
      },
    ).catch((error: { code: number; stdout: string }) => error);
    expect('code' in result ? result.code : 0).toBe(1);
    expect(result.stdout).toMatch(/papers: +31 new/);
    expect(result.stdout).toMatch(/files: +1 read, 1 failed/);

    const nothing = join(dir, 'nothing');
    mkdirSync(nothing);
    writeFileSync(join(nothing, 'figure.png'), 'PNG');
    const empty = await run('npx', ['tsx', 'ingest/cli.ts', nothing], {
      env: { ...process.env, TOPOGRAPH_DB: join(dir, 'cli.db') },
    });
    expect(empty.stdout).toContain('warning: no paper was read from the given paths');
    expect(result.stdout).toContain(`error: ingest: ${bad}: no format reads this file`);
  });
});

describe('records with huge fields', () => {
  const dir = mkdtempSync(join(tmpdir(), 'topograph-huge-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  const huge = 'causal '.repeat(1_500_000); // 10.5 MB
  const abstract = (topic: string) => `We study ${topic} with structural causal models.`;
  /** Three records per format, the second with a 10 MB abstract, and its first line. */
  const files: Record<string, { text: string; hugeLine: number }> = {
    'papers.jsonl': {
      text: [
        { title: 'First paper', abstract: abstract('confounding') },
        { title: 'Huge paper', abstract: huge },
        { title: 'Third paper', abstract: abstract('mediation') },
      ]
        .map((record) => JSON.stringify(record))
        .join('\n'),
      hugeLine: 2,
    },
    'papers.csv': {
      text: `Title,Abstract\nFirst paper,${abstract('confounding')}\nHuge paper,${huge}\nThird paper,${abstract('mediation')}\n`,
      hugeLine: 3,
    },
    'papers.ris': {
      text: [
        `TY  - JOUR\nTI  - First paper\nAB  - ${abstract('confounding')}\nER  - `,
        `TY  - JOUR\nTI  - Huge paper\nAB  - ${huge}\nER  - `,
        `TY  - JOUR\nTI  - Third paper\nAB  - ${abstract('mediation')}\nER  - `,
      ].join('\n'),
      hugeLine: 5,
    },
    'papers.bib': {
      text: [
        `@article{first, title = {First paper}, abstract = {${abstract('confounding')}}}`,
        `@article{huge, title = {Huge paper}, abstract = {${huge}}}`,
        `@article{third, title = {Third paper}, abstract = {${abstract('mediation')}}}`,
      ].join('\n'),
      hugeLine: 2,
    },
  };

  it.each(Object.keys(files))(
    '%s: the huge record is skipped with its line, the others are stored',
    async (name) => {
      const { text, hugeLine } = files[name]!;
      const file = join(dir, name);
      writeFileSync(file, text);
      const store = createSqliteStore(join(dir, `${name}.db`));
      try {
        const summary = await ingest([file], store);
        expect(summary.failures).toEqual([]);
        expect(summary.recordCount).toBe(2);
        expect(summary.skippedRecords).toEqual([
          expect.stringMatching(
            new RegExp(
              `${file.replaceAll('.', '\\.')} line ${hugeLine}: .*of [\\d,]{10} characters \\(at most [\\d,]+\\)`,
            ),
          ),
        ]);
        const stored = await searchGraph(store, 'paper', 10);
        expect(
          stored
            .filter((hit) => hit.kind === 'paper')
            .map((hit) => hit.label)
            .sort(),
        ).toEqual(['First paper', 'Third paper']);
      } finally {
        await store.close();
      }
    },
  );
});

describe('ingest on any input (property)', () => {
  const dir = mkdtempSync(join(tmpdir(), 'topograph-property-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('never throws, never loses a stored paper, and names every file it could not read', async () => {
    const db = join(dir, 'graph.db');
    const store = createSqliteStore(db);
    const extensions = ['.txt', '.json', '.jsonl', '.xml', '.csv', '.bib', '.ris', '.jsonl.gz'];
    try {
      await ingest([join(SAMPLES_DIR, '002_bac4045119eb759f.txt')], store);
      const stored = (dump(db).papers as { id: string }[]).map((paper) => paper.id);
      let round = 0;
      await fc.assert(
        fc.asyncProperty(
          fc.array(
            fc.record({
              extension: fc.constantFrom(...extensions),
              bytes: fc.oneof(
                fc.uint8Array({ maxLength: 2_000 }),
                fc.string({ maxLength: 2_000 }).map((text) => new TextEncoder().encode(text)),
              ),
            }),
            { minLength: 1, maxLength: 4 },
          ),
          async (inputs) => {
            const folder = join(dir, `round-${(round += 1)}`);
            mkdirSync(folder);
            inputs.forEach(({ extension, bytes }, i) =>
              writeFileSync(join(folder, `input-${i}${extension}`), bytes),
            );
            const summary = await ingest([folder], store);
            for (const failure of summary.failures) {
              expect(failure.message).toContain(failure.file);
              expect(failure.file.startsWith(folder)).toBe(true);
            }
            const now = (dump(db).papers as { id: string }[]).map((paper) => paper.id);
            for (const id of stored) expect(now).toContain(id);
          },
        ),
        { numRuns: 12 },
      );
    } finally {
      await store.close();
    }
  });
});

describe('ingest --thesaurus', () => {
  const dir = mkdtempSync(join(tmpdir(), 'topograph-thesaurus-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));
  const run = (args: string[]) => runCommand(args, { TOPOGRAPH_DB: join(dir, 'cli.db') });

  it('merges and drops terms in the store; a file without its header stops the run', async () => {
    const sample = join(SAMPLES_DIR, '002_bac4045119eb759f.txt');
    const broken = join(dir, 'broken.txt');
    writeFileSync(broken, 'LLMs\tlarge language model\ncausal inference\n');
    const refused = await run(['--thesaurus', broken, sample]);
    expect('code' in refused ? refused.code : 0).toBe(2);
    expect(refused.stderr).toContain(`${broken} line 1: the first line must be the header`);
    expect(refused.stdout).not.toMatch(/papers:/);

    const thesaurus = join(dir, 'thesaurus.txt');
    writeFileSync(thesaurus, 'label\treplace by\ncausal inference\t\ncausal effect\tcausality\n');
    const result = await run(['--thesaurus', thesaurus, sample]);
    expect('code' in result ? result.code : 0).toBe(0);
    expect(result.stdout).toContain(`thesaurus ${thesaurus}: 1 terms replaced, 1 dropped`);
    const db = new Database(join(dir, 'cli.db'), { readonly: true });
    try {
      const topic = db.prepare('SELECT id, df FROM topics WHERE id = ?');
      expect(topic.get('causal inference')).toBeUndefined();
      expect(topic.get('causal effect')).toBeUndefined();
      // Without the thesaurus one paper has "causality" and two "causal effect": now one topic.
      expect((topic.get('causality') as { df: number }).df).toBeGreaterThan(1);
    } finally {
      db.close();
    }
  });
});

describe('ingest --from arxiv', () => {
  const dir = mkdtempSync(join(tmpdir(), 'topograph-from-'));
  let server: ReplayServer | undefined;
  afterAll(async () => {
    await server?.close();
    rmSync(dir, { recursive: true, force: true });
  });
  const feed = readFileSync(
    join(import.meta.dirname, '../ingest/sources/fixtures/arxiv/arxiv_api_atom_current.xml'),
    'utf8',
  );
  const entries = feed.match(/<entry>[\s\S]*?<\/entry>/g)!;
  /** The arXiv API over `listed`: the page `start` and `max_results` ask for. */
  const arxivApi = (listed: () => string[]) => (request: { url: URL }) => {
    const start = Number(request.url.searchParams.get('start'));
    const size = Number(request.url.searchParams.get('max_results'));
    const head = feed
      .slice(0, feed.indexOf('<entry>'))
      .replace(/<opensearch:totalResults>\d+</, `<opensearch:totalResults>${listed().length}<`);
    return {
      body:
        head +
        listed()
          .slice(start, start + size)
          .join('\n') +
        '\n</feed>\n',
    };
  };

  it('fetches a search into the cache and ingests it; a failed fetch changes nothing', async () => {
    let refuse = false;
    const api = arxivApi(() => entries);
    server = await startReplayServer((request) =>
      refuse ? { status: 400, body: 'Bad Request: malformed query' } : api(request),
    );
    const env = {
      TOPOGRAPH_DB: join(dir, 'from.db'),
      TOPOGRAPH_ARXIV_URL: `${server.origin}/api/query`,
      TOPOGRAPH_MAILTO: 'someone@example.org',
    };
    const cache = join(dir, 'cache');
    const args = ['--from', 'arxiv', '--query', 'all:testing', '--max', '2', '--cache', cache];
    args.push('--mailto', 'maps@example.org');
    const first = await runCommand(args, env);
    expect(first.code).toBe(0);
    expect(first.stdout).toContain(
      `fetched:      2 papers of 3 from arXiv in 1 page (1 asked now, 0 from ${cache})`,
    );
    expect(first.stdout).toContain('note: stopped at --max 2; 1 more results');
    expect(first.stdout).toMatch(/papers: +2 new/);
    expect(server.requests[0]!.url.searchParams.get('max_results')).toBe('2');
    expect(server.requests[0]!.userAgent).toMatch(
      /^Topograph\/[\d.]+ \(paper-map ingest; mailto:maps@example\.org\)$/,
    );

    // The same command again reads the cache: no request, nothing new.
    const again = await runCommand(args, env);
    expect(again.stdout).toContain('(0 asked now, 1 from');
    expect(again.stdout).toMatch(/papers: +0 new, 0 updated, 2 unchanged/);
    expect(server.requests).toHaveLength(1);

    // A fetch the API refuses stops before the store is touched.
    refuse = true;
    const before = dump(join(dir, 'from.db'));
    const failed = await runCommand([...args.slice(0, 5), '3', '--cache', cache], env);
    // --mailto wins over TOPOGRAPH_MAILTO.
    expect(server.requests.at(-1)!.userAgent).toContain('mailto:someone@example.org');
    expect(failed.code).toBe(1);
    expect(failed.stdout).toMatch(
      /^error: cannot fetch from 127\.0\.0\.1:\d+: HTTP 400: Bad Request: malformed query; nothing was changed/m,
    );
    expect(failed.stderr).toContain(
      'fetching from arXiv (3 papers)…\nfetching from arXiv: stopped\n',
    );
    expect(dump(join(dir, 'from.db'))).toEqual(before);
  });

  it('says so when a query has no results, and stores nothing', async () => {
    const empty = await startReplayServer(arxivApi(() => []));
    try {
      const path = join(dir, 'none.db');
      const env = { TOPOGRAPH_DB: path, TOPOGRAPH_ARXIV_URL: `${empty.origin}/api/query` };
      const args = ['--from', 'arxiv', '--query', 'all:nothingmatches', '--cache', join(dir, 'c0')];
      const result = await runCommand(args, env);
      expect(result.code).toBe(0);
      expect(result.stdout).toContain('fetched:      0 papers of 0 from arXiv in 1 page');
      expect(result.stdout).toContain('warning: arXiv has no paper for all:nothingmatches');
      expect(existsSync(path)).toBe(false);
    } finally {
      await empty.close();
    }
  });

  it('reads a Hugging Face Papers page URL given as a path through the API', async () => {
    const daily = readFileSync(
      join(import.meta.dirname, '../ingest/sources/fixtures/hf/hf_daily_papers_response.json'),
      'utf8',
    );
    const hf = await startReplayServer(() => ({ body: daily }));
    try {
      const env = { TOPOGRAPH_DB: join(dir, 'hf.db'), TOPOGRAPH_HF_URL: `${hf.origin}/api` };
      const page = 'https://huggingface.co/papers?date=2026-08-21';
      const result = await runCommand([page, '--cache', join(dir, 'hf-cache')], env);
      expect(result.code).toBe(0);
      expect(result.stdout).toContain('fetched:      3 papers of 3 from Hugging Face Daily Papers');
      expect(result.stdout).toMatch(/papers: +3 new/);
      expect(Object.fromEntries(hf.requests[0]!.url.searchParams)).toEqual({
        date: '2026-08-21',
        limit: '100',
      });
    } finally {
      await hf.close();
    }
  });

  it('keeps what OpenAlex says beyond the text: its ids, references and institutions', async () => {
    const works = readFileSync(
      join(
        import.meta.dirname,
        '../ingest/sources/fixtures/openalex/openalex_works_list_response.json',
      ),
      'utf8',
    );
    const openalex = await startReplayServer(() => ({ body: works }));
    const path = join(dir, 'openalex.db');
    try {
      const env = { TOPOGRAPH_DB: path, TOPOGRAPH_OPENALEX_URL: openalex.origin };
      const args = ['--from', 'openalex', '--query', 'vision', '--cache', join(dir, 'oa-cache')];
      const result = await runCommand(args, env);
      expect(result.code).toBe(0);
      expect(result.stdout).toMatch(/papers: +3 new/);
    } finally {
      await openalex.close();
    }
    const store = createSqliteStore(path);
    try {
      const [kitti] = await store.findPapers(['openalex:W2150066425']);
      expect(kitti).toMatchObject({
        doi: '10.1109/cvpr.2012.6248074',
        openalexId: 'W2150066425',
        references: { length: 50 },
        categories: [],
      });
      expect(kitti!.authorships!.map((a) => [a.name, a.institutions[0]?.name])).toEqual([
        ['Andreas Geiger', 'Karlsruhe Institute of Technology'],
        ['P Lenz', 'Karlsruhe Institute of Technology'],
        ['R. Urtasun', 'Toyota Motor Corporation (United States)'],
      ]);
      // The arXiv preprint's id is the paper's; its OpenAlex id is a key too.
      const [word2vec] = await store.findPapers(['openalex:W1614298861']);
      expect([word2vec?.id, word2vec?.openalexId]).toEqual(['1301.3781', 'W1614298861']);
    } finally {
      await store.close();
    }
  });

  it('--update fetches only what is new for each query fetched before', async () => {
    const daily = JSON.parse(
      readFileSync(
        join(import.meta.dirname, '../ingest/sources/fixtures/hf/hf_daily_papers_response.json'),
        'utf8',
      ),
    ) as unknown[];
    const today = new Date().toISOString().slice(0, 10);
    let listed = entries;
    const arxiv = await startReplayServer(arxivApi(() => listed));
    const hf = await startReplayServer(({ url }) => ({
      body: JSON.stringify(
        url.searchParams.get('date') === today ? daily.slice(1, 2) : daily.slice(0, 1),
      ),
    }));
    try {
      const env = {
        TOPOGRAPH_DB: join(dir, 'update.db'),
        TOPOGRAPH_ARXIV_URL: `${arxiv.origin}/api/query`,
        TOPOGRAPH_HF_URL: `${hf.origin}/api/daily_papers`,
      };
      const cache = ['--cache', join(dir, 'update-cache')];
      expect(
        (await runCommand(['--from', 'arxiv', '--query', 'all:testing', ...cache], env)).code,
      ).toBe(0);
      expect((await runCommand(['--from', 'hf', '--date', '2026-08-20', ...cache], env)).code).toBe(
        0,
      );

      // A newer arXiv paper, and today's Hugging Face listing.
      const newer = entries[0]!
        .replaceAll('2202.12139', '2612.01234')
        .replaceAll('10.1109/ICSTW55395.2022.00035', '10.1000/newer');
      listed = [
        newer.replace(/<title>[^<]*</, '<title>Testing causal discovery at scale<'),
        ...entries,
      ];
      const arxivBefore = arxiv.requests.length;
      const update = await runCommand(['--update', ...cache], env);
      expect(update.code).toBe(0);
      // One new paper from each; the three known arXiv papers, on the same page as the new
      // one, gain that page as a source.
      expect(update.stdout).toMatch(/papers: +2 new, 3 updated, 0 unchanged/);
      expect(arxiv.requests.length - arxivBefore).toBe(1);
      expect(hf.requests.map(({ url }) => url.searchParams.get('date'))).toEqual([
        '2026-08-20',
        today,
      ]);
    } finally {
      await arxiv.close();
      await hf.close();
    }
    const nothing = await runCommand(['--update', '--cache', join(dir, 'empty')], {
      TOPOGRAPH_DB: join(dir, 'update.db'),
    });
    expect(nothing.stdout).toContain('nothing to update: no query was fetched into');
  });

  it('refuses a fetch it cannot make, saying what it needs', async () => {
    const env = { TOPOGRAPH_DB: join(dir, 'refused.db') };
    const refused = async (args: string[], message: string) => {
      const result = await runCommand(args, env);
      expect(result.code, args.join(' ')).toBe(2);
      expect(result.stderr).toContain(message);
    };
    await refused(
      ['--from', 'scholar', '--query', 'x'],
      '--from must be one of arxiv, openalex, hf',
    );
    await refused(['--from', 'arxiv'], '--from arxiv needs --query');
    await refused(['--from', 'openalex', '--since', '2024-1-1', '--query', 'x'], 'YYYY-MM-DD');
    await refused(['--from', 'hf'], '--from hf needs --date YYYY-MM-DD or --since YYYY-MM-DD');
    await refused(['--from', 'arxiv', '--query', 'x', '--since', '2024-01-01'], 'use --max');
    await refused(['https://example.org/list.bib'], 'only Hugging Face Papers pages');
    await refused([], 'give files or folders to read, --from arxiv --query …, or --update');
    expect(existsSync(join(dir, 'refused.db'))).toBe(false);
  });
});

describe('ingest --resolution and TOPOGRAPH_RESOLUTION', () => {
  const dir = mkdtempSync(join(tmpdir(), 'topograph-resolution-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));
  const run = (args: string[], env: Record<string, string> = {}) =>
    runCommand(args, { TOPOGRAPH_DB: join(dir, 'cli.db'), ...env });
  const clustersAt = (stdout: string) =>
    stdout.match(/topic map: +\d+ topics in (\d+) clusters? \(resolution ([\d.]+)\)/);

  it('sets the map resolution for one ingest or for all, and refuses a bad one', async () => {
    const first = await run([SAMPLES_DIR]);
    // Progress lines say what they count.
    expect(first.stderr).toContain('extracting terms (176 papers)…');
    expect(first.stderr).toContain('analyzing the corpus (5 steps)…');
    const chosen = clustersAt(first.stdout);
    expect(chosen?.[2]).toBe('1');
    // A new map at resolution 2: more clusters.
    const finer = clustersAt((await run(['--new-map', '--resolution', '2', SAMPLES_DIR])).stdout);
    expect(finer?.[2]).toBe('2');
    expect(Number(finer?.[1])).toBeGreaterThan(Number(chosen?.[1]));
    // From the environment (as from .env), for an ingest that only redraws the map.
    const fromEnv = await run(['--new-map', SAMPLES_DIR], { TOPOGRAPH_RESOLUTION: '2' });
    expect(clustersAt(fromEnv.stdout)?.slice(1)).toEqual(finer?.slice(1));
    const bad = await run(['--resolution', '-1', SAMPLES_DIR]);
    expect('code' in bad ? bad.code : 0).not.toBe(0);
    expect(bad.stderr).toContain('--resolution must be a number above 0');
    const badEnv = await run([SAMPLES_DIR], { TOPOGRAPH_RESOLUTION: 'fine' });
    expect(badEnv.stderr).toContain('TOPOGRAPH_RESOLUTION must be a number above 0');
  });
});

describe('a thesaurus given to a re-ingest', () => {
  it('rewrites the terms of papers that did not change', async () => {
    const store = createSqliteStore(':memory:');
    try {
      const sample = join(SAMPLES_DIR, '002_bac4045119eb759f.txt');
      await ingest([sample], store);
      expect(await store.topic('causal effect', 10)).toBeDefined();
      const thesaurus = parseThesaurus('label\treplace by\ncausal effect\tcausality\n', 't.txt');
      const summary = await ingest([sample], store, { thesaurus });
      expect(summary.paperCounts).toMatchObject({ new: 0, updated: 0, unchanged: 31 });
      expect(await store.topic('causal effect', 10)).toBeUndefined();
      expect((await store.topic('causality', 10))?.topic.df).toBeGreaterThan(1);
    } finally {
      await store.close();
    }
  });
});

describe('settings from a .env file', () => {
  const dir = mkdtempSync(join(tmpdir(), 'topograph-dotenv-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('are read from the working folder; a variable set in the environment wins', async () => {
    writeFileSync(join(dir, '.env'), `TOPOGRAPH_DB=${join(dir, 'from-dotenv.db')}\n`);
    const sample = join(process.cwd(), SAMPLES_DIR, '002_bac4045119eb759f.txt');
    const tsx = join(process.cwd(), 'node_modules/.bin/tsx');
    const cli = join(process.cwd(), 'ingest/cli.ts');
    const env = { ...process.env };
    delete env.TOPOGRAPH_DB;
    const run = promisify(execFile);
    await run(tsx, [cli, sample], { cwd: dir, env });
    expect(existsSync(join(dir, 'from-dotenv.db'))).toBe(true);
    await run(tsx, [cli, sample], {
      cwd: dir,
      env: { ...env, TOPOGRAPH_DB: join(dir, 'from-shell.db') },
    });
    expect(existsSync(join(dir, 'from-shell.db'))).toBe(true);
  });
});

describe('the similarity index beside the store', () => {
  it('is only a saving: an ingest that cannot write it says so and keeps everything else', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'topograph-index-'));
    try {
      const db = join(dir, 'store.db');
      // Where the file should go, a folder with something in it.
      mkdirSync(join(`${db}.similarity`, 'in-the-way'), { recursive: true });
      const listing = join(dir, 'listing.jsonl');
      const papers = [
        { title: 'Instrumental variables', abstract: 'Weak instruments bias causal effects.' },
        {
          title: 'Weak instruments',
          abstract: 'Instrumental variable estimates with weak instruments.',
        },
        { title: 'Thin lenses', abstract: 'Optics of thin lenses and their focal length.' },
      ];
      writeFileSync(listing, papers.map((paper) => JSON.stringify(paper)).join('\n') + '\n');
      const result = await runCommand([listing], { TOPOGRAPH_DB: db });
      expect(result.code).toBe(0);
      expect(result.stdout).toMatch(/papers: +3 new/);
      expect(result.stdout).toContain(
        `note: the similarity index was not kept (${db}.similarity: `,
      );
      expect(result.stdout).toContain('the next ingest builds it again');
      expect(existsSync(`${db}.similarity.partial`)).toBe(false);
      const store = createSqliteStore(db);
      try {
        expect((await store.stats()).similarCount).toBe(2);
      } finally {
        await store.close();
      }
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe('related papers after a small ingest into a store', () => {
  it('fits the new papers into the stored lists, as computing them all would place them', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'topograph-fit-in-'));
    const path = join(dir, 'store.db');
    const similarIndexFile = `${path}.similarity`;
    const store = createSqliteStore(path);
    try {
      const first = await ingest([SAMPLES_DIR], store, { similarIndexFile });
      expect(first.map?.similarPapers).toMatchObject({ mode: 'all', index: 'built' });
      expect(existsSync(similarIndexFile)).toBe(true);
      // A paper written as a sample paper is, under a new title: each is the other's closest.
      const original = (await store.findPaperText('String Diagram Surgery', 'phrase', 1))[0]!;
      const { paper } = (await store.paper(original.id, 0))!;
      const listing = join(dir, 'listing.jsonl');
      const title = 'Interventions as string diagram surgery, revisited';
      writeFileSync(listing, JSON.stringify({ title, abstract: paper.abstract }) + '\n');
      const summary = await ingest([listing], store, { similarIndexFile });
      expect(summary.paperCounts).toMatchObject({ new: 1 });
      // Fitted into the index the first ingest left, without reading every text again.
      expect(summary.map?.similarPapers).toMatchObject({ mode: 'fitted in', index: 'extended' });
      const added = (await store.findPaperText(title, 'phrase', 1))[0]!;
      expect((await store.paper(added.id, 10))!.related[0]!.id).toBe(original.id);
      expect((await store.paper(original.id, 10))!.related[0]!.id).toBe(added.id);
      expect(await store.mapState()).toMatchObject({ similarVersion: 2, papersVersion: 2 });
      // Every list computed afresh puts the new paper where it was fitted in.
      const fresh = createSqliteStore(join(dir, 'fresh.db'));
      const freshIndex = join(dir, 'fresh.db.similarity');
      const ids = async (s: typeof store, id: string) =>
        (await s.paper(id, 10))!.related.map((other) => other.id);
      try {
        await ingest([SAMPLES_DIR, listing], fresh, { similarIndexFile: freshIndex });
        // The same ten papers, the best five in the same order: the papers already indexed
        // keep their weights, so near ties further down may swap (similar-papers.ts).
        const fitted = await ids(store, added.id);
        const computed = await ids(fresh, added.id);
        expect(fitted.slice(0, 5)).toEqual(computed.slice(0, 5));
        expect([...fitted].sort()).toEqual([...computed].sort());
      } finally {
        await fresh.close();
      }
      // Nothing new: the lists stand, nothing is computed again.
      expect((await ingest([listing], store)).map).toBeUndefined();

      // The file of another store (of another papers version) is not used: built afresh.
      copyFileSync(freshIndex, similarIndexFile);
      const another = join(dir, 'another.jsonl');
      const anotherTitle = 'String diagram surgery for interventions, a third time';
      writeFileSync(
        another,
        JSON.stringify({ title: anotherTitle, abstract: paper.abstract }) + '\n',
      );
      const third = await ingest([another], store, { similarIndexFile });
      expect(third.map?.similarPapers).toMatchObject({ mode: 'fitted in', index: 'built' });
      const thirdPaper = (await store.findPaperText(anotherTitle, 'phrase', 1))[0]!;
      expect(await ids(store, thirdPaper.id)).toContain(original.id);
    } finally {
      await store.close();
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

/** Ingests each batch of files in turn into `name`.db in `dir`: the topics of the paper `title`. */
async function topicsOfPaper(dir: string, batches: string[][], name: string, title: string) {
  const store = createSqliteStore(join(dir, `${name}.db`));
  try {
    for (const batch of batches) await ingest(batch, store);
    const found = (await store.findPaperText(title, 'phrase', 1))[0]!;
    return (await store.paper(found.id, 0))!.topics;
  } finally {
    await store.close();
  }
}

describe('key terms of a small ingest into a store', () => {
  it('are ranked against the whole store, as one ingest of everything ranks them', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'topograph-background-'));
    const listing = join(dir, 'listing.jsonl');
    const title = 'Counterfactual prompting for causal inference with large language models';
    const abstract =
      'We study causal inference with large language models. Counterfactual prompting asks a ' +
      'large language model to compare outcomes under interventions; on three causal ' +
      'inference benchmarks it improves treatment effect estimation over chain-of-thought ' +
      'prompting.';
    writeFileSync(listing, JSON.stringify({ title, abstract }) + '\n');
    const scores = async (batches: string[][], name: string) => {
      const topics = await topicsOfPaper(dir, batches, name, title);
      return new Map(topics.map((topic) => [topic.id, topic.score]));
    };
    try {
      const intoStore = await scores([[SAMPLES_DIR], [listing]], 'into');
      const together = await scores([[SAMPLES_DIR, listing]], 'together');
      const alone = await scores([[listing]], 'alone');
      // The same statistics: the same scores, term for term.
      expect([...intoStore.keys()].sort()).toEqual([...together.keys()].sort());
      const ranked = (scored: Map<string, number>) =>
        [...scored].sort((a, b) => b[1] - a[1]).map(([id]) => id);
      expect(ranked(intoStore)).toEqual(ranked(together));
      // One score differs: a sample writes "chain-of-thought prompting strategy", which counts
      // for "chain-of-thought prompting" once a paper writes that on its own; ingested before
      // the listing, it did not (what a phrase holds is found as its paper is ingested).
      for (const [id, score] of intoStore) {
        if (id !== 'chain of thought prompting') expect(score, id).toBe(together.get(id));
      }
      expect(intoStore.get('chain of thought prompting')).toBeGreaterThan(
        together.get('chain of thought prompting')!,
      );
      // Alone, every term is as rare as any other, and "large language model" (title, three
      // uses) outranks the paper's own subject; against the store, which is full of LLMs, it
      // weighs under half of it.
      const weight = (scored: Map<string, number>) =>
        scored.get('large language model')! / scored.get('counterfactual prompting')!;
      expect(weight(alone)).toBeGreaterThan(1);
      expect(weight(intoStore)).toBeLessThan(0.5);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('read acronyms and modifier words as the store does', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'topograph-background-'));
    const listing = join(dir, 'listing.jsonl');
    // No definition of LLM or SCM here; the samples define both. "graph" comes three times
    // before another word and once alone, so alone this paper makes it a modifier (no topic);
    // the samples write it alone in 37 papers.
    const title = 'Do LLMs understand an SCM? Probing graph neural networks on interventions';
    const abstract =
      'We probe whether LLMs can answer questions about an SCM given as text, and compare ' +
      'them with graph neural networks that read the same graph. On graph neural network ' +
      'benchmarks, LLMs answer most interventional questions but fail on counterfactual ones.';
    writeFileSync(listing, JSON.stringify({ title, abstract }) + '\n');
    const topicsOf = async (batches: string[][], name: string) => {
      const topics = await topicsOfPaper(dir, batches, name, title);
      return new Map(topics.map((topic) => [topic.id, topic.label]));
    };
    try {
      const intoStore = await topicsOf([[SAMPLES_DIR], [listing]], 'into');
      const together = await topicsOf([[SAMPLES_DIR, listing]], 'together');
      const alone = await topicsOf([[listing]], 'alone');
      expect([...alone.keys()]).toEqual(expect.arrayContaining(['LLM', 'SCM']));
      expect(alone.has('large language model')).toBe(false);
      expect(alone.has('graph')).toBe(false);
      for (const topics of [intoStore, together]) {
        expect([...topics.keys()]).toEqual(
          expect.arrayContaining(['large language model', 'structural causal model', 'graph']),
        );
        expect(topics.has('LLM') || topics.has('SCM')).toBe(false);
      }
      expect(intoStore.get('large language model')).toBe('large language model (LLM)');
      expect([...intoStore.keys()].sort()).toEqual([...together.keys()].sort());
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

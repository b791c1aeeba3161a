// The Hugging Face Papers parser on three real /api/daily_papers items (fixtures/hf, see its
// README), on the shapes derived from them (bare paper objects, JSON Lines) and on bad input.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { IngestError } from '../errors.ts';
import type { NumberedLine } from '../read-lines.ts';
import type { PaperRecord, SourceItem } from '../record.ts';
import { looksLikeHfPaper, parseHfPapers, parseHfPapersLines } from './hf-papers.ts';
import { tempFiles } from '../../test/support/temp-files.ts';

const DAILY = 'ingest/sources/fixtures/hf/hf_daily_papers_response.json';
const OPENALEX = 'ingest/sources/fixtures/openalex/openalex_works_list_response.json';

type Item = { paper: Record<string, unknown> } & Record<string, unknown>;
const items = (): Item[] => JSON.parse(readFileSync(DAILY, 'utf8')) as Item[];

async function collect(source: AsyncIterable<SourceItem>) {
  const records: PaperRecord[] = [];
  const errors: IngestError[] = [];
  const order: string[] = [];
  for await (const item of source) {
    if (item instanceof IngestError) {
      errors.push(item);
      order.push('error');
    } else {
      records.push(item);
      order.push('record');
    }
  }
  return { records, errors, order };
}

const writeTemp = tempFiles('hf-papers');

describe('parseHfPapers on the real daily_papers items', () => {
  it('maps id, title, arXiv date, upvotes, organisation and links of EnvHarness', async () => {
    const { records, errors } = await collect(parseHfPapers(DAILY));
    expect(errors).toEqual([]);
    expect(records[0]).toMatchObject({
      arxivId: '2608.19880',
      title: 'EnvHarness: Awakening Static Worlds for Agent Learning',
      // paper.publishedAt (arXiv), not the item's publishedAt (2026-08-19, listing time).
      published: '2026-08-20',
      upvotes: 163,
      organization: 'Google',
      links: ['https://github.com/google-research/envharness', 'https://envharness.com/'],
      source: { file: DAILY, line: 1 },
    });
    expect(records[0]!.authors).toHaveLength(17);
    expect(records[0]!.authors!.slice(0, 2)).toEqual(['Chengsong Huang', 'Zifeng Wang']);
    expect(records[0]!.abstract).toMatch(/^LLM agents learn by interacting with environments/);
  });

  it('maps FACET and 4DAnyone, collapsing spaces in an organisation name', async () => {
    const { records } = await collect(parseHfPapers(DAILY));
    expect(records.map((r) => [r.arxivId, r.published, r.upvotes, r.organization])).toEqual([
      ['2608.19880', '2026-08-20', 163, 'Google'],
      ['2608.18580', '2026-08-19', 54, 'university of science and technology of china'],
      ['2608.20335', '2026-08-20', 38, 'Ant Research'],
    ]);
    expect(records[1]!.links).toEqual([
      'https://github.com/StoKou/FACET-Terminal',
      'https://stokou.github.io/FACET-Terminal/',
    ]);
    expect(records[2]).toMatchObject({
      title: '4DAnyone: Create Anyone in 4D from a Casual Monocular Video',
      links: ['https://github.com/ant-research/4DAnyone', 'https://4danyone.github.io/'],
      source: { line: 3 },
    });
  });

  it('reads bare paper objects: an array (papers/search) and a single object (papers/{id})', async () => {
    const bare = items().map((item) => item.paper);
    const { records } = await collect(parseHfPapers(writeTemp(JSON.stringify(bare), 'p.json')));
    expect(records.map((r) => [r.arxivId, r.upvotes, r.organization, r.links?.length])).toEqual([
      ['2608.19880', 163, 'Google', 2],
      ['2608.18580', 54, 'university of science and technology of china', 2],
      ['2608.20335', 38, 'Ant Research', 2],
    ]);
    const single = { ...bare[2], linkedModels: [], numTotalModels: 0 };
    const file = writeTemp(JSON.stringify(single, null, 2), 'paper.json');
    const { records: one } = await collect(parseHfPapers(file));
    expect(one).toHaveLength(1);
    expect(one[0]).toMatchObject({ arxivId: '2608.20335', published: '2026-08-20' });
  });

  it('falls back to the item organisation name, and never to the item date', async () => {
    const [item] = items();
    delete item!.paper.organization;
    delete item!.paper.publishedAt;
    item!.organization = { name: 'google' };
    const file = writeTemp(JSON.stringify([item]), 'daily.json');
    const { records } = await collect(parseHfPapers(file));
    expect(records[0]!.organization).toBe('google');
    expect(records[0]!.published).toBeUndefined();
  });

  it('keeps only http(s) links and trims stray whitespace around them', async () => {
    const [item] = items();
    item!.paper.githubRepo = '\n https://github.com/google-research/envharness \n';
    item!.paper.projectPage = 'javascript:alert(1)';
    const [other] = items();
    other!.paper.githubRepo = 'github.com/no-scheme/repo';
    other!.paper.projectPage = 'ftp://example.org/x';
    const file = writeTemp(JSON.stringify([item, other]), 'daily.json');
    const { records } = await collect(parseHfPapers(file));
    expect(records[0]!.links).toEqual(['https://github.com/google-research/envharness']);
    expect(records[1]!.links).toBeUndefined();
  });

  it('reports a record without a title as "record N" and reads the others', async () => {
    const list = items();
    list[1]!.paper.title = '  ';
    delete list[1]!.title;
    const file = writeTemp(JSON.stringify(list), 'daily.json');
    const { records, errors, order } = await collect(parseHfPapers(file));
    expect(order).toEqual(['record', 'error', 'record']);
    expect(records.map((r) => [r.arxivId, r.source.line])).toEqual([
      ['2608.19880', 1],
      ['2608.20335', 3],
    ]);
    expect(errors[0]).toMatchObject({ stage: 'hf-papers', file, line: undefined });
    expect(errors[0]!.message).toBe(`ingest/hf-papers: ${file}: record 2: paper without a title`);
  });
});

describe('parseHfPapers on JSON Lines', () => {
  const jsonl = (): string => {
    const lines = items().map((item) => JSON.stringify(item));
    lines[1] = lines[1]!.slice(0, 200); // a line cut short, as by an interrupted download
    return `${lines.join('\n')}\n`;
  };

  it('reads each line as a record; a corrupted line is an IngestError at its line', async () => {
    const file = writeTemp(jsonl(), 'daily.jsonl');
    const { records, errors, order } = await collect(parseHfPapers(file));
    expect(order).toEqual(['record', 'error', 'record']);
    expect(records.map((r) => [r.arxivId, r.source.line, r.organization])).toEqual([
      ['2608.19880', 1, 'Google'],
      ['2608.20335', 3, 'Ant Research'],
    ]);
    expect(errors[0]).toMatchObject({ stage: 'hf-papers', file, line: 2 });
    expect(errors[0]!.message).toContain(`${file} line 2: not valid JSON`);
  });

  it('reads lines fed by the caller (decompressed input), skipping blank lines', async () => {
    const texts = ['', ...jsonl().split('\n')];
    async function* lines(): AsyncGenerator<NumberedLine> {
      for (const [index, text] of texts.entries()) yield { line: index + 1, text };
    }
    const { records, errors } = await collect(parseHfPapersLines(lines(), 'daily.jsonl.gz'));
    expect(records.map((r) => r.source.line)).toEqual([2, 4]);
    expect(errors.map((e) => e.line)).toEqual([3]);
  });

  it('refuses JSON Lines of another format', async () => {
    const work = JSON.stringify(
      (JSON.parse(readFileSync(OPENALEX, 'utf8')) as { results: unknown[] }).results[0],
    );
    await expect(collect(parseHfPapers(writeTemp(`${work}\n`, 'works.jsonl')))).rejects.toThrow(
      /works\.jsonl line 1: not a Hugging Face paper/,
    );
  });
});

describe('parseHfPapers on files that are not HF papers', () => {
  it('refuses JSON of another format (OpenAlex, an arbitrary object)', async () => {
    await expect(collect(parseHfPapers(OPENALEX))).rejects.toThrow(
      /openalex_works_list_response\.json: not a Hugging Face Papers response/,
    );
    await expect(collect(parseHfPapers(writeTemp('{"a": 1}', 'x.json')))).rejects.toBeInstanceOf(
      IngestError,
    );
  });

  it('refuses text that is not JSON, naming the line when it can', async () => {
    const file = writeTemp('[\n  {"paper": {"id": "2608.19880",}}\n]\n', 'bad.json');
    const error = await collect(parseHfPapers(file)).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(IngestError);
    expect(error).toMatchObject({ stage: 'hf-papers', line: 2 });
    await expect(collect(parseHfPapers(writeTemp('<feed/>', 'x.json')))).rejects.toThrow(
      /not valid JSON/,
    );
  });

  it('refuses a file that is not UTF-8, naming the line', async () => {
    const latin1 = Buffer.from(
      '[\n{"paper": {"id": "2608.19880", "title": "Caf\xe9"}}\n]',
      'latin1',
    );
    await expect(collect(parseHfPapers(writeTemp(latin1, 'x.json')))).rejects.toThrow(
      /line 2: invalid UTF-8/,
    );
    await expect(collect(parseHfPapers(writeTemp(latin1, 'x.jsonl')))).rejects.toThrow(
      /line 2: invalid UTF-8/,
    );
  });
});

describe('looksLikeHfPaper', () => {
  it('recognises daily_papers items, bare papers and arrays of them', () => {
    const [item] = items();
    expect(looksLikeHfPaper(item)).toBe(true);
    expect(looksLikeHfPaper(item!.paper)).toBe(true);
    expect(looksLikeHfPaper(items())).toBe(true);
  });

  it('rejects OpenAlex, empty and unrelated values', () => {
    const openalex = JSON.parse(readFileSync(OPENALEX, 'utf8')) as { results: unknown[] };
    expect(looksLikeHfPaper(openalex)).toBe(false);
    expect(looksLikeHfPaper(openalex.results[0])).toBe(false);
    expect(looksLikeHfPaper(openalex.results)).toBe(false);
    for (const value of [null, [], {}, 'x', { id: '2608.19880' }, { id: 'W1', title: 'T' }]) {
      expect(looksLikeHfPaper(value)).toBe(false);
    }
  });
});

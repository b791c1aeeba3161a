// Generic JSON Lines and CSV on real fixtures (fixtures/generic/README.md), gzipped input, and
// records skipped with their line while the rest of the file is read.
import { readFileSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { IngestError } from '../errors.ts';
import type { PaperRecord, SourceItem } from '../record.ts';
import { categoryList, isoDate } from './generic-record.ts';
import { formatFor } from './index.ts';
import { tempFiles } from '../../test/support/temp-files.ts';

const JSONL = 'ingest/sources/fixtures/generic/arxiv-papers.jsonl';
const CSV = 'ingest/sources/fixtures/generic/scopus-export.csv';

async function read(file: string): Promise<SourceItem[]> {
  const items: SourceItem[] = [];
  for await (const item of formatFor(file)!.read(file)) items.push(item);
  return items;
}

const records = (items: SourceItem[]) =>
  items.filter((item): item is PaperRecord => !(item instanceof IngestError));

const write = tempFiles('generic');
const temp = (name: string, content: string | Buffer) => write(content, name);

describe('JSON Lines', () => {
  it('maps the common field names of the arXiv corpus', async () => {
    const items = await read(JSONL);
    expect(items).toHaveLength(3);
    expect(items[0]).toMatchObject({
      title: 'MLP-SRGAN: A Single-Dimension Super Resolution GAN using MLP-Mixer',
      arxivId: '2303.06298',
      published: '2025-09-08',
      links: ['https://github.com/IAMLAB-Ryerson/MLP-SRGAN'],
      comment: '14 pages, 10 figures',
      categories: ['cs.CV', 'cs.AI', 'cs.LG', 'eess.IV'],
      source: { file: JSONL, line: 1 },
    });
    expect((items[0] as PaperRecord).authors?.length).toBeGreaterThan(2);
    expect((items[0] as PaperRecord).abstract).toMatch(/^We propose a novel architecture/);
    expect(items[2]).not.toHaveProperty('links');
  });

  it('reads gzipped files transparently', async () => {
    const file = temp('papers.jsonl.gz', gzipSync(readFileSync(JSONL)));
    expect((await read(file)).map((item) => (item as PaperRecord).arxivId)).toEqual(
      (await read(JSONL)).map((item) => (item as PaperRecord).arxivId),
    );
    const corrupt = temp('broken.jsonl.gz', Buffer.from('not gzip at all'));
    await expect(read(corrupt)).rejects.toThrow(/broken\.jsonl\.gz line 1: not valid gzip data/);
  });

  it('skips a bad line with its number and reads the rest', async () => {
    const [first, second] = readFileSync(JSONL, 'utf8').split('\n');
    const file = temp(
      'mixed.jsonl',
      `${first}\n{"title": "cut off\n[1, 2]\n{"abstract": "x"}\n\n${second}\n`,
    );
    const items = await read(file);
    expect(records(items).map((r) => r.source.line)).toEqual([1, 6]);
    const problems = items.filter((item) => item instanceof IngestError);
    expect(problems.map((p) => [p.line, p.message.split(': ').slice(-1)[0]])).toEqual([
      [2, expect.stringContaining('')],
      [3, 'expected one JSON object on the line'],
      [4, expect.stringContaining('no title field')],
    ]);
    expect(problems[0]!.message).toContain(`ingest/jsonl: ${file} line 2: not valid JSON`);
  });
});

describe('CSV', () => {
  it('reads a Scopus-style export and skips the row without a title', async () => {
    const items = await read(CSV);
    expect(items).toHaveLength(3);
    expect(items[0]).toMatchObject({
      title: 'Think-at-Hard: Selective Latent Iterations to Improve Reasoning Language Models',
      published: '2025',
      url: 'https://github.com/thu-nics/TaH',
      source: { line: 2 },
    });
    expect((items[0] as PaperRecord).abstract).toContain('https://github.com/thu-nics/TaH');
    expect(items[1]).toBeInstanceOf(IngestError);
    expect((items[1] as IngestError).message).toBe(
      `ingest/csv: ${CSV} line 3: no title field (looked for title, Title, Article Title, …)`,
    );
    expect(items[2]).toMatchObject({
      title: expect.stringMatching(/^Double Machine Learning/),
      source: { line: 4 },
    });
  });

  it('gives plain column names, ;-separated authors and multi-line fields their lines', async () => {
    const file = temp(
      'plain.csv',
      'title,summary,authors,date,doi,code_repos\n"A, quoted title","Line one\nline two",Ada Lovelace; Alan Turing,2024-03-05T10:00:00Z,10.1/X,https://github.com/a/b\nSecond,,,,,\n',
    );
    const items = records(await read(file));
    expect(items[0]).toMatchObject({
      title: 'A, quoted title',
      abstract: 'Line one\nline two',
      authors: ['Ada Lovelace', 'Alan Turing'],
      published: '2024-03-05',
      doi: '10.1/X',
      links: ['https://github.com/a/b'],
      source: { line: 2 },
    });
    expect(items[1]).toMatchObject({ title: 'Second', source: { line: 4 } });
  });

  it('refuses a file in another encoding or with a broken quote, naming the line', async () => {
    await expect(
      read(temp('latin1.csv', Buffer.from('title\nCaf\xe9\n', 'latin1'))),
    ).rejects.toThrow(/latin1\.csv line 2: invalid UTF-8/);
    await expect(read(temp('quote.csv', 'title,abstract\n"unclosed,x\n'))).rejects.toThrow(
      /ingest\/csv: .*quote\.csv/,
    );
  });
});

describe('any JSON: the format is read from the first record', () => {
  const HF = 'ingest/sources/fixtures/hf/hf_daily_papers_response.json';
  const OPENALEX = 'ingest/sources/fixtures/openalex/openalex_works_list_response.json';

  it('routes Hugging Face items and OpenAlex works to their readers', async () => {
    const hf = records(await read(HF));
    expect(hf.map((r) => r.arxivId)).toEqual(['2608.19880', '2608.18580', '2608.20335']);
    expect(hf.every((r) => r.links?.some((url) => url.startsWith('https://github.com/')))).toBe(
      true,
    );
    const openalex = records(await read(OPENALEX));
    expect(openalex.map((r) => r.arxivId)).toContain('1301.3781');
  });

  it('reads gzipped Hugging Face JSON Lines, streaming', async () => {
    const items = JSON.parse(readFileSync(HF, 'utf8')) as unknown[];
    const file = temp(
      'daily.jsonl.gz',
      gzipSync(items.map((item) => JSON.stringify(item)).join('\n')),
    );
    expect(records(await read(file)).map((r) => r.arxivId)).toEqual([
      '2608.19880',
      '2608.18580',
      '2608.20335',
    ]);
  });

  it('reads an array of plain paper objects, numbering records', async () => {
    const file = temp(
      'papers.json',
      JSON.stringify([{ title: 'One', summary: 'S' }, { abstract: 'no title' }, 7]),
    );
    const items = await read(file);
    expect(items[0]).toMatchObject({ title: 'One', abstract: 'S', source: { line: 1 } });
    expect((items[1] as IngestError).message).toBe(
      `ingest/json: ${file}: record 2: no title field (looked for title, Title, Article Title, …)`,
    );
    expect((items[2] as IngestError).message).toContain('record 3: not a JSON object');
    await expect(read(temp('bad.json', '{"title": '))).rejects.toThrow(
      /ingest\/json: .*bad\.json: not valid JSON/,
    );
  });
});

describe('isoDate', () => {
  it('keeps the precision it is given', () => {
    expect(
      ['2023', '2023/6', '2023-06-20', '2023-06-20T10:00:00Z', 2021, 'June 2020'].map(isoDate),
    ).toEqual(['2023', '2023-06', '2023-06-20', '2023-06-20', '2021', undefined]);
  });
});

describe('categoryList', () => {
  it("splits arXiv's space-separated categories, and lists, but not a name with spaces", () => {
    expect(
      [
        'cs.CL cs.AI',
        'hep-th math-ph  q-bio.NC',
        'Machine Learning; Statistics',
        'cs.LG, stat.ML',
        ['cs.CV', 'eess.IV'],
        '',
        42,
      ].map(categoryList),
    ).toEqual([
      ['cs.CL', 'cs.AI'],
      ['hep-th', 'math-ph', 'q-bio.NC'],
      ['Machine Learning', 'Statistics'],
      ['cs.LG', 'stat.ML'],
      ['cs.CV', 'eess.IV'],
      [],
      ['42'],
    ]);
  });
});

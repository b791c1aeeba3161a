// The RIS parser on hand-made exports of sample-corpus papers in the styles of Zotero and
// Scopus, on a file of broken records (fixtures/ris, see its README), and on unreadable files.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { IngestError } from '../errors.ts';
import type { PaperRecord, SourceItem } from '../record.ts';
import { parseRis } from './ris.ts';
import { tempFiles } from '../../test/support/temp-files.ts';

const FIXTURES = 'ingest/sources/fixtures/ris';

async function parse(file: string): Promise<SourceItem[]> {
  const items: SourceItem[] = [];
  for await (const item of parseRis(file)) items.push(item);
  return items;
}

async function records(file: string): Promise<PaperRecord[]> {
  const items = await parse(file);
  expect(items.filter((item) => item instanceof IngestError)).toEqual([]);
  return items as PaperRecord[];
}

const write = tempFiles('ris');
const writeTemp = (text: string | Buffer) => write(text, 'export.ris');

/** The abstract a sample listing gives for `title` (the next non-blank line). */
function sampleAbstract(title: string): string {
  const lines = readFileSync('data/samples/000_5f7d202db131836b.txt', 'utf8')
    .split('\n')
    .filter((line) => line.trim());
  return lines[lines.indexOf(title) + 1]!;
}

describe('parseRis on exports', () => {
  it('reads a Zotero export (BOM, CRLF): authors, dates, DOI, arXiv id, urls, links', async () => {
    const file = `${FIXTURES}/zotero.ris`;
    expect(readFileSync(file).subarray(0, 3)).toEqual(Buffer.from([0xef, 0xbb, 0xbf]));
    expect(readFileSync(file, 'utf8')).toContain('\r\n');

    const [kiciman, guo, tah] = await records(file);
    const title =
      'Causal Reasoning and Large Language Models: Opening a New Frontier for Causality';
    expect(kiciman).toEqual({
      title,
      abstract: sampleAbstract(title),
      authors: ['Emre Kıcıman', 'Robert Ness', 'Amit Sharma', 'Chenhao Tan'],
      published: '2023-04-28',
      doi: '10.48550/arXiv.2305.00050',
      arxivId: '2305.00050',
      url: 'http://arxiv.org/abs/2305.00050',
      source: { file, line: 1 },
    });
    // `DA  - 2022/03//`: month known, day not.
    expect(guo).toMatchObject({
      published: '2022-03',
      arxivId: '2203.15756',
      source: { line: 20 },
    });
    expect(guo!.authors).toEqual([
      'Siyuan Guo',
      'Viktor Toth',
      'Bernhard Schölkopf',
      'Ferenc Huszár',
    ]);

    // Two UR tags: the first is the url, the code repository is also a link; L2 is ignored.
    expect(tah).toMatchObject({
      title: 'Think-at-Hard: Selective Latent Iterations to Improve Reasoning Language Models',
      published: '2025-11-11',
      arxivId: '2511.08577',
      url: 'http://arxiv.org/abs/2511.08577',
      links: ['https://github.com/thu-nics/TaH'],
      comment: 'Comment: code at https://github.com/thu-nics/TaH',
      source: { line: 34 },
    });
    expect(tah!.abstract).toMatch(
      /^Improving reasoning .* https:\/\/github\.com\/thu-nics\/TaH\.$/,
    );
  });

  it('reads a Scopus export: initials kept, year only, notes without URLs dropped', async () => {
    const file = `${FIXTURES}/scopus.ris`;
    const [guo, kiciman] = await records(file);
    expect(guo).toMatchObject({
      title:
        'Causal de Finetti: On the Identification of Invariant Causal Structure in Exchangeable Data',
      authors: ['Guo S.', 'Toth V.', 'Schölkopf B.', 'Huszár F.'],
      published: '2023',
      source: { file, line: 1 },
    });
    expect(guo!.comment).toBeUndefined();
    expect(guo!.abstract).toContain('(i.\\,i.\\,d)');
    expect(kiciman).toMatchObject({
      authors: ['E. Kiciman', 'R. Ness', 'A. Sharma', 'C. Tan'],
      doi: '10.48550/arXiv.2305.00050',
      arxivId: '2305.00050',
      source: { line: 16 },
    });
  });
});

describe('parseRis on broken records', () => {
  it('joins a wrapped abstract, reports stray text and untitled records, reads the rest', async () => {
    const file = `${FIXTURES}/broken.ris`;
    const items = await parse(file);
    expect(items.map((item) => (item instanceof IngestError ? item.line : item.title))).toEqual([
      'Towards Characterizing Domain Counterfactuals For Invertible Latent Causal Models',
      28,
      30,
      35,
      'Large Causal Models from Large Language Models',
    ]);
    const [towards, stray, untitled, garbage, last] = items;
    // EndNote style: T1, Y1, and an N2 abstract wrapped over untagged lines.
    expect(towards).toMatchObject({ published: '2023-06-20', source: { file, line: 1 } });
    expect((towards as PaperRecord).abstract).toBe(sampleAbstract((towards as PaperRecord).title));
    expect((stray as Error).message).toBe(
      `ingest/ris: ${file} line 28: text outside a record, skipped: "This line is not RIS: a stray note paste…"`,
    );
    for (const error of [untitled, garbage]) {
      expect(error).toBeInstanceOf(IngestError);
      expect((error as Error).message).toMatch(/record without a title \(TI or T1\), skipped$/);
    }
    // The last record has no ER: it ends with the file. `PY  - 2025///` is a year.
    expect(last).toMatchObject({ published: '2025', source: { line: 39 } });
    expect((last as PaperRecord).abstract).toMatch(/^We introduce a new paradigm/);
  });

  it('closes a record left open when the next TY starts', async () => {
    const file = writeTemp('TY  - JOUR\nTI  - First\nTY  - JOUR\nTI  - Second\nER  -\n');
    const items = await parse(file);
    expect(items).toEqual([
      { title: 'First', source: { file, line: 1 } },
      { title: 'Second', source: { file, line: 3 } },
    ]);
  });

  it('reads "Last, First, Suffix" authors and takes TI over T1', async () => {
    const file = writeTemp(
      'TY  - JOUR\nT1  - Short\nTI  - Full Title\nA1  - Smith, John, Jr.\nAU  - Plato\nER  - \n',
    );
    const [record] = await parse(file);
    expect(record).toMatchObject({ title: 'Full Title', authors: ['Plato', 'John Smith Jr.'] });
  });
});

describe('parseRis on unreadable files', () => {
  it('refuses a file that is not UTF-8, naming the line', async () => {
    const latin1 = Buffer.from('TY  - JOUR\nTI  - Caf\xe9\nER  - \n', 'latin1');
    const error = await parse(writeTemp(latin1)).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(IngestError);
    expect(error).toMatchObject({ stage: 'ris', line: 2 });
    expect((error as Error).message).toMatch(/^ingest\/ris: .*export\.ris line 2: invalid UTF-8/);
  });

  it('refuses binary and UTF-16 files', async () => {
    await expect(parse(writeTemp(Buffer.from([0x50, 0x4b, 0x03, 0x04, 0x00])))).rejects.toThrow(
      /line 1: binary data/,
    );
    const utf16 = Buffer.concat([
      Buffer.from([0xff, 0xfe]),
      Buffer.from('TY  - JOUR\n', 'utf16le'),
    ]);
    await expect(parse(writeTemp(utf16))).rejects.toThrow(/UTF-16/);
  });

  it('refuses a file without any RIS record', async () => {
    const error = await parse(writeTemp('@article{a, title = {Not RIS}}\n')).catch((e) => e);
    expect(error).toBeInstanceOf(IngestError);
    expect((error as Error).message).toMatch(
      /export\.ris: no RIS records \(no "TY {2}- " line\) \(line 1 is "@article/,
    );
  });
});

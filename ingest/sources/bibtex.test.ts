// The BibTeX parser on hand-made exports of sample-corpus papers in the styles of Zotero,
// Google Scholar and Better BibTeX (fixtures/bibtex, see its README), and on broken files.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { IngestError } from '../errors.ts';
import type { PaperRecord, SourceItem } from '../record.ts';
import { parseBibtex } from './bibtex.ts';
import { tempFiles } from '../../test/support/temp-files.ts';

const FIXTURES = 'ingest/sources/fixtures/bibtex';
const SAMPLE = 'data/samples/000_5f7d202db131836b.txt';

async function parse(file: string): Promise<SourceItem[]> {
  const items: SourceItem[] = [];
  for await (const item of parseBibtex(file)) items.push(item);
  return items;
}

async function records(file: string): Promise<PaperRecord[]> {
  const items = await parse(file);
  expect(items.filter((item) => item instanceof IngestError)).toEqual([]);
  return items as PaperRecord[];
}

const write = tempFiles('bibtex');
const writeTemp = (text: string | Buffer) => write(text, 'refs.bib');

/** The abstract the sample listing gives for `title`: the line after the title and a blank. */
function sampleAbstract(title: string): string {
  const lines = readFileSync(SAMPLE, 'utf8').split('\n');
  return lines[lines.indexOf(title) + 2]!;
}

describe('parseBibtex on exports', () => {
  it('reads a Zotero export: braces gone, unicode authors, month, DOI and arXiv id', async () => {
    const file = `${FIXTURES}/zotero.bib`;
    const [kiciman, guo] = await records(file);
    const title =
      'Causal Reasoning and Large Language Models: Opening a New Frontier for Causality';
    expect(kiciman).toEqual({
      title,
      abstract: sampleAbstract(title),
      published: '2023-04',
      authors: ['Emre Kıcıman', 'Robert Ness', 'Amit Sharma', 'Chenhao Tan'],
      doi: '10.48550/arXiv.2305.00050',
      arxivId: '2305.00050',
      url: 'http://arxiv.org/abs/2305.00050',
      source: { file, line: 1 },
    });
    expect(guo).toMatchObject({
      title:
        'Causal de Finetti: On the Identification of Invariant Causal Structure in Exchangeable Data',
      published: '2022-03',
      arxivId: '2203.15756',
      source: { line: 15 },
    });
    // A URL that is not a code or data repository is the paper's url, not a link.
    expect(guo!.links).toBeUndefined();
    // `(i.\,i.\,d)`: the thin space is LaTeX, not text.
    expect(guo!.abstract).toMatch(/^Learning causal structure .* \(i\. i\. d\) data\./);
  });

  it('reads Google Scholar: LaTeX accents, "and others", arXiv id from the journal', async () => {
    const file = `${FIXTURES}/google-scholar.bib`;
    const [tah, kiciman, guo] = await records(file);
    expect(tah).toEqual({
      title: 'Think-at-Hard: Selective Latent Iterations to Improve Reasoning Language Models',
      published: '2025',
      authors: ['Tianyu Fu', 'Yichen You'],
      arxivId: '2511.08577',
      source: { file, line: 1 },
    });
    expect(kiciman!.authors).toEqual(['Emre Kıcıman', 'Robert Ness', 'Amit Sharma', 'Chenhao Tan']);
    expect(kiciman!.source.line).toBe(8);
    // Composed characters: `{\"o}` must equal the ö of a UTF-8 export.
    expect(guo!.authors).toEqual([
      'Siyuan Guo',
      'Viktor Toth',
      'Bernhard Schölkopf',
      'Ferenc Huszár',
    ]);
    expect(guo!.authors![2]).toBe('Bernhard Sch\u00f6lkopf');
    expect(guo!.arxivId).toBeUndefined();
    // Google Scholar lower-cases titles; they are kept as exported, not re-cased.
    expect(guo!.title).toBe(
      'Causal de finetti: On the identification of invariant causal structure in exchangeable data',
    );
  });

  it('reads Better BibTeX: date, eprint, code url as a link, @string, \\emph, \\%, \\"', async () => {
    const file = `${FIXTURES}/better-bibtex.bib`;
    const [tah, pac, towards] = await records(file);
    const tahTitle =
      'Think-at-Hard: Selective Latent Iterations to Improve Reasoning Language Models';
    expect(tah).toEqual({
      title: tahTitle,
      abstract: readFileSync('data/samples/002_bac4045119eb759f.txt', 'utf8')
        .split('\n')
        .find((line) => line.startsWith('Improving reasoning capabilities')),
      published: '2025-11-11',
      authors: ['Tianyu Fu', 'Yichen You'],
      arxivId: '2511.08577',
      url: 'https://github.com/thu-nics/TaH',
      links: ['https://github.com/thu-nics/TaH'],
      comment: 'https://huggingface.co/papers',
      source: { file, line: 5 },
    });
    expect(tah!.abstract).toContain('8.1-11.3% accuracy gains');

    // `{{PAC}}`, `{\em finite sample}`, year + month + day; archiveprefix without eprint.
    expect(pac).toMatchObject({
      title: 'PAC Generalization via Invariant Representations',
      published: '2022-05-30',
      source: { line: 20 },
    });
    expect(pac!.abstract).toContain('in a finite sample setting');
    expect(pac!.arxivId).toBeUndefined();

    expect(towards).toMatchObject({
      title: 'Towards Characterizing Domain Counterfactuals For Invertible Latent Causal Models',
      published: '2023-06',
      comment: 'Preprint & code: see the listing (https://huggingface.co/papers)',
      source: { line: 29 },
    });
    // The listing keeps arXiv's LaTeX (`na\"ive`); BibTeX decodes it.
    expect(sampleAbstract(towards!.title)).toContain('na\\"ive ML approximations');
    expect(towards!.abstract).toBe(sampleAbstract(towards!.title).replace('na\\"ive', 'naïve'));
  });
});

describe('parseBibtex on broken entries', () => {
  it('reports an untitled and an unterminated entry at their lines and reads around them', async () => {
    const file = `${FIXTURES}/broken.bib`;
    const items = await parse(file);
    expect(items.map((item) => (item instanceof IngestError ? item.line : item.title))).toEqual([
      'Large Causal Models from Large Language Models',
      8,
      13,
      'VLUCI: Variational Learning of Unobserved Confounders for Counterfactual Inference',
    ]);
    const [before, untitled, unterminated, after] = items;
    expect(before).toMatchObject({ published: '2025', source: { line: 2 } });
    expect(untitled).toBeInstanceOf(IngestError);
    expect((untitled as Error).message).toBe(
      `ingest/bibtex: ${file} line 8: @article{no_title: no title, skipped`,
    );
    expect(unterminated).toMatchObject({ name: 'IngestError', stage: 'bibtex', file, line: 13 });
    expect((unterminated as Error).message).toContain(
      `${file} line 13: @article{unterminated: unterminated entry`,
    );
    expect(after).toMatchObject({ published: '2023-08', source: { line: 17 } });
  });

  it('reports a brace left open to the end of the file, after the entries before it', async () => {
    const file = writeTemp(
      '@misc{a, title = {First}, year = 2020}\n\n@misc{b,\n  title = {Second {open}\n',
    );
    const items = await parse(file);
    expect(items[0]).toMatchObject({ title: 'First', published: '2020', source: { line: 1 } });
    expect(items[1]).toMatchObject({ name: 'IngestError', line: 3 });
    expect((items[1] as Error).message).toMatch(
      /@misc\{b: unreadable entry, skipped: Unterminated/,
    );
    expect(items).toHaveLength(2);
  });

  it('drops markup and unknown commands but keeps their text', async () => {
    const file = writeTemp(
      '@misc{a, title = {Learning $\\mathcal{X}$ with \\foo{Bar} models, \\textsc{Think}-at-\\emph{Hard}}}\n',
    );
    const [record] = await parse(file);
    expect(record).toMatchObject({ title: 'Learning X with Bar models, Think-at-Hard' });
  });

  it("reads arXiv's primaryClass as the paper's category", async () => {
    const file = writeTemp(
      '@misc{a, title = {Think-at-Hard}, eprint = {2511.08577}, archivePrefix = {arXiv},\n  primaryClass = {cs.CL}}\n',
    );
    const [record] = await parse(file);
    expect(record).toMatchObject({ arxivId: '2511.08577', categories: ['cs.CL'] });
  });

  it('counts lines of CRLF files and skips the BOM', async () => {
    const file = writeTemp('\uFEFF% comment\r\n\r\n@article{a,\r\n  title = {T},\r\n}\r\n');
    expect(await parse(file)).toEqual([{ title: 'T', source: { file, line: 3 } }]);
  });
});

describe('parseBibtex on unreadable files', () => {
  it('refuses a file that is not UTF-8, naming the line', async () => {
    const latin1 = Buffer.from('@article{a,\n  title = {Caf\xe9},\n}\n', 'latin1');
    const error = await parse(writeTemp(latin1)).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(IngestError);
    expect(error).toMatchObject({ stage: 'bibtex', line: 2 });
    expect((error as Error).message).toMatch(/^ingest\/bibtex: .*refs\.bib line 2: invalid UTF-8/);
  });

  it('refuses binary files', async () => {
    const zip = Buffer.from([0x50, 0x4b, 0x03, 0x04, 0x00, 0x0a, 0x40]);
    await expect(parse(writeTemp(zip))).rejects.toThrow(/line 1: binary data/);
  });

  it('refuses a file without any BibTeX entry', async () => {
    await expect(parse(writeTemp('Just some notes, no entries.\n'))).rejects.toThrow(
      /refs\.bib: no BibTeX entries/,
    );
    await expect(parse(writeTemp('@string{x = "y"}\n'))).rejects.toThrow(/no BibTeX entries/);
  });

  it('refuses a file where no entry can be read, with the first problem', async () => {
    const error = await parse(writeTemp('\n@article{a,\n  title = {Open\n')).catch((e) => e);
    expect(error).toMatchObject({ name: 'IngestError', line: 2 });
    expect((error as Error).message).toMatch(/line 2: no readable BibTeX entry: @article\{a:/);
  });
});

// The parser on the three real sample listings (data/samples, see its README) and on small
// hand-made variants of their shapes.
import { describe, expect, it } from 'vitest';
import { IngestError } from '../errors.ts';
import { readLines } from '../read-lines.ts';
import type { PaperRecord, SourceItem } from '../record.ts';
import { parseHfListing } from './hf-listing.ts';
import { tempFiles } from '../../test/support/temp-files.ts';

const SAMPLES = {
  plain: 'data/samples/000_5f7d202db131836b.txt',
  compact: 'data/samples/001_3a25e7380a371159.txt',
  withMetadata: 'data/samples/002_bac4045119eb759f.txt',
};

async function parseAll(file: string): Promise<SourceItem[]> {
  const items: SourceItem[] = [];
  for await (const item of parseHfListing(readLines(file, { stage: 'hf-listing' }), file)) {
    items.push(item);
  }
  return items;
}

/** The records of a file that must have no problems. */
async function parse(file: string): Promise<PaperRecord[]> {
  const items = await parseAll(file);
  const problem = items.find((item) => item instanceof IngestError);
  if (problem) throw problem;
  return items as PaperRecord[];
}

const write = tempFiles('hf-listing');
const writeTemp = (text: string | Buffer) => write(text, 'listing.txt');

describe('parseHfListing on the sample listings', () => {
  it('reads every paper of each variant, and no page chrome', async () => {
    const counts = await Promise.all(
      Object.values(SAMPLES).map(async (file) => (await parse(file)).length),
    );
    expect(counts).toEqual([46, 129, 31]);
    for (const file of Object.values(SAMPLES)) {
      for (const record of await parse(file)) {
        expect(record.title).not.toMatch(
          /^(new|Subscribe|Daily Papers|byAK|Get trending|[A-Z][a-z]{2} \d{1,2}$)/,
        );
        expect(record.abstract!.length).toBeGreaterThan(300);
      }
    }
  });

  it('strips the "Subscribe" glued to the first title', async () => {
    const [first] = await parse(SAMPLES.compact);
    expect(first!.title).toBe('Towards Deconfounded Image-Text Matching with Causal Inference');
    expect(first!.source.line).toBe(3);
    expect(first!.abstract).toMatch(/^Prior image-text matching methods/);
  });

  it('reads organisation, date and upvotes: Think-at-Hard', async () => {
    const records = await parse(SAMPLES.withMetadata);
    const paper = records.find((r) => r.title.startsWith('Think-at-Hard:'));
    expect(paper).toMatchObject({
      title: 'Think-at-Hard: Selective Latent Iterations to Improve Reasoning Language Models',
      organization: 'Tsinghua-NICS-EFC',
      published: '2025-11-11',
      upvotes: 5,
      source: { file: SAMPLES.withMetadata, line: 37 },
    });
    expect(paper!.abstract).toContain('https://github.com/thu-nics/TaH');
    expect(paper!.authorsCount).toBeUndefined();
  });

  it('reads author counts and dates without upvotes', async () => {
    const records = await parse(SAMPLES.withMetadata);
    expect(records[0]).toMatchObject({
      title: 'Towards Characterizing Domain Counterfactuals For Invertible Latent Causal Models',
      authorsCount: 5,
      published: '2023-06-20',
    });
    expect(records[0]!.upvotes).toBeUndefined();
    const lina = records.find((r) => r.title.startsWith('LINA:'));
    expect(lina).toMatchObject({ authorsCount: 2, published: '2025-12-15' });
    expect(records.filter((r) => r.published).length).toBe(28);
  });

  it('keeps title and abstract apart when there is no metadata', async () => {
    const records = await parse(SAMPLES.plain);
    expect(records[0]!.title).toBe('Causal Inference by String Diagram Surgery');
    expect(records[0]!.abstract).toMatch(/^Extracting causal relationships/);
    expect(records.at(-1)!.title).toBe('Image-based Treatment Effect Heterogeneity');
  });
});

describe('parseHfListing on bad input', () => {
  const abstract = 'We study a thing at length. '.repeat(12).trim();

  it('skips a title without an abstract, naming its line, and reads on', async () => {
    const file = writeTemp(
      `Subscribe\n\nA Title\n\n${abstract}\n\nAnother Title\n\nThird Title\n\n${abstract}\n\nLast Title\n`,
    );
    const items = await parseAll(file);
    expect(items.map((item) => (item instanceof IngestError ? item.line : item.title))).toEqual([
      'A Title',
      7,
      'Third Title',
      13,
    ]);
    expect((items[1] as IngestError).message).toBe(
      `ingest/hf-listing: ${file} line 7: no abstract after title "Another Title"`,
    );
  });

  it('skips metadata outside a paper', async () => {
    const file = writeTemp(
      `Daily Papers\n\n  • 3 authors\n·\nJun 2, 2024\n\nA Title\n\n${abstract}\n`,
    );
    const items = await parseAll(file);
    expect(items.filter((item) => item instanceof IngestError).map((item) => item.line)).toEqual([
      3, 4, 5,
    ]);
    expect(items.at(-1)).toMatchObject({ title: 'A Title' });
  });

  it('refuses a file that is not UTF-8, naming the line', async () => {
    const latin1 = Buffer.from(`A Title\n\nCaf\xe9 ${abstract}\n`, 'latin1');
    await expect(parse(writeTemp(latin1))).rejects.toThrow(/line 3: invalid UTF-8/);
  });

  it('refuses binary and UTF-16 files', async () => {
    await expect(
      parse(writeTemp(Buffer.from([0x50, 0x4b, 0x03, 0x04, 0x00, 0x0a]))),
    ).rejects.toThrow(/line 1: binary data/);
    const utf16 = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from('A Title\n', 'utf16le')]);
    await expect(parse(writeTemp(utf16))).rejects.toThrow(/UTF-16/);
  });

  it('keeps hostile strings as plain text', async () => {
    const title = '<img src=x onerror=alert(1)> "Quotes" & \'apostrophes\'';
    const [record] = await parse(writeTemp(`${title}\n\n<script>alert(1)</script> ${abstract}\n`));
    expect(record!.title).toBe(title);
    expect(record!.abstract).toMatch(/^<script>alert\(1\)<\/script> We study/);
  });
});

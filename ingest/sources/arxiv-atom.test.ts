// The arXiv Atom parser on two real API feeds (fixtures/arxiv, see its README) — the current
// style and the legacy one from arXiv's user manual — and on small hand-made variants of them.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { IngestError } from '../errors.ts';
import type { NumberedLine } from '../read-lines.ts';
import type { PaperRecord, SourceItem } from '../record.ts';
import { parseArxivAtom } from './arxiv-atom.ts';
import { tempFiles } from '../../test/support/temp-files.ts';

const FIXTURES = 'ingest/sources/fixtures/arxiv';
const CURRENT = `${FIXTURES}/arxiv_api_atom_current.xml`;
const LEGACY = `${FIXTURES}/arxiv_api_atom_legacy_user_manual.xml`;

async function collect(items: AsyncIterable<SourceItem>) {
  const records: PaperRecord[] = [];
  const errors: IngestError[] = [];
  for await (const item of items) {
    if (item instanceof IngestError) errors.push(item);
    else records.push(item);
  }
  return { records, errors };
}

const write = tempFiles('arxiv-atom');
const writeTemp = (text: string | Buffer, name = 'feed.xml') => write(text, name);

/** A feed in the current style around the given entries. */
function feed(entries: string, declarations = ''): string {
  return [
    '<?xml version="1.0" encoding="UTF-8"?>',
    `<feed xmlns="http://www.w3.org/2005/Atom" xmlns:arxiv="http://arxiv.org/schemas/atom"${declarations}>`,
    '  <title>arXiv Query</title>',
    entries,
    '</feed>',
  ].join('\n');
}

describe('parseArxivAtom on the current-style feed', () => {
  it('reads the three entries with ids (version stripped), titles, dates and lines', async () => {
    const { records, errors } = await collect(parseArxivAtom(CURRENT));
    expect(errors).toEqual([]);
    expect(records.map((r) => [r.arxivId, r.published, r.source.line])).toEqual([
      ['2202.12139', '2022-02-24', 11],
      ['2405.13786', '2024-05-22', 36],
      ['2005.14124', '2020-05-28', 64],
    ]);
    expect(records.map((r) => r.title)).toEqual([
      'Testing Deep Learning Models: A First Comparative Study of Multiple Testing Techniques',
      'Towards Explainable Test Case Prioritisation with Learning-to-Rank Models',
      'Active Fuzzing for Testing and Securing Cyber-Physical Systems',
    ]);
  });

  it('maps authors, abstract, doi, comment and the version-less abstract page', async () => {
    const { records } = await collect(parseArxivAtom(CURRENT));
    expect(records[0]).toMatchObject({
      authors: ['Mohit Kumar Ahuja', 'Arnaud Gotlieb', 'Helge Spieker'],
      doi: '10.1109/ICSTW55395.2022.00035',
      comment: 'Artificial Intelligence in Software Testing 2022 workshop @ ICST 2022',
      url: 'https://arxiv.org/abs/2202.12139',
      source: { file: CURRENT, line: 11 },
    });
    expect(records[0]!.abstract).toMatch(
      /^Deep Learning \(DL\) has revolutionized .* its results\.$/,
    );
    // 2005.14124 is v2 in the feed: the version is kept nowhere.
    expect(JSON.stringify(records[2])).not.toMatch(/v2\b/);
    expect(records[2]).toMatchObject({ doi: '10.1145/3395363.3397376', authors: { length: 5 } });
  });

  it('reads the categories, primary first; authorships only where an affiliation is given', async () => {
    const { records } = await collect(parseArxivAtom(CURRENT));
    expect(records.map((r) => r.categories)).toEqual([
      ['cs.SE', 'cs.LG'],
      ['cs.SE', 'cs.AI'],
      ['cs.SE', 'cs.CR', 'cs.LG'],
    ]);
    expect(records.map((r) => r.authorships)).toEqual([undefined, undefined, undefined]);
    const { records: legacy } = await collect(parseArxivAtom(LEGACY));
    expect(legacy[0]!.categories).toEqual(['hep-ex']);

    const xml = feed(
      [
        '<entry><id>http://arxiv.org/abs/2405.13786v1</id><title>With affiliations</title>',
        '<category term="cs.AI"/><arxiv:primary_category term="cs.SE"/><category term="cs.SE"/>',
        '<author><name>Ada Lovelace</name><arxiv:affiliation> Analytical\n Engine Co. </arxiv:affiliation></author>',
        '<author><name>Kai Chen</name></author></entry>',
      ].join('\n'),
    );
    const { records: affiliated } = await collect(parseArxivAtom(writeTemp(xml)));
    expect(affiliated[0]).toMatchObject({
      categories: ['cs.SE', 'cs.AI'],
      authors: ['Ada Lovelace', 'Kai Chen'],
      authorships: [
        { name: 'Ada Lovelace', institutions: [{ name: 'Analytical Engine Co.' }] },
        { name: 'Kai Chen', institutions: [] },
      ],
    });
  });

  it('keeps author names as the feed spells them (the recorded feed has mojibake)', async () => {
    const { records } = await collect(parseArxivAtom(CURRENT));
    expect(records[1]!.authors).toEqual([
      'Aurora RamÃ\u00adrez',
      'Mario Berrios',
      'JosÃ© RaÃºl Romero',
      'Robert Feldt',
    ]);
  });
});

describe('parseArxivAtom on the legacy feed (xmlns on every element)', () => {
  it('reads the old-style id, the wrapped title and abstract, date, author and comment', async () => {
    const { records, errors } = await collect(parseArxivAtom(LEGACY));
    expect(errors).toEqual([]);
    expect(records).toHaveLength(1);
    const [paper] = records;
    expect(paper).toMatchObject({
      arxivId: 'hep-ex/0307015',
      title: 'Multi-Electron Production at High Transverse Momenta in ep Collisions at HERA',
      published: '2003-07-07',
      authors: ['H1 Collaboration'],
      comment: '23 pages, 8 figures and 4 tables',
      url: 'https://arxiv.org/abs/hep-ex/0307015',
      source: { file: LEGACY, line: 11 },
    });
    expect(paper!.doi).toBeUndefined();
    expect(paper!.abstract).toMatch(/^Multi-electron production is studied at high electron/);
    expect(paper!.abstract).toMatch(/of 0\.30 \\pm 0\.04 and 0\.23 \\pm 0\.04, respectively\.$/);
    expect(paper!.abstract).not.toMatch(/\n| {2}/);
  });

  it('reads the same from lines fed by the caller (decompressed input)', async () => {
    const text = readFileSync(LEGACY, 'utf8');
    async function* lines(): AsyncGenerator<NumberedLine> {
      for (const [index, line] of text.split('\n').entries()) yield { line: index + 1, text: line };
    }
    const { records } = await collect(parseArxivAtom('legacy.xml.gz', lines()));
    expect(records.map((r) => [r.arxivId, r.source.file, r.source.line])).toEqual([
      ['hep-ex/0307015', 'legacy.xml.gz', 11],
    ]);
  });
});

describe('parseArxivAtom matches namespaces by URI, not prefix', () => {
  it('reads a feed whose prefixes are unusual', async () => {
    const xml = [
      '<a:feed xmlns:a="http://www.w3.org/2005/Atom" xmlns:x="http://arxiv.org/schemas/atom">',
      '<a:entry><a:id>https://arxiv.org/abs/2202.12139v1</a:id>',
      '<a:title>Prefixed</a:title><x:doi>10.1109/ICSTW55395.2022.00035</x:doi>',
      '<x:comment>Code at https://github.com/a/b</x:comment></a:entry>',
      '</a:feed>',
    ].join('\n');
    const { records } = await collect(parseArxivAtom(writeTemp(xml)));
    expect(records).toMatchObject([
      {
        arxivId: '2202.12139',
        title: 'Prefixed',
        doi: '10.1109/ICSTW55395.2022.00035',
        comment: 'Code at https://github.com/a/b',
        source: { line: 2 },
      },
    ]);
  });

  it('ignores an arxiv: prefix bound to another namespace, and unprefixed non-Atom elements', async () => {
    const xml = feed(
      [
        '<entry xmlns:arxiv="http://example.org/not-arxiv">',
        '  <title xmlns="http://example.org/other">Not the title</title>',
        '  <id>http://arxiv.org/abs/2405.13786v1</id><title>Real title</title>',
        '  <arxiv:doi>10.9999/wrong</arxiv:doi>',
        '</entry>',
      ].join('\n'),
    );
    const { records } = await collect(parseArxivAtom(writeTemp(xml)));
    expect(records).toHaveLength(1);
    expect(records[0]!.title).toBe('Real title');
    expect(records[0]!.doi).toBeUndefined();
  });

  it('decodes entities, character references and CDATA in text', async () => {
    const xml = feed(
      '<entry><id>http://arxiv.org/abs/2405.13786</id>' +
        '<title>Strings &amp; Branes &#x3B1; &lt;3\n   <![CDATA[<raw>]]></title></entry>',
    );
    const { records } = await collect(parseArxivAtom(writeTemp(xml)));
    expect(records[0]!.title).toBe('Strings & Branes α <3 <raw>');
  });
});

describe('parseArxivAtom on problem entries', () => {
  it('reports an entry without id or title at its line, as "entry N", and reads the rest', async () => {
    const xml = feed(
      [
        '<entry><id>http://arxiv.org/abs/2202.12139v1</id><title>One</title></entry>',
        '<entry><title>No id</title></entry>',
        '<entry><id>http://arxiv.org/abs/2405.13786v1</id><title>  </title></entry>',
        '<entry><id>https://example.org/paper/1</id><title>Elsewhere</title></entry>',
        '<entry><id>http://arxiv.org/abs/2005.14124v2</id><title>Four</title></entry>',
      ].join('\n'),
    );
    const file = writeTemp(xml);
    const { records, errors } = await collect(parseArxivAtom(file));
    expect(records.map((r) => [r.arxivId, r.source.line])).toEqual([
      ['2202.12139', 4],
      ['2005.14124', 8],
    ]);
    expect(errors.map((e) => [e.stage, e.file, e.line])).toEqual([
      ['arxiv-atom', file, 5],
      ['arxiv-atom', file, 6],
      ['arxiv-atom', file, 7],
    ]);
    expect(errors[0]!.message).toBe(`ingest/arxiv-atom: ${file} line 5: entry 2: no <id>`);
    expect(errors[1]!.message).toContain('line 6: entry 3: no <title> (arXiv 2405.13786)');
    expect(errors[2]!.message).toContain('entry 4: <id> "https://example.org/paper/1" is not');
  });

  it("turns arXiv's error feed into an IngestError with arXiv's message", async () => {
    const xml = feed(
      [
        '<entry>',
        '  <id>http://arxiv.org/api/errors#incorrect_id_format_for_1234.12345</id>',
        '  <title>Error</title>',
        '  <summary>incorrect id format for 1234.12345</summary>',
        '</entry>',
      ].join('\n'),
    );
    const { records, errors } = await collect(parseArxivAtom(writeTemp(xml)));
    expect(records).toEqual([]);
    expect(errors[0]!.message).toMatch(
      /line 4: entry 1: arXiv API error: incorrect id format for 1234\.12345$/,
    );
  });

  it('reads an empty feed as no records', async () => {
    expect(await collect(parseArxivAtom(writeTemp(feed(''))))).toEqual({
      records: [],
      errors: [],
    });
  });
});

describe('parseArxivAtom on files that are not arXiv feeds', () => {
  it('refuses text and JSON that are not XML, naming the line', async () => {
    await expect(collect(parseArxivAtom(writeTemp('{"results": []}\n')))).rejects.toThrow(
      /feed\.xml line 1: not well-formed XML/,
    );
    const broken = feed('<entry><id>http://arxiv.org/abs/2202.12139</id><title>T</entry>');
    const error = await collect(parseArxivAtom(writeTemp(broken))).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(IngestError);
    expect(error).toMatchObject({ stage: 'arxiv-atom', line: 4 });
  });

  it('refuses XML whose root is not an Atom <feed>, by namespace', async () => {
    await expect(
      collect(parseArxivAtom(writeTemp('<rss version="2.0"><channel/></rss>'))),
    ).rejects.toThrow(/not an Atom feed: .* found <rss>$/);
    // Right name, no namespace: not Atom.
    await expect(
      collect(parseArxivAtom(writeTemp('<?xml version="1.0"?>\n<feed><entry/></feed>'))),
    ).rejects.toMatchObject({ name: 'IngestError', line: 2 });
  });

  it('refuses XML the parser rejects with an IngestError, not a raw error', async () => {
    await expect(
      collect(parseArxivAtom(writeTemp(feed('<entry><__proto__>x</__proto__></entry>')))),
    ).rejects.toBeInstanceOf(IngestError);
  });

  it('refuses a file that is not UTF-8, naming the line', async () => {
    const latin1 = Buffer.from(
      feed('<entry><id>http://arxiv.org/abs/2202.12139</id><title>Caf\xe9</title></entry>'),
      'latin1',
    );
    await expect(collect(parseArxivAtom(writeTemp(latin1)))).rejects.toThrow(
      /line 4: invalid UTF-8/,
    );
  });
});

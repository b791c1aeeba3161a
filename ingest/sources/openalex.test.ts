// The OpenAlex parser on two real responses (fixtures/openalex, see its README) — a /works list
// page in the current schema and a single work in the 2023 schema — on variants derived from
// them, and on bad input.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { IngestError } from '../errors.ts';
import type { PaperRecord, SourceItem } from '../record.ts';
import { looksLikeOpenAlex, parseOpenAlex } from './openalex.ts';
import { tempFiles } from '../../test/support/temp-files.ts';

const LIST = 'ingest/sources/fixtures/openalex/openalex_works_list_response.json';
const SINGLE = 'ingest/sources/fixtures/openalex/openalex_work_single_W2741809807.json';
const HF = 'ingest/sources/fixtures/hf/hf_daily_papers_response.json';

type Work = Record<string, unknown>;
const listResponse = (): { meta: unknown; results: Work[] } =>
  JSON.parse(readFileSync(LIST, 'utf8')) as { meta: unknown; results: Work[] };

async function collect(source: AsyncIterable<SourceItem>) {
  const records: PaperRecord[] = [];
  const errors: IngestError[] = [];
  for await (const item of source) {
    if (item instanceof IngestError) errors.push(item);
    else records.push(item);
  }
  return { records, errors };
}

const writeTemp = tempFiles('openalex');

describe('parseOpenAlex on a real /works list response', () => {
  it('rebuilds the word2vec abstract from its inverted index, in position order', async () => {
    const { records, errors } = await collect(parseOpenAlex(LIST));
    expect(errors).toEqual([]);
    const word2vec = records[0]!;
    expect(word2vec.abstract).toMatch(
      /^We propose two novel model architectures for computing continuous vector representations of words from very large data sets\. The quality of these representations is measured in a word similarity task/,
    );
    // 99 positions (0–98) in the index: one word each.
    expect(word2vec.abstract!.split(' ')).toHaveLength(99);
  });

  it('maps title, date, DOI without its prefix, arXiv id from the arxiv.org location', async () => {
    const { records } = await collect(parseOpenAlex(LIST));
    expect(records[0]).toMatchObject({
      title: 'Efficient Estimation of Word Representations in Vector Space',
      published: '2013-01-01',
      doi: '10.48550/arxiv.1301.3781',
      arxivId: '1301.3781',
      authors: ['Tomáš Mikolov', 'Kai Chen', 'Greg S. Corrado', 'Jay B. Dean'],
      url: 'https://arxiv.org/abs/1301.3781',
      source: { file: LIST, line: 1 },
    });
  });

  it('reads works with no arXiv location or no DOI (KITTI, Random Features)', async () => {
    const { records } = await collect(parseOpenAlex(LIST));
    expect(records.map((r) => [r.doi, r.arxivId, r.url, r.source.line])).toEqual([
      ['10.48550/arxiv.1301.3781', '1301.3781', 'https://arxiv.org/abs/1301.3781', 1],
      ['10.1109/cvpr.2012.6248074', undefined, 'https://doi.org/10.1109/cvpr.2012.6248074', 2],
      [
        undefined,
        undefined,
        'http://keysduplicated.com/~ali/papers/rahimi-recht-random-features.pdf',
        3,
      ],
    ]);
    expect(records[1]!.abstract).toMatch(/^Today, visual recognition systems are still rarely/);
    expect(records[2]!.authors).toEqual(['Ali Rahimi', 'Benjamin Recht']);
  });
});

describe('parseOpenAlex: what a work says beyond its text', () => {
  it('keeps the work id, the referenced works as bare ids, and who wrote it from where', async () => {
    const { records } = await collect(parseOpenAlex(LIST));
    expect(records.map((r) => [r.openalexId, r.references?.length])).toEqual([
      ['W1614298861', undefined],
      ['W2150066425', 50],
      ['W2144902422', 18],
    ]);
    expect(records[1]!.references!.slice(0, 3)).toEqual([
      'W127013308',
      'W1501358589',
      'W1501749417',
    ]);
    expect(records[0]!.authorships!.slice(0, 2)).toEqual([
      {
        name: 'Tomáš Mikolov',
        openalexId: 'A5020917394',
        institutions: [
          {
            name: 'Brno University of Technology',
            openalexId: 'I60587646',
            ror: 'https://ror.org/03613d656',
            country: 'CZ',
          },
        ],
      },
      {
        name: 'Kai Chen',
        openalexId: 'A5078467158',
        orcid: '0000-0001-9520-4273',
        institutions: [
          {
            name: 'Beijing University of Posts and Telecommunications',
            openalexId: 'I139759216',
            ror: 'https://ror.org/04w9fbh59',
            country: 'CN',
          },
        ],
      },
    ]);
    expect(records[0]!.authors).toEqual(records[0]!.authorships!.map((a) => a.name));
  });

  it('falls back to the printed name and affiliation lines; ignores ids that are not OpenAlex', async () => {
    const work = listResponse().results[2]!;
    const [first] = work.authorships as Work[];
    const file = writeTemp(
      JSON.stringify({
        ...work,
        referenced_works: [
          'https://openalex.org/W1486890033',
          'not an id',
          42,
          'https://openalex.org/A1',
        ],
        authorships: [
          {
            ...first,
            author: {
              id: 'javascript:alert(1)',
              display_name: null,
              orcid: 'https://orcid.org/nope',
            },
            institutions: [],
          },
        ],
      }),
      'work.json',
    );
    const { records } = await collect(parseOpenAlex(file));
    expect(records[0]).toMatchObject({
      references: ['W1486890033'],
      authors: ['Ali Rahimi'],
      authorships: [
        {
          name: 'Ali Rahimi',
          institutions: [{ name: 'Intel Research - Seattle, Seattle, WA#TAB#' }],
        },
      ],
    });
    expect(records[0]!.authorships![0]).not.toHaveProperty('orcid');
    expect(records[0]!.authorships![0]).not.toHaveProperty('openalexId');
  });
});

describe('parseOpenAlex on a real single work', () => {
  it('reads one record; the trimmed index gives only the words it has', async () => {
    const { records } = await collect(parseOpenAlex(SINGLE));
    expect(records).toHaveLength(1);
    expect(records[0]).toMatchObject({
      title:
        'The state of OA: a large-scale analysis of the prevalence and impact of Open Access articles',
      doi: '10.7717/peerj.4375',
      published: '2018-02-13',
      url: 'https://doi.org/10.7717/peerj.4375',
      source: { file: SINGLE, line: 1 },
    });
    expect(records[0]!.arxivId).toBeUndefined();
    expect(records[0]!.authors).toHaveLength(9);
    // Positions 0–3 then 57, 73, 110, 122 ("in"): the test author kept 4 of the index's words.
    expect(records[0]!.abstract).toBe('Despite growing interest in in in in in');
  });
});

describe('parseOpenAlex on variants of the real works', () => {
  it('leaves the abstract out when the index is null, and falls back to display_name', async () => {
    const response = listResponse();
    response.results[0]!.abstract_inverted_index = null;
    delete response.results[1]!.title;
    const { records } = await collect(parseOpenAlex(writeTemp(JSON.stringify(response), 'w.json')));
    expect(records[0]!.abstract).toBeUndefined();
    expect(records[1]!.title).toBe(
      'Are we ready for autonomous driving? The KITTI vision benchmark suite',
    );
  });

  it('finds the arXiv id in a PDF URL with version, in any location', async () => {
    const [word2vec] = listResponse().results;
    word2vec!.doi = null;
    word2vec!.ids = { openalex: 'https://openalex.org/W1614298861' };
    word2vec!.primary_location = { landing_page_url: 'https://example.org/w2v', pdf_url: null };
    word2vec!.best_oa_location = null;
    word2vec!.locations = [
      { landing_page_url: 'https://example.org/w2v', pdf_url: null },
      { landing_page_url: null, pdf_url: 'http://arxiv.org/pdf/1301.3781v3.pdf' },
    ];
    const file = writeTemp(JSON.stringify(word2vec), 'work.json');
    const { records } = await collect(parseOpenAlex(file));
    expect(records[0]).toMatchObject({ arxivId: '1301.3781', url: 'https://example.org/w2v' });
    expect(records[0]!.doi).toBeUndefined();
  });

  it('reports a work without any title as "record N" and reads the others', async () => {
    const response = listResponse();
    delete response.results[1]!.title;
    delete response.results[1]!.display_name;
    const file = writeTemp(JSON.stringify(response), 'w.json');
    const { records, errors } = await collect(parseOpenAlex(file));
    expect(records.map((r) => r.source.line)).toEqual([1, 3]);
    expect(errors).toHaveLength(1);
    expect(errors[0]).toMatchObject({ stage: 'openalex', file, line: undefined });
    expect(errors[0]!.message).toBe(
      `ingest/openalex: ${file}: record 2: work W2150066425 has no title`,
    );
  });

  it('reads JSON Lines (the snapshot format), a bad line being an IngestError at its line', async () => {
    const lines = listResponse().results.map((work) => JSON.stringify(work));
    lines[1] = '{"id": "https://openalex.org/W2150066425", "title": ';
    const file = writeTemp(lines.join('\n'), 'works.jsonl');
    const { records, errors } = await collect(parseOpenAlex(file));
    expect(records.map((r) => [r.source.line, r.arxivId])).toEqual([
      [1, '1301.3781'],
      [3, undefined],
    ]);
    expect(errors.map((e) => [e.line, e.message.includes('not valid JSON')])).toEqual([[2, true]]);
  });
});

describe('parseOpenAlex on files that are not OpenAlex', () => {
  it('refuses JSON of another format', async () => {
    await expect(collect(parseOpenAlex(HF))).rejects.toThrow(/not an OpenAlex response/);
    await expect(
      collect(parseOpenAlex(writeTemp('{"results": [{"title": "T"}]}', 'x.json'))),
    ).rejects.toBeInstanceOf(IngestError);
  });

  it('refuses text that is not JSON, and a file that is not UTF-8', async () => {
    await expect(collect(parseOpenAlex(writeTemp('id,title\n1,T\n', 'x.json')))).rejects.toThrow(
      /x\.json.*: not valid JSON/,
    );
    const latin1 = Buffer.from('{\n"id": "https://openalex.org/W1", "title": "Caf\xe9"}', 'latin1');
    await expect(collect(parseOpenAlex(writeTemp(latin1, 'x.json')))).rejects.toThrow(
      /line 2: invalid UTF-8/,
    );
  });
});

describe('looksLikeOpenAlex', () => {
  it('recognises list responses, works and arrays of works', () => {
    const response = listResponse();
    expect(looksLikeOpenAlex(response)).toBe(true);
    expect(looksLikeOpenAlex(response.results[2])).toBe(true);
    expect(looksLikeOpenAlex(response.results)).toBe(true);
    expect(looksLikeOpenAlex({ meta: { count: 0 }, results: [] })).toBe(true);
    expect(looksLikeOpenAlex(JSON.parse(readFileSync(SINGLE, 'utf8')))).toBe(true);
  });

  it('rejects Hugging Face papers and unrelated values', () => {
    const hf = JSON.parse(readFileSync(HF, 'utf8')) as unknown[];
    expect(looksLikeOpenAlex(hf)).toBe(false);
    expect(looksLikeOpenAlex(hf[0])).toBe(false);
    for (const value of [null, [], {}, 'W1', { results: [{ title: 'T' }] }, { id: 'X1' }]) {
      expect(looksLikeOpenAlex(value)).toBe(false);
    }
  });
});

import { describe, expect, it } from 'vitest';
import type { PaperRecord } from '../record.ts';
import { mergePaper, paperFromRecord, PaperIndex } from './merge-papers.ts';
import {
  arxivIdIn,
  identifierKeys,
  normaliseArxivId,
  normaliseTitle,
  paperId,
  paperKeys,
} from '../../server/store/paper-key.ts';

const record = (fields: Partial<PaperRecord> & { title: string }, line = 1): PaperRecord => ({
  source: { file: 'data/in/listing.txt', line },
  ...fields,
});

describe('paper identity', () => {
  it('normalises titles across case, accents, punctuation and spacing', () => {
    expect(normaliseTitle('  Causal de Finetti: On the Identification…  ')).toBe(
      normaliseTitle('causal DE finetti -- on the identification'),
    );
    expect(normaliseTitle('Naïve  Bayes')).toBe('naive bayes');
  });

  it('prefers arXiv id, then DOI, then a title hash for the id', () => {
    expect(paperId({ title: 'X', arxivId: 'arXiv:2301.01234v3', doi: '10.1/A' })).toBe(
      '2301.01234',
    );
    expect(paperId({ title: 'X', doi: 'https://doi.org/10.1145/ABC' })).toBe('10.1145/abc');
    expect(paperId({ title: 'Some Title' })).toMatch(/^t-[0-9a-f]{16}$/);
    expect(paperId({ title: 'Some  title!' })).toBe(paperId({ title: 'Some Title' }));
    expect(normaliseArxivId('https://arxiv.org/abs/hep-th/9901001v2')).toBe('hep-th/9901001');
  });

  it('finds the arXiv id a URL, DOI or citation refers to', () => {
    expect(
      [
        'https://arxiv.org/abs/2203.15756v2',
        'http://arxiv.org/pdf/hep-th/9901001v1.pdf',
        '10.48550/arXiv.2305.00050',
        'arXiv preprint arXiv:2511.08577',
        'https://github.com/a/b',
        undefined,
      ].map(arxivIdIn),
    ).toEqual(['2203.15756', 'hep-th/9901001', '2305.00050', '2511.08577', undefined, undefined]);
  });

  it('gives match keys strongest first', () => {
    expect(paperKeys({ title: 'A B', doi: '10.1/X', arxivId: '2301.1v1' })).toEqual([
      'doi:10.1/x',
      'arxiv:2301.1',
      'title:a b',
    ]);
    expect(paperKeys({ title: 'A B', openalexId: 'w123' })).toEqual(['openalex:W123', 'title:a b']);
  });
});

describe('identifierKeys', () => {
  it('reads what a user types for a DOI, an arXiv id or an OpenAlex work, and nothing else', () => {
    expect(
      [
        '10.1109/CVPR.2012.6248074',
        ' https://doi.org/10.1109/cvpr.2012.6248074 ',
        '2511.08577',
        'arXiv:2511.08577v2',
        'https://arxiv.org/pdf/2511.08577v1',
        'hep-th/9901001',
        '10.48550/arXiv.2511.08577',
        'W2741809807',
        'https://openalex.org/W2741809807',
        'causal inference',
        '10.5 percent',
        '',
      ].map(identifierKeys),
    ).toEqual([
      ['doi:10.1109/cvpr.2012.6248074'],
      ['doi:10.1109/cvpr.2012.6248074'],
      ['arxiv:2511.08577'],
      ['arxiv:2511.08577'],
      ['arxiv:2511.08577'],
      ['arxiv:hep-th/9901001'],
      ['arxiv:2511.08577', 'doi:10.48550/arxiv.2511.08577'],
      ['openalex:W2741809807'],
      ['openalex:W2741809807'],
      [],
      [],
      [],
    ]);
  });
});

describe('merging records of one paper', () => {
  it('keeps the longest abstract, earliest date, united links and sources', () => {
    const a = paperFromRecord(
      record(
        {
          title: 'Paper',
          abstract: 'Short. Code: https://github.com/a/b.',
          published: '2024-05-01',
        },
        3,
      ),
    );
    const b = paperFromRecord(
      record(
        {
          title: 'paper',
          abstract: 'A longer abstract. Code: https://github.com/a/b and https://a.github.io/page.',
          published: '2023-01-02',
          upvotes: 4,
          organization: 'Org',
        },
        9,
      ),
    );
    const merged = mergePaper(a, b);
    expect(merged).toMatchObject({
      id: a.id,
      title: 'Paper',
      abstract: b.abstract,
      published: '2023-01-02',
      upvotes: 4,
      organization: 'Org',
      links: ['https://github.com/a/b', 'https://a.github.io/page'],
      sources: ['listing.txt:3', 'listing.txt:9'],
    });
    expect(mergePaper(merged, b)).toEqual(merged);
    const yearOnly = paperFromRecord(record({ title: 'Paper', published: '2023' }));
    expect(mergePaper(yearOnly, b).published).toBe('2023-01-02');
    expect(mergePaper(b, yearOnly).published).toBe('2023-01-02');
  });

  it('unites categories and references; keeps the authorships that say most', () => {
    const arxiv = paperFromRecord(
      record({
        title: 'Word vectors',
        arxivId: '1301.3781',
        categories: ['cs.CL', 'cs.CL'],
        authors: ['T. Mikolov'],
      }),
    );
    const mikolov = {
      name: 'Tomáš Mikolov',
      openalexId: 'A5020917394',
      institutions: [{ name: 'Brno University of Technology' }],
    };
    const openalex = paperFromRecord(
      record(
        {
          title: 'Word Vectors',
          arxivId: '1301.3781',
          openalexId: 'W1614298861',
          references: ['W1', 'W2', 'W1'],
          authors: ['Tomáš Mikolov'],
          authorships: [mikolov],
        },
        2,
      ),
    );
    expect(arxiv.categories).toEqual(['cs.CL']);
    expect(openalex.references).toEqual(['W1', 'W2']);
    const merged = mergePaper(arxiv, openalex);
    expect(merged).toMatchObject({
      id: '1301.3781',
      openalexId: 'W1614298861',
      categories: ['cs.CL'],
      references: ['W1', 'W2'],
      authorships: [mikolov],
    });
    // Names only (arXiv without affiliations) never replace what OpenAlex said.
    const namesOnly = { name: 'Tomas Mikolov', institutions: [] };
    expect(mergePaper(merged, { ...arxiv, authorships: [namesOnly] }).authorships).toEqual([
      mikolov,
    ]);
    expect(mergePaper({ ...arxiv, authorships: [namesOnly] }, openalex).authorships).toEqual([
      mikolov,
    ]);
    expect(paperKeys(openalex)).toContain('openalex:W1614298861');
  });

  it('groups records by any shared key', () => {
    const index = new PaperIndex();
    expect(index.add(paperFromRecord(record({ title: 'One', abstract: 'x' })))).toBe(false);
    expect(index.add(paperFromRecord(record({ title: 'ONE.', abstract: 'xy' }, 2)))).toBe(true);
    expect(index.add(paperFromRecord(record({ title: 'Two', doi: '10.1/two' }, 3)))).toBe(false);
    expect(
      index.add(paperFromRecord(record({ title: 'Two (journal version)', doi: '10.1/TWO' }, 4))),
    ).toBe(true);
    expect(index.size).toBe(2);
    expect([...index.values()].map((p) => p.sources.length)).toEqual([2, 2]);
  });
});

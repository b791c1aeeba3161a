import { describe, expect, it } from 'vitest';
import { paperLinks } from './paper-links.ts';

describe('paperLinks', () => {
  it('labels arXiv, DOI and other links, without duplicates', () => {
    expect(
      paperLinks({
        arxivId: '2511.08577',
        doi: '10.48550/arXiv.2511.08577',
        url: 'https://arxiv.org/abs/2511.08577/',
        links: ['https://www.example.org/project', 'https://example.org/project'],
      }),
    ).toEqual([
      { url: 'https://arxiv.org/abs/2511.08577', label: 'arXiv 2511.08577' },
      { url: 'https://doi.org/10.48550/arXiv.2511.08577', label: 'DOI 10.48550/arXiv.2511.08577' },
      { url: 'https://www.example.org/project', label: 'example.org' },
      { url: 'https://example.org/project', label: 'example.org' },
    ]);
  });

  it('keeps unparseable links with the raw text as label', () => {
    expect(paperLinks({ links: ['javascript:alert(1)', 'not a url'] })).toEqual([
      { url: 'javascript:alert(1)', label: 'javascript:alert(1)' },
      { url: 'not a url', label: 'not a url' },
    ]);
  });
});

import { describe, expect, it } from 'vitest';
import { paperHomeLink, paperLinks } from './paper-links.ts';

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

describe('paperHomeLink', () => {
  const title = 'Attention & <Everything>';
  it("prefers the paper's own http(s) URL, then arXiv, then DOI", () => {
    expect(
      paperHomeLink({ title, url: 'https://openreview.net/forum?id=x', arxivId: '1' }),
    ).toEqual({
      kind: 'url',
      url: 'https://openreview.net/forum?id=x',
      label: 'Read the paper at openreview.net',
    });
    expect(paperHomeLink({ title, url: 'javascript:alert(1)', arxivId: '2511.08577' }).url).toBe(
      'https://arxiv.org/abs/2511.08577',
    );
    expect(paperHomeLink({ title, doi: '10.1/x' }).url).toBe('https://doi.org/10.1/x');
  });

  it('falls back to a Google Scholar search for the title', () => {
    expect(paperHomeLink({ title })).toEqual({
      kind: 'search',
      url: 'https://scholar.google.com/scholar?q=Attention%20%26%20%3CEverything%3E',
      label: 'Search for this paper',
    });
  });
});

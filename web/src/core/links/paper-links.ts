/**
 * The outbound links of a paper besides its repositories: its own URL, its arXiv and DOI
 * pages, and other links found for it, each with a short readable label, de-duplicated.
 * Unsafe URLs are kept (the view shows them as text) so nothing found is silently dropped.
 */
import type { PaperRecord as Paper } from '../../../../server/api/types.ts';
import { safeHttpUrl } from './safe-url.ts';

export interface PaperLink {
  url: string;
  label: string;
}

function hostOf(url: string): string {
  try {
    return new URL(url).host.replace(/^www\./, '') || url;
  } catch {
    return url;
  }
}

export function paperLinks(paper: Pick<Paper, 'url' | 'arxivId' | 'doi' | 'links'>): PaperLink[] {
  const links: PaperLink[] = [];
  const seen = new Set<string>();
  const add = (url: string | undefined, label: string) => {
    if (!url) return;
    const key = url.trim().replace(/\/+$/, '').toLowerCase();
    if (seen.has(key)) return;
    seen.add(key);
    links.push({ url, label });
  };
  if (paper.arxivId) {
    add(`https://arxiv.org/abs/${encodeURIComponent(paper.arxivId)}`, `arXiv ${paper.arxivId}`);
  }
  if (paper.doi) add(`https://doi.org/${paper.doi}`, `DOI ${paper.doi}`);
  if (paper.url) add(paper.url, hostOf(paper.url));
  for (const url of paper.links) add(url, hostOf(url));
  return links;
}

/**
 * Where to read the paper itself: its own URL when it is http(s), else its arXiv page, else
 * its DOI, else a Google Scholar search for its title — so every paper has somewhere to go.
 */
export function paperHomeLink(
  paper: Pick<Paper, 'url' | 'arxivId' | 'doi' | 'title'>,
): PaperLink & { kind: 'url' | 'arxiv' | 'doi' | 'search' } {
  const own = safeHttpUrl(paper.url);
  if (own !== null) return { kind: 'url', url: own, label: `Read the paper at ${hostOf(own)}` };
  if (paper.arxivId) {
    return {
      kind: 'arxiv',
      url: `https://arxiv.org/abs/${encodeURIComponent(paper.arxivId)}`,
      label: `Read the paper on arXiv (${paper.arxivId})`,
    };
  }
  if (paper.doi) {
    return {
      kind: 'doi',
      url: `https://doi.org/${paper.doi}`,
      label: `Read the paper via DOI ${paper.doi}`,
    };
  }
  return {
    kind: 'search',
    url: `https://scholar.google.com/scholar?q=${encodeURIComponent(paper.title)}`,
    label: 'Search for this paper',
  };
}

/**
 * The outbound links of a paper besides its repositories: its own URL, its arXiv and DOI
 * pages, and other links found for it, each with a short readable label, de-duplicated.
 * Unsafe URLs are kept (the view shows them as text) so nothing found is silently dropped.
 */
import type { Paper } from '../../../../server/store/model.ts';

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

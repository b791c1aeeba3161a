/**
 * Finds the web addresses written in a piece of text (abstracts, comments), as http(s) URLs.
 * Abstracts end sentences right after a URL and wrap URLs in brackets, so trailing
 * punctuation is not part of the address; a bare `www.` address gets `https://`.
 */

export interface FoundUrl {
  url: string;
  /** Offset of the URL in the text, for reading the words around it. */
  index: number;
}

/** `https://…`, `www.…`, or a bare code-host path such as `github.com/owner/name`. */
const URL_PATTERN =
  /\bhttps?:\/\/[^\s<>"'`\\]+|\bwww\.[a-z0-9-]+(?:\.[a-z0-9-]+)+[^\s<>"'`\\]*|(?<![\w./@-])(?:github\.com|gitlab\.com|bitbucket\.org|codeberg\.org|huggingface\.co)\/[^\s<>"'`\\]+/gi;
const TRAILING = /[.,;:!?'"*]+$/;

/** Removes punctuation that ends the sentence, and a closing bracket with no opening one. */
function trimUrl(raw: string): string {
  let url = raw;
  for (;;) {
    const before = url;
    url = url.replace(TRAILING, '');
    for (const [open, close] of [
      ['(', ')'],
      ['[', ']'],
      ['{', '}'],
    ] as const) {
      if (url.endsWith(close) && url.split(open).length < url.split(close).length) {
        url = url.slice(0, -1);
      }
    }
    if (url === before) return url;
  }
}

/** Every http(s) URL in `text`, in order of appearance, each once. */
export function findUrls(text: string): FoundUrl[] {
  const found: FoundUrl[] = [];
  const seen = new Set<string>();
  for (const match of text.matchAll(URL_PATTERN)) {
    const trimmed = trimUrl(match[0]);
    const url = /^https?:\/\//i.test(trimmed) ? trimmed : `https://${trimmed}`;
    if (!isHttpUrl(url) || seen.has(url)) continue;
    seen.add(url);
    found.push({ url, index: match.index });
  }
  return found;
}

/** True for a well-formed absolute http: or https: URL; the only links Topograph renders. */
export function isHttpUrl(value: string): boolean {
  try {
    const url = new URL(value);
    return (url.protocol === 'http:' || url.protocol === 'https:') && url.hostname.includes('.');
  } catch {
    return false;
  }
}

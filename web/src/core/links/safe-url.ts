/**
 * Links drawn from papers are untrusted: only absolute http(s) URLs may become clickable
 * anchors. Anything else (`javascript:`, `data:`, relative or malformed) is shown as text.
 */

/** The URL, normalised by the URL parser, when it is absolute http(s); otherwise null. */
export function safeHttpUrl(candidate: string | undefined | null): string | null {
  if (!candidate) return null;
  let url: URL;
  try {
    url = new URL(candidate.trim());
  } catch {
    return null;
  }
  return url.protocol === 'http:' || url.protocol === 'https:' ? url.href : null;
}

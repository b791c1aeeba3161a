/**
 * Split a text (a paper abstract) into plain and highlighted segments for its key terms, so
 * the view can wrap matches in `<mark>` as React text nodes: the abstract is untrusted and is
 * never turned into HTML. Matching is case-insensitive, on whole words, prefers the longest
 * term where several overlap ("causal inference" over "causal"), and accepts a plural ending
 * because a topic's label is one surface form ("counterfactual") of several in the text. A label
 * that names an acronym, "large language model (LLM)", matches either form: the text writes
 * "Large Language Models (LLMs)" once and "LLM" after that.
 */

export interface HighlightTerm {
  /** Identifies the term for the caller (e.g. a topic id). */
  id: string;
  label: string;
}

export type TextSegment =
  { text: string; term?: undefined } | { text: string; term: HighlightTerm };

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/**
 * Segments whose texts concatenate back to `text` exactly. Terms with empty labels are
 * ignored; when no term matches the whole text is one plain segment (none for empty text).
 */
export function splitHighlights(text: string, terms: readonly HighlightTerm[]): TextSegment[] {
  if (text === '') return [];
  const byLabel = new Map<string, HighlightTerm>();
  for (const term of terms) {
    for (const form of writtenForms(term.label)) {
      const key = form.toLocaleLowerCase();
      if (key !== '' && !byLabel.has(key)) byLabel.set(key, term);
    }
  }
  if (byLabel.size === 0) return [{ text }];

  // Longest first: regex alternation takes the first alternative that matches.
  const labels = [...byLabel.keys()].sort((a, b) => b.length - a.length);
  const alternation = labels.map((label) => escapeRegExp(label).replace(/\s+/g, '\\s+')).join('|');
  const pattern = new RegExp(
    `(?<![\\p{L}\\p{N}])(?:${alternation})(?:e?s)?(?![\\p{L}\\p{N}])`,
    'giu',
  );

  const segments: TextSegment[] = [];
  let last = 0;
  for (const match of text.matchAll(pattern)) {
    const start = match.index;
    const matched = match[0];
    const term = byLabel.get(normaliseMatch(matched, byLabel));
    if (term === undefined) continue;
    if (start > last) segments.push({ text: text.slice(last, start) });
    segments.push({ text: matched, term });
    last = start + matched.length;
  }
  if (last < text.length) segments.push({ text: text.slice(last) });
  return segments;
}

/** "large language model (LLM)" → the expansion and the acronym; any other label → itself. */
function writtenForms(label: string): string[] {
  const trimmed = label.trim();
  const acronym = /^(.*\S)\s+\((\p{Lu}[^()]*)\)$/u.exec(trimmed);
  return acronym ? [acronym[1]!, acronym[2]!] : [trimmed];
}

/** Map a matched surface form back to its label key: collapse spaces, drop a plural ending. */
function normaliseMatch(matched: string, byLabel: ReadonlyMap<string, HighlightTerm>): string {
  const key = matched.toLocaleLowerCase().replace(/\s+/g, ' ');
  if (byLabel.has(key)) return key;
  if (key.endsWith('es') && byLabel.has(key.slice(0, -2))) return key.slice(0, -2);
  return key.slice(0, -1);
}

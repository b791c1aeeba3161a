/**
 * A thesaurus in VOSviewer's format, to merge or drop terms at ingest: a tab-separated text
 * file whose first line is `label<TAB>replace by`, then one term a line. A term is replaced by
 * the other written beside it ("LLMs<TAB>large language model"), or ignored when nothing is
 * written beside it ("paper<TAB>", or "paper" alone). Both sides are normalised like extracted
 * terms (case folded except acronyms, singular head, hyphens as spaces), so "Neural Networks"
 * matches the topic "neural network"; the replacement's label keeps hyphens and acronyms.
 */
import { parse } from 'csv-parse/sync';
import { IngestError } from '../errors.ts';
import { createSingulariser, normaliseTerm, type NormalisedTerm } from './normalise.ts';

/** Term key → what it becomes: another term, or `null` to drop it. */
export type Thesaurus = ReadonlyMap<string, NormalisedTerm | null>;

const STAGE = 'thesaurus';

/** A phrase as a user writes it, normalised like an extracted term. */
function normaliseWritten(text: string, singular: (word: string) => string): NormalisedTerm {
  const words = text
    .trim()
    .split(/\s+/)
    .map((word) => ({
      parts: word.split(/[-‐‑]/).filter((part) => part !== ''),
      tags: new Set<string>(),
    }))
    .filter((word) => word.parts.length > 0);
  return normaliseTerm(words, singular);
}

/**
 * Reads a thesaurus from its text; `file` names it in errors. Throws an `IngestError` naming
 * the file and line when the header is missing, or a line separates its two terms with spaces.
 */
export function parseThesaurus(text: string, file: string): Thesaurus {
  const rows = parse(text.replace(/^\uFEFF/, ''), {
    delimiter: '\t',
    quote: false,
    relax_column_count: true,
    skip_empty_lines: true,
    info: true,
  }) as unknown as { record: string[]; info: { lines: number } }[];
  const [header, ...entries] = rows;
  const names = header?.record.map((name) => name.trim().toLowerCase());
  if (names?.[0] !== 'label' || names[1] !== 'replace by') {
    throw new IngestError(
      STAGE,
      file,
      header?.info.lines ?? 1,
      'the first line must be the header "label<TAB>replace by" (VOSviewer thesaurus format)',
    );
  }
  const singular = createSingulariser();
  const thesaurus = new Map<string, NormalisedTerm | null>();
  for (const { record, info } of entries) {
    // A line with no tab drops its term too: editors strip the trailing tab of "term<TAB>".
    // Wide spaces instead of the tab, though, are a replacement gone wrong: say so.
    const [label = '', replacement = ''] = record;
    if (record.length === 1 && / {2,}\S/.test(label.trim())) {
      throw new IngestError(
        STAGE,
        file,
        info.lines,
        `"${label.trim()}": separate a term and its replacement with a tab, not spaces`,
      );
    }
    const from = normaliseWritten(label, singular);
    if (from.key === '') continue;
    thesaurus.set(
      from.key,
      replacement.trim() === '' ? null : normaliseWritten(replacement, singular),
    );
  }
  return thesaurus;
}

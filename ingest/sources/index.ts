/**
 * The registry of input formats: which parser reads a file, chosen by extension (`.gz` is
 * looked through) or forced with `--format`. Adding a format is adding one entry here and one
 * parser module.
 */
import { extname } from 'node:path';
import { readLines } from '../read-lines.ts';
import type { SourceItem } from '../record.ts';
import { parseArxivAtom } from './arxiv-atom.ts';
import { parseBibtex } from './bibtex.ts';
import { parseCsv } from './csv.ts';
import { parseHfListing } from './hf-listing.ts';
import { parseHfPapers } from './hf-papers.ts';
import { parseAnyJson } from './json-any.ts';
import { parseJsonLines } from './json-lines.ts';
import { parseOpenAlex } from './openalex.ts';
import { parseRis } from './ris.ts';

export interface SourceFormat {
  /** The name users give to `--format`. */
  name: string;
  description: string;
  /** Lower-case file extensions, with the dot. */
  extensions: string[];
  /** Records and per-record problems, in file order; throws when the file is unreadable. */
  read(file: string): AsyncIterable<SourceItem>;
}

export const SOURCE_FORMATS = [
  {
    name: 'hf-listing',
    description: 'saved Hugging Face paper-listing page (title, abstract, metadata lines)',
    extensions: ['.txt'],
    read: (file) => parseHfListing(readLines(file, { stage: 'hf-listing' }), file),
  },
  {
    name: 'json',
    description:
      'JSON or JSON Lines: Hugging Face Papers, OpenAlex works, or plain paper objects (detected from the first record)',
    extensions: ['.json', '.jsonl', '.ndjson'],
    read: parseAnyJson,
  },
  {
    name: 'arxiv',
    description: 'arXiv API Atom feed (current and legacy style)',
    extensions: ['.xml', '.atom'],
    read: (file) => parseArxivAtom(file),
  },
  {
    name: 'csv',
    description: 'CSV with a header row (plain column names, or Scopus / Web of Science exports)',
    extensions: ['.csv'],
    read: parseCsv,
  },
  {
    name: 'bibtex',
    description: 'BibTeX / BibLaTeX: Zotero, Better BibTeX, Google Scholar',
    extensions: ['.bib', '.bibtex'],
    read: parseBibtex,
  },
  {
    name: 'ris',
    description: 'RIS: Zotero, EndNote, Scopus, Web of Science',
    extensions: ['.ris'],
    read: parseRis,
  },
  // Only with --format: the JSON reader above detects these by content.
  {
    name: 'hf-papers',
    description: 'Hugging Face Papers API JSON / JSON Lines',
    extensions: [],
    read: (file) => parseHfPapers(file),
  },
  {
    name: 'openalex',
    description: 'OpenAlex works: a list response, a single work, or JSON Lines',
    extensions: [],
    read: (file) => parseOpenAlex(file),
  },
  {
    name: 'jsonl',
    description: 'JSON Lines of plain paper objects',
    extensions: [],
    read: (file) => parseJsonLines(readLines(file, { stage: 'jsonl' }), file),
  },
] satisfies SourceFormat[];

export type SourceFormatName = (typeof SOURCE_FORMATS)[number]['name'];

/** The format that reads `file`, by name when forced, else by extension; undefined if none. */
export function formatFor(file: string, forced?: string): SourceFormat | undefined {
  if (forced) return SOURCE_FORMATS.find((format) => format.name === forced);
  // `papers.jsonl.gz` is read as `.jsonl`, decompressed on the fly.
  const extension = extname(file.replace(/\.gz$/i, '')).toLowerCase();
  return SOURCE_FORMATS.find((format) => format.extensions.includes(extension));
}

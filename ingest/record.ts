/**
 * What every source parser produces: one `PaperRecord` per paper it reads, with where it was
 * read. Records are raw (one input's view of a paper); ingest/merge turns them into `Paper`s.
 */

export interface SourceLocation {
  /** The file as the user named it (used in error messages). */
  file: string;
  /** 1-based line of the record's first line. */
  line: number;
}

export interface PaperRecord {
  title: string;
  abstract?: string;
  /** ISO date, `YYYY-MM-DD`. */
  published?: string;
  authors?: string[];
  authorsCount?: number;
  upvotes?: number;
  organization?: string;
  arxivId?: string;
  doi?: string;
  url?: string;
  source: SourceLocation;
}

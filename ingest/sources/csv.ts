/**
 * Reads CSV exports (`.csv`, also gzipped): a header row, then one paper a row, mapped by
 * column names — plain ones (`title`, `abstract`, `authors`, `year`, `doi`, `url`, `arxiv_id`,
 * `code_repos`) and those of Scopus and Web of Science exports (`Title`, `Abstract`, `Authors`,
 * `Year`, `DOI`, `Link`). Parsed with csv-parse, streaming, so any size is read in constant
 * memory; a row without a title is skipped and reported with its line.
 */
import { Readable } from 'node:stream';
import { parse } from 'csv-parse';
import { IngestError } from '../errors.ts';
import { DEFAULT_MAX_LINE_LENGTH, readLines } from '../read-lines.ts';
import type { SourceItem } from '../record.ts';
import { genericRecord } from './generic-record.ts';

const STAGE = 'csv';

export async function* parseCsv(file: string): AsyncGenerator<SourceItem> {
  // Lines through readLines, so a file in another encoding is refused with its line number.
  const text = Readable.from(
    (async function* () {
      for await (const { text: line } of readLines(file, { stage: STAGE })) yield `${line}\n`;
    })(),
  );
  const parser = parse({
    bom: true,
    columns: (header: string[]) => header.map((name) => name.trim()),
    relax_column_count: true,
    skip_empty_lines: true,
    info: true,
    // As long as a line may be: a record with an absurd field reaches the pipeline, which
    // skips that record (recordProblem) where csv-parse would give up on the whole file.
    max_record_size: DEFAULT_MAX_LINE_LENGTH,
  });
  text.on('error', (error) => parser.destroy(error));
  text.pipe(parser);
  // csv-parse reports the line where a record ends; a record starts after the previous one
  // and any empty lines skipped since.
  let previousEnd = 1;
  let previousEmpty = 0;
  try {
    for await (const { record, info } of parser as AsyncIterable<{
      record: Record<string, string>;
      info: { lines: number; empty_lines: number };
    }>) {
      const line = previousEnd + 1 + (info.empty_lines - previousEmpty);
      previousEnd = info.lines;
      previousEmpty = info.empty_lines;
      const paper = genericRecord(record, { file, line });
      yield typeof paper === 'string' ? new IngestError(STAGE, file, line, paper) : paper;
    }
  } catch (error) {
    if (error instanceof IngestError) throw error;
    const { message, lines } = error as Error & { lines?: number };
    throw new IngestError(STAGE, file, lines, message.replace(/^Invalid Record Length: /, ''));
  }
}

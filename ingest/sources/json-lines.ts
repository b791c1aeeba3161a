/**
 * Reads JSON Lines (`.jsonl`, `.ndjson`, also gzipped): one JSON object a line, each mapped by
 * its common field names (generic-record.ts). Streams line by line, so a file of any size is
 * read in constant memory. A line that is not a JSON object, or has no title, is skipped and
 * reported with its line number; the rest of the file is read.
 */
import type { NumberedLine } from '../read-lines.ts';
import type { PaperRecord, SourceItem, SourceLocation } from '../record.ts';
import { genericRecord } from './generic-record.ts';
import { jsonLineRecords } from './json-records.ts';

const STAGE = 'jsonl';

export async function* parseJsonLines(
  lines: AsyncIterable<NumberedLine>,
  file: string,
): AsyncGenerator<SourceItem> {
  yield* jsonLineRecords(lines, file, { stage: STAGE, toRecord: plainRecord });
}

/** A plain paper object, by its common field names. */
function plainRecord(value: unknown, source: SourceLocation): PaperRecord | string {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    return 'expected one JSON object on the line';
  }
  return genericRecord(value as Record<string, unknown>, source);
}

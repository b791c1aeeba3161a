/**
 * Reads JSON Lines (`.jsonl`, `.ndjson`, also gzipped): one JSON object a line, each mapped by
 * its common field names (generic-record.ts). Streams line by line, so a file of any size is
 * read in constant memory. A line that is not a JSON object, or has no title, is skipped and
 * reported with its line number; the rest of the file is read.
 */
import { IngestError } from '../errors.ts';
import type { NumberedLine } from '../read-lines.ts';
import type { SourceItem } from '../record.ts';
import { genericRecord } from './generic-record.ts';

const STAGE = 'jsonl';

export async function* parseJsonLines(
  lines: AsyncIterable<NumberedLine>,
  file: string,
): AsyncGenerator<SourceItem> {
  for await (const { line, text } of lines) {
    if (text.trim() === '') continue;
    let value: unknown;
    try {
      value = JSON.parse(text);
    } catch (error) {
      yield new IngestError(STAGE, file, line, `not valid JSON (${(error as Error).message})`);
      continue;
    }
    if (typeof value !== 'object' || value === null || Array.isArray(value)) {
      yield new IngestError(STAGE, file, line, 'expected one JSON object on the line');
      continue;
    }
    const record = genericRecord(value as Record<string, unknown>, { file, line });
    yield typeof record === 'string' ? new IngestError(STAGE, file, line, record) : record;
  }
}

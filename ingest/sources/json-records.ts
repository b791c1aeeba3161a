/**
 * The reading every JSON-based format shares: JSON Lines streamed one object a line (a bad
 * line is skipped and reported with its number), and whole JSON documents (API pages) parsed
 * with the line of a syntax error. Each format only says how one object becomes a record.
 */
import { IngestError } from '../errors.ts';
import { readLines, type NumberedLine } from '../read-lines.ts';
import type { PaperRecord, SourceItem, SourceLocation } from '../record.ts';

/** `.jsonl` / `.ndjson`, gzipped or not. */
export const JSON_LINES_FILE = /\.(?:jsonl|ndjson)(?:\.gz)?$/i;
/** A JSON document is read whole; past this size it should have been JSON Lines. */
const MAX_DOCUMENT_LENGTH = 200_000_000;

export interface JsonRecordFormat {
  stage: string;
  /** The record in one parsed object, or why there is none (the object is skipped). */
  toRecord(value: unknown, source: SourceLocation): PaperRecord | string;
  /** When given, the first object must pass it, or the file is another format (throws). */
  accepts?: { test(value: unknown): boolean; otherwise: string };
}

function errorMessage(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

/** JSON Lines, in constant memory; blank lines are ignored. */
export async function* jsonLineRecords(
  lines: AsyncIterable<NumberedLine>,
  file: string,
  { stage, toRecord, accepts }: JsonRecordFormat,
): AsyncGenerator<SourceItem> {
  let checked = accepts === undefined;
  for await (const { line, text } of lines) {
    if (text.trim() === '') continue;
    let value: unknown;
    try {
      value = JSON.parse(text);
    } catch (error) {
      yield new IngestError(stage, file, line, `not valid JSON: ${errorMessage(error)}`);
      continue;
    }
    if (!checked && !accepts!.test(value)) {
      throw new IngestError(stage, file, line, accepts!.otherwise);
    }
    checked = true;
    const record = toRecord(value, { file, line });
    yield typeof record === 'string' ? new IngestError(stage, file, line, record) : record;
  }
}

/** A whole JSON document; a syntax error names its line when V8 gives a position. */
export async function readJsonDocument(
  file: string,
  stage: string,
  lines?: AsyncIterable<NumberedLine>,
): Promise<unknown> {
  const parts: string[] = [];
  for await (const { text } of lines ??
    readLines(file, { stage, maxLineLength: MAX_DOCUMENT_LENGTH })) {
    parts.push(text);
  }
  const json = parts.join('\n');
  try {
    return JSON.parse(json) as unknown;
  } catch (error) {
    const message = errorMessage(error);
    const position = /at position (\d+)/.exec(message)?.[1];
    const line =
      position === undefined ? undefined : json.slice(0, Number(position)).split('\n').length;
    throw new IngestError(stage, file, line, `not valid JSON: ${message}`);
  }
}

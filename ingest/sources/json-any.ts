/**
 * Reads any JSON or JSON Lines file (`.json`, `.jsonl`, `.ndjson`, gzipped or not) by looking
 * at its first record: a Hugging Face Papers item, an OpenAlex work, or else a plain paper
 * object mapped by common field names. JSON Lines are streamed; a JSON document (an API page,
 * an array of papers) is read whole.
 */
import { IngestError } from '../errors.ts';
import { readLines } from '../read-lines.ts';
import type { SourceItem } from '../record.ts';
import { genericRecord } from './generic-record.ts';
import { looksLikeHfPaper, parseHfPapers } from './hf-papers.ts';
import { parseJsonLines } from './json-lines.ts';
import { JSON_LINES_FILE, readJsonDocument } from './json-records.ts';
import { looksLikeOpenAlex, parseOpenAlex } from './openalex.ts';

const STAGE = 'json';

/** The first record of a JSON Lines file, or undefined when its first line is not JSON. */
async function firstLineValue(file: string): Promise<unknown> {
  for await (const { text } of readLines(file, { stage: STAGE })) {
    if (text.trim() === '') continue;
    try {
      return JSON.parse(text) as unknown;
    } catch {
      return undefined;
    }
  }
  return undefined;
}

/** Plain paper objects: an array, `{results: [...]}`, `{papers: [...]}`, or one object. */
function* genericDocument(value: unknown, file: string): Generator<SourceItem> {
  const container = value as { results?: unknown; papers?: unknown } | null;
  const list = Array.isArray(value)
    ? value
    : Array.isArray(container?.results)
      ? container.results
      : Array.isArray(container?.papers)
        ? container.papers
        : [value];
  for (const [index, item] of list.entries()) {
    const number = index + 1;
    if (typeof item !== 'object' || item === null || Array.isArray(item)) {
      yield new IngestError(STAGE, file, undefined, `record ${number}: not a JSON object`);
      continue;
    }
    const record = genericRecord(item as Record<string, unknown>, { file, line: number });
    yield typeof record === 'string'
      ? new IngestError(STAGE, file, undefined, `record ${number}: ${record}`)
      : record;
  }
}

export async function* parseAnyJson(file: string): AsyncGenerator<SourceItem> {
  const jsonLines = JSON_LINES_FILE.test(file);
  const sample = jsonLines ? await firstLineValue(file) : await readJsonDocument(file, STAGE);
  if (looksLikeHfPaper(sample)) {
    yield* parseHfPapers(file);
  } else if (looksLikeOpenAlex(sample)) {
    yield* parseOpenAlex(file);
  } else if (jsonLines) {
    yield* parseJsonLines(readLines(file, { stage: 'jsonl' }), file);
  } else {
    yield* genericDocument(sample, file);
  }
}

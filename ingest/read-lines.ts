/**
 * Streams the lines of a text file with their numbers, refusing input that is not UTF-8 text:
 * a NUL byte (a binary file), an invalid UTF-8 sequence (another encoding, e.g. Latin-1 or
 * UTF-16) or an absurdly long line stop the file with an error naming the line, before any of
 * its records are written. A `.gz` file is decompressed on the fly.
 */
import { createReadStream } from 'node:fs';
import type { Readable } from 'node:stream';
import { createGunzip } from 'node:zlib';
import { IngestError } from './errors.ts';

/**
 * Longest line accepted. Generous: a JSON Lines record with an absurd field should reach its
 * parser, which skips that one record (see `recordProblem`) rather than fail the whole file.
 */
export const DEFAULT_MAX_LINE_LENGTH = 64_000_000;

export interface NumberedLine {
  line: number;
  text: string;
}

export interface ReadLinesOptions {
  stage: string;
  maxLineLength?: number;
}

/** Yields every line of `file` (without its line break, BOM stripped) with its 1-based number. */
export async function* readLines(
  file: string,
  { stage, maxLineLength = DEFAULT_MAX_LINE_LENGTH }: ReadLinesOptions,
): AsyncGenerator<NumberedLine> {
  // fatal: another encoding must be refused, not silently turned into U+FFFD characters.
  const decoder = new TextDecoder('utf-8', { fatal: true });
  let line = 0;

  const check = (text: string, lineNumber: number): string => {
    if (text.includes('\u0000')) {
      throw new IngestError(stage, file, lineNumber, 'binary data (NUL byte): not a text file');
    }
    return text;
  };

  const decode = (bytes: Uint8Array, stream: boolean, pending: string[]): string => {
    try {
      return decoder.decode(bytes, { stream });
    } catch {
      // Find the line of the first bad byte: decode leniently and count lines up to U+FFFD.
      const lenient = pending.join('') + new TextDecoder('utf-8').decode(bytes);
      const bad = lenient.indexOf('\uFFFD');
      const lineNumber = line + 1 + (lenient.slice(0, Math.max(bad, 0)).match(/\n/g)?.length ?? 0);
      throw new IngestError(stage, file, lineNumber, 'invalid UTF-8: save the file as UTF-8');
    }
  };

  // The incomplete last line, as the pieces it arrived in: joined once its end is found, so
  // a very long line costs one copy, not one per chunk.
  let pieces: string[] = [];
  let pieceLength = 0;
  const emit = (text: string): NumberedLine => {
    line += 1;
    const bare = text.endsWith('\r') ? text.slice(0, -1) : text;
    return { line, text: check(line === 1 ? bare.replace(/^\uFEFF/, '') : bare, line) };
  };

  let first = true;
  for await (const chunk of readChunks(file, () => line + 1, stage)) {
    if (first && isUtf16(chunk)) {
      throw new IngestError(stage, file, 1, 'UTF-16 text: save the file as UTF-8');
    }
    first = false;
    const text = decode(chunk, true, pieces);
    let start = 0;
    let newline: number;
    while ((newline = text.indexOf('\n', start)) !== -1) {
      const end = text.slice(start, newline);
      yield emit(pieces.length > 0 ? pieces.join('') + end : end);
      pieces = [];
      pieceLength = 0;
      start = newline + 1;
    }
    if (start < text.length) {
      pieces.push(text.slice(start));
      pieceLength += text.length - start;
    }
    if (pieceLength > maxLineLength) {
      throw new IngestError(stage, file, line + 1, `line longer than ${maxLineLength} characters`);
    }
  }
  const rest = pieces.join('') + decode(new Uint8Array(), false, pieces);
  if (rest.length > 0) yield emit(rest);
}

function isUtf16(bytes: Buffer): boolean {
  return (
    bytes.length >= 2 &&
    ((bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff))
  );
}

/** The file's chunks; a read or decompression failure becomes an `IngestError` at that line. */
async function* readChunks(
  file: string,
  currentLine: () => number,
  stage: string,
): AsyncGenerator<Buffer> {
  try {
    for await (const chunk of openText(file)) yield chunk as Buffer;
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code ?? '';
    const reason = code.startsWith('Z_')
      ? `not valid gzip data (${(error as Error).message})`
      : `cannot read the file (${(error as Error).message})`;
    throw new IngestError(stage, file, currentLine(), reason);
  }
}

/** The bytes of `file`, decompressed when it is gzipped (`.gz`). */
export function openText(file: string): Readable {
  const stream = createReadStream(file);
  if (!file.toLowerCase().endsWith('.gz')) return stream;
  const gunzip = createGunzip();
  stream.on('error', (error) => gunzip.destroy(error));
  return stream.pipe(gunzip);
}

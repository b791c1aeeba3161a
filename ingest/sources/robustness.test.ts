/**
 * Property tests (fast-check): no input crashes an importer. Random bytes, damaged copies of
 * the real fixtures (truncated, spliced, with bytes inserted), other encodings and huge fields
 * each end in records and per-record problems, or in one typed `IngestError` naming the file:
 * never in another exception, a hang or a record without a title.
 */
import { isUtf8 } from 'node:buffer';
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { extname, join } from 'node:path';
import fc from 'fast-check';
import { afterAll, describe, expect, it } from 'vitest';
import { IngestError } from '../errors.ts';
import { formatFor, SOURCE_FORMATS, type SourceFormat } from './index.ts';

const FIXTURES = join(import.meta.dirname, 'fixtures');
const dir = mkdtempSync(join(tmpdir(), 'topograph-robustness-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** Every fixture file a format reads by its extension, with that format. */
const fixtures = readdirSync(FIXTURES, { recursive: true, encoding: 'utf8' })
  .map((path) => join(FIXTURES, path))
  .filter((path) => formatFor(path) !== undefined)
  .sort()
  .map((path) => ({ path, format: formatFor(path)!, bytes: readFileSync(path) }));

interface Outcome {
  records: number;
  problems: IngestError[];
  failure?: IngestError;
}

let files = 0;

/** Writes `bytes` to a fresh file with extension `ext` and reads it with `format`. */
async function readAs(format: SourceFormat, bytes: Uint8Array, ext: string): Promise<Outcome> {
  const file = join(dir, `input-${(files += 1)}${ext}`);
  writeFileSync(file, bytes);
  const outcome: Outcome = { records: 0, problems: [] };
  try {
    for await (const item of format.read(file)) {
      if (item instanceof IngestError) {
        expect(item.file).toBe(file);
        outcome.problems.push(item);
      } else {
        expect(typeof item.title).toBe('string');
        expect(item.source.file).toBe(file);
        expect(item.source.line).toBeGreaterThanOrEqual(1);
        outcome.records += 1;
      }
    }
  } catch (error) {
    // The one way a file may end early: a typed error that names it.
    expect(error).toBeInstanceOf(IngestError);
    expect((error as IngestError).file).toBe(file);
    outcome.failure = error as IngestError;
  } finally {
    rmSync(file, { force: true });
  }
  return outcome;
}

const extensionOf = (format: SourceFormat) => format.extensions[0] ?? '.json';

describe('every importer, on any input', () => {
  it.each(SOURCE_FORMATS.map((format) => [format.name, format] as const))(
    '%s: random bytes end in records or a typed error',
    async (_name, format) => {
      await fc.assert(
        fc.asyncProperty(fc.uint8Array({ maxLength: 3_000 }), async (bytes) => {
          await readAs(format, bytes, extensionOf(format));
        }),
        { numRuns: 40 },
      );
    },
  );

  it.each(SOURCE_FORMATS.map((format) => [format.name, format] as const))(
    '%s: random text ends in records or a typed error',
    async (_name, format) => {
      await fc.assert(
        fc.asyncProperty(fc.string({ unit: 'grapheme', maxLength: 2_000 }), async (text) => {
          await readAs(format, new TextEncoder().encode(text), extensionOf(format));
        }),
        { numRuns: 40 },
      );
    },
  );

  it('reads a real export with damage anywhere: records or a typed error', async () => {
    expect(fixtures.length).toBeGreaterThanOrEqual(10);
    const damage = fc.record({
      fixture: fc.constantFrom(...fixtures),
      at: fc.double({ min: 0, max: 1, noNaN: true }),
      cut: fc.nat({ max: 400 }),
      insert: fc.oneof(
        fc.uint8Array({ maxLength: 40 }),
        fc.constantFrom(
          ...['{', '}', '"', '\n', '@article{', '<entry>', 'TY  - ', ',', '\\'].map((text) =>
            new TextEncoder().encode(text),
          ),
        ),
      ),
      truncate: fc.boolean(),
    });
    await fc.assert(
      fc.asyncProperty(damage, async ({ fixture, at, cut, insert, truncate }) => {
        const offset = Math.floor(at * fixture.bytes.length);
        const damaged = truncate
          ? fixture.bytes.subarray(0, offset)
          : Buffer.concat([
              fixture.bytes.subarray(0, offset),
              insert,
              fixture.bytes.subarray(offset + cut),
            ]);
        await readAs(fixture.format, damaged, extname(fixture.path));
      }),
      { numRuns: 150 },
    );
  });
});

/** A UTF-8 file saved as Latin-1 instead (characters beyond Latin-1 as '?', no BOM). */
const latin1Of = (bytes: Uint8Array) => {
  const text = Buffer.from(bytes)
    .toString('utf8')
    .replace(/^\uFEFF/, '');
  return Buffer.from(
    Array.from(text, (char) => (char.codePointAt(0)! > 0xff ? '?' : char)).join(''),
    'latin1',
  );
};

describe('files in another encoding', () => {
  it.each(fixtures.map((fixture) => [fixture.path.slice(FIXTURES.length + 1), fixture] as const))(
    '%s as UTF-16 is refused, naming the encoding',
    async (_name, fixture) => {
      const utf16 = Buffer.concat([
        Buffer.from([0xff, 0xfe]),
        Buffer.from(fixture.bytes.toString('utf8'), 'utf16le'),
      ]);
      const outcome = await readAs(fixture.format, utf16, extname(fixture.path));
      expect(outcome.records).toBe(0);
      expect(outcome.failure?.message).toMatch(/UTF-16 text: save the file as UTF-8/);
    },
  );

  it.each(
    fixtures
      .filter(({ bytes }) => !isUtf8(latin1Of(bytes)))
      .map((fixture) => [fixture.path.slice(FIXTURES.length + 1), fixture] as const),
  )('%s as Latin-1 is refused at the line of its first accent', async (_name, fixture) => {
    const text = fixture.bytes.toString('utf8').replace(/^\uFEFF/, '');
    const latin1 = latin1Of(fixture.bytes);
    // (Files whose Latin-1 bytes happen to be valid UTF-8, like mojibake, are left out.)
    // Characters beyond Latin-1 become '?'; the first one within it is the first bad byte.
    const firstAccent = text.search(/[\x80-\xff]/);
    const line = text.slice(0, firstAccent).split('\n').length;
    const outcome = await readAs(fixture.format, latin1, extname(fixture.path));
    expect(outcome.failure?.message).toMatch(/invalid UTF-8: save the file as UTF-8/);
    expect(outcome.failure?.line).toBe(line);
  });
});

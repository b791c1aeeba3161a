/**
 * The similarity index of the last ingest, kept in a file beside the store, so that a daily
 * listing added to a large store is fitted into it (`extendIndexData`) instead of every text
 * being read and tokenised again: at 80,000 papers building the index takes ~22 s, reading
 * this file well under one.
 *
 * The file says which papers version of the store it is complete for; it is used only when
 * that is the version the store's similar papers are complete for, and when its papers and
 * the ingest's changed papers are exactly the store's papers. Anything else (another store
 * at the same path, an ingest killed half-way, a file of an older format) and the index is
 * built afresh, as without the file.
 *
 * Layout: a little-endian u32 length, a JSON header (format, version, ids, stems, forms,
 * array lengths), then the typed arrays, each starting on an 8-byte boundary.
 */
import {
  closeSync,
  existsSync,
  openSync,
  readFileSync,
  renameSync,
  rmSync,
  writeSync,
} from 'node:fs';
import type { IndexData } from './similar-papers.ts';

const FORMAT = 'topograph-similarity-index/1';

interface Header {
  format: string;
  papersVersion: number;
  ids: string[];
  stems: string[];
  /** JSON has no holes: a stem without a form (not seen since) is null. */
  forms: (string | null)[];
  commonCount: number;
  lengths: Record<ArrayName, number>;
}

const ARRAYS = {
  terms: Float64Array,
  termDf: Uint32Array,
  rowStart: Uint32Array,
  rareStart: Uint32Array,
  rowTerms: Uint32Array,
  rowWeights: Float64Array,
} as const;
type ArrayName = keyof typeof ARRAYS;
const NAMES = Object.keys(ARRAYS) as ArrayName[];

const padding = (offset: number) => (8 - (offset % 8)) % 8;

/** Writes `data` as complete for `papersVersion`; atomically (a reader never sees half). */
export function writeIndexFile(file: string, data: IndexData, papersVersion: number): void {
  const header: Header = {
    format: FORMAT,
    papersVersion,
    ids: data.ids,
    stems: data.stems,
    forms: Array.from(data.forms, (form) => form ?? null),
    commonCount: data.commonCount,
    lengths: Object.fromEntries(
      NAMES.map((name) => [name, data[name].length]),
    ) as Header['lengths'],
  };
  const json = Buffer.from(JSON.stringify(header));
  const length = Buffer.alloc(4);
  length.writeUInt32LE(json.length);
  const partial = `${file}.partial`;
  try {
    writeParts(partial, [length, json], data);
    renameSync(partial, file);
  } catch (error) {
    rmSync(partial, { force: true });
    throw error;
  }
}

/** Writes the header's parts, then each array on an 8-byte boundary. */
function writeParts(path: string, head: Uint8Array[], data: IndexData): void {
  const fd = openSync(path, 'w');
  try {
    let offset = 0;
    const write = (bytes: Uint8Array) => {
      writeSync(fd, bytes);
      offset += bytes.length;
    };
    for (const part of head) write(part);
    for (const name of NAMES) {
      write(Buffer.alloc(padding(offset)));
      const array = data[name];
      write(new Uint8Array(array.buffer, array.byteOffset, array.byteLength));
    }
  } finally {
    closeSync(fd);
  }
}

/**
 * The index in `file` when it is complete for `papersVersion`; undefined when there is no such
 * file, or it is of another version or format, or unreadable (then it is built afresh).
 */
export function readIndexFile(file: string, papersVersion: number): IndexData | undefined {
  if (!existsSync(file)) return undefined;
  try {
    const bytes = readFileSync(file);
    const headerLength = bytes.readUInt32LE(0);
    const header = JSON.parse(bytes.subarray(4, 4 + headerLength).toString('utf8')) as Header;
    if (header.format !== FORMAT || header.papersVersion !== papersVersion) return undefined;
    let offset = 4 + headerLength;
    const arrays = {} as { [K in ArrayName]: InstanceType<(typeof ARRAYS)[K]> };
    for (const name of NAMES) {
      offset += padding(offset);
      const Type = ARRAYS[name];
      const byteLength = header.lengths[name] * Type.BYTES_PER_ELEMENT;
      if (offset + byteLength > bytes.length) return undefined;
      // A copy, aligned whatever the buffer's own offset.
      const copy = new Uint8Array(byteLength);
      copy.set(bytes.subarray(offset, offset + byteLength));
      Object.assign(arrays, { [name]: new Type(copy.buffer) });
      offset += byteLength;
    }
    return {
      ids: header.ids,
      stems: header.stems,
      forms: header.forms.map((form) => form ?? (undefined as unknown as string)),
      commonCount: header.commonCount,
      ...arrays,
    };
  } catch {
    return undefined;
  }
}

/**
 * Typed errors of the ingest pipeline. Every message names the stage, the file and, when it is
 * known, the line, so a user can open the file at the right place: `ingest/hf-listing:
 * data/x.txt line 42: …`.
 */

export class IngestError extends Error {
  override readonly name = 'IngestError';

  constructor(
    readonly stage: string,
    readonly file: string,
    readonly line: number | undefined,
    readonly reason: string,
  ) {
    super(`ingest/${stage}: ${file}${line === undefined ? '' : ` line ${line}`}: ${reason}`);
  }
}

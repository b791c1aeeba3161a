// Parallel extraction gives exactly the terms of the single-threaded one, on real abstracts.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { extractTerms, type TermDoc } from './extract.ts';
import { extractTermsInParallel } from './extract-parallel.ts';

/** Title/abstract pairs of one sample listing (data/samples/001_*.txt: no blank lines). */
function sampleDocs(): TermDoc[] {
  const lines = readFileSync('data/samples/001_3a25e7380a371159.txt', 'utf8').split('\n').slice(2);
  const docs: TermDoc[] = [];
  for (let i = 0; i + 1 < lines.length; i += 2) {
    docs.push({ id: `d${i}`, title: lines[i]!.replace(/^Subscribe/, ''), text: lines[i + 1]! });
  }
  return docs;
}

describe('extractTermsInParallel', () => {
  it('equals extractTerms, whatever the number of workers', async () => {
    const docs = sampleDocs();
    expect(docs.length).toBe(129);
    const expected = extractTerms(docs, { topK: 15 });
    const progress: number[] = [];
    const parallel = await extractTermsInParallel(docs, {
      topK: 15,
      workers: 3,
      shareSize: 10,
      onProgress: (read) => progress.push(read),
    });
    expect(parallel).toEqual(expected);
    expect(progress).toHaveLength(13);
    expect(progress.at(-1)).toBe(129);
    expect(await extractTermsInParallel(docs.slice(0, 2), { topK: 15, workers: 4 })).toEqual(
      extractTerms(docs.slice(0, 2), { topK: 15 }),
    );
  });

  it('gives a text the tagger fails on no terms, says so, and reads the others', async () => {
    const docs: TermDoc[] = [
      ...sampleDocs().slice(0, 3),
      // Untyped input (a JSON export with a number for a title) makes reading throw.
      { id: 'broken', title: 42 as unknown as string, text: 'A text.' },
    ];
    const failures: string[] = [];
    const terms = await extractTermsInParallel(docs, {
      workers: 2,
      shareSize: 2,
      onFailure: (id) => failures.push(id),
    });
    expect(failures).toEqual(['broken']);
    expect(terms.get('broken')).toEqual([]);
    expect(terms.get('d0')!.length).toBeGreaterThan(0);
    const serialFailures: string[] = [];
    extractTerms(docs, { onFailure: (id) => serialFailures.push(id) });
    expect(serialFailures).toEqual(['broken']);
  });

  it('treats words that name Object.prototype members as words', async () => {
    // Regression: "Constructor" in an arXiv abstract (2504.09949) once read Object itself out of
    // a plain-object lookup table, and the worker could not send the result.
    const docs: TermDoc[] = [
      {
        id: 'c',
        title: 'A Constructor of Prototypes',
        text: 'The constructor calls toString and valueOf on prototypes.',
      },
    ];
    const terms = await extractTermsInParallel(docs, { workers: 1 });
    expect(terms).toEqual(extractTerms(docs));
    for (const term of terms.get('c')!) {
      expect(typeof term.key).toBe('string');
      expect(typeof term.label).toBe('string');
    }
    expect(terms.get('c')!.map((term) => term.key)).toContain('constructor');
  });

  it('validates its input like extractTerms', async () => {
    await expect(
      extractTermsInParallel([
        { id: 'a', text: 'x' },
        { id: 'a', text: 'y' },
      ]),
    ).rejects.toThrow(/duplicate document id "a"/);
  });
});

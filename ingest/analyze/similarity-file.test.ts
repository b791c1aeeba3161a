// The similarity index kept between ingests: extended with a few papers as building it from
// every text would rank them, and written to and read from its file unchanged.
import { mkdtempSync, rmSync, truncateSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { allLists, buildIndexData, extendIndexData, indexOf } from './similar-papers.ts';
import { readIndexFile, writeIndexFile } from './similarity-file.ts';

const paper = (id: string, title: string, abstract: string) => ({ id, title, abstract });

const PAPERS = [
  paper('a', 'Instrumental variables for causal effects', 'Weak instruments bias causal effects.'),
  paper('b', 'Weak instruments in instrumental variable regression', 'Weak instruments bias.'),
  paper('c', 'Causal effects of advertising', 'A field experiment on advertising and sales.'),
  paper('d', 'Optics of thin lenses', 'Thin lenses focus light onto a focal plane.'),
  paper('e', 'Graph neural networks', 'A graph neural network learns on molecules.'),
  paper('f', 'Molecules as graphs', 'Graph neural networks predict molecule properties.'),
  paper('g', 'Focal length of thin lenses', 'We measure the focal length of thin lenses.'),
];

const ranked = (lists: ReturnType<typeof allLists>) =>
  Object.fromEntries(lists.map((list) => [list.paperId, list.similar.map((other) => other.id)]));

describe('extendIndexData', () => {
  it('ranks added papers as an index of every text does', () => {
    const whole = ranked(allLists(indexOf(buildIndexData(PAPERS))));
    const base = buildIndexData(PAPERS.slice(0, 5));
    const extended = extendIndexData(base, PAPERS.slice(5));
    // Stems indexed before keep their form ("networks" in e stays, whatever f writes).
    expect(extended.forms.slice(0, base.forms.length)).toEqual(base.forms);
    expect(extended.ids).toEqual(PAPERS.map((p) => p.id));
    const lists = ranked(allLists(indexOf(extended)));
    expect(lists.f).toEqual(whole.f);
    expect(lists.g).toEqual(whole.g);
    // "focal", "thin lenses": terms of one paper only when d was indexed, shared now.
    expect(lists.g).toEqual(['d']);
    expect(lists.d).toEqual(['g']);
    // Stems first seen in the added papers are written as they were.
    expect(indexOf(extended).phrases(6, 3)).toContain('thin lenses');
  });

  it('replaces a paper it holds: its old words no longer find it', () => {
    const data = buildIndexData(PAPERS);
    const rewritten = paper(
      'd',
      'Graph neural networks of molecules',
      'Neural networks on graphs.',
    );
    const extended = extendIndexData(data, [rewritten]);
    expect(extended.ids).toHaveLength(PAPERS.length);
    expect(extended.ids.at(-1)).toBe('d');
    const lists = ranked(allLists(indexOf(extended)));
    expect(lists.d).toContain('e');
    expect(lists.g ?? []).not.toContain('d');
    expect(extended.termDf.every((df) => df <= PAPERS.length)).toBe(true);
  });
});

describe('the similarity index file', () => {
  const dir = mkdtempSync(join(tmpdir(), 'topograph-similarity-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('reads back what it wrote, for the papers version it was written for only', () => {
    const file = join(dir, 'store.db.similarity');
    const data = buildIndexData(PAPERS);
    writeIndexFile(file, data, 7);
    const read = readIndexFile(file, 7)!;
    expect(read).toEqual(data);
    expect(ranked(allLists(indexOf(read)))).toEqual(ranked(allLists(indexOf(data))));
    expect(readIndexFile(file, 8)).toBeUndefined();
    expect(readIndexFile(join(dir, 'missing'), 7)).toBeUndefined();
  });

  it('takes a cut or foreign file for none (the index is built afresh)', () => {
    const file = join(dir, 'cut.similarity');
    writeIndexFile(file, buildIndexData(PAPERS), 3);
    truncateSync(file, 200);
    expect(readIndexFile(file, 3)).toBeUndefined();
    writeFileSync(file, 'SQLite format 3\0 not an index');
    expect(readIndexFile(file, 3)).toBeUndefined();
  });
});

// Similar papers by their whole texts, on hand-made texts whose order can be checked by reading.
import { describe, expect, it } from 'vitest';
import type { SimilarList } from '../../server/store/graph-store.ts';
import { similarityIndex, similarPapers, updateSimilar } from './similar-papers.ts';

const paper = (id: string, title: string, abstract: string) => ({ id, title, abstract });

const PAPERS = [
  paper(
    'a',
    'Instrumental variables for causal effects',
    'We estimate causal effects with instrumental variables under weak instruments.',
  ),
  paper(
    'b',
    'Weak instruments in instrumental variable regression',
    'Instrumental variable estimates are biased when instruments are weak.',
  ),
  paper(
    'c',
    'Causal effects of advertising',
    'We measure the causal effects of advertising on sales with a field experiment.',
  ),
  paper('d', 'Optics of thin lenses', 'Thin lenses focus light; we derive their focal length.'),
  paper('e', 'Graph neural networks', 'A graph neural network learns on graphs of molecules.'),
  paper('f', 'Molecules as graphs', 'Graph neural networks predict properties of molecules.'),
];

describe('similarPapers', () => {
  const lists = new Map(similarPapers(PAPERS).map((list) => [list.paperId, list.similar]));

  it('ranks by what the whole texts share, weighting rare words over common ones', () => {
    // a shares "instrumental variable(s)" and "weak instruments" with b, only "causal
    // effects" with c.
    expect(lists.get('a')?.map((other) => other.id)).toEqual(['b', 'c']);
    expect(lists.get('e')?.map((other) => other.id)).toEqual(['f']);
    const [b, c] = lists.get('a')!;
    expect(b!.score).toBeGreaterThan(c!.score);
    expect(b!.score).toBeLessThanOrEqual(1);
  });

  it('gives a paper sharing nothing an empty list, in the order the papers came', () => {
    expect([...lists.keys()]).toEqual(['a', 'b', 'c', 'd', 'e', 'f']);
    expect(lists.get('d')).toEqual([]);
  });

  it('is symmetric, as a cosine is', () => {
    const ab = lists.get('a')!.find((other) => other.id === 'b')!.score;
    const ba = lists.get('b')!.find((other) => other.id === 'a')!.score;
    expect(ab).toBe(ba);
  });

  it('gives as reasons the shared word pairs first, as written, without repeating a word', () => {
    const phrases = lists.get('e')![0]!.phrases;
    expect(phrases[0]).toMatch(/^(graph neural|neural network)$/);
    expect(phrases).toContain('molecules');
    // "graph neural" and "neural network" overlap: only one of them is given.
    expect(phrases.filter((phrase) => phrase.includes('neural'))).toHaveLength(1);
    expect(lists.get('a')![1]!.phrases).toEqual(['causal effects']);
  });

  it('keeps at most `limit` papers, best first', () => {
    const one = similarPapers(PAPERS, { limit: 1 });
    expect(one.find((list) => list.paperId === 'a')?.similar.map((other) => other.id)).toEqual([
      'b',
    ]);
  });
});

describe('updateSimilar', () => {
  // A store of five papers with their lists, then "f" added (or "a" changed).
  const storedLists = similarPapers(PAPERS.slice(0, 5));
  const stored = {
    readSimilar: async (ids: string[]): Promise<SimilarList[]> =>
      storedLists.filter((list) => ids.includes(list.paperId) && list.similar.length > 0),
    findListing: async (ids: string[]) =>
      storedLists
        .filter((list) => list.similar.some((other) => ids.includes(other.id)))
        .map((list) => list.paperId),
  };
  const index = similarityIndex(PAPERS);
  const full = new Map(similarPapers(PAPERS).map((list) => [list.paperId, list.similar]));

  it('gives a paper added its list, as a full run would', async () => {
    const lists = new Map(
      (await updateSimilar(index, new Set(['f']), stored)).map((list) => [list.paperId, list]),
    );
    expect(lists.get('f')?.similar).toEqual(full.get('f'));
    // "e" now has "f", with the score a full run gives it; papers "f" shares nothing with
    // keep their lists and are not written.
    expect(lists.get('e')?.similar).toEqual(full.get('e'));
    expect([...lists.keys()].sort()).toEqual(['e', 'f']);
  });

  it('puts a changed paper where its new score ranks it, in at most `limit`', async () => {
    const changed = [
      { id: 'a', title: 'Lenses', abstract: 'Thin lenses and the focal length of light.' },
    ];
    const papers = [...changed, ...PAPERS.slice(1, 5)];
    const lists = new Map(
      (await updateSimilar(similarityIndex(papers), new Set(['a']), stored, 1)).map((list) => [
        list.paperId,
        list.similar.map((other) => other.id),
      ]),
    );
    // "a" is now about optics: "d" (which had nothing) gets it; "b" and "c", which listed it,
    // are computed again: without it, nothing is like them.
    expect(lists.get('d')).toEqual(['a']);
    expect(lists.get('b')).toEqual([]);
    expect(lists.get('c')).toEqual([]);
  });
});

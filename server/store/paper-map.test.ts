import { describe, expect, it } from 'vitest';
import type { PaperMapInput } from './graph-store.ts';
import { buildPaperMap } from './paper-map.ts';

const mention = (
  paperId: string,
  topicId: string,
  score: number,
  df: number,
  place: { cluster: number; x: number; y: number },
) => ({ paperId, topicId, label: topicId.toUpperCase(), score, df, ...place });

const left = { cluster: 0, x: -10, y: 0 };
const right = { cluster: 1, x: 10, y: 0 };
const off = { cluster: -1, x: 0, y: 0 };

// Four papers in a corpus of 100: a and b share the rare "string diagram" (left) and the common
// "causal"; c shares only "causal" with them; d names only topics off the map, shared with c.
const INPUT: PaperMapInput = {
  paperCount: 100,
  nodes: [
    { id: 'a', title: 'A', published: '2020-05-01', hasCode: true },
    { id: 'b', title: 'B', hasCode: false },
    { id: 'c', title: 'C', published: '2023', hasCode: false },
    { id: 'd', title: 'D', hasCode: false },
    { id: 'e', title: 'E (shares nothing)', hasCode: false },
  ],
  mentions: [
    mention('a', 'string diagram', 0.9, 2, left),
    mention('a', 'causal', 0.5, 60, right),
    mention('b', 'string diagram', 0.8, 2, left),
    mention('b', 'causal', 0.5, 60, right),
    mention('c', 'causal', 0.9, 60, right),
    mention('c', 'optics', 0.5, 3, off),
    mention('d', 'optics', 0.7, 3, off),
  ],
  similar: [],
};

describe('buildPaperMap', () => {
  it('links by the stored similarity of the texts when the store has it', () => {
    // The texts say a–c and b–e (e shares no topic); a names b too. Pairs counted once, at the
    // higher of their two scores; a paper not drawn ("z") is ignored.
    const similar = [
      { paperId: 'a', id: 'c', score: 0.5 },
      { paperId: 'c', id: 'a', score: 0.5 },
      { paperId: 'a', id: 'b', score: 0.2 },
      { paperId: 'b', id: 'e', score: 0.4 },
      { paperId: 'b', id: 'z', score: 0.9 },
    ];
    const map = buildPaperMap({ ...INPUT, similar }, 1);
    expect(map.edges.map((e) => [e.source, e.target, e.strength])).toEqual([
      ['a', 'c', 0.5],
      ['b', 'e', 0.4],
    ]);
    // The reasons are still the shared topics.
    expect(map.edges[0]!.shared).toEqual(['CAUSAL']);
    expect(buildPaperMap({ ...INPUT, similar }, 5).edges).toHaveLength(3);
  });

  it('links each paper to its most related papers, explained by the topics they share', () => {
    const map = buildPaperMap(INPUT, 1);
    // With one link each: a–b (the rare topic), b's best is a too, c's best is d (optics is
    // rarer than causal), d's is c.
    expect(map.edges.map((e) => [e.source, e.target])).toEqual([
      ['a', 'b'],
      ['c', 'd'],
    ]);
    expect(map.edges[0]!.shared).toEqual(['STRING DIAGRAM', 'CAUSAL']);
    const all = buildPaperMap(INPUT, 5);
    expect(all.edges.map((e) => [e.source, e.target])).toEqual([
      ['a', 'b'],
      ['a', 'c'],
      ['b', 'c'],
      ['c', 'd'],
    ]);
    const strength = (s: string, t: string) =>
      all.edges.find((e) => e.source === s && e.target === t)!.strength;
    expect(strength('a', 'b')).toBeGreaterThan(strength('a', 'c'));
  });

  it('places a paper among its main topics, coloured by the first, and one off the map by its links', () => {
    const map = buildPaperMap(INPUT, 5);
    const node = (id: string) => map.nodes.find((n) => n.id === id)!;
    // a: 0.9 at the left, 0.5 at the right → weighted mean x = (−9 + 5) / 1.4 ≈ −2.86, spread
    // by at most 2.5% of the extent (20).
    expect(node('a').cluster).toBe(0);
    expect(Math.abs(node('a').x - -4 / 1.4)).toBeLessThanOrEqual(0.5);
    expect(node('c').cluster).toBe(1);
    expect(node('a')).toMatchObject({ year: 2020, hasCode: true, published: '2020-05-01' });
    expect(node('c').year).toBe(2023);
    // d names no topic on the map: it sits by c, its only link, with no cluster.
    expect(node('d').cluster).toBe(-1);
    expect(Math.abs(node('d').x - node('c').x)).toBeLessThanOrEqual(1);
    // e shares nothing and names nothing on the map: it cannot be placed, so it is left out.
    expect(map.nodes.map((n) => n.id)).toEqual(['a', 'b', 'c', 'd']);
    expect(node('a').linkCount).toBe(2);
  });

  it('gives the same map on every run', () => {
    expect(buildPaperMap(INPUT)).toEqual(buildPaperMap(INPUT));
  });
});

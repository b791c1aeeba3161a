// How the map sizes its nodes: a topic by its weight, not by every paper mentioning it.
import { UndirectedGraph } from 'graphology';
import { describe, expect, it } from 'vitest';
import { createMapAppearance } from './map-appearance.ts';
import type { MapEdgeAttributes, MapNodeAttributes } from './map-graph.ts';

const topic = (id: string, paperCount: number, weight?: number): MapNodeAttributes => ({
  kind: 'topic',
  id,
  label: id,
  paperCount,
  ...(weight === undefined ? {} : { weight }),
  cluster: 0,
  x: 0,
  y: 0,
  codeShare: 0,
  repositoryCount: 0,
});

describe('createMapAppearance', () => {
  it('sizes a topic by the papers naming it a key term, another node by its paper count', () => {
    const graph = new UndirectedGraph<MapNodeAttributes, MapEdgeAttributes>();
    // "learning" is mentioned by 72 papers and the key term of 2; "causal inference" by 43
    // and of 20.
    graph.addNode('learning', topic('learning', 72, 2));
    graph.addNode('causal inference', topic('causal inference', 43, 20));
    graph.addNode('middle', topic('middle', 5, 10));
    const sized = createMapAppearance(graph, []);
    expect(sized.nodeSize('causal inference')).toBeGreaterThan(sized.nodeSize('middle'));
    expect(sized.nodeSize('middle')).toBeGreaterThan(sized.nodeSize('learning'));
    // Without a weight (a paper on the paper map), the paper count sizes it.
    const papers = new UndirectedGraph<MapNodeAttributes, MapEdgeAttributes>();
    papers.addNode('a', topic('a', 8));
    papers.addNode('b', topic('b', 2));
    const paperSizes = createMapAppearance(papers, []);
    expect(paperSizes.nodeSize('a')).toBeGreaterThan(paperSizes.nodeSize('b'));
  });
});

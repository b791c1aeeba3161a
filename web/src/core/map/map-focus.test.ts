import { describe, expect, it } from 'vitest';
import { computeEmphasis, isEmphasisedEdge, MAX_FORCED_LABELS } from './map-focus.ts';
import { createTopicGraph } from './map-graph.ts';

// A small map shaped like the sample corpus: two causal topics, one generative topic.
const graph = createTopicGraph({
  attributes: { clusters: [] },
  options: { type: 'undirected', multi: false, allowSelfLoops: false },
  nodes: [
    {
      key: 'causal inference',
      attributes: {
        label: 'causal inference',
        paperCount: 9,
        weight: 9,
        cluster: 0,
        x: 0,
        y: 0,
        codeShare: 0,
        repositoryCount: 0,
      },
    },
    {
      key: 'counterfactual',
      attributes: {
        label: 'counterfactual',
        paperCount: 4,
        weight: 4,
        cluster: 0,
        x: 1,
        y: 0,
        codeShare: 0,
        repositoryCount: 0,
      },
    },
    {
      key: 'diffusion model',
      attributes: {
        label: 'diffusion model',
        paperCount: 3,
        weight: 3,
        cluster: 1,
        x: 5,
        y: 5,
        codeShare: 0,
        repositoryCount: 0,
      },
    },
    {
      key: 'broken',
      attributes: {
        label: 'broken',
        paperCount: 1,
        weight: 1,
        cluster: 1,
        x: Number.NaN,
        y: 0,
        codeShare: 0,
        repositoryCount: 0,
      },
    },
  ],
  edges: [
    {
      key: 'e1',
      source: 'causal inference',
      target: 'counterfactual',
      attributes: { paperCount: 3, strength: 0.5 },
    },
    {
      key: 'e2',
      source: 'counterfactual',
      target: 'diffusion model',
      attributes: { paperCount: 1, strength: 0.2 },
    },
    {
      key: 'e3',
      source: 'broken',
      target: 'counterfactual',
      attributes: { paperCount: 1, strength: 0.2 },
    },
  ],
});

const sorted = (set: ReadonlySet<string> | undefined) => [...(set ?? [])].sort();

describe('computeEmphasis', () => {
  it('drops nodes without coordinates, and their edges', () => {
    expect(graph.order).toBe(3);
    expect(graph.size).toBe(2);
  });

  it('emphasises nothing without hover or selection', () => {
    expect(
      computeEmphasis(graph, { hovered: null, hoveredCluster: null, selected: [] }),
    ).toBeNull();
  });

  it('emphasises the hovered topic and its neighbours, over the selection', () => {
    const emphasis = computeEmphasis(graph, {
      hovered: 'causal inference',
      hoveredCluster: 1,
      selected: ['diffusion model'],
    });
    expect(sorted(emphasis?.nodes)).toEqual(['causal inference', 'counterfactual']);
    expect(sorted(emphasis?.centers)).toEqual(['causal inference']);
  });

  it("emphasises a selected paper's topics and their neighbours, ignoring unknown ids", () => {
    const emphasis = computeEmphasis(graph, {
      hovered: null,
      hoveredCluster: null,
      selected: ['causal inference', 'unknown'],
    });
    expect(sorted(emphasis?.centers)).toEqual(['causal inference']);
    expect(sorted(emphasis?.nodes)).toEqual(['causal inference', 'counterfactual']);
  });

  it('emphasises the topics of a cluster hovered in the legend, over the selection', () => {
    const emphasis = computeEmphasis(graph, {
      hovered: null,
      hoveredCluster: 0,
      selected: ['diffusion model'],
    });
    expect(sorted(emphasis?.nodes)).toEqual(['causal inference', 'counterfactual']);
    expect(emphasis && isEmphasisedEdge(emphasis, 'causal inference', 'counterfactual')).toBe(true);
  });

  it('keeps edges that touch a centre inside the emphasis', () => {
    const emphasis = computeEmphasis(graph, {
      hovered: 'diffusion model',
      hoveredCluster: null,
      selected: [],
    });
    expect(emphasis).not.toBeNull();
    if (emphasis === null) return;
    expect(isEmphasisedEdge(emphasis, 'counterfactual', 'diffusion model')).toBe(true);
    expect(isEmphasisedEdge(emphasis, 'causal inference', 'counterfactual')).toBe(false);
  });
});

describe('forced labels', () => {
  it('labels a hovered topic and all its neighbours', () => {
    const emphasis = computeEmphasis(graph, {
      hovered: 'counterfactual',
      hoveredCluster: null,
      selected: [],
    });
    expect(sorted(emphasis?.labelled)).toEqual([
      'causal inference',
      'counterfactual',
      'diffusion model',
    ]);
  });

  it('labels only the strongest neighbours of a hub', () => {
    const hub = createTopicGraph({
      attributes: { clusters: [] },
      options: { type: 'undirected', multi: false, allowSelfLoops: false },
      nodes: Array.from({ length: MAX_FORCED_LABELS + 11 }, (_, i) => ({
        key: `t${i}`,
        attributes: {
          label: `t${i}`,
          paperCount: 2,
          weight: 2,
          cluster: 0,
          x: i,
          y: i,
          codeShare: 0,
          repositoryCount: 0,
        },
      })),
      edges: Array.from({ length: MAX_FORCED_LABELS + 10 }, (_, i) => ({
        key: `e${i}`,
        source: 't0',
        target: `t${i + 1}`,
        attributes: { paperCount: 1, strength: i },
      })),
    });
    const emphasis = computeEmphasis(hub, { hovered: 't0', hoveredCluster: null, selected: [] });
    expect(emphasis?.nodes.size).toBe(MAX_FORCED_LABELS + 11);
    expect(emphasis?.labelled.size).toBe(MAX_FORCED_LABELS + 1);
    expect(emphasis?.labelled.has(`t${MAX_FORCED_LABELS + 10}`)).toBe(true);
    expect(emphasis?.labelled.has('t1')).toBe(false);
  });

  it('forces no neighbour labels for a selection or a cluster', () => {
    const emphasis = computeEmphasis(graph, {
      hovered: null,
      hoveredCluster: 0,
      selected: [],
    });
    expect(emphasis?.labelled.size).toBe(0);
  });
});

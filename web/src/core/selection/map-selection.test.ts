import { describe, expect, it } from 'vitest';
import { cameraTarget, selectedNodes, type GraphNodes } from './map-selection.ts';

const graphOf = (nodes: Record<string, number>) => ({
  order: Object.keys(nodes).length,
  hasNode: (node: string) => node in nodes,
  nodes: () => Object.keys(nodes),
  filterNodes: (keep: (node: string, a: { cluster: number }) => boolean) =>
    Object.keys(nodes).filter((node) => keep(node, { cluster: nodes[node]! })),
});
const focusKey = (kind: string, id: string) => `${kind}:${id}`;
const none = { paperTopics: null, topicPapers: null, repositoryPapers: null };

describe('selectedNodes', () => {
  const papers: GraphNodes = graphOf({ p1: 0, p3: 1 });
  it('is the node itself where it is drawn, what stands for it elsewhere', () => {
    const topic = { kind: 'topic', id: 't' } as const;
    const paper = { kind: 'paper', id: 'p1' } as const;
    expect(selectedNodes(null, 'topics', none, undefined, focusKey)).toEqual([]);
    expect(selectedNodes(topic, 'topics', none, undefined, focusKey)).toEqual(['t']);
    expect(selectedNodes(topic, 'focus', none, undefined, focusKey)).toEqual(['topic:t']);
    // A paper on the topic map: its topics, once loaded.
    expect(selectedNodes(paper, 'topics', none, undefined, focusKey)).toEqual([]);
    const details = { ...none, paperTopics: [{ id: 'a' }, { id: 'b' }] };
    expect(selectedNodes(paper, 'topics', details, undefined, focusKey)).toEqual(['a', 'b']);
    // A topic on the paper map: its papers that are drawn.
    const withPapers = { ...none, topicPapers: [{ id: 'p1' }, { id: 'p2' }, { id: 'p3' }] };
    expect(selectedNodes(topic, 'papers', withPapers, papers, focusKey)).toEqual(['p1', 'p3']);
    expect(selectedNodes(paper, 'papers', none, papers, focusKey)).toEqual(['p1']);
    // A repository on the topic map: nothing stands for it.
    const repository = { kind: 'repository', id: 'r' } as const;
    expect(selectedNodes(repository, 'topics', none, undefined, focusKey)).toEqual([]);
  });
});

describe('cameraTarget', () => {
  const graph = graphOf({ a: 0, b: 0, c: 1 });
  const topic = { kind: 'topic', id: 'a' } as const;
  it('frames a pinned cluster, the focus graph as it grows, else the selection', () => {
    expect(
      cameraTarget({ route: topic, view: 'topics', selected: ['a'], pinnedCluster: 0, graph }),
    ).toEqual({ key: 'cluster:0', nodes: ['a', 'b'], fit: true });
    expect(
      cameraTarget({ route: null, view: 'topics', selected: [], pinnedCluster: null, graph }),
    ).toBeNull();
    expect(
      cameraTarget({ route: topic, view: 'focus', selected: [], pinnedCluster: null, graph }),
    ).toEqual({ key: 'focus:topic:a:3', nodes: ['a', 'b', 'c'], fit: true });
    // Still loading: a target with no nodes, so the camera waits rather than showing all.
    expect(
      cameraTarget({ route: topic, view: 'papers', selected: [], pinnedCluster: null, graph }),
    ).toEqual({ key: 'papers:topic:a', nodes: [] });
  });
});

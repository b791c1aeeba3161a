import { describe, expect, it } from 'vitest';
import type {
  PaperDetailResponse,
  RepositoryDetailResponse,
  TopicDetailResponse,
} from '../../../../server/api/types.ts';
import { createFocusGraph, FOCUS_LIMITS, type FocusDetail } from './focus-graph.ts';

const topic = (id: string, papers: string[], coOccurring: string[]): FocusDetail => ({
  kind: 'topic',
  data: {
    topic: { id, label: id, aliases: [], paperCount: papers.length, cluster: 0, x: 0, y: 0 },
    papers: papers.map((p) => ({ id: p, title: `Paper ${p}`, score: 1, hasCode: false })),
    repositories: [],
    coOccurring: coOccurring.map((t) => ({ id: t, label: t, paperCount: 1, strength: 1 })),
    years: [],
  } satisfies TopicDetailResponse,
});

const paper = (id: string, topics: string[], repositories: string[]): FocusDetail => ({
  kind: 'paper',
  data: {
    paper: {
      id,
      title: `Paper ${id}`,
      abstract: '',
      authors: [],
      categories: [],
      references: [],
      links: [],
      sources: [],
    },
    topics: topics.map((t) => ({ id: t, label: t, score: 1, inTitle: false })),
    repositories: repositories.map((r) => ({
      id: r,
      url: `https://${r}`,
      host: 'github.com',
      owner: 'o',
      name: r,
      kind: 'code' as const,
      status: 'released' as const,
    })),
    related: [],
  } satisfies PaperDetailResponse,
});

const repository = (id: string, papers: string[]): FocusDetail => ({
  kind: 'repository',
  data: {
    repository: {
      id,
      url: `https://${id}`,
      host: 'github.com',
      owner: 'o',
      name: id,
      kind: 'code',
    },
    papers: papers.map((p) => ({ id: p, title: `Paper ${p}`, status: 'released' as const })),
  } satisfies RepositoryDetailResponse,
});

describe('createFocusGraph', () => {
  it('draws the first node with its neighbours of every kind around it', () => {
    const graph = createFocusGraph([topic('causal graph', ['1', '2'], ['dag'])]);
    expect(graph.nodes().sort()).toEqual(['paper:1', 'paper:2', 'topic:causal graph', 'topic:dag']);
    expect(graph.degree('topic:causal graph')).toBe(3);
    expect(graph.getNodeAttributes('topic:causal graph')).toMatchObject({
      x: 0,
      y: 0,
      kind: 'topic',
    });
    expect(graph.getNodeAttributes('paper:1')).toMatchObject({
      kind: 'paper',
      id: '1',
      label: 'Paper 1',
    });
    // On a ring of radius 10.
    const { x, y } = graph.getNodeAttributes('paper:2');
    expect(Math.hypot(x, y)).toBeCloseTo(10, 5);
  });

  it('opens a neighbour: new nodes around it, facing outwards; what was there stays put', () => {
    const first = createFocusGraph([topic('causal graph', ['1'], [])]);
    const before = first.getNodeAttributes('paper:1');
    const graph = createFocusGraph([
      topic('causal graph', ['1'], []),
      paper('1', ['causal graph', 'dag'], ['github.com/o/r']),
    ]);
    expect(graph.getNodeAttributes('paper:1')).toMatchObject({ x: before.x, y: before.y });
    expect(graph.nodes().sort()).toEqual([
      'paper:1',
      'repository:github.com/o/r',
      'topic:causal graph',
      'topic:dag',
    ]);
    // One edge between the topic and the paper, though both list each other.
    expect(graph.size).toBe(3);
    // The paper's new neighbours sit further out than the paper.
    const dag = graph.getNodeAttributes('topic:dag');
    expect(Math.hypot(dag.x, dag.y)).toBeGreaterThan(Math.hypot(before.x, before.y));
    // Sizes follow how connected a node is here.
    expect(graph.getNodeAttribute('paper:1', 'paperCount')).toBe(3);
  });

  it('keeps a topic and a paper with the same id apart, and caps each neighbourhood', () => {
    const many = Array.from({ length: 40 }, (_, i) => String(i));
    const graph = createFocusGraph([repository('x', many), topic('x', ['x'], [])]);
    expect(graph.hasNode('repository:x') && graph.hasNode('topic:x')).toBe(true);
    expect(graph.degree('repository:x')).toBe(FOCUS_LIMITS.repositoryPapers);
    // "topic:x" was not a neighbour: it starts a ring of its own, to the right.
    expect(graph.getNodeAttribute('topic:x', 'x')).toBeGreaterThan(10);
    expect(graph.hasEdge('topic:x', 'paper:x')).toBe(true);
  });
});

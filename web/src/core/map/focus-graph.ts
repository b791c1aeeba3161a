/**
 * The focus view's graph: the neighbourhoods of the nodes the reader opened, starting from
 * the selection — a topic's papers and co-occurring topics, a paper's topics, repositories and
 * related papers, a repository's papers — drawn from the same detail answers the side panel
 * shows. Laid out as rings: the first node in the middle, its neighbours around it, and each
 * node opened later with its new neighbours on an arc turned away from the middle, so what
 * was already there stays put. Pure; keys are `kind:id`, since a topic and a paper may share
 * an id.
 */
import { UndirectedGraph } from 'graphology';
import type {
  PaperDetailResponse,
  RepositoryDetailResponse,
  TopicDetailResponse,
} from '../../../../server/api/types.ts';
import type { MapGraph, NodeKind } from './map-graph.ts';

export type FocusDetail =
  | { kind: 'topic'; data: TopicDetailResponse }
  | { kind: 'paper'; data: PaperDetailResponse }
  | { kind: 'repository'; data: RepositoryDetailResponse };

/** How many neighbours of each sort an opened node brings, strongest first. */
export const FOCUS_LIMITS = {
  topicPapers: 12,
  coOccurring: 8,
  paperTopics: 10,
  related: 6,
  repositoryPapers: 15,
} as const;

const RING = { first: 10, later: 6 } as const;
/** Later nodes spread their neighbours over this arc (radians), facing outwards. */
const ARC = (4 * Math.PI) / 3;

export const focusKey = (kind: NodeKind, id: string) => `${kind}:${id}`;

interface Neighbour {
  kind: NodeKind;
  id: string;
  label: string;
}

function neighboursOf(detail: FocusDetail): { self: string; neighbours: Neighbour[] } {
  switch (detail.kind) {
    case 'topic': {
      const { topic, papers, coOccurring } = detail.data;
      return {
        self: topic.label,
        neighbours: [
          ...papers
            .slice(0, FOCUS_LIMITS.topicPapers)
            .map((p) => ({ kind: 'paper' as const, id: p.id, label: p.title })),
          ...coOccurring
            .slice(0, FOCUS_LIMITS.coOccurring)
            .map((t) => ({ kind: 'topic' as const, id: t.id, label: t.label })),
        ],
      };
    }
    case 'paper': {
      const { paper, topics, repositories, related } = detail.data;
      return {
        self: paper.title,
        neighbours: [
          ...topics
            .slice(0, FOCUS_LIMITS.paperTopics)
            .map((t) => ({ kind: 'topic' as const, id: t.id, label: t.label })),
          ...repositories.map((r) => ({
            kind: 'repository' as const,
            id: r.id,
            label: `${r.owner}/${r.name}`,
          })),
          ...related
            .slice(0, FOCUS_LIMITS.related)
            .map((p) => ({ kind: 'paper' as const, id: p.id, label: p.title })),
        ],
      };
    }
    case 'repository': {
      const { repository, papers } = detail.data;
      return {
        self: `${repository.owner}/${repository.name}`,
        neighbours: papers
          .slice(0, FOCUS_LIMITS.repositoryPapers)
          .map((p) => ({ kind: 'paper' as const, id: p.id, label: p.title })),
      };
    }
  }
}

/**
 * The graph of the opened nodes, in the order they were opened (each with its loaded detail;
 * one still loading or failed is skipped). A node opened later that is not in the graph yet
 * (it was not a neighbour) starts a new ring to the right of what is there.
 */
export function createFocusGraph(opened: readonly FocusDetail[]): MapGraph {
  const graph: MapGraph = new UndirectedGraph();
  const add = (node: Neighbour, x: number, y: number) => {
    const key = focusKey(node.kind, node.id);
    if (!graph.hasNode(key)) {
      graph.addNode(key, {
        kind: node.kind,
        id: node.id,
        label: node.label,
        x,
        y,
        cluster: -1,
        paperCount: 0,
        codeShare: 0,
        repositoryCount: 0,
      });
    }
    return key;
  };
  let origin: { x: number; y: number } | null = null;
  for (const detail of opened) {
    const { self, neighbours } = neighboursOf(detail);
    const id =
      detail.kind === 'topic'
        ? detail.data.topic.id
        : detail.kind === 'paper'
          ? detail.data.paper.id
          : detail.data.repository.id;
    let centre: { x: number; y: number };
    const existing = focusKey(detail.kind, id);
    if (graph.hasNode(existing)) centre = graph.getNodeAttributes(existing);
    else {
      let right = -Infinity;
      graph.forEachNode((_, { x }) => (right = Math.max(right, x)));
      centre = origin === null ? { x: 0, y: 0 } : { x: right + 2 * RING.first, y: 0 };
    }
    const key = add({ kind: detail.kind, id, label: self }, centre.x, centre.y);
    const first = origin === null;
    origin ??= centre;
    const fresh = neighbours.filter((n) => !graph.hasNode(focusKey(n.kind, n.id)));
    const outwards = Math.atan2(centre.y - origin.y, centre.x - origin.x);
    fresh.forEach((neighbour, i) => {
      const angle = first
        ? (2 * Math.PI * i) / Math.max(1, fresh.length) - Math.PI / 2
        : outwards - ARC / 2 + (ARC * (i + 0.5)) / fresh.length;
      // A later arc widens with its neighbours, about 3 units apart along it.
      const radius = first ? RING.first : Math.max(RING.later, (3 * fresh.length) / ARC);
      add(neighbour, centre.x + radius * Math.cos(angle), centre.y + radius * Math.sin(angle));
    });
    for (const neighbour of neighbours) {
      const other = focusKey(neighbour.kind, neighbour.id);
      if (other !== key && !graph.hasEdge(key, other)) {
        graph.addEdgeWithKey(`${key}->${other}`, key, other, { paperCount: 1, strength: 1 });
      }
    }
  }
  // Sized by how connected a node is here: opened nodes and shared neighbours stand out.
  graph.forEachNode((node) => graph.setNodeAttribute(node, 'paperCount', graph.degree(node)));
  return graph;
}

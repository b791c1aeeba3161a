/**
 * The paper map: papers linked to the papers they are most related to (the related papers of
 * the paper panel, over the papers drawn), each placed where its main topics sit on the
 * topic map, so switching between the two maps keeps the reader's bearings: a paper about
 * string diagrams appears among the string-diagram topics. Its colour is the cluster of its
 * main topic on the map. Pure, so both store adapters draw the same map.
 */
import type { PaperMapInput } from './graph-store.ts';
import { sharedWeight } from './related.ts';

export interface PaperMapNode {
  id: string;
  title: string;
  published?: string;
  year?: number;
  hasCode: boolean;
  /** The cluster of its main topic on the map; -1 when it mentions none (placed by its links). */
  cluster: number;
  x: number;
  y: number;
  /** Its related papers on this map (links drawn to it). */
  linkCount: number;
}

export interface PaperMapEdge {
  source: string;
  target: string;
  strength: number;
  /** The topics both papers mention, most telling first (at most three). */
  shared: string[];
}

export interface PaperMap {
  nodes: PaperMapNode[];
  edges: PaperMapEdge[];
}

/** How many main topics place a paper, and how far papers spread around that point. */
const PLACING_TOPICS = 3;
const SPREAD = 0.025;

type Mention = PaperMapInput['mentions'][number];

/** A number in [0, 1) from a string, the same on every run (FNV-1a). */
function unitHash(text: string, seed: number): number {
  let hash = 0x811c9dc5 ^ seed;
  for (let i = 0; i < text.length; i++) {
    hash ^= text.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193);
  }
  return (hash >>> 0) / 2 ** 32;
}

/**
 * Each paper linked to its `linksPerPaper` most related papers among those drawn: by the
 * stored similarity of their texts (as the paper panel ranks them), or, in a store no analysis
 * has written similar papers to, by their shared topics.
 */
function strongestLinks(input: PaperMapInput, linksPerPaper: number): Map<number, number> {
  const n = input.nodes.length;
  const index = new Map(input.nodes.map((node, i) => [node.id, i]));
  const scores =
    input.similar.length > 0 ? similarPairs(input, index) : sharedTopicPairs(input, index);
  const best: [number, number][][] = Array.from({ length: n }, () => []);
  for (const [key, score] of scores) {
    best[Math.floor(key / n)]!.push([key, score]);
    best[key % n]!.push([key, score]);
  }
  const kept = new Map<number, number>();
  for (const list of best) {
    list.sort((a, b) => b[1] - a[1] || a[0] - b[0]);
    for (const [key, score] of list.slice(0, linksPerPaper)) kept.set(key, score);
  }
  return kept;
}

/** Pair key `i·n + j` (i < j) → the similarity of papers i and j (the larger of the two). */
function similarPairs(input: PaperMapInput, index: Map<string, number>): Map<number, number> {
  const n = input.nodes.length;
  const scores = new Map<number, number>();
  for (const { paperId, id, score } of input.similar) {
    const a = index.get(paperId);
    const b = index.get(id);
    if (a === undefined || b === undefined || a === b) continue;
    const key = Math.min(a, b) * n + Math.max(a, b);
    scores.set(key, Math.max(scores.get(key) ?? 0, score));
  }
  return scores;
}

/** Pair key → the shared-topic score of the two papers (related.ts's `sharedWeight`, summed). */
function sharedTopicPairs(input: PaperMapInput, index: Map<string, number>): Map<number, number> {
  const n = input.nodes.length;
  const byTopic = new Map<string, { mention: Mention; paper: number }[]>();
  for (const mention of input.mentions) {
    const paper = index.get(mention.paperId);
    if (paper === undefined) continue;
    const list = byTopic.get(mention.topicId) ?? [];
    list.push({ mention, paper });
    byTopic.set(mention.topicId, list);
  }
  const scores = new Map<number, number>();
  for (const list of byTopic.values()) {
    for (let a = 0; a < list.length; a++) {
      for (let b = a + 1; b < list.length; b++) {
        const [first, second] = [list[a]!, list[b]!];
        const i = Math.min(first.paper, second.paper);
        const j = Math.max(first.paper, second.paper);
        const weight = sharedWeight(
          { score: first.mention.score, otherScore: second.mention.score, df: first.mention.df },
          input.paperCount,
        );
        if (weight > 0) scores.set(i * n + j, (scores.get(i * n + j) ?? 0) + weight);
      }
    }
  }
  return scores;
}

export function buildPaperMap(input: PaperMapInput, linksPerPaper = 5): PaperMap {
  const n = input.nodes.length;
  const mentionsOf = new Map<string, Mention[]>();
  for (const mention of input.mentions) {
    const list = mentionsOf.get(mention.paperId) ?? [];
    list.push(mention);
    mentionsOf.set(mention.paperId, list);
  }
  const links = strongestLinks(input, linksPerPaper);

  // Where the topic map puts the paper's main topics, weighted by how strongly it names them.
  const placed = input.nodes.map((node) => {
    const onMap = (mentionsOf.get(node.id) ?? [])
      .filter((mention) => mention.cluster >= 0)
      .sort((a, b) => b.score - a.score || (a.topicId < b.topicId ? -1 : 1))
      .slice(0, PLACING_TOPICS);
    const weight = onMap.reduce((sum, mention) => sum + mention.score, 0);
    if (onMap.length === 0 || !(weight > 0)) return null;
    return {
      cluster: onMap[0]!.cluster,
      x: onMap.reduce((sum, mention) => sum + mention.x * mention.score, 0) / weight,
      y: onMap.reduce((sum, mention) => sum + mention.y * mention.score, 0) / weight,
    };
  });
  // A paper naming no topic on the map sits amid the papers it is linked to.
  const neighbours: number[][] = Array.from({ length: n }, () => []);
  for (const key of links.keys()) {
    neighbours[Math.floor(key / n)]!.push(key % n);
    neighbours[key % n]!.push(Math.floor(key / n));
  }
  const positions = placed.map((position, i) => {
    if (position !== null) return position;
    const around = neighbours[i]!.flatMap((j) => (placed[j] ? [placed[j]] : []));
    if (around.length === 0) return null;
    return {
      cluster: -1,
      x: around.reduce((sum, p) => sum + p.x, 0) / around.length,
      y: around.reduce((sum, p) => sum + p.y, 0) / around.length,
    };
  });

  // Papers on the same topics would stack: spread each around its point, by its id.
  const xs = positions.flatMap((p) => (p ? [p.x] : []));
  const ys = positions.flatMap((p) => (p ? [p.y] : []));
  const extent = Math.max(
    xs.length ? Math.max(...xs) - Math.min(...xs) : 0,
    ys.length ? Math.max(...ys) - Math.min(...ys) : 0,
    1,
  );
  const nodes: PaperMapNode[] = [];
  input.nodes.forEach((node, i) => {
    const position = positions[i];
    if (!position) return;
    const angle = 2 * Math.PI * unitHash(node.id, 1);
    const radius = SPREAD * extent * Math.sqrt(unitHash(node.id, 2));
    const year = Number(node.published?.slice(0, 4));
    nodes.push({
      id: node.id,
      title: node.title,
      ...(node.published ? { published: node.published } : {}),
      ...(Number.isInteger(year) && year > 0 ? { year } : {}),
      hasCode: node.hasCode,
      cluster: position.cluster,
      x: position.x + radius * Math.cos(angle),
      y: position.y + radius * Math.sin(angle),
      linkCount: neighbours[i]!.length,
    });
  });

  const drawn = new Set(nodes.map((node) => node.id));
  const edges: PaperMapEdge[] = [];
  for (const [key, score] of [...links].sort((a, b) => a[0] - b[0])) {
    const source = input.nodes[Math.floor(key / n)]!;
    const target = input.nodes[key % n]!;
    if (!drawn.has(source.id) || !drawn.has(target.id)) continue;
    const theirs = new Map((mentionsOf.get(target.id) ?? []).map((m) => [m.topicId, m]));
    const shared = (mentionsOf.get(source.id) ?? [])
      .flatMap((mine) => {
        const other = theirs.get(mine.topicId);
        return other
          ? [
              {
                label: mine.label,
                weight: sharedWeight({ ...mine, otherScore: other.score }, input.paperCount),
              },
            ]
          : [];
      })
      .sort((a, b) => b.weight - a.weight || a.label.localeCompare(b.label))
      .slice(0, 3)
      .map(({ label }) => label);
    edges.push({
      source: source.id,
      target: target.id,
      strength: Math.round(score * 1000) / 1000,
      shared,
    });
  }
  return { nodes, edges };
}

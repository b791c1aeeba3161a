// Corpus analysis on hand-computed examples and on the mentions of the real sample corpus.
import { beforeAll, describe, expect, it } from 'vitest';
import type { TopicMentions } from '../../server/store/graph-store.ts';
import { createSqliteStore } from '../../server/store/sqlite/sqlite-store.ts';
import { ingest } from '../pipeline.ts';
import { alignOnto } from './align.ts';
import {
  analyzeTopics,
  mostRelevant,
  defaultMinPapers,
  drawTopicMap,
  RELEVANCE_FROM_PAPERS,
  stableClusterIds,
} from './analyze-topics.ts';
import { coOccurrences, countPairs } from './co-occurrence.ts';
import { nameCluster } from './name-clusters.ts';
import { relevanceScores } from './relevance.ts';

const topic = (id: string, df: number, label = id) => ({
  id,
  label,
  df,
  keyDf: df,
  cluster: -1,
  x: 0,
  y: 0,
});
const mention = (paperId: string, topicId: string) => ({ paperId, topicId });
const facts = (ids: string[]) => ids.map((id) => ({ id, hasCode: false, repositories: [] }));

describe('coOccurrences', () => {
  const options = { linksPerTopic: 8, maxLinks: 100, minPapers: 1 };

  it('counts each pair once per paper and computes association strength', () => {
    // 4 papers; a in 2, b in 2, c in 3. Pairs: a–b in 2 papers, b–c in 1, a–c in 1.
    const papers = [['a', 'b', 'c', 'c'], ['a', 'b'], ['c'], ['c']];
    const df = new Map([
      ['a', 2],
      ['b', 2],
      ['c', 3],
    ]);
    // strength = c·N/(dfᵢ·dfⱼ): a–b 2·4/4 = 2; a–c 1·4/6; b–c 1·4/6.
    expect(coOccurrences(papers, df, options)).toEqual([
      { source: 'a', target: 'b', paperCount: 2, strength: 2 },
      { source: 'a', target: 'c', paperCount: 1, strength: 0.666667 },
      { source: 'b', target: 'c', paperCount: 1, strength: 0.666667 },
    ]);
  });

  it('keeps the strongest links of each topic, and at most maxLinks in all', () => {
    const papers = [['hub', 'x1'], ['hub', 'x2'], ['hub', 'x3'], ['x1']];
    const df = new Map([
      ['hub', 3],
      ['x1', 2],
      ['x2', 1],
      ['x3', 1],
    ]);
    const edges = coOccurrences(papers, df, { ...options, linksPerTopic: 1 });
    // hub–x2 and hub–x3 are strongest (4/3 each); x1's only link is kept for x1's sake.
    expect(edges.map((e) => `${e.source}-${e.target}`)).toEqual(['hub-x2', 'hub-x3', 'hub-x1']);
    const capped = coOccurrences(papers, df, { ...options, maxLinks: 2 });
    expect(capped.map((e) => `${e.source}-${e.target}`)).toEqual(['hub-x2', 'hub-x3']);
  });
});

describe('relevanceScores', () => {
  it('scores a topic concentrated in one cluster above one spread over all', () => {
    // Topics 0–1 form cluster 0, 2–3 cluster 1; topic 4, put in cluster 0, co-occurs with all
    // four alike.
    const paper = [
      [0, 1],
      [0, 1],
      [0, 1],
      [2, 3],
      [2, 3],
      [2, 3],
      [4, 0],
      [4, 1],
      [4, 2],
      [4, 3],
    ];
    // Seen ten times over: enough co-occurrences that the smoothing prior matters little.
    const pairs = countPairs(Array.from({ length: 10 }, () => paper).flat(), 5);
    const scores = relevanceScores(5, pairs, [0, 0, 1, 1, 0]);
    expect(scores[4]).toBeLessThan(Math.min(...scores.slice(0, 4)));
  });
});

describe('stableClusterIds', () => {
  it('passes an old id to the new cluster holding most of its topics; new ones take free ids', () => {
    // Old clusters 7 (topics 0–2) and 3 (topics 3–5); 6 and 7 are new topics.
    const previous = [7, 7, 7, 3, 3, 3, -1, -1];
    // Leiden's new numbering: 0 holds old 3's topics, 1 old 7's, 2 only new topics.
    const fresh = [1, 1, 1, 0, 0, 0, 2, 2];
    expect(stableClusterIds(fresh, previous)).toEqual([7, 7, 7, 3, 3, 3, 0, 0]);
  });

  it('gives no id to a cluster that only took a minority of an old one', () => {
    // Old cluster 0 split in three: no part holds most of it, so its id is free again.
    expect(stableClusterIds([0, 0, 1, 1, 2, 2], [0, 0, 0, 0, 0, 0])).toEqual([0, 0, 1, 1, 2, 2]);
  });
});

describe('alignOnto', () => {
  it('undoes a rotation, reflection, scaling and shift', () => {
    const old = [
      [0, 0],
      [4, 0],
      [4, 2],
      [1, 3],
    ];
    // The same shape mirrored, turned 90°, halved and moved.
    const xs = old.map(([, y]) => 10 + y! / 2);
    const ys = old.map(([x]) => 5 + x! / 2);
    const [ax, ay] = alignOnto(
      xs,
      ys,
      old.map(([x, y], i) => ({ i, x: x!, y: y! })),
    );
    ax.forEach((x, i) => expect(x).toBeCloseTo(old[i]![0]!, 9));
    ay.forEach((y, i) => expect(y).toBeCloseTo(old[i]![1]!, 9));
  });
});

describe('nameCluster', () => {
  const member = (id: string, df: number, inside: number, total: number) => ({
    id,
    label: id,
    df,
    inside,
    total,
  });

  it('names a cluster by topics many papers mention and that stay inside it', () => {
    // score = papers × one-word weight × (inside + 30 × cluster share) / (total + 30); the
    // cluster keeps 518 of its 1,508 link weights inside (share 0.3435).
    const name = nameCluster([
      member('language model', 40, 50, 1000), // common, links everywhere: 2.34
      member('string diagram', 8, 90, 100), // 6.17
      member('diagram surgery', 6, 100, 100), // 5.09
      member('string diagram surgery', 6, 100, 100), // repeats "string diagram"
      // 4 without the prior (all of its few links inside): 1.93 with it.
      member('central focus', 4, 8, 8),
      member('functor', 5, 90, 100), // a plain word, half: 1.93
      member('monoidal category', 4, 80, 100), // 2.78
    ]);
    expect(name).toBe('string diagram · diagram surgery · monoidal category');
  });

  it('weighs acronyms, names and hyphenated words in full, plain words at half', () => {
    const name = nameCluster([
      member('functor', 10, 100, 100),
      member('ZX-calculus', 6, 100, 100),
      member('PROP', 6, 100, 100),
      member('string-diagram', 6, 100, 100),
    ]);
    // "functor" scores 5, the others 6 (ties in id order).
    expect(name).toBe('PROP · ZX-calculus · string-diagram');
  });
});

describe('analyzeTopics', () => {
  it('maps linked groups of three or more, names clusters, computes overlays', () => {
    const analysis = analyzeTopics({
      version: 7,
      paperCount: 6,
      topics: [
        topic('llm', 3, 'large language model'),
        topic('agent', 2),
        topic('solo', 2),
        topic('x', 2),
        topic('y', 2),
      ],
      mentions: [
        mention('p1', 'llm'),
        mention('p1', 'agent'),
        mention('p2', 'llm'),
        mention('p2', 'agent'),
        mention('p3', 'llm'),
        mention('p4', 'solo'),
        mention('p5', 'solo'),
        mention('p6', 'x'),
        mention('p6', 'y'),
        mention('p5', 'x'),
      ],
      facts: [
        { id: 'p1', year: 2020, hasCode: true, repositories: ['github.com/a/b'] },
        { id: 'p2', year: 2023, hasCode: false, repositories: ['github.com/a/b'] },
        ...facts(['p3', 'p4', 'p5', 'p6']),
      ],
    });
    // solo–x–y and llm–agent are two groups of three and two: only the first makes the map.
    const onMap = analysis.topics.filter((t) => t.cluster >= 0).map((t) => t.id);
    expect(onMap.sort()).toEqual(['solo', 'x', 'y']);
    // Every candidate keeps its overlays, on the map or off it.
    expect(analysis.topics.find((t) => t.id === 'llm')).toMatchObject({
      cluster: -1,
      year: 2021.5,
      codeShare: 0.333,
      repositoryCount: 1,
    });
    expect(analysis.clusters).toHaveLength(1);
    expect(analysis.clusters[0]).toMatchObject({
      id: 0,
      topicCount: 3,
      paperCount: 3,
      codeShare: 0,
    });
    // The map of the papers it read: their version goes with it to the store.
    expect(analysis.version).toBe(7);
    expect(analysis.clusters[0]!.label.split(' · ').sort()).toEqual(['solo', 'x', 'y']);
  });

  it('draws no map when no topics are linked, and keeps their overlays', () => {
    const analysis = analyzeTopics({
      version: 1,
      paperCount: 2,
      topics: [topic('a', 1), topic('b', 1)],
      mentions: [mention('p1', 'a'), mention('p2', 'b')],
      facts: [{ id: 'p1', year: 2024, hasCode: true, repositories: ['github.com/a/b'] }],
    });
    expect(analysis).toEqual({
      version: 1,
      topics: [
        { id: 'a', cluster: -1, x: 0, y: 0, year: 2024, codeShare: 1, repositoryCount: 1 },
        { id: 'b', cluster: -1, x: 0, y: 0, codeShare: 0, repositoryCount: 0 },
      ],
      coOccurrences: [],
      clusters: [],
    });
    expect(
      analyzeTopics({ version: 0, paperCount: 0, topics: [], mentions: [], facts: [] }).topics,
    ).toEqual([]);
  });

  it('adapts the minimum number of papers to the corpus size', () => {
    expect([150, 5_000, 25_000, 80_000].map(defaultMinPapers)).toEqual([2, 3, 5, 10]);
  });

  it('leaves off the map a topic spread evenly over the field, in a big enough corpus', () => {
    // Four fields of five specific topics; "proposed method" appears in papers of all four.
    const topics = [topic('proposed method', 400)];
    const mentions: ReturnType<typeof mention>[] = [];
    for (let paper = 0; paper < RELEVANCE_FROM_PAPERS; paper++) {
      const field = paper % 4;
      const id = `p${paper}`;
      for (let k = 0; k < 3; k++) mentions.push(mention(id, `f${field}t${(paper + k) % 5}`));
      if (paper % 5 === 0 || paper % 7 === 0) mentions.push(mention(id, 'proposed method'));
    }
    for (let field = 0; field < 4; field++) {
      for (let t = 0; t < 5; t++) topics.push(topic(`f${field}t${t}`, 150));
    }
    const analysis = (papers: number) =>
      analyzeTopics({
        version: 1,
        paperCount: papers,
        topics,
        mentions,
        facts: facts([...new Set(mentions.map((m) => m.paperId))]),
      });
    const mapOf = (papers: number) =>
      new Set(
        analysis(papers)
          .topics.filter((t) => t.cluster >= 0)
          .map((t) => t.id),
      );
    const onMap = mapOf(RELEVANCE_FROM_PAPERS);
    expect(onMap.has('proposed method')).toBe(false);
    // 60% of the 21 candidates are kept (12), less any field left with under three topics.
    expect(onMap.size).toBeLessThanOrEqual(12);
    expect(onMap.size).toBeGreaterThanOrEqual(9);
    // Four fields, no longer linked once the spread topic is gone, all drawn and near.
    const placed = analysis(RELEVANCE_FROM_PAPERS).topics.filter((t) => t.cluster >= 0);
    const radius = Math.max(...placed.map((t) => Math.hypot(t.x, t.y)));
    expect(radius).toBeLessThan(1_000);
    // In a smaller corpus no topic is dropped for its spread.
    expect(mapOf(RELEVANCE_FROM_PAPERS - 1).has('proposed method')).toBe(true);
  });

  it('raises the resolution until no cluster holds more than a quarter of the map', () => {
    // 12 fields of 6 topics in a ring; each paper names 3 topics of its field and, often, one
    // of each of the next three fields: at resolution 1 Leiden sees only 3 clusters.
    let state = 1;
    const random = () => (state = (state * 48271) % 2147483647) / 2147483647;
    const mentions = new Map<string, ReturnType<typeof mention>>();
    const add = (paperId: string, topicId: string) =>
      mentions.set(`${paperId} ${topicId}`, mention(paperId, topicId));
    for (let paper = 0; paper < 900; paper++) {
      const field = paper % 12;
      for (let k = 0; k < 3; k++) add(`p${paper}`, `f${field}t${Math.floor(random() * 6)}`);
      for (let next = 1; next <= 3; next++) {
        add(`p${paper}`, `f${(field + next) % 12}t${Math.floor(random() * 6)}`);
      }
    }
    const df = new Map<string, number>();
    for (const { topicId } of mentions.values()) df.set(topicId, (df.get(topicId) ?? 0) + 1);
    const input = {
      version: 1,
      paperCount: 900,
      topics: [...df].map(([id, papers]) => topic(id, papers)),
      mentions: [...mentions.values()],
      facts: [],
    };
    const largestShare = (analysis: ReturnType<typeof analyzeTopics>) =>
      Math.max(...analysis.clusters.map((c) => c.topicCount)) / 72;
    const { analysis: atOne, report: fixed } = drawTopicMap(input, { resolution: 1 });
    expect(largestShare(atOne)).toBeGreaterThan(0.25);
    const { analysis: raised, report: chosen } = drawTopicMap(input);
    expect(largestShare(raised)).toBeLessThanOrEqual(0.25);
    expect(chosen.resolution).toBeGreaterThan(1);
    expect(chosen.clusterCount).toBeGreaterThan(fixed.clusterCount!);

    // Drawn again from that map, it keeps the map's resolution while it fits (a higher one
    // does), and chooses again when it does not (1 gives a cluster of over a quarter).
    const drawn = analyzeTopics(input);
    expect(drawn.resolution).toBe(chosen.resolution);
    const placed = new Map(drawn.topics.map((t) => [t.id, t]));
    const previous = {
      ...input,
      topics: input.topics.map((t) => ({ ...t, ...placed.get(t.id)! })),
    };
    const higher = Math.round(chosen.resolution! * 1.5 * 1000) / 1000;
    expect(analyzeTopics({ ...previous, resolution: higher }).resolution).toBe(higher);
    expect(analyzeTopics({ ...previous, resolution: 1 }).resolution).toBe(chosen.resolution);
    // A new map chooses afresh whatever the previous one was drawn at.
    expect(analyzeTopics({ ...previous, resolution: higher }, { fresh: true }).resolution).toBe(
      chosen.resolution,
    );
  });

  it('keeps a topic of the previous map until a newcomer is half as relevant again', () => {
    const relevance = [1, 0.9, 0.7, 0.5, 0];
    const none = () => false;
    expect(mostRelevant(relevance, none, 2)).toEqual([0, 1]);
    // 0.7 on the map weighs 1.05 and stays; 0.5 would weigh 0.75 and does not.
    expect(mostRelevant(relevance, (i) => i === 2, 2)).toEqual([0, 2]);
    expect(mostRelevant(relevance, (i) => i === 3, 2)).toEqual([0, 1]);
    // A topic that co-occurs with nothing leaves the map, on it or not.
    expect(mostRelevant(relevance, (i) => i === 4, 5)).toEqual([0, 1, 2, 3]);
  });

  describe('on the sample corpus', () => {
    let input: TopicMentions;
    beforeAll(async () => {
      const store = createSqliteStore(':memory:');
      await ingest(['data/samples'], store);
      input = await store.readTopicMentions({ minPapers: 2, limit: 3_000 });
      await store.close();
    });

    it('is deterministic: the same topics and mentions, in any order, give the same map', () => {
      const first = analyzeTopics(input);
      const reversed = {
        ...input,
        topics: [...input.topics].reverse(),
        mentions: [...input.mentions].reverse(),
      };
      expect(analyzeTopics(reversed)).toEqual(first);
    });

    /** Mean distance to the own cluster's centre over mean distance to the map's centre. */
    const spreadOfClusters = (topics: ReturnType<typeof analyzeTopics>['topics']) => {
      const onMap = topics.filter((t) => t.cluster >= 0);
      const centre = (group: typeof onMap) => [
        group.reduce((s, t) => s + t.x, 0) / group.length,
        group.reduce((s, t) => s + t.y, 0) / group.length,
      ];
      const [mx = 0, my = 0] = centre(onMap);
      let own = 0;
      let all = 0;
      for (const topic of onMap) {
        const [cx = 0, cy = 0] = centre(onMap.filter((t) => t.cluster === topic.cluster));
        own += Math.hypot(topic.x - cx, topic.y - cy);
        all += Math.hypot(topic.x - mx, topic.y - my);
      }
      return own / all;
    };

    it('numbers clusters by size and draws each as a group', () => {
      const { topics, clusters } = analyzeTopics(input);
      const sizes = clusters.map((c) => c.topicCount);
      expect(clusters.map((c) => c.id)).toEqual(clusters.map((_, i) => i));
      expect(sizes).toEqual([...sizes].sort((a, b) => b - a));
      expect(topics.filter((t) => t.cluster >= 0).length).toBe(sizes.reduce((a, b) => a + b, 0));
      expect(spreadOfClusters(topics)).toBeLessThan(0.35); // measured 0.25; plain VOS 0.44
    });

    it('lays the map out afresh when the previous one no longer fits its clusters', () => {
      // A previous map that makes no sense: clusters by rank, positions on a diagonal.
      const stale = {
        ...input,
        topics: input.topics.map((t, i) => ({ ...t, cluster: i % 7, x: i, y: i })),
      };
      // Its clusters lose to fresh starts, so its layout is not polished but redone: the
      // clusters are drawn as groups (polishing the diagonal for 30 small steps would not).
      expect(spreadOfClusters(analyzeTopics(stale).topics)).toBeLessThan(0.35);
    });

    it('keeps its previous map when nothing changed', () => {
      const first = analyzeTopics(input);
      const placed = new Map(first.topics.map((t) => [t.id, t]));
      const again = analyzeTopics({
        ...input,
        topics: input.topics.map((t) => ({ ...t, ...placed.get(t.id)! })),
      });
      const clusterOf = new Map(again.topics.map((t) => [t.id, t.cluster]));
      const same = first.topics.filter((t) => t.cluster === clusterOf.get(t.id)).length;
      expect(same / first.topics.length).toBeGreaterThan(0.9);
    });
  });
});

// Corpus analysis on hand-computed examples and on the mentions of the real sample corpus.
import { beforeAll, describe, expect, it } from 'vitest';
import type { TopicMentions } from '../../server/store/graph-store.ts';
import { createSqliteStore } from '../../server/store/sqlite/sqlite-store.ts';
import { ingest } from '../pipeline.ts';
import { analyzeTopics, defaultMinPapers } from './analyze-topics.ts';
import { coOccurrences } from './co-occurrence.ts';

describe('coOccurrences', () => {
  it('counts each pair once per paper and computes association strength', () => {
    // 4 papers; a in 2, b in 2, c in 3. Pairs: a–b in 2 papers, b–c in 1, a–c in 1.
    const papers = [['a', 'b', 'c', 'c'], ['a', 'b'], ['c'], ['c', 'b'].slice(0, 1)];
    const df = new Map([
      ['a', 2],
      ['b', 2],
      ['c', 3],
    ]);
    const edges = coOccurrences(papers, df, { linksPerTopic: 8, minPapers: 1 });
    // strength = c·N/(dfᵢ·dfⱼ): a–b 2·4/4 = 2; a–c 1·4/6; b–c 1·4/6.
    expect(edges).toEqual([
      { source: 'a', target: 'b', papers: 2, strength: 2 },
      { source: 'a', target: 'c', papers: 1, strength: 0.666667 },
      { source: 'b', target: 'c', papers: 1, strength: 0.666667 },
    ]);
  });

  it('keeps only the strongest links of each topic', () => {
    const papers = [['hub', 'x1'], ['hub', 'x2'], ['hub', 'x3'], ['x1']];
    const df = new Map([
      ['hub', 3],
      ['x1', 2],
      ['x2', 1],
      ['x3', 1],
    ]);
    const edges = coOccurrences(papers, df, { linksPerTopic: 1, minPapers: 1 });
    // hub–x2 and hub–x3 are strongest (4/3 each); x1's only link is kept for x1's sake.
    expect(edges.map((e) => `${e.source}-${e.target}`)).toEqual(['hub-x2', 'hub-x3', 'hub-x1']);
  });
});

describe('analyzeTopics', () => {
  const topic = (id: string, df: number, label = id) => ({ id, label, df });
  const mention = (paperId: string, topicId: string) => ({ paperId, topicId });

  it('maps linked topics, leaves isolated ones off, names clusters by their top topics', () => {
    const analysis = analyzeTopics({
      papers: 5,
      topics: [topic('llm', 3, 'large language model'), topic('agent', 2), topic('solo', 2)],
      mentions: [
        mention('p1', 'llm'),
        mention('p1', 'agent'),
        mention('p2', 'llm'),
        mention('p2', 'agent'),
        mention('p3', 'llm'),
        mention('p4', 'solo'),
        mention('p5', 'solo'),
      ],
    });
    expect(analysis.topics.map((t) => [t.id, t.cluster])).toEqual([
      ['agent', 0],
      ['llm', 0],
    ]);
    // Association strength with N = 5 papers: 2·5 / (3·2).
    expect(analysis.coOccurrences).toEqual([
      { source: 'agent', target: 'llm', papers: 2, strength: 1.666667 },
    ]);
    expect(analysis.clusters).toEqual([
      { id: 0, label: 'large language model · agent', topics: 2 },
    ]);
  });

  it('adapts the minimum number of papers to the corpus size', () => {
    expect([150, 5_000, 25_000, 80_000].map(defaultMinPapers)).toEqual([2, 3, 5, 10]);
  });

  describe('on the sample corpus', () => {
    let input: TopicMentions;
    beforeAll(async () => {
      const store = createSqliteStore(':memory:');
      await ingest(['data/samples'], store);
      input = await store.readTopicMentions({ minPapers: 2, limit: 2_000 });
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

    it('numbers clusters by size and draws each as a group', () => {
      const { topics: onMap, clusters } = analyzeTopics(input);
      const sizes = clusters.map((c) => c.topics);
      expect(sizes).toEqual([...sizes].sort((a, b) => b - a));
      expect(onMap.length).toBe(sizes.reduce((a, b) => a + b, 0));
      expect(onMap.every((t) => t.cluster >= 0)).toBe(true);
      // Mean distance to the own cluster's centre is well under the mean distance to the map's.
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
      expect(own / all).toBeLessThan(0.4);
    });
  });
});

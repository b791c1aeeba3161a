// The topic map's analytics on the real sample corpus, through the real pipeline and a real
// SQLite store: cluster names, related papers with their reasons, overlays, and a second
// ingest that keeps the map recognisable.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ingest } from '../ingest/pipeline.ts';
import type { TopicMap } from '../server/store/graph-store.ts';
import { createSqliteStore } from '../server/store/sqlite/sqlite-store.ts';
import { createSampleStore, SAMPLES_DIR, type SampleStore } from './support/sample-store.ts';
import { searchGraph } from '../server/store/search.ts';

let sample: SampleStore;
let map: TopicMap;
beforeAll(async () => {
  sample = await createSampleStore();
  map = await sample.store.topicMap({ limit: 5_000, minPapers: 1, maxEdges: 0 });
});
afterAll(async () => sample.dispose());

const paperTitled = async (start: string) => {
  const hits = await searchGraph(sample.store, start, 10);
  const hit = hits.find((h) => h.kind === 'paper' && h.label.startsWith(start));
  return (await sample.store.paper(hit!.id, 10))!;
};

describe('cluster names', () => {
  it('names every cluster by two or three of its own topics, no two alike', () => {
    const labels = new Map<number, Set<string>>();
    for (const topic of map.topics) {
      labels.set(topic.cluster, (labels.get(topic.cluster) ?? new Set()).add(topic.label));
    }
    for (const cluster of map.clusters) {
      const parts = cluster.label.split(' · ');
      expect(parts.length).toBeGreaterThanOrEqual(2);
      expect(parts.length).toBeLessThanOrEqual(3);
      for (const part of parts) expect(labels.get(cluster.id)).toContain(part);
    }
    expect(new Set(map.clusters.map((c) => c.label)).size).toBe(map.clusters.length);
  });

  it('names no cluster after the generic phrases and words issue 17 found in the names', () => {
    // Before the names' corrections: "action · theoretical result · environment", "central
    // focus · multimodal large language model (MLLM) · …". Every judged junk or too-broad part
    // is counted by npm run bench:map (6 of 11 sample names still have one).
    const generic = [
      ...['central focus', 'foundational role', 'inherent complexity', 'superiority'],
      ...['seminal work', 'model learn', 'in-depth analysis', 'addition', 'ii', 'less'],
      ...['environment', 'distribution', 'structure', 'action', 'space'],
    ];
    const parts = map.clusters.flatMap((cluster) => cluster.label.split(' · '));
    expect(parts.length).toBeGreaterThan(20);
    expect(parts.filter((part) => generic.includes(part))).toEqual([]);
  });

  it('gives the state space model papers a cluster named after them', () => {
    // Seven sample papers are about (deep) state space models: S4, HiPPO, selective SSMs.
    const ssm = map.clusters.find((c) => c.label.startsWith('state space model (SSM)'));
    expect(ssm?.label).toMatch(/S4|HiPPO|selective/i);
  });
});

describe('related papers', () => {
  it('finds the other causal-reasoning benchmarks for Corr2Cause, with the shared topics', async () => {
    const detail = await paperTitled('Can Large Language Models Infer Causation');
    expect(detail.related[0]?.title).toBe('CLadder: Assessing Causal Reasoning in Language Models');
    expect(detail.related[0]?.shared.map((t) => t.label)).toContain('large language model (LLM)');
  });

  it('finds state space model papers for a state space model paper, and says why', async () => {
    const detail = await paperTitled('On Pruning State-Space LLMs');
    expect(detail.related.length).toBeGreaterThanOrEqual(5);
    for (const related of detail.related.slice(0, 5)) {
      expect(related.title).toMatch(/state[ -]space/i);
      expect(related.shared[0]?.label).toBe('state space model (SSM)');
    }
  });

  it('finds the root cause analysis papers for a root cause analysis paper', async () => {
    const detail = await paperTitled('Multi-modal Causal Structure Learning and Root Cause');
    for (const related of detail.related.slice(0, 3)) {
      expect(related.title).toMatch(/root cause|RCA/i);
      expect(related.shared.map((t) => t.label)).toContain('root cause');
    }
  });

  it('gives every sample paper 10 related papers, each with its reason', async () => {
    // Every sample paper shares words with ten others or more (176 papers on causal inference
    // and language models): each gets a full list, each related paper with the topics the two
    // share or, when they share none, the words that weigh most.
    let withTopics = 0;
    let withWordsOnly = 0;
    for (const { id } of await sample.store.readPaperTexts('', 1_000)) {
      const { related } = (await sample.store.paper(id, 10))!;
      expect(related).toHaveLength(10);
      const scores = related.map((other) => other.score);
      expect(scores).toEqual([...scores].sort((a, b) => b - a));
      for (const other of related) {
        expect(other.id).not.toBe(id);
        expect(other.phrases.length).toBeGreaterThan(0);
        if (other.shared.length > 0) withTopics++;
        else withWordsOnly++;
      }
    }
    // Both occur: a paper keeps its 20 key terms as topics, so two papers on one subject often
    // share words their topics do not name (1,091 of the 1,760 pairs when this was written).
    expect(withTopics).toBeGreaterThan(100);
    expect(withWordsOnly).toBeGreaterThan(100);
  });
});

describe('overlays', () => {
  it('gives a topic the mean year, code share and repositories of the papers naming it a key term', async () => {
    // The 20 weightiest topics on the map, checked against their papers one by one. (Only 28
    // of the 176 sample papers carry a date; a topic none of whose papers has one has no year.)
    // The map is made of key terms: its colours are of the papers naming a topic one, which the
    // topic's papers list first; the others only mention it.
    let dated = 0;
    let mentionedOnly = 0;
    for (const topic of map.topics.slice(0, 20)) {
      const all = (await sample.store.topic(topic.id, 1_000))!.papers;
      const papers = [];
      for (const paper of all) {
        const { topics } = (await sample.store.paper(paper.id, 0))!;
        if (topics.some((t) => t.id === topic.id)) papers.push(paper);
      }
      mentionedOnly += all.length - papers.length;
      expect(all.slice(0, papers.length)).toEqual(papers);
      const detail = { papers };
      const years = detail.papers.flatMap((p) =>
        p.published ? [Number(p.published.slice(0, 4))] : [],
      );
      if (years.length === 0) expect(topic.year).toBeUndefined();
      else {
        dated++;
        expect(topic.year).toBeCloseTo(years.reduce((a, b) => a + b, 0) / years.length, 1);
      }
      let withCode = 0;
      const repositories = new Set<string>();
      for (const paper of detail.papers) {
        const links = (await sample.store.paper(paper.id, 0))!.repositories;
        if (links.some((r) => r.status === 'released' && r.kind === 'code')) withCode++;
        for (const r of links) repositories.add(r.id);
      }
      expect(topic.codeShare).toBeCloseTo(withCode / detail.papers.length, 3);
      expect(topic.repositoryCount).toBe(repositories.size);
    }
    expect(dated).toBeGreaterThan(5);
    expect(mentionedOnly).toBeGreaterThan(0);
  });

  it('gives each cluster its papers and their overlays', async () => {
    // The papers naming each topic a key term (the map's weights).
    const { topics: weighed } = await sample.store.readTopicMentions({
      minPapers: 1,
      limit: 100_000,
    });
    const keyDf = new Map(weighed.map((topic) => [topic.id, topic.keyDf]));
    for (const cluster of map.clusters) {
      const topics = map.topics.filter((t) => t.cluster === cluster.id);
      expect(cluster.topicCount).toBe(topics.length);
      expect(cluster.paperCount).toBeGreaterThanOrEqual(
        Math.max(...topics.map((t) => keyDf.get(t.id)!)),
      );
      expect(cluster.codeShare).toBeGreaterThanOrEqual(0);
      expect(cluster.codeShare).toBeLessThanOrEqual(1);
      if (cluster.year !== undefined) expect(cluster.year).toBeGreaterThan(1990);
    }
    expect(map.clusters.some((c) => c.repositoryCount > 0)).toBe(true);
    expect(map.clusters.some((c) => c.year !== undefined)).toBe(true);
  });
});

describe('a second ingest', () => {
  it('keeps topics near where they were and clusters under their ids', async () => {
    const store = createSqliteStore(':memory:');
    try {
      await ingest(
        [`${SAMPLES_DIR}/000_5f7d202db131836b.txt`, `${SAMPLES_DIR}/001_3a25e7380a371159.txt`],
        store,
      );
      const before = await store.topicMap({ limit: 5_000, minPapers: 1, maxEdges: 0 });
      const second = await ingest([SAMPLES_DIR], store);
      expect(second.paperCounts.new).toBeGreaterThan(10);
      const after = new Map(
        (await store.topicMap({ limit: 5_000, minPapers: 1, maxEdges: 0 })).topics.map((t) => [
          t.id,
          t,
        ]),
      );
      const kept = before.topics.filter((t) => after.has(t.id));
      expect(kept.length).toBeGreaterThan(before.topics.length * 0.9);
      // Moves: median under 15% of the mean distance to the map's centre (measured: 9%;
      // a fresh layout of the same corpus moves them 60%, and keeps no cluster id).
      const cx = before.topics.reduce((s, t) => s + t.x, 0) / before.topics.length;
      const cy = before.topics.reduce((s, t) => s + t.y, 0) / before.topics.length;
      const spread =
        before.topics.reduce((s, t) => s + Math.hypot(t.x - cx, t.y - cy), 0) /
        before.topics.length;
      const moves = kept
        .map((t) => Math.hypot(t.x - after.get(t.id)!.x, t.y - after.get(t.id)!.y))
        .sort((a, b) => a - b);
      expect(moves[Math.floor(moves.length / 2)]!).toBeLessThan(0.15 * spread);
      // Cluster ids: most topics are still in the cluster of the same id (measured: 84%).
      const same = kept.filter((t) => after.get(t.id)!.cluster === t.cluster).length;
      expect(same / kept.length).toBeGreaterThan(0.7);
    } finally {
      await store.close();
    }
  });
});

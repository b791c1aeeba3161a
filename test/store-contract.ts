/**
 * The GraphStore contract: what every adapter must do, as one suite that runs against each
 * of them (store.test.ts). The fixture is a tiny hand-made graph of four papers, so each
 * expected value can be checked by hand.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Analysis, GraphStore, PaperWrite } from '../server/store/graph-store.ts';
import type { Paper } from '../server/store/model.ts';
import { searchGraph } from '../server/store/search.ts';

const paper = (id: string, title: string, extra: Partial<Paper> = {}): Paper => ({
  id,
  title,
  abstract: `${title}. An abstract about ${title.toLowerCase()}.`,
  authors: [],
  categories: [],
  references: [],
  links: [],
  sources: [`fixture.txt:${id}`],
  ...extra,
});

const mention = (topicId: string, score: number, inTitle = false, keyTerm = true) => ({
  topicId,
  label: topicId,
  score,
  count: 1,
  inTitle,
  keyTerm,
});

const dowhy = {
  id: 'github.com/py-why/dowhy',
  url: 'https://github.com/py-why/dowhy',
  host: 'github.com',
  owner: 'py-why',
  name: 'dowhy',
  kind: 'code' as const,
};

export const FIXTURE: PaperWrite[] = [
  {
    paper: paper('p1', 'String diagram surgery', { published: '2019-01-01', upvotes: 3 }),
    keys: ['title:string diagram surgery', 'arxiv:1811.06783'],
    mentions: [
      mention('string diagram', 0.9, true),
      mention('causal inference', 0.5),
      mention('intervention', 0.4),
    ],
    repositories: [],
  },
  {
    paper: paper('p2', 'Diagrams for causal effects', {
      links: ['https://github.com/py-why/dowhy'],
      // What OpenAlex and arXiv say beyond the text, kept as given.
      openalexId: 'W2741809807',
      categories: ['stat.ME', 'cs.LG'],
      references: ['W1614298861', 'doi:10.1/p1'],
      authorships: [
        {
          name: 'Tomáš Mikolov',
          openalexId: 'A5020917394',
          orcid: '0000-0001-9520-4273',
          institutions: [
            {
              name: 'Brno University of Technology',
              openalexId: 'I60587646',
              ror: 'https://ror.org/03613d656',
              country: 'CZ',
            },
          ],
        },
        { name: 'Ada "O\'Brien" <b>', institutions: [{ name: 'Analytical Engine Co.' }] },
      ],
    }),
    keys: ['title:diagrams for causal effects', 'doi:10.1/p2', 'openalex:W2741809807'],
    mentions: [
      mention('string diagram', 0.8),
      mention('causal inference', 0.5),
      mention('causal effect', 0.7, true),
    ],
    repositories: [{ repository: dowhy, status: 'released' }],
  },
  {
    paper: paper('p3', 'Causal effects of smoking', { published: '2021-06-01' }),
    keys: ['title:causal effects of smoking'],
    mentions: [mention('causal effect', 0.9, true), mention('causal inference', 0.5)],
    repositories: [{ repository: dowhy, status: 'promised' }],
  },
  {
    paper: paper('p4', 'Unrelated optics'),
    keys: ['title:unrelated optics'],
    mentions: [mention('optics', 1, true)],
    repositories: [],
  },
];

export const FIXTURE_ANALYSIS: Analysis = {
  // Drawn from the papers of FIXTURE, written as the first batch, at resolution 1.25.
  version: 1,
  resolution: 1.25,
  // On the map; "optics" (one paper, no link) is not.
  topics: [
    {
      id: 'causal inference',
      cluster: 0,
      x: 0,
      y: 0,
      year: 2020,
      codeShare: 0.333,
      repositoryCount: 1,
    },
    {
      id: 'string diagram',
      cluster: 1,
      x: 1,
      y: 1,
      year: 2019,
      codeShare: 0.5,
      repositoryCount: 1,
    },
    {
      id: 'causal effect',
      cluster: 0,
      x: -1,
      y: 0,
      year: 2021,
      codeShare: 0.5,
      repositoryCount: 1,
    },
    { id: 'intervention', cluster: 1, x: 2, y: 1, year: 2019, codeShare: 0, repositoryCount: 0 },
    // A candidate off the map keeps its overlays.
    { id: 'optics', cluster: -1, x: 0, y: 0, codeShare: 0, repositoryCount: 0 },
  ],
  coOccurrences: [
    { source: 'causal effect', target: 'causal inference', paperCount: 2, strength: 1 },
    { source: 'causal inference', target: 'string diagram', paperCount: 2, strength: 1 },
    { source: 'intervention', target: 'string diagram', paperCount: 1, strength: 2 },
  ],
  clusters: [
    {
      id: 0,
      label: 'causal inference · causal effect',
      topicCount: 2,
      paperCount: 3,
      year: 2020,
      codeShare: 0.333,
      repositoryCount: 1,
    },
    {
      id: 1,
      label: 'string diagram · intervention',
      topicCount: 2,
      paperCount: 2,
      year: 2019,
      codeShare: 0.5,
      repositoryCount: 1,
    },
  ],
};

export function describeGraphStoreContract(
  name: string,
  open: () => Promise<{ store: GraphStore; dispose(): Promise<void> }>,
): void {
  describe(`GraphStore contract: ${name}`, () => {
    let store: GraphStore;
    let dispose: () => Promise<void>;

    beforeEach(async () => {
      ({ store, dispose } = await open());
      await store.writePapers(FIXTURE);
      await store.refreshTopics();
      await store.writeAnalysis(FIXTURE_ANALYSIS);
    });
    afterEach(async () => dispose());

    it('counts papers per topic, names it by its most written form, drops unused ones', async () => {
      expect((await store.topic('causal inference', 10))?.topic).toMatchObject({ df: 3 });
      await store.writePapers([
        { ...FIXTURE[3]!, mentions: [{ ...mention('causal inference', 0.3), label: 'CI' }] },
        {
          ...FIXTURE[3]!,
          paper: paper('p5', 'Confounding'),
          keys: ['title:confounding'],
          mentions: [{ ...mention('causal inference', 0.3), label: 'CI' }],
        },
      ]);
      await store.refreshTopics();
      // 5 papers: 3 write "causal inference", 2 "CI"; nobody mentions optics any more.
      expect((await store.topic('causal inference', 10))?.topic).toMatchObject({
        label: 'causal inference',
        df: 5,
      });
      expect(await store.topic('optics', 10)).toBeUndefined();
      const candidates = await store.readTopicMentions({ minPapers: 2, limit: 2 });
      expect(candidates.paperCount).toBe(5);
      // With where the last analysis put them, so the next map can start from there.
      expect(candidates.topics).toEqual([
        {
          id: 'causal inference',
          label: 'causal inference',
          df: 5,
          keyDf: 5,
          cluster: 0,
          x: 0,
          y: 0,
        },
        { id: 'causal effect', label: 'causal effect', df: 2, keyDf: 2, cluster: 0, x: -1, y: 0 },
      ]);
      // Their papers: year, released code (p3 only promises dowhy) and repositories.
      expect(candidates.facts).toEqual([
        { id: 'p1', year: 2019, hasCode: false, repositories: [] },
        { id: 'p2', hasCode: true, repositories: ['github.com/py-why/dowhy'] },
        { id: 'p3', year: 2021, hasCode: false, repositories: ['github.com/py-why/dowhy'] },
        { id: 'p4', hasCode: false, repositories: [] },
        { id: 'p5', hasCode: false, repositories: [] },
      ]);
      expect(candidates.mentions.map((m) => `${m.paperId} ${m.topicId}`)).toEqual([
        'p1 causal inference',
        'p2 causal effect',
        'p2 causal inference',
        'p3 causal effect',
        'p3 causal inference',
        'p4 causal inference',
        'p5 causal inference',
      ]);
    });

    it('recounts what writes touched, batch after batch, as counting every mention would', async () => {
      const rewrite = (i: number, change: Partial<PaperWrite>): PaperWrite => ({
        ...FIXTURE[i]!,
        ...change,
      });
      // Two batches before one refresh: p1 drops "intervention" and names "causal inference"
      // otherwise; p5 is new; then p2 drops its link to dowhy (p3 still promises it).
      await store.writePapers([
        rewrite(0, {
          mentions: [
            mention('string diagram', 0.9, true),
            { ...mention('causal inference', 0.5), label: 'Causal inference' },
          ],
        }),
        {
          paper: paper('p5', 'Causal discovery'),
          keys: ['title:causal discovery'],
          mentions: [mention('causal discovery', 1, true), mention('causal inference', 0.2)],
          repositories: [
            { repository: { ...dowhy, id: 'github.com/a/b', name: 'b' }, status: 'released' },
          ],
        },
      ]);
      await store.writePapers([rewrite(1, { repositories: [] })]);
      await store.refreshTopics();
      await expectCounts(store, ['intervention', 'optics']);
      expect(await store.topic('intervention', 10)).toBeUndefined();
      expect(await store.repository(dowhy.id)).toBeDefined();

      // Then p3 and p5 let go of their repositories and p4 of optics: all three go.
      await store.writePapers([
        rewrite(2, { repositories: [] }),
        rewrite(3, { mentions: [mention('causal discovery', 0.5)] }),
      ]);
      await store.writePapers([
        {
          paper: paper('p5', 'Causal discovery'),
          keys: ['title:causal discovery'],
          mentions: [mention('causal discovery', 1, true)],
          repositories: [],
        },
      ]);
      await store.refreshTopics();
      await expectCounts(store, ['intervention', 'optics']);
      expect(await store.topic('optics', 10)).toBeUndefined();
      expect(await store.repository(dowhy.id)).toBeUndefined();
      expect(await store.repository('github.com/a/b')).toBeUndefined();
      expect((await store.stats()).repositoryCount).toBe(0);
    });

    it('counts every paper that mentions a topic; key terms alone make a paper’s topics', async () => {
      // p4 writes "causal inference" only inside a longer phrase (no form of its own) and
      // "causal effect" below its key terms; p5 only inside phrases a term no one else has.
      const inner = (topicId: string) => ({ ...mention(topicId, 0.1, false, false), label: '' });
      await store.writePapers([
        {
          ...FIXTURE[3]!,
          mentions: [
            mention('optics', 1, true),
            inner('causal inference'),
            { ...mention('causal effect', 0.2, false, false), label: 'Causal Effect' },
          ],
        },
        {
          ...FIXTURE[3]!,
          paper: paper('p5', 'Lenses'),
          keys: ['title:lenses'],
          mentions: [mention('lens', 1, true), inner('thin lens')],
        },
      ]);
      await store.refreshTopics();
      const topic = await store.topic('causal inference', 10);
      // Its overlay, as its panel shows it, over the four: p2 of them releases code.
      expect(topic?.topic).toMatchObject({
        label: 'causal inference',
        df: 4,
        year: 2020,
        codeShare: 0.25,
        repositoryCount: 1,
      });
      // The papers naming it a key term first.
      expect(topic?.papers.map((p) => p.id)).toEqual(['p3', 'p1', 'p2', 'p4']);
      expect((await store.topic('causal effect', 10))?.topic).toMatchObject({
        label: 'causal effect',
        df: 3,
      });
      // A topic no paper writes on its own is named by its id.
      expect((await store.topic('thin lens', 10))?.topic).toMatchObject({
        label: 'thin lens',
        df: 1,
      });
      const p4 = await store.paper('p4', 10);
      expect(p4?.topics.map((t) => t.id)).toEqual(['optics']);
      expect(p4?.related).toEqual([]);
      const map = await store.paperMapInput({ limit: 10 });
      expect(map.nodes.map((n) => n.id)).toEqual(['p1', 'p2', 'p3']);
      expect(map.mentions.filter((m) => m.paperId === 'p4')).toEqual([]);
      // The map is made of key terms: its candidates are picked by the papers naming them one,
      // and those papers are all it reads.
      const candidates = await store.readTopicMentions({ minPapers: 1, limit: 10 });
      expect(candidates.topics.find((t) => t.id === 'causal effect')).toMatchObject({
        df: 3,
        keyDf: 2,
      });
      expect(candidates.topics.map((t) => t.id)).not.toContain('thin lens');
      expect(candidates.mentions.filter((m) => m.paperId === 'p4')).toEqual([
        { paperId: 'p4', topicId: 'optics' },
      ]);
      const [exported] = (await store.exportPapers('p3', 1)).map((write) => write.mentions);
      expect(exported).toContainEqual(inner('causal inference'));
      expect(exported).toContainEqual(mention('optics', 1, true));
      await expectCounts(store, []);
    });

    it('counts what it holds', async () => {
      expect(await store.stats()).toEqual({
        paperCount: 4,
        topicCount: 5,
        repositoryCount: 1,
        clusterCount: 2,
        mentionCount: 9,
        linkCount: 2,
        similarCount: 0,
        // p2 links released code; p3 only promises it.
        paperWithCodeCount: 1,
      });
    });

    it('finds papers by any of their keys and round-trips every field', async () => {
      const found = await store.findPapers(['doi:10.1/p2', 'title:unknown']);
      expect(found).toEqual([FIXTURE[1]!.paper]);
      expect(await store.findPapers(['title:string diagram surgery'])).toEqual([FIXTURE[0]!.paper]);
      expect(await store.findPapers([])).toEqual([]);
    });

    it('gives an ingest its counts of terms, of words before others and of acronyms', async () => {
      const labelled = (topicId: string, label: string) => ({ ...mention(topicId, 0.9), label });
      const write = (id: string, ...mentions: PaperWrite['mentions']) => ({
        paper: paper(id, `Paper ${id}`),
        keys: [`title:paper ${id}`],
        mentions,
        repositories: [],
      });
      await store.writePapers([
        write('p5', labelled('large language model', 'large language model (LLM)')),
        write('p6', labelled('large language model', 'large language model (LLM)')),
        write(
          'p7',
          labelled('latent linear model', 'latent linear model (LLM)'),
          labelled('structural causal model', 'structural causal model (SCM)'),
        ),
        write(
          'p8',
          labelled('latent linear model', 'latent linear model (LLM)'),
          labelled('structural causal model', 'structural causal model (SCM)'),
        ),
      ]);
      await store.refreshTopics();
      const asked = ['causal inference', 'optics', 'unknown', 'causal', 'string', 'optic'];
      const counts = await store.storedTermCounts([...asked, 'LLM', 'SCM', 'Scm'], ['p3']);
      // Eight papers less p3, which an ingest would write again.
      expect(counts.paperCount).toBe(7);
      expect(counts.documentFrequency).toEqual(
        new Map([
          ['causal inference', 2],
          ['optics', 1],
        ]),
      );
      // "causal inference" (3 papers) and "causal effect" (2), less p3's mention of each.
      expect(counts.leads).toEqual(
        new Map([
          ['causal', 3],
          ['string', 2],
        ]),
      );
      // "LLM" names two topics of two papers each: no majority, no reading.
      expect(counts.acronyms).toEqual(
        new Map([['SCM', { key: 'structural causal model', label: 'structural causal model' }]]),
      );
      // An empty store, or one holding only the papers excluded, has nothing to count.
      const none = await store.storedTermCounts(asked, [
        'p1',
        'p2',
        'p3',
        'p4',
        'p5',
        'p6',
        'p7',
        'p8',
      ]);
      expect(none).toEqual({
        paperCount: 0,
        documentFrequency: new Map(),
        leads: new Map(),
        acronyms: new Map(),
      });
    });

    it('writes the same batch twice without changing anything', async () => {
      const before = await store.paper('p2', 10);
      await store.writePapers(FIXTURE);
      await store.writeAnalysis(FIXTURE_ANALYSIS);
      expect(await store.stats()).toMatchObject({ paperCount: 4, mentionCount: 9, linkCount: 2 });
      expect(await store.paper('p2', 10)).toEqual(before);
    });

    it('replaces a paper’s mentions and links when it is written again', async () => {
      await store.writePapers([
        { ...FIXTURE[1]!, mentions: [mention('optics', 0.2)], repositories: [] },
      ]);
      const detail = await store.paper('p2', 10);
      expect(detail?.topics.map((t) => t.id)).toEqual(['optics']);
      expect(detail?.repositories).toEqual([]);
    });

    it('searches a paper by its new text once it is written again, not by its old', async () => {
      const papersFound = async (query: string) =>
        (await searchGraph(store, query, 10))
          .filter((hit) => hit.kind === 'paper')
          .map((h) => h.id);
      expect(await papersFound('surgery')).toEqual(['p1']);
      await store.writePapers([{ ...FIXTURE[0]!, paper: paper('p1', 'Diagrammatic transplants') }]);
      expect(await papersFound('transplants')).toEqual(['p1']);
      expect(await papersFound('surgery')).toEqual([]);
      expect((await store.stats()).paperCount).toBe(4);
    });

    it('counts versions: one a batch of papers, the map the version it was drawn from', async () => {
      expect(await store.mapState()).toEqual({
        papersVersion: 1,
        mapVersion: 1,
        similarVersion: 0,
      });
      expect(await store.exportAnalysis()).toMatchObject({ version: 1, resolution: 1.25 });
      await store.writePapers([{ ...FIXTURE[0]!, paper: paper('p5', 'Fifth paper') }]);
      // Papers written, map not yet drawn again: the next ingest must draw it, whatever changed.
      expect(await store.mapState()).toEqual({
        papersVersion: 2,
        mapVersion: 1,
        similarVersion: 0,
      });
      const read = await store.readTopicMentions({ minPapers: 1, limit: 100 });
      expect(read.version).toBe(2);
      // With the resolution of the map stored, which the next map keeps while it fits.
      expect(read.resolution).toBe(1.25);
      await store.writeAnalysis({ ...FIXTURE_ANALYSIS, version: 2, resolution: undefined });
      expect(await store.readTopicMentions({ minPapers: 1, limit: 100 })).not.toHaveProperty(
        'resolution',
      );
      expect(await store.writeAnalysis({ ...FIXTURE_ANALYSIS, version: read.version })).toBe(true);
      expect(await store.mapState()).toEqual({
        papersVersion: 2,
        mapVersion: 2,
        similarVersion: 0,
      });
    });

    it('keeps a map of later papers over an older one written after it', async () => {
      await store.writePapers([{ ...FIXTURE[0]!, paper: paper('p5', 'Fifth paper') }]);
      const newer = {
        ...FIXTURE_ANALYSIS,
        version: 2,
        clusters: FIXTURE_ANALYSIS.clusters.slice(0, 1),
      };
      expect(await store.writeAnalysis(newer)).toBe(true);
      // Another ingest's analysis, begun before those papers, finishes last: dropped.
      expect(await store.writeAnalysis({ ...FIXTURE_ANALYSIS, version: 1 })).toBe(false);
      const clusters = async () =>
        (await store.topicMap({ limit: 10, minPapers: 1, maxEdges: 10 })).clusters;
      expect(await clusters()).toEqual(newer.clusters);
      expect(await store.mapState()).toEqual({
        papersVersion: 2,
        mapVersion: 2,
        similarVersion: 0,
      });
      // The same version again (a new map of the same papers: --new-map) replaces it.
      expect(await store.writeAnalysis({ ...FIXTURE_ANALYSIS, version: 2 })).toBe(true);
      expect(await clusters()).toEqual(FIXTURE_ANALYSIS.clusters);
    });

    it('writes a batch all or nothing', async () => {
      const broken = {
        ...FIXTURE[3]!,
        paper: { ...FIXTURE[3]!.paper, title: null as unknown as string },
      };
      const fresh: PaperWrite = {
        ...FIXTURE[0]!,
        paper: paper('p5', 'New paper'),
        keys: ['title:new paper'],
      };
      await expect(store.writePapers([fresh, broken])).rejects.toThrow();
      expect(await store.findPapers(['title:new paper'])).toEqual([]);
      expect((await store.stats()).paperCount).toBe(4);
      expect(await store.mapState()).toEqual({
        papersVersion: 1,
        mapVersion: 1,
        similarVersion: 0,
      });
    });

    it('serves the topic map: positioned topics, strongest edges, clusters', async () => {
      const map = await store.topicMap({ limit: 10, minPapers: 2, maxEdges: 10 });
      expect(map.topics.map((t) => t.id)).toEqual([
        'causal inference',
        'causal effect',
        'string diagram',
      ]);
      expect(map.edges).toHaveLength(2);
      expect(map.clusters).toEqual(FIXTURE_ANALYSIS.clusters);
      // Overlays for the explorer's colour modes.
      expect(map.topics[1]).toMatchObject({ year: 2021, codeShare: 0.5, repositoryCount: 1 });
      const cluster1 = await store.topicMap({ limit: 10, minPapers: 1, maxEdges: 1, cluster: 1 });
      expect(cluster1.topics.map((t) => t.id)).toEqual(['string diagram', 'intervention']);
      expect(cluster1.edges).toEqual([FIXTURE_ANALYSIS.coOccurrences[2]]);
    });

    it('details a paper: topics by score, repositories, related papers with reasons', async () => {
      const detail = await store.paper('p1', 10);
      expect(detail?.topics.map((t) => [t.id, t.inTitle])).toEqual([
        ['string diagram', true],
        ['causal inference', false],
        ['intervention', false],
      ]);
      // p2 shares the specific "string diagram" and the common "causal inference"; p3 only the
      // common one; p4 nothing.
      expect(detail?.related.map((r) => r.id)).toEqual(['p2', 'p3']);
      expect(detail?.related[0]?.shared.map((t) => t.id)).toEqual([
        'string diagram',
        'causal inference',
      ]);
      const p3 = await store.paper('p3', 10);
      expect(p3?.repositories).toEqual([{ ...dowhy, status: 'promised' }]);
      expect(await store.paper('nope', 10)).toBeUndefined();
    });

    it('gives the stored similar papers, in their order, with the topics each shares', async () => {
      await store.writeSimilar([
        {
          paperId: 'p1',
          similar: [
            { id: 'p4', score: 0.42, phrases: ['optical string'] },
            { id: 'p2', score: 0.3, phrases: ['string diagram', 'causal'] },
            { id: 'nope', score: 0.2, phrases: ['missing'] },
            { id: 'p3', score: 0.1, phrases: ['effects'] },
          ],
        },
      ]);
      const detail = await store.paper('p1', 10);
      // The text decides the order; the shared topics, rarest first, are the reasons; a paper
      // not in the store is left out.
      expect(detail?.related).toEqual([
        {
          id: 'p4',
          title: 'Unrelated optics',
          score: 0.42,
          shared: [],
          phrases: ['optical string'],
        },
        {
          id: 'p2',
          title: 'Diagrams for causal effects',
          score: 0.3,
          shared: [
            { id: 'string diagram', label: 'string diagram' },
            { id: 'causal inference', label: 'causal inference' },
          ],
          phrases: ['string diagram', 'causal'],
        },
        {
          id: 'p3',
          title: 'Causal effects of smoking',
          published: '2021-06-01',
          score: 0.1,
          shared: [{ id: 'causal inference', label: 'causal inference' }],
          phrases: ['effects'],
        },
      ]);
      expect((await store.paper('p1', 1))?.related.map((r) => r.id)).toEqual(['p4']);
      // The paper map links by them too, among the papers it draws (p4 names no topic on it).
      const input = await store.paperMapInput({ limit: 10 });
      expect(input.nodes.map((node) => node.id).sort()).toEqual(['p1', 'p2', 'p3']);
      expect(input.similar).toEqual([
        { paperId: 'p1', id: 'p2', score: 0.3 },
        { paperId: 'p1', id: 'p3', score: 0.1 },
      ]);
      expect((await store.stats()).similarCount).toBe(3);
      expect(await store.findListing(['p2', 'p4'])).toEqual(['p1']);
      expect(await store.findListing(['p1'])).toEqual([]);
      // Written without a version: the lists are not complete for any papers version yet.
      expect((await store.mapState()).similarVersion).toBe(0);
      expect(await store.readSimilar(['p3', 'p1', 'nope'])).toEqual([
        {
          paperId: 'p1',
          similar: [
            { id: 'p4', score: 0.42, phrases: ['optical string'] },
            { id: 'p2', score: 0.3, phrases: ['string diagram', 'causal'] },
            { id: 'p3', score: 0.1, phrases: ['effects'] },
          ],
        },
      ]);
      // Written again, a list replaces the paper's; other papers' lists stay.
      await store.writeSimilar([
        { paperId: 'p3', similar: [{ id: 'p2', score: 0.5, phrases: ['causal effects'] }] },
      ]);
      await store.writeSimilar([
        { paperId: 'p1', similar: [{ id: 'p2', score: 0.3, phrases: [] }] },
      ]);
      expect((await store.paper('p1', 10))?.related.map((r) => r.id)).toEqual(['p2']);
      expect(await store.exportSimilar('', 10)).toEqual([
        { paperId: 'p1', similar: [{ id: 'p2', score: 0.3, phrases: [] }] },
        { paperId: 'p3', similar: [{ id: 'p2', score: 0.5, phrases: ['causal effects'] }] },
      ]);
      expect(await store.exportSimilar('p1', 10)).toEqual([
        { paperId: 'p3', similar: [{ id: 'p2', score: 0.5, phrases: ['causal effects'] }] },
      ]);
      // An empty list clears the paper's: it is ranked by shared topics again. A version
      // marks the lists complete for it.
      await store.writeSimilar([{ paperId: 'p1', similar: [] }], 1);
      expect(await store.mapState()).toMatchObject({ papersVersion: 1, similarVersion: 1 });
      expect((await store.paper('p1', 10))?.related.map((r) => r.id)).toEqual(['p2', 'p3']);
    });

    it('reads the papers’ texts page by page, in id order', async () => {
      const first = await store.readPaperTexts('', 3);
      expect(first.map((text) => text.id)).toEqual(['p1', 'p2', 'p3']);
      expect(first[0]).toEqual({
        id: 'p1',
        title: 'String diagram surgery',
        abstract: 'String diagram surgery. An abstract about string diagram surgery.',
      });
      expect((await store.readPaperTexts('p3', 3)).map((text) => text.id)).toEqual(['p4']);
    });

    it('details a topic and a repository', async () => {
      const topic = await store.topic('causal effect', 10);
      expect(topic?.topic).toMatchObject({ label: 'causal effect', df: 2, cluster: 0 });
      // Which of its papers released code (p3 only promises dowhy), and the repositories they
      // link: dowhy by both, released by one.
      expect(topic?.papers.map((p) => [p.id, p.hasCode])).toEqual([
        ['p3', false],
        ['p2', true],
      ]);
      expect(topic?.repositories).toEqual([{ ...dowhy, paperCount: 2, released: true }]);
      expect(topic?.coOccurring.map((t) => t.id)).toEqual(['causal inference']);
      const repository = await store.repository(dowhy.id);
      expect(repository?.papers.map((p) => [p.id, p.status])).toEqual([
        ['p3', 'promised'],
        ['p2', 'released'],
      ]);
      expect(await store.topic('nope', 10)).toBeUndefined();
      expect(await store.repository('nope')).toBeUndefined();
      // A promise only: listed, not released; a topic without any: none.
      await store.writePapers([{ ...FIXTURE[1]!, repositories: [] }]);
      expect((await store.topic('causal effect', 10))?.repositories).toEqual([
        { ...dowhy, paperCount: 1, released: false },
      ]);
      expect((await store.topic('optics', 10))?.repositories).toEqual([]);
    });

    it('counts a topic’s dated papers per year', async () => {
      // "causal inference": p1 (2019), p2 (undated), p3 (2021).
      expect((await store.topic('causal inference', 10))?.years).toEqual([
        { year: 2019, paperCount: 1 },
        { year: 2021, paperCount: 1 },
      ]);
      expect((await store.topic('optics', 10))?.years).toEqual([]);
    });

    it('gives the paper map its papers, most tied to the map first, and their shared topics', async () => {
      const input = await store.paperMapInput({ limit: 3 });
      expect(input.paperCount).toBe(4);
      // p1 and p2 name three topics on the map (p1, dated, first), p3 two, p4 none.
      expect(input.nodes).toEqual([
        { id: 'p1', title: 'String diagram surgery', published: '2019-01-01', hasCode: false },
        { id: 'p2', title: 'Diagrams for causal effects', hasCode: true },
        { id: 'p3', title: 'Causal effects of smoking', published: '2021-06-01', hasCode: false },
      ]);
      // Only topics of two papers or more can be shared: not "intervention" (p1 alone).
      expect(input.mentions.map((m) => [m.paperId, m.topicId, m.df, m.cluster, m.x, m.y])).toEqual([
        ['p1', 'string diagram', 2, 1, 1, 1],
        ['p1', 'causal inference', 3, 0, 0, 0],
        ['p2', 'string diagram', 2, 1, 1, 1],
        ['p2', 'causal effect', 2, 0, -1, 0],
        ['p2', 'causal inference', 3, 0, 0, 0],
        ['p3', 'causal effect', 2, 0, -1, 0],
        ['p3', 'causal inference', 3, 0, 0, 0],
      ]);
      expect(input.mentions[0]).toMatchObject({ label: 'string diagram', score: 0.9 });
    });

    it('gives a topic off the map its co-occurring topics from shared papers', async () => {
      await store.writeAnalysis({ ...FIXTURE_ANALYSIS, coOccurrences: [] });
      const topic = await store.topic('string diagram', 10);
      // p1 and p2 mention "string diagram"; both mention "causal inference" (df 3); one each
      // "intervention" (df 1, so the stronger association) and "causal effect" (df 2).
      expect(topic?.coOccurring.map((t) => [t.id, t.paperCount])).toEqual([
        ['causal inference', 2],
        ['intervention', 1],
        ['causal effect', 1],
      ]);
      expect(topic?.coOccurring[0]?.strength).toBeCloseTo((2 * 4) / (3 * 2), 5);
    });

    it('finds a paper by its DOI, arXiv id or OpenAlex id, however written', async () => {
      const first = async (query: string) => {
        const hits = await searchGraph(store, query, 10);
        return hits.find((hit) => hit.kind === 'paper')?.id;
      };
      for (const doi of ['10.1/p2', '10.1/P2', 'https://doi.org/10.1/p2', 'doi:10.1/p2']) {
        expect(await first(doi)).toBe('p2');
      }
      for (const arxiv of [
        '1811.06783',
        'arXiv:1811.06783v2',
        'https://arxiv.org/abs/1811.06783',
      ]) {
        expect(await first(arxiv)).toBe('p1');
      }
      expect(await first('https://openalex.org/W2741809807')).toBe('p2');
      expect(await first('10.1/unknown')).toBeUndefined();
      expect(await store.findPapersByKey(['doi:10.1/p2', 'arxiv:1811.06783'], 1)).toEqual([
        { id: 'p1', title: 'String diagram surgery', published: '2019-01-01' },
      ]);
    });

    it('searches topics, papers and repositories', async () => {
      const hits = await searchGraph(store, 'causal', 10);
      expect(hits.filter((h) => h.kind === 'topic').map((h) => h.id)).toEqual([
        'causal inference',
        'causal effect',
      ]);
      expect(
        hits
          .filter((h) => h.kind === 'paper')
          .map((h) => h.id)
          .sort(),
      ).toEqual(['p2', 'p3']);
      expect((await searchGraph(store, 'dowh', 10)).map((h) => [h.kind, h.id])).toEqual([
        ['repository', dowhy.id],
      ]);
      expect((await searchGraph(store, 'diag', 10)).some((h) => h.id === 'string diagram')).toBe(
        true,
      );
    });

    it('finds a topic of one paper by its exact name only; its paper by any word', async () => {
      const topicIds = async (query: string) =>
        (await searchGraph(store, query, 10)).filter((h) => h.kind === 'topic').map((h) => h.id);
      expect(await topicIds('optics')).toEqual(['optics']);
      expect(await topicIds('Optics ')).toEqual(['optics']);
      expect(await topicIds('opti')).toEqual([]);
      const hits = await searchGraph(store, 'opti', 10);
      expect(hits.filter((h) => h.kind === 'paper').map((h) => h.id)).toEqual(['p4']);
    });

    it('ranks the papers having a query of several words as a phrase first, saying so', async () => {
      await store.writePapers([
        {
          paper: paper('pa', 'Policy evaluation', {
            abstract: 'We use difference-in-differences to evaluate a policy.',
          }),
          keys: ['title:policy evaluation'],
          mentions: [],
          repositories: [],
        },
        {
          paper: paper('pb', 'Differences in treatment effects', {
            abstract: 'Differences in treatment effects: a difference of means is not enough.',
          }),
          keys: ['title:differences in treatment effects'],
          mentions: [],
          repositories: [],
        },
      ]);
      const papers = async (query: string) =>
        (await searchGraph(store, query, 10))
          .filter((hit) => hit.kind === 'paper')
          .map(({ id, phrase }) => ({ id, phrase }));
      // pb has every word, more often and in its title, but not as the phrase.
      for (const query of ['difference-in-differences', 'Difference in differences']) {
        expect(await papers(query), query).toEqual([
          { id: 'pa', phrase: true },
          { id: 'pb', phrase: false },
        ]);
      }
      // No paper has the phrase: every hit says so.
      expect(await papers('treatment difference')).toEqual([{ id: 'pb', phrase: false }]);
      // One word: no phrase to have.
      expect(await papers('policy')).toEqual([{ id: 'pa', phrase: undefined }]);
    });

    it('treats search syntax in user input as text', async () => {
      for (const hostile of [
        '"',
        '*',
        'NEAR(',
        '%',
        '_',
        "'; DROP TABLE papers; --",
        'a OR b',
        '\\',
      ]) {
        await expect(searchGraph(store, hostile, 10)).resolves.toBeInstanceOf(Array);
      }
      expect(await searchGraph(store, '%', 10)).toEqual([]);
      expect((await store.stats()).paperCount).toBe(4);
    });
  });
}

/**
 * Every topic's df and label as counting all mentions gives them, read back from the store's
 * papers (`exportPapers`); `gone` are topics nothing may mention any more.
 */
async function expectCounts(store: GraphStore, gone: string[]): Promise<void> {
  const uses = new Map<string, Map<string, number>>();
  for (const { mentions } of await store.exportPapers('', 1_000)) {
    for (const { topicId, label } of mentions) {
      const forms = uses.get(topicId) ?? new Map<string, number>();
      forms.set(label, (forms.get(label) ?? 0) + 1);
      uses.set(topicId, forms);
    }
  }
  for (const [id, forms] of uses) {
    const df = [...forms.values()].reduce((sum, n) => sum + n, 0);
    // The form most mentions write; a paper writing none (an inner mention) names it by id.
    const [label] = [...forms]
      .map(([form, n]) => [form || id, form === '' ? 0 : n] as const)
      .sort(([a, m], [b, n]) => n - m || (a < b ? -1 : 1))[0]!;
    expect((await store.topic(id, 10))?.topic, id).toMatchObject({ df, label });
  }
  for (const id of gone) if (!uses.has(id)) expect(await store.topic(id, 10), id).toBeUndefined();
  expect((await store.stats()).topicCount).toBe(uses.size);
}

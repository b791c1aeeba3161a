/**
 * End to end through a real browser: headless Chromium drives the built explorer (dist/web)
 * served by the real server over the sample corpus (test/support/sample-server.ts). It loads
 * the map and the stats, searches a topic with the keyboard and another with the mouse, opens
 * a paper with a GitHub repository, checks the highlighted abstract, the safe paper and
 * repository links and back/forward, that closing the panel returns to the whole map, that a
 * legend cluster zooms in, that long, blank and failing searches behave, and feeds the panel
 * a hostile paper to prove untrusted text stays text.
 * Any console error or uncaught page error fails the test. With SCREENSHOT=1 it also writes
 * docs/explorer.png (1280×800, a paper open) for the README.
 */
import { mkdirSync, readFileSync } from 'node:fs';
import { parse as parseCsv } from 'csv-parse/sync';
import Graph from 'graphology';
import { parse as parseGexf } from 'graphology-gexf';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type {
  PaperDetailResponse,
  SearchResponse,
  StatsResponse,
  TopicDetailResponse,
  TopicMapResponse,
} from '../server/api/types.ts';
import { interpolateViridis } from 'd3-scale-chromatic';
import { DEFAULT_HITS_PER_KIND } from '../web/src/core/search/search-results.ts';
import { REPOSITORIES_SHOWN } from '../web/src/views/panels/TopicPanel.tsx';
import { cameraAtRest, launchChromium, watchedPage } from './support/browser.ts';
import { startSampleServer, type SampleServer } from './support/sample-server.ts';

const SCREENSHOT_PATH = 'docs/explorer.png';
const WAIT = { timeout: 10_000 } as const;

// A paper of the sample corpus (data/samples/002_bac4045119eb759f.txt, line 37) whose abstract
// ends "Our code is available at https://github.com/thu-nics/TaH.". Which topics ingest finds
// may change as extraction improves, so the test asks the API for them instead of hard-coding.
const TAH_TITLE = 'Think-at-Hard: Selective Latent Iterations to Improve Reasoning Language Models';
const TAH_REPOSITORY = 'https://github.com/thu-nics/TaH';

describe('explorer in Chromium', () => {
  let server: SampleServer | undefined;
  let browser: Browser | undefined;
  let page: Page;
  const pageErrors: string[] = [];

  beforeAll(async () => {
    browser = await launchChromium('explorer.browser.test');
    server = await startSampleServer();
    page = await watchedPage(browser, { width: 1280, height: 800 }, pageErrors);
  });

  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  const api = async <T>(path: string): Promise<T> => {
    if (server === undefined) throw new Error('no server');
    const response = await fetch(`${server.url}${path}`);
    expect(response.ok, `${path} answered ${response.status}`).toBe(true);
    return (await response.json()) as T;
  };

  const panel = () => page.locator('aside.side-panel');
  const cameraRatio = async () =>
    Number(await page.getByTestId('graph-map').getAttribute('data-camera-ratio'));
  const settledRatio = () => cameraAtRest(page);
  const hash = () => page.evaluate(() => window.location.hash);
  /** The URL's query without the camera, which follows every pan and zoom. */
  const query = () =>
    page.evaluate(() => {
      const params = new URLSearchParams(window.location.search);
      params.delete('camera');
      const text = params.toString();
      return text === '' ? '' : `?${text}`;
    });
  const topicHits = async (query: string) =>
    (await api<SearchResponse>(`/api/search?q=${encodeURIComponent(query)}`)).results
      .filter((hit) => hit.kind === 'topic')
      .slice(0, DEFAULT_HITS_PER_KIND);

  it('draws the topic map and the corpus stats', async () => {
    if (server === undefined) throw new Error('no server');
    const stats = await api<StatsResponse>('/api/stats');
    const map = await api<TopicMapResponse>('/api/topic-map?limit=500');
    expect(stats.paperCount).toBeGreaterThan(100);
    expect(map.nodes.length).toBeGreaterThan(20);

    await page.goto(`${server.url}/`);
    await page.locator('[data-testid="graph-map"] canvas').first().waitFor();
    await expect
      .poll(() => page.getByTestId('graph-map').getAttribute('aria-label'), WAIT)
      .toBe(`Topic map: ${map.nodes.length} topics, coloured by cluster`);
    const count = (n: number) => n.toLocaleString('en-US');
    await expect
      .poll(() => page.getByTestId('stats').textContent(), WAIT)
      .toBe(
        `${count(stats.paperCount)} papers · ${count(map.nodes.length)} of ${count(stats.topicCount)} topics on the map · ${count(stats.repositoryCount)} repositories`,
      );
    await expect
      .poll(() => page.locator('section.legend li').count(), WAIT)
      .toBe(Math.min(map.attributes.clusters.length, 8));
    expect(pageErrors).toEqual([]);
  });

  it('finds a topic with the keyboard and lists its papers', async () => {
    const [topic] = await topicHits('counterfactual');
    if (topic === undefined) throw new Error('the sample corpus has no "counterfactual…" topic');
    const detail = await api<TopicDetailResponse>(`/api/topics/${encodeURIComponent(topic.id)}`);
    const firstPaper = detail.papers[0];
    if (firstPaper === undefined) throw new Error(`topic ${topic.id} has no papers`);

    const search = page.getByRole('combobox', { name: /search/i });
    await search.fill('counterfactual');
    // Busy from the keystroke (the query waits out the debounce) until its results show.
    expect(await search.getAttribute('aria-busy')).toBe('true');
    await expect.poll(() => search.getAttribute('aria-busy'), WAIT).toBe('false');
    const firstOption = page.locator('[role="option"]').first();
    expect(await firstOption.locator('.search__label').textContent()).toBe(topic.label);
    expect(await firstOption.getAttribute('data-kind')).toBe('topic');
    await search.press('ArrowDown');
    expect(await firstOption.getAttribute('aria-selected')).toBe('true');
    await search.press('Enter');

    await expect.poll(hash, WAIT).toBe(`#/topic/${encodeURIComponent(topic.id)}`);
    await expect.poll(() => panel().locator('h2').textContent(), WAIT).toBe(detail.topic.label);
    await panel().getByRole('button', { name: firstPaper.title }).waitFor();
    expect(pageErrors).toEqual([]);
  });

  it('lists the papers having a phrase first, and says when none has it', async () => {
    const phraseHits = async (query: string) =>
      (await api<SearchResponse>(`/api/search?q=${encodeURIComponent(query)}&limit=6`)).results
        .filter((hit) => hit.kind === 'paper')
        .map((hit) => hit.phrase);
    // The samples: "instrumental variable" is a phrase of a few papers; "variable
    // instrumental", of none, though some have both words.
    expect(await phraseHits('instrumental variable')).toContain(true);
    expect(await phraseHits('variable instrumental')).toContain(false);
    expect(await phraseHits('variable instrumental')).not.toContain(true);
    const search = page.getByRole('combobox', { name: /search/i });
    const groupTitles = () =>
      page.locator('.search__group').evaluateAll((nodes) => nodes.map((n) => n.textContent));
    await search.fill('instrumental variable');
    await expect.poll(groupTitles, WAIT).toContain('Papers with “instrumental variable”');
    await search.fill('variable instrumental');
    await expect
      .poll(groupTitles, WAIT)
      .toContain('No paper has “variable instrumental” as a phrase; papers with its words');
    await search.fill('');
    expect(pageErrors).toEqual([]);
  });

  it('shows a topic’s overlays and orders its papers by relevance or date', async () => {
    if (server === undefined) throw new Error('no server');
    // The most mentioned topic with dated papers.
    const map = await api<TopicMapResponse>('/api/topic-map?limit=500');
    const node = map.nodes.find((n) => n.attributes.year !== undefined)!;
    const detail = await api<TopicDetailResponse>(`/api/topics/${encodeURIComponent(node.key)}`);
    await page.goto(`${server.url}/#/topic/${encodeURIComponent(node.key)}`);
    // Over every paper mentioning it, as the list below it (the map colours by key terms).
    const { year, codeShare, repositoryCount } = detail.topic;
    await expect
      .poll(() => panel().getByTestId('topic-overlays').textContent(), WAIT)
      .toBe(
        `mean year ${Math.round(year!)} · ${Math.round(codeShare! * 100)}% with code · ${repositoryCount} ${repositoryCount === 1 ? 'repository' : 'repositories'}`,
      );
    expect(repositoryCount).toBe(detail.repositories.length);
    const titles = () => panel().locator('.paper-list button').allTextContents();
    const byRelevance = await titles();
    expect(byRelevance[0]).toContain(detail.papers[0]!.title);
    await panel().getByRole('radio', { name: 'Newest' }).click();
    const newest = [...detail.papers]
      .filter((p) => p.published !== undefined)
      .sort((a, b) => b.published!.localeCompare(a.published!))[0]!;
    await expect.poll(async () => (await titles())[0], WAIT).toContain(newest.title);
    expect(pageErrors).toEqual([]);
  });

  it('lists a topic’s code and data, and its papers with code', async () => {
    if (server === undefined) throw new Error('no server');
    // The topic on the map whose papers link the most repositories, some with released code.
    const map = await api<TopicMapResponse>('/api/topic-map?limit=500');
    const node = [...map.nodes]
      .filter((n) => n.attributes.codeShare > 0 && n.attributes.codeShare < 1)
      .sort((a, b) => b.attributes.repositoryCount - a.attributes.repositoryCount)[0]!;
    const detail = await api<TopicDetailResponse>(`/api/topics/${encodeURIComponent(node.key)}`);
    // The map's overlay counts the papers naming the topic a key term; the panel, every paper.
    expect(detail.repositories.length).toBeGreaterThanOrEqual(
      Math.min(node.attributes.repositoryCount, 20),
    );
    const withCode = detail.papers.filter((p) => p.hasCode);
    expect(withCode.length).toBeGreaterThan(0);
    await page.goto(`${server.url}/#/topic/${encodeURIComponent(node.key)}`);
    const links = panel().locator('.repository-list a');
    // The first few, most linked first, then all of them on asking: the papers stay in reach.
    expect(detail.repositories.length).toBeGreaterThan(REPOSITORIES_SHOWN);
    await expect.poll(() => links.count(), WAIT).toBe(REPOSITORIES_SHOWN);
    await panel()
      .getByRole('button', { name: `Show all ${detail.repositories.length}` })
      .click();
    await expect.poll(() => links.count(), WAIT).toBe(detail.repositories.length);
    const first = detail.repositories[0]!;
    expect(await links.first().getAttribute('href')).toBe(first.url);
    expect(await links.first().getAttribute('rel')).toContain('noopener');
    expect(await panel().locator('.repository__meta').first().textContent()).toContain(
      `${first.paperCount} paper`,
    );
    // Papers with released code carry a badge, and can be listed alone.
    expect(await panel().locator('.paper-list .badge--code').count()).toBe(withCode.length);
    await panel()
      .getByRole('radio', { name: /^With code/ })
      .click();
    await expect
      .poll(() => panel().locator('.paper-list button').count(), WAIT)
      .toBe(withCode.length);
    await panel().getByRole('radio', { name: 'All' }).click();
    await expect
      .poll(() => panel().locator('.paper-list button').count(), WAIT)
      .toBe(detail.papers.length);
    expect(pageErrors).toEqual([]);
  });

  it('opens a paper with its highlighted abstract and a safe repository link', async () => {
    const paperHit = (await api<SearchResponse>('/api/search?q=Think-at-Hard')).results.find(
      (hit) => hit.kind === 'paper' && hit.label === TAH_TITLE,
    );
    if (paperHit === undefined) throw new Error(`search does not find "${TAH_TITLE}"`);
    const tah = await api<PaperDetailResponse>(`/api/papers/${encodeURIComponent(paperHit.id)}`);
    expect(tah.repositories.map((repository) => repository.url)).toContain(TAH_REPOSITORY);
    // The route a reader would take: search one of its topics (one drawn on the map, if any).
    const onMap = new Set(
      (await api<TopicMapResponse>('/api/topic-map?limit=500')).nodes.map((node) => node.key),
    );
    const candidates = [...tah.topics].sort(
      (a, b) => Number(onMap.has(b.id)) - Number(onMap.has(a.id)),
    );
    let topic: (typeof tah.topics)[number] | undefined;
    for (const candidate of candidates) {
      if ((await topicHits(candidate.label)).some((hit) => hit.id === candidate.id)) {
        topic = candidate;
        break;
      }
    }
    if (topic === undefined) throw new Error('no topic of the paper can be found by search');

    const search = page.getByRole('combobox', { name: /search/i });
    await search.fill(topic.label);
    await page
      .locator('[role="option"][data-kind="topic"]')
      .filter({ has: page.locator('.search__label').getByText(topic.label, { exact: true }) })
      .click();
    await expect.poll(hash, WAIT).toBe(`#/topic/${encodeURIComponent(topic.id)}`);
    await expect.poll(() => panel().locator('h2').textContent(), WAIT).toBe(topic.label);

    await panel().getByRole('button', { name: TAH_TITLE }).click();
    await expect.poll(() => panel().locator('h2').textContent(), WAIT).toBe(TAH_TITLE);
    expect(await hash()).toBe(`#/paper/${encodeURIComponent(paperHit.id)}`);

    const abstract = panel().getByTestId('abstract');
    await expect.poll(() => abstract.locator('mark').count(), WAIT).toBeGreaterThan(2);
    const marked = (await abstract.locator('mark').allTextContents()).map((t) => t.toLowerCase());
    // The topic's label or a plural of it ("language model" → "language models").
    expect(marked.some((text) => text.startsWith(topic.label.toLowerCase()))).toBe(true);
    expect(await abstract.textContent()).toContain('Our code is available at');

    // A link to the paper itself: its URL, arXiv or DOI page, or a search for its title.
    const home = panel().locator('.paper-home a');
    expect(await home.getAttribute('href')).toMatch(/^https:\/\//);
    expect(await home.textContent()).toMatch(/Read the paper|Search for this paper/);
    expect(await home.getAttribute('target')).toBe('_blank');
    expect(await home.getAttribute('rel')).toBe('noopener noreferrer');
    if (tah.paper.arxivId) {
      expect(await home.getAttribute('href')).toBe(`https://arxiv.org/abs/${tah.paper.arxivId}`);
    }

    const repository = panel().locator(`a[href="${TAH_REPOSITORY}"]`).first();
    await repository.waitFor();
    expect(await repository.getAttribute('target')).toBe('_blank');
    expect(await repository.getAttribute('rel')).toContain('noopener');

    // Its related papers as the store ranks them, each saying why: the topics the two share,
    // or the words their texts do.
    const related = panel()
      .locator('.panel-section')
      .filter({ has: page.getByRole('heading', { name: /^Related papers/ }) })
      .locator('.paper-list__item');
    await expect.poll(() => related.count(), WAIT).toBe(tah.related.length);
    expect(tah.related.length).toBe(10);
    expect(await related.first().locator('.paper-list__title').textContent()).toBe(
      tah.related[0]!.title,
    );
    for (const detail of await related.locator('.paper-list__detail').allTextContents()) {
      expect(detail).toMatch(/^(shares: |same words: )\S/);
    }
    expect(await related.locator('.paper-list__detail').count()).toBe(10);

    if (process.env.SCREENSHOT === '1') {
      await settledRatio();
      await page.screenshot({ path: '/tmp/explorer-paper.png' });
      await page.getByRole('button', { name: 'Show the whole map' }).click();
      await settledRatio();
      mkdirSync('docs', { recursive: true });
      await page.screenshot({ path: SCREENSHOT_PATH });
    }
    expect(pageErrors).toEqual([]);
  });

  it('follows browser back and forward', async () => {
    const paperHash = await hash();
    expect(paperHash).toMatch(/^#\/paper\//);
    await page.goBack();
    await expect.poll(hash, WAIT).toMatch(/^#\/topic\//);
    await expect.poll(() => panel().locator('h2').textContent(), WAIT).not.toBe(TAH_TITLE);
    await page.goForward();
    await expect.poll(hash, WAIT).toBe(paperHash);
    await expect.poll(() => panel().locator('h2').textContent(), WAIT).toBe(TAH_TITLE);

    await panel().getByRole('button', { name: 'Close panel' }).click();
    await expect.poll(() => panel().count(), WAIT).toBe(0);
    expect(await hash()).toBe('');
    // Closing shows the whole map again, at least as zoomed out as when the page loaded, and
    // just as "Show the whole map" does.
    const closed = await settledRatio();
    expect(closed).toBeGreaterThanOrEqual(0.95);
    await page.getByRole('button', { name: 'Show the whole map' }).click();
    expect(await settledRatio()).toBeCloseTo(closed, 2);
    expect(pageErrors).toEqual([]);
  });

  it('zooms to a cluster clicked in the legend, and back out when clicked again', async () => {
    const whole = await settledRatio();
    const cluster = page.locator('section.legend li button').first();
    await cluster.click();
    expect(await cluster.getAttribute('aria-pressed')).toBe('true');
    await expect.poll(cameraRatio, WAIT).toBeLessThan(whole - 0.05);
    if (process.env.SCREENSHOT === '1') {
      await settledRatio();
      await page.screenshot({ path: '/tmp/explorer-cluster.png' });
    }
    await cluster.click();
    expect(await cluster.getAttribute('aria-pressed')).toBe('false');
    expect(await settledRatio()).toBeCloseTo(whole, 2);
    expect(pageErrors).toEqual([]);
  });

  it('colours topics by year or by code, with a legend, the mode kept in the URL', async () => {
    if (server === undefined) throw new Error('no server');
    const map = await api<TopicMapResponse>('/api/topic-map?limit=500');
    const years = map.nodes.flatMap((n) =>
      n.attributes.year === undefined ? [] : [n.attributes.year],
    );
    const [min, max] = [Math.floor(Math.min(...years)), Math.ceil(Math.max(...years))];
    // A dated topic on the map and one of its papers, to see the topic's colour in the panel.
    const dated = map.nodes.find(
      (n) => n.attributes.year !== undefined && n.attributes.paperCount > 1,
    )!;
    const topic = await api<TopicDetailResponse>(`/api/topics/${encodeURIComponent(dated.key)}`);
    const paperUrl = `#/paper/${encodeURIComponent(topic.papers[0]!.id)}`;

    await page.goto(`${server.url}/${paperUrl}`);
    await page.locator('[data-testid="graph-map"] canvas').first().waitFor();
    const mode = (name: string) => page.getByRole('radio', { name });
    await mode('Year').click();
    await expect
      .poll(() => page.getByTestId('graph-map').getAttribute('data-color-mode'), WAIT)
      .toBe('year');
    expect(await mode('Year').getAttribute('aria-checked')).toBe('true');
    expect(await query()).toBe('?color=year');
    expect(await hash()).toBe(paperUrl);
    expect(await page.getByTestId('scale-min').textContent()).toBe(String(min));
    expect(await page.getByTestId('scale-max').textContent()).toBe(String(max));
    // The topic's dot in the paper's panel has its year's colour on the scale.
    const hex = interpolateViridis((dated.attributes.year! - min) / (max - min));
    const rgb = `rgb(${[1, 3, 5].map((i) => parseInt(hex.slice(i, i + 2), 16)).join(', ')})`;
    const dot = panel()
      .getByRole('button', { name: dated.attributes.label, exact: true })
      .locator('.chip__dot');
    await expect
      .poll(() => dot.evaluate((el) => getComputedStyle(el).backgroundColor), WAIT)
      .toBe(rgb);

    await mode('Code').click();
    await expect.poll(query, WAIT).toBe('?color=code');
    expect(await page.getByTestId('scale-min').textContent()).toBe('0%');
    expect(await page.getByTestId('graph-map').getAttribute('aria-label')).toContain(
      'coloured by share of papers with code',
    );
    // Back returns to the year colours; a shared link opens in the mode it was copied in.
    await page.goBack();
    await expect.poll(() => mode('Year').getAttribute('aria-checked'), WAIT).toBe('true');
    await page.goto(`${server.url}/?color=code${paperUrl}`);
    await expect.poll(() => mode('Code').getAttribute('aria-checked'), WAIT).toBe('true');
    await mode('Cluster').click();
    await expect.poll(query, WAIT).toBe('');
    await expect.poll(() => page.locator('section.legend li').count(), WAIT).toBeGreaterThan(1);
    expect(pageErrors).toEqual([]);
  });

  it('filters topics by papers, mean year and code; the counts follow; the URL keeps them', async () => {
    if (server === undefined) throw new Error('no server');
    const map = await api<TopicMapResponse>('/api/topic-map?limit=500');
    const stats = await api<StatsResponse>('/api/stats');
    const shown = (keep: (a: TopicMapResponse['nodes'][number]['attributes']) => boolean) =>
      `${map.nodes.filter((n) => keep(n.attributes)).length.toLocaleString('en-US')} of ${stats.topicCount.toLocaleString('en-US')} topics on the map`;
    const statsText = () => page.getByTestId('stats').textContent();

    await page.goto(`${server.url}/`);
    await page.locator('[data-testid="graph-map"] canvas').first().waitFor();
    await page.getByRole('button', { name: 'Filters' }).click();
    await page.getByRole('spinbutton').fill('4');
    await expect.poll(statsText, WAIT).toContain(shown((a) => a.paperCount >= 4));
    await page.getByLabel('Only topics with code or data').check();
    await expect
      .poll(statsText, WAIT)
      .toContain(shown((a) => a.paperCount >= 4 && a.repositoryCount > 0));
    // Topics whose papers only promise code, or link data, stay: their panel lists it.
    expect(
      map.nodes.some((n) => n.attributes.repositoryCount > 0 && n.attributes.codeShare === 0),
    ).toBe(true);
    // The legend counts what is left of each cluster.
    const first = map.attributes.clusters.find((c) => c.id === 0)!;
    const left = map.nodes.filter(
      (n) =>
        n.attributes.cluster === 0 &&
        n.attributes.paperCount >= 4 &&
        n.attributes.repositoryCount > 0,
    ).length;
    await expect
      .poll(() =>
        page
          .locator('section.legend li button', { hasText: first.label })
          .locator('.legend__topics')
          .textContent(),
      )
      .toBe(String(left));
    expect(await query()).toBe('?minPapers=4&code=1');

    // A year range: typed as whole years; dated topics in it only.
    await page.getByLabel('Only topics with code or data').uncheck();
    await page.getByRole('spinbutton').fill('1');
    await page.getByLabel('Mean year from').fill('2024');
    await expect
      .poll(statsText, WAIT)
      .toContain(shown((a) => a.year !== undefined && a.year >= 2024));
    // Fewer than 100 topics left: as on a small map, those that have room are labelled,
    // however small they are drawn.
    const recent = map.nodes.filter(
      (n) => n.attributes.year !== undefined && n.attributes.year >= 2024,
    );
    expect(recent.length).toBeLessThan(100);
    const labelled = () => page.evaluate(() => window.topographMap!.labels().length);
    // (Before, none was: 38 topics, drawn small, 0 labels; now those with room, 8.)
    await expect.poll(labelled, WAIT).toBeGreaterThanOrEqual(5);
    // A link with the filters opens filtered; Clear shows everything again.
    await page.goto(`${server.url}/?minPapers=4`);
    await expect.poll(statsText, WAIT).toContain(shown((a) => a.paperCount >= 4));
    await page.getByRole('button', { name: 'Clear' }).click();
    await expect.poll(statsText, WAIT).toContain(shown(() => true));
    expect(await query()).toBe('');
    expect(pageErrors).toEqual([]);
  });

  it('exports the view as a PNG with its legend, GEXF and CSV, named after it', async () => {
    if (server === undefined) throw new Error('no server');
    const map = await api<TopicMapResponse>('/api/topic-map?limit=500');
    const shown = map.nodes.filter((n) => n.attributes.paperCount >= 3).map((n) => n.key);
    await page.goto(`${server.url}/?color=code&minPapers=3`);
    await page.locator('[data-testid="graph-map"] canvas').first().waitFor();
    const save = async (button: string) => {
      const next = page.waitForEvent('download');
      await page
        .getByRole('group', { name: 'Export the view' })
        .getByRole('button', { name: button })
        .click();
      const file = await next;
      return { name: file.suggestedFilename(), bytes: readFileSync((await file.path())!) };
    };
    const png = await save('PNG');
    expect(png.name).toBe('topograph-topics-by-code-filtered.png');
    expect(png.bytes.subarray(1, 4).toString()).toBe('PNG');
    const viewport = page.viewportSize()!;
    // Twice the size of what is drawn in view (cropped to it), and a 360-pixel legend band.
    const [width, height] = [png.bytes.readUInt32BE(16), png.bytes.readUInt32BE(20)];
    expect(width - 720).toBeGreaterThan(400);
    expect(width - 720).toBeLessThanOrEqual(viewport.width * 2);
    expect(height).toBeGreaterThan(400);
    expect(height).toBeLessThanOrEqual(viewport.height * 2);

    const gexf = await save('GEXF');
    expect(gexf.name).toBe('topograph-topics-by-code-filtered.gexf');
    const graph = parseGexf(Graph, gexf.bytes.toString('utf8'));
    expect(graph.nodes().sort()).toEqual([...shown].sort());

    const csv = page.waitForEvent('download', (d) => d.suggestedFilename().endsWith('links.csv'));
    const topics = await save('CSV');
    expect(topics.name).toBe('topograph-topics-by-code-filtered-nodes.csv');
    const rows = parseCsv(topics.bytes, { columns: true }) as { id: string }[];
    expect(rows.map((row) => row.id).sort()).toEqual([...shown].sort());
    const links = parseCsv(readFileSync((await (await csv).path())!), { columns: true });
    expect(links.length).toBe(graph.size);
    expect(pageErrors).toEqual([]);
  });

  it('caps a pasted query at 200 characters and ignores a blank one', async () => {
    const search = page.getByRole('combobox', { name: /search/i });
    await search.focus();
    await page.keyboard.insertText(`causal ${'x'.repeat(243)}`);
    expect((await search.inputValue()).length).toBe(200);
    const status = page.locator('.search__status');
    await expect.poll(() => status.textContent(), WAIT).toMatch(/^Nothing found for/);
    expect(await page.locator('.search__status.error-text').count()).toBe(0);

    await search.fill('   ');
    // Nothing is pending for a blank query: no search waits to run, nothing will open.
    expect(await search.getAttribute('aria-busy')).toBe('false');
    expect(await search.getAttribute('aria-expanded')).toBe('false');
    expect(await page.locator('.search__popup').isVisible()).toBe(false);
    await search.fill('');
    await search.blur();
    expect(pageErrors).toEqual([]);
  });

  it('words a failed search for readers, not with the raw API error', async () => {
    const raw = 'querystring/q must be fine';
    await page.route('**/api/search**', (route) =>
      route.fulfill({
        status: 400,
        json: { statusCode: 400, error: 'Bad Request', message: raw },
      }),
    );
    const errors = pageErrors.length;
    try {
      const search = page.getByRole('combobox', { name: /search/i });
      await search.fill('anything');
      const status = page.locator('.search__status.error-text');
      await expect.poll(() => status.textContent(), WAIT).toMatch(/could not be run/);
      expect(await status.textContent()).not.toContain(raw);
      await search.fill('');
      await search.blur();
    } finally {
      await page.unroute('**/api/search**');
    }
    // The browser itself logs the 400 response as a console error; nothing else may fail.
    expect(pageErrors.slice(errors).every((e) => e.includes('400'))).toBe(true);
    pageErrors.splice(errors);
  });

  it('renders a hostile paper as text, without live markup or unsafe links', async () => {
    const hostileTitle = '<img src=x onerror="window.__pwned=1">Hostile <b>title</b>';
    const hostile: PaperDetailResponse = {
      paper: {
        id: 'hostile/1',
        title: hostileTitle,
        abstract: 'A <script>window.__pwned=2</script> study of causal <i>inference</i>.',
        authors: ['<b>Mallory</b>'],
        categories: ['<i>cs.XSS</i>'],
        references: [],
        authorships: [
          {
            name: '<b>Mallory</b>',
            institutions: [{ name: '<img src=x onerror="window.__pwned=4">Evil U' }],
          },
        ],
        links: ['javascript:window.__pwned=3'],
        sources: ['evil.txt:1'],
      },
      topics: [{ id: 'causal', label: 'causal', score: 1, inTitle: false }],
      repositories: [
        {
          id: 'evil/x/y',
          url: 'javascript:window.__pwned=4',
          host: 'evil',
          owner: 'x',
          name: 'y',
          kind: 'code',
          status: 'released',
        },
      ],
      related: [],
    };
    // Served by the browser itself: the real API validates and would never store this.
    await page.route('**/api/papers/hostile%2F1**', (route) =>
      route.fulfill({ contentType: 'application/json', body: JSON.stringify(hostile) }),
    );
    await page.evaluate(() => {
      window.location.hash = '#/paper/hostile%2F1';
    });

    await expect.poll(() => panel().locator('h2').textContent(), WAIT).toBe(hostileTitle);
    const abstract = panel().getByTestId('abstract');
    expect(await abstract.textContent()).toBe(hostile.paper.abstract);
    expect(await abstract.locator('mark').allTextContents()).toEqual(['causal']);
    expect(await panel().locator('img, script, b, i').count()).toBe(0);
    expect(await panel().locator('.kicker__categories').textContent()).toBe('<i>cs.XSS</i>');
    expect(await panel().locator('.organization').textContent()).toBe(
      '<img src=x onerror="window.__pwned=4">Evil U',
    );
    expect(await panel().locator('a[href^="javascript:"]').count()).toBe(0);
    expect(await panel().locator('.link-list .unsafe-link').textContent()).toBe(
      'javascript:window.__pwned=3',
    );
    expect(await panel().locator('.repository .unsafe-link').textContent()).toBe('x/y');
    // No URL, arXiv id or DOI: the paper link searches for the title, safely encoded.
    const home = panel().locator('.paper-home a');
    expect(await home.textContent()).toContain('Search for this paper');
    expect(await home.getAttribute('href')).toBe(
      `https://scholar.google.com/scholar?q=${encodeURIComponent(hostileTitle)}`,
    );
    expect(await home.getAttribute('rel')).toBe('noopener noreferrer');
    expect(await page.evaluate(() => (window as { __pwned?: number }).__pwned)).toBeUndefined();
    expect(pageErrors).toEqual([]);
  });

  it('says so when the store is empty, and shows the error when the map fails', async () => {
    if (server === undefined || browser === undefined) throw new Error('no server');
    const other = await browser.newPage({ viewport: { width: 1280, height: 800 } });
    other.setDefaultTimeout(WAIT.timeout);
    const otherErrors: string[] = [];
    other.on('pageerror', (error) => otherErrors.push(error.message));
    try {
      const stats: StatsResponse = {
        ...{ paperCount: 0, topicCount: 0, repositoryCount: 0, clusterCount: 0 },
        ...{ mentionCount: 0, linkCount: 0, similarCount: 0, paperWithCodeCount: 0 },
      };
      const emptyMap: TopicMapResponse = {
        attributes: { clusters: [] },
        options: { type: 'undirected', multi: false, allowSelfLoops: false },
        nodes: [],
        edges: [],
      };
      await other.route('**/api/stats', (route) => route.fulfill({ json: stats }));
      await other.route('**/api/topic-map**', (route) => route.fulfill({ json: emptyMap }));
      await other.goto(`${server.url}/`);
      await other.getByRole('heading', { name: 'No papers yet' }).waitFor();
      expect(await other.locator('.status-card code').first().textContent()).toBe(
        'npm run ingest -- <files>',
      );

      await other.unroute('**/api/topic-map**');
      await other.route('**/api/topic-map**', (route) =>
        route.fulfill({
          status: 500,
          json: { statusCode: 500, error: 'Internal Server Error', message: 'the store is gone' },
        }),
      );
      await other.unroute('**/api/stats');
      await other.reload();
      const alert = other.getByRole('alert');
      await alert.waitFor();
      expect(await alert.textContent()).toContain('the store is gone');
      expect(otherErrors).toEqual([]);
    } finally {
      await other.close();
    }
  });
});

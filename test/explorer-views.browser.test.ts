/**
 * End to end through a real browser, for the explorer's views: headless Chromium drives the
 * built explorer served by the real server over the sample corpus, on a 1366×768 laptop
 * screen. It switches between the topic map, the paper map and the focus view with a topic
 * selected, opens a node of the focus graph by clicking it, hovers a topic, checks that no two
 * labels overlap and that zooming shows more, switches a cluster off in the legend, shares a
 * view by its URL (camera included), reads a topic's papers per year, filters and exports the
 * paper map, moves the camera to a searched paper, and lays the app out on 1366×768 and
 * 1920×1080 screens without panels covering one another. What is drawn is read through
 * `window.topographMap` (web/src/views/map/map-probe.ts). Any console error or uncaught page
 * error fails the test. With SCREENSHOT=1 it writes docs/explorer-*.png for the README.
 */
import Graph from 'graphology';
import { parse as parseGexf } from 'graphology-gexf';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type {
  PaperMapResponse,
  StatsResponse,
  TopicDetailResponse,
  TopicMapResponse,
} from '../server/api/types.ts';
import { FOCUS_LIMITS } from '../web/src/core/map/focus-graph.ts';
import { MAP_COLORS } from '../web/src/core/map/map-appearance.ts';
import { KIND_COLORS } from '../web/src/core/map/map-dataset.ts';
import { cameraAtRest, launchChromium, watchedPage } from './support/browser.ts';
import { startSampleServer, type SampleServer } from './support/sample-server.ts';

const LAPTOP = { width: 1366, height: 768 } as const;
const DESKTOP = { width: 1920, height: 1080 } as const;
const NARROW = { width: 800, height: 700 } as const;
const PHONE = { width: 390, height: 844 } as const;
const WAIT = { timeout: 10_000 } as const;
const FADED = MAP_COLORS.faded;

type Rect = { left: number; top: number; right: number; bottom: number };
const overlaps = (a: Rect, b: Rect) =>
  a.left < b.right && b.left < a.right && a.top < b.bottom && b.top < a.bottom;

describe('explorer views in Chromium', () => {
  let server: SampleServer;
  let browser: Browser;
  let page: Page;
  const pageErrors: string[] = [];
  // The sample corpus's most mentioned topic, and what the API says about it.
  let map: TopicMapResponse;
  let topic: TopicMapResponse['nodes'][number];
  let detail: TopicDetailResponse;
  let topicUrl: string;

  const api = async <T>(path: string): Promise<T> => {
    const response = await fetch(`${server.url}${path}`);
    expect(response.ok, `${path} answered ${response.status}`).toBe(true);
    return (await response.json()) as T;
  };

  beforeAll(async () => {
    server = await startSampleServer();
    browser = await launchChromium('explorer-views.browser.test');
    page = await watchedPage(browser, LAPTOP, pageErrors);
    map = await api<TopicMapResponse>('/api/topic-map');
    topic = [...map.nodes].sort((a, b) => b.attributes.paperCount - a.attributes.paperCount)[0]!;
    detail = await api<TopicDetailResponse>(`/api/topics/${encodeURIComponent(topic.key)}`);
    topicUrl = `#/topic/${encodeURIComponent(topic.key)}`;
  });

  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  /** Waits until `view` is drawn (at least one frame) and returns its node keys. */
  const drawn = async (view: string, on: Page = page): Promise<string[]> => {
    await expect
      .poll(
        () =>
          on.evaluate(
            (name) => window.topographMap?.view === name && window.topographMap.frames() > 0,
            view,
          ),
        WAIT,
      )
      .toBe(true);
    return on.evaluate(() => window.topographMap!.nodes());
  };
  const display = (node: string) => page.evaluate((key) => window.topographMap!.display(key), node);
  const position = (node: string, on: Page = page) =>
    on.evaluate((key) => window.topographMap!.position(key), node);
  const labels = () => page.evaluate(() => window.topographMap!.labels());
  const hash = () => page.evaluate(() => window.location.hash);
  const params = (on: Page = page) =>
    on.evaluate(() => Object.fromEntries(new URLSearchParams(window.location.search)));
  const viewButton = (name: string) =>
    page.getByRole('radiogroup', { name: 'View' }).getByRole('radio', { name });
  const panelTitle = () => page.locator('aside.side-panel h2').textContent();
  const statsText = () => page.getByTestId('stats').textContent();
  const settled = (on: Page = page) => cameraAtRest(on);
  const screenshot = async (name: string) => {
    if (process.env.SCREENSHOT === '1') {
      await settled();
      await page.screenshot({ path: `docs/explorer-${name}.png` });
    }
  };

  it('switches between the topic map and the paper map, keeping the selection', async () => {
    await page.goto(`${server.url}/${topicUrl}`);
    await drawn('topics');
    await expect.poll(panelTitle, WAIT).toBe(topic.attributes.label);

    await viewButton('Papers').click();
    const papers = await drawn('papers');
    expect(await viewButton('Papers').getAttribute('aria-checked')).toBe('true');
    expect(await hash()).toBe(topicUrl);
    expect(await panelTitle()).toBe(topic.attributes.label);
    expect(await params()).toMatchObject({ view: 'papers' });
    await expect
      .poll(() => page.getByTestId('graph-map').getAttribute('aria-label'), WAIT)
      .toBe(`Paper map: ${papers.length} papers, coloured by cluster of the main topic`);
    // The topic's papers stand for it: they keep their colour, the others fade.
    const ofTopic = detail.papers.map((p) => p.id).filter((id) => papers.includes(id));
    const paperMap = await api<PaperMapResponse>('/api/paper-map');
    const near = new Set(ofTopic);
    for (const { source, target } of paperMap.edges) {
      if (ofTopic.includes(source)) near.add(target);
      if (ofTopic.includes(target)) near.add(source);
    }
    const other = papers.find((id) => !near.has(id))!;
    expect(ofTopic.length).toBeGreaterThan(2);
    await expect.poll(async () => (await display(ofTopic[0]!))?.color, WAIT).not.toBe(FADED);
    expect((await display(other))?.color).toBe(FADED);
    await screenshot('papers');

    await page.goBack();
    await drawn('topics');
    expect(await hash()).toBe(topicUrl);
    await page.goForward();
    await drawn('papers');
    expect(pageErrors).toEqual([]);
  });

  it('focuses on the selection’s neighbourhood, and opens a neighbour when it is clicked', async () => {
    await viewButton('Focus').click();
    const nodes = await drawn('focus');
    const center = `topic:${topic.key}`;
    expect(nodes).toContain(center);
    const papers = Math.min(FOCUS_LIMITS.topicPapers, detail.papers.length);
    const topics = 1 + Math.min(FOCUS_LIMITS.coOccurring, detail.coOccurring.length);
    const legend = page.getByTestId('kind-legend');
    await expect
      .poll(() => legend.textContent(), WAIT)
      .toBe(`Topics${topics}Papers${papers}Repositories0`);
    expect(nodes).toHaveLength(papers + topics);
    expect(await hash()).toBe(topicUrl);
    // Each kind has its colour (the selected topic's neighbours are all in colour).
    expect((await display(center))?.color).toBe(KIND_COLORS.topic);
    expect((await display(`paper:${detail.papers[0]!.id}`))?.color).toBe(KIND_COLORS.paper);

    // Click the topic's first paper: it opens, and its topics and related papers join.
    const first = detail.papers[0]!;
    await settled(); // the camera's move to the selection
    const at = (await position(`paper:${first.id}`))!;
    await page.mouse.click(at.x, at.y);
    await expect.poll(hash, WAIT).toBe(`#/paper/${encodeURIComponent(first.id)}`);
    await expect.poll(panelTitle, WAIT).toBe(first.title);
    await expect
      .poll(async () => (await page.evaluate(() => window.topographMap?.nodes().length)) ?? 0, WAIT)
      .toBeGreaterThan(nodes.length);
    const grown = await page.evaluate(() => window.topographMap!.nodes());
    expect(grown).toContain(center);
    expect(
      await page.evaluate(() => new URLSearchParams(window.location.search).getAll('expand')),
    ).toEqual([`topic:${topic.key}`, `paper:${first.id}`]);
    await screenshot('focus');

    // Back: the topic alone again.
    await page.goBack();
    await expect.poll(hash, WAIT).toBe(topicUrl);
    await expect
      .poll(() => page.evaluate(() => window.topographMap?.nodes().length), WAIT)
      .toBe(nodes.length);
    expect(pageErrors).toEqual([]);
  });

  it('says how to pick something when the focus view has nothing to focus on', async () => {
    await page.goto(`${server.url}/?view=focus`);
    await page.getByTestId('no-focus').waitFor();
    expect(await page.getByTestId('no-focus').textContent()).toContain('Search for one');
    // A link to something the corpus does not hold says so, and offers no useless retry.
    await page.goto(`${server.url}/?view=focus#/paper/nope`);
    await page.getByTestId('focus-not-found').waitFor();
    expect(await page.getByTestId('focus-not-found').textContent()).toContain('no paper with id');
    expect(await page.getByRole('button', { name: 'Try again' }).count()).toBe(0);
    // The panel says where it is not: the store, not just this map.
    await expect
      .poll(() => page.locator('aside.side-panel h2').textContent(), WAIT)
      .toBe('This paper is not in the store');
    // The browser logs the API's 404s (the focus graph's and the panel's); nothing else.
    expect(pageErrors.length).toBeGreaterThan(0);
    expect(pageErrors.filter((e) => !e.includes('status of 404'))).toEqual([]);
    pageErrors.length = 0;
    expect(pageErrors).toEqual([]);
  });

  it('fades all but a hovered topic and its neighbours, and restores them after', async () => {
    await page.goto(`${server.url}/`);
    const nodes = await drawn('topics');
    const neighbours = new Set(
      map.edges.flatMap((e) =>
        e.source === topic.key ? [e.target] : e.target === topic.key ? [e.source] : [],
      ),
    );
    const neighbour = [...neighbours][0]!;
    const stranger = nodes.find((n) => n !== topic.key && !neighbours.has(n))!;
    expect((await display(stranger))?.color).not.toBe(FADED);

    const at = (await position(topic.key))!;
    await page.mouse.move(at.x, at.y);
    await expect.poll(async () => (await display(stranger))?.color, WAIT).toBe(FADED);
    expect((await display(neighbour))?.color).not.toBe(FADED);
    expect((await display(topic.key))?.label).toBe(topic.attributes.label);
    expect((await display(stranger))?.label).toBeNull();

    await page.mouse.move(LAPTOP.width - 120, LAPTOP.height / 2 - 200);
    await expect.poll(async () => (await display(stranger))?.color, WAIT).not.toBe(FADED);
    expect(pageErrors).toEqual([]);
  });

  it('never lets two labels overlap, and shows more of them as the map is zoomed in', async () => {
    await page.goto(`${server.url}/`);
    await drawn('topics');
    await settled();
    const check = async () => {
      const placed = await labels();
      for (let i = 0; i < placed.length; i++)
        for (let j = i + 1; j < placed.length; j++)
          expect(
            overlaps(placed[i]!.rect, placed[j]!.rect),
            `${placed[i]!.node} / ${placed[j]!.node}`,
          ).toBe(false);
      return placed.length;
    };
    const whole = await check();
    expect(whole).toBeGreaterThan(5);
    // Cluster names sit at their clusters' centres: the biggest cluster's always shows, and
    // no two shown names overlap.
    const names = page.getByTestId('cluster-labels').locator('span');
    const biggest = [...map.attributes.clusters].sort((a, b) => b.topicCount - a.topicCount)[0]!;
    await expect.poll(() => names.first().textContent(), WAIT).toBe(biggest.label.split(' · ')[0]);
    const shown = await names.evaluateAll((spans) =>
      spans
        .filter((span) => (span as HTMLElement).style.visibility !== 'hidden')
        .map((span) => span.getBoundingClientRect().toJSON() as Rect),
    );
    expect(shown.length).toBeGreaterThan(2);
    for (let i = 0; i < shown.length; i++)
      for (let j = i + 1; j < shown.length; j++) expect(overlaps(shown[i]!, shown[j]!)).toBe(false);
    // No topic label runs under a cluster name (the map fills the window from its top left).
    for (const { node, rect } of await labels())
      for (const name of shown) expect(overlaps(rect, name), node).toBe(false);

    // Hovering a hub labels its neighbours, still without overlaps.
    const at = (await position(topic.key))!;
    await page.mouse.move(at.x, at.y);
    await expect
      .poll(async () => (await display(topic.key))?.label, WAIT)
      .toBe(topic.attributes.label);
    await expect.poll(check, WAIT).toBeGreaterThan(3);
    await page.mouse.move(LAPTOP.width - 120, LAPTOP.height / 2 - 200);
    await page.getByRole('button', { name: 'Zoom in' }).click();
    await settled();
    await page.getByRole('button', { name: 'Zoom in' }).click();
    await settled();
    // Zoomed in, a smaller part of the map shows, yet more labels fit on screen.
    expect(await check()).toBeGreaterThan(whole);
    expect(pageErrors).toEqual([]);
  });

  it('switches a cluster off and on from the legend; the counts and the URL follow', async () => {
    const stats = await api<StatsResponse>('/api/stats');
    await page.goto(`${server.url}/`);
    await drawn('topics');
    const toggle = page.getByRole('checkbox', { name: /^Show cluster / }).first();
    const name = (await toggle.getAttribute('aria-label'))!.replace('Show cluster ', '');
    const cluster = map.attributes.clusters.find((c) => c.label === name)!;
    const members = map.nodes.filter((n) => n.attributes.cluster === cluster.id);
    await toggle.uncheck();
    expect(await params()).toMatchObject({ hide: String(cluster.id) });
    await expect
      .poll(statsText, WAIT)
      .toContain(
        `${map.nodes.length - members.length} of ${stats.topicCount.toLocaleString('en-US')} topics`,
      );
    expect((await display(members[0]!.key))?.hidden).toBe(true);
    // The same clusters are switched off in the paper map.
    await viewButton('Papers').click();
    const paperMap = await api<PaperMapResponse>('/api/paper-map');
    await drawn('papers');
    const inCluster = paperMap.nodes.filter((n) => n.attributes.cluster === cluster.id);
    expect((await display(inCluster[0]!.key))?.hidden).toBe(true);
    await page.goBack();
    await page.goBack();
    await expect.poll(() => toggle.isChecked(), WAIT).toBe(true);
    expect((await display(members[0]!.key))?.hidden).toBe(false);
    expect(pageErrors).toEqual([]);
  });

  it('keeps the camera in the URL, so a copied address opens the same view', async () => {
    await page.goto(`${server.url}/?view=papers&color=year`);
    const nodes = await drawn('papers');
    await settled();
    await page.getByRole('button', { name: 'Zoom in' }).click();
    const zoomed = await settled();
    await expect
      .poll(async () => Number((await params()).camera?.split(',')[2]), WAIT)
      .toBeCloseTo(zoomed, 3);
    const address = page.url();
    const copy = await watchedPage(browser, LAPTOP, pageErrors);
    await copy.goto(address);
    await drawn('papers', copy);
    expect(await settled(copy)).toBeCloseTo(zoomed, 3);
    expect(await copy.getByTestId('graph-map').getAttribute('data-color-mode')).toBe('year');
    const here = (await position(nodes[0]!))!;
    const there = (await position(nodes[0]!, copy))!;
    expect(Math.abs(here.x - there.x) + Math.abs(here.y - there.y)).toBeLessThan(2);
    await copy.close();
    expect(pageErrors).toEqual([]);
  });

  it('charts a topic’s papers per year', async () => {
    const dated = await api<TopicDetailResponse>(`/api/topics/${encodeURIComponent(topic.key)}`);
    expect(dated.years.length).toBeGreaterThan(0);
    await page.goto(`${server.url}/${topicUrl}`);
    const bars = page.getByTestId('year-bars').locator('li');
    const first = dated.years[0]!.year;
    const last = dated.years.at(-1)!.year;
    await expect.poll(() => bars.count(), WAIT).toBe(last - first + 1);
    for (const { year, paperCount } of dated.years) {
      expect(await bars.nth(year - first).getAttribute('aria-label')).toBe(
        `${year}: ${paperCount} paper${paperCount === 1 ? '' : 's'}`,
      );
    }
    expect(pageErrors).toEqual([]);
  });

  it('filters the paper map to papers with code, and exports it named after the view', async () => {
    const paperMap = await api<PaperMapResponse>('/api/paper-map');
    const stats = await api<StatsResponse>('/api/stats');
    await page.goto(`${server.url}/?view=papers`);
    await drawn('papers');
    await page.getByRole('button', { name: 'Filters' }).click();
    expect(await page.getByLabel(/per topic/).count()).toBe(0);
    await page.getByLabel('Only papers with code').check();
    const withCode = paperMap.nodes.filter((n) => n.attributes.hasCode).length;
    expect(withCode).toBeGreaterThan(0);
    await expect
      .poll(statsText, WAIT)
      .toContain(`${withCode} of ${stats.paperCount} papers on the map`);
    expect(await params()).toMatchObject({ view: 'papers', code: '1' });

    const download = page.waitForEvent('download');
    await page.getByRole('button', { name: 'GEXF' }).click();
    const file = await download;
    expect(file.suggestedFilename()).toBe('topograph-papers-by-cluster-filtered.gexf');
    const { readFileSync } = await import('node:fs');
    const graph = parseGexf(Graph, readFileSync((await file.path())!, 'utf8'));
    expect(graph.order).toBe(withCode);
    expect(graph.getNodeAttribute(graph.nodes()[0]!, 'kind')).toBe('paper');

    // Filters nobody can meet say so, with a way out (no sample paper is from the 1990s).
    await page.getByLabel('Year from').fill('1990');
    await page.getByLabel('Year to').fill('1991');
    await page.getByLabel('Year to').blur();
    await page.getByTestId('no-match').waitFor();
    await page.getByRole('button', { name: 'Clear the filters' }).click();
    await expect.poll(() => page.getByTestId('no-match').count(), WAIT).toBe(0);
    expect(await params()).not.toHaveProperty('code');
    expect(pageErrors).toEqual([]);
  });

  it('moves the camera to a paper chosen in the search box on the paper map', async () => {
    await page.goto(`${server.url}/?view=papers`);
    const nodes = await drawn('papers');
    await settled();
    const paperMap = await api<PaperMapResponse>('/api/paper-map');
    // A paper at the edge of the map, so the camera has somewhere to go.
    const edge = [...paperMap.nodes].sort((a, b) => b.attributes.x - a.attributes.x)[0]!;
    expect(nodes).toContain(edge.key);
    const search = page.getByRole('combobox', { name: /search/i });
    await search.fill(edge.attributes.label.slice(0, 60));
    await page.locator(`[role="option"][data-kind="paper"]`).first().waitFor();
    await page
      .locator('[role="option"][data-kind="paper"]', {
        hasText: edge.attributes.label.slice(0, 40),
      })
      .first()
      .click();
    await expect.poll(panelTitle, WAIT).toBe(edge.attributes.label);
    await settled();
    const at = (await position(edge.key))!;
    const panel = (await page.locator('aside.side-panel').boundingBox())!;
    const toolbar = (await page.locator('header.toolbar').boundingBox())!;
    expect(at.x).toBeLessThan(panel.x);
    expect(at.x).toBeGreaterThan(0);
    expect(at.y).toBeGreaterThan(0);
    expect(at.y).toBeLessThan(LAPTOP.height);
    expect(at.x > toolbar.x + toolbar.width || at.y > toolbar.y + toolbar.height).toBe(true);
    expect((await display(edge.key))?.color).not.toBe(FADED);
    expect(pageErrors).toEqual([]);
  });

  for (const size of [LAPTOP, DESKTOP]) {
    it(`lays out toolbar, legend, panel and buttons apart on ${size.width}×${size.height}`, async () => {
      const screen = await watchedPage(browser, size, pageErrors);
      await screen.goto(`${server.url}/?view=papers${topicUrl}`);
      await drawn('papers', screen);
      await expect.poll(() => screen.locator('aside.side-panel h2').count(), WAIT).toBe(1);
      const boxes: Record<string, Rect> = {};
      for (const [name, selector] of Object.entries({
        toolbar: 'header.toolbar',
        legend: 'section.legend',
        panel: 'aside.side-panel',
        zoom: '.zoom-controls',
        export: '.export-controls',
      })) {
        const box = (await screen.locator(selector).boundingBox())!;
        expect(box, selector).not.toBeNull();
        boxes[name] = {
          left: box.x,
          top: box.y,
          right: box.x + box.width,
          bottom: box.y + box.height,
        };
        expect(boxes[name]!.left).toBeGreaterThanOrEqual(0);
        expect(boxes[name]!.top).toBeGreaterThanOrEqual(0);
        expect(boxes[name]!.right).toBeLessThanOrEqual(size.width);
        expect(boxes[name]!.bottom).toBeLessThanOrEqual(size.height);
      }
      const names = Object.keys(boxes);
      for (let i = 0; i < names.length; i++)
        for (let j = i + 1; j < names.length; j++)
          expect(overlaps(boxes[names[i]!]!, boxes[names[j]!]!), `${names[i]} / ${names[j]}`).toBe(
            false,
          );
      // The map keeps most of the width between the toolbar and the panel.
      expect(boxes.panel!.left - boxes.toolbar!.right).toBeGreaterThan(size.width * 0.3);
      // Every control has a name a screen reader can say.
      const unnamed = await screen.evaluate(() =>
        [...document.querySelectorAll('button, input, [role="radio"]')]
          .filter((el) => {
            const label =
              el.getAttribute('aria-label') ??
              (el instanceof HTMLInputElement
                ? [...(el.labels ?? [])].map((l) => l.textContent).join('')
                : el.textContent);
            return !label?.trim();
          })
          .map((el) => el.outerHTML.slice(0, 80)),
      );
      expect(unnamed).toEqual([]);
      await screen.close();
      expect(pageErrors).toEqual([]);
    });
  }

  for (const size of [NARROW, PHONE]) {
    it(`keeps toolbar and map in view with the panel as a bottom sheet on ${size.width}×${size.height}`, async () => {
      const screen = await watchedPage(browser, size, pageErrors);
      await screen.goto(`${server.url}/${topicUrl}`);
      await drawn('topics', screen);
      await expect.poll(() => screen.locator('aside.side-panel h2').count(), WAIT).toBe(1);
      const rect = async (selector: string) => {
        const box = (await screen.locator(selector).boundingBox())!;
        return { left: box.x, top: box.y, right: box.x + box.width, bottom: box.y + box.height };
      };
      const toolbar = await rect('header.toolbar');
      const panel = await rect('aside.side-panel');
      const zoom = await rect('.zoom-controls');
      for (const box of [toolbar, panel, zoom]) {
        expect(box.left).toBeGreaterThanOrEqual(0);
        expect(box.right).toBeLessThanOrEqual(size.width);
        expect(box.bottom).toBeLessThanOrEqual(size.height);
      }
      // The sheet sits below the toolbar, whose search stays usable, and leaves a fifth of the
      // height or more of map between them; zoom sits above the sheet, clear of both.
      expect(overlaps(toolbar, panel)).toBe(false);
      expect(panel.top - toolbar.bottom).toBeGreaterThan(size.height * 0.2);
      expect(overlaps(zoom, panel)).toBe(false);
      expect(overlaps(zoom, toolbar)).toBe(false);
      // The corpus stats wrap inside the toolbar rather than run out of it.
      await expect
        .poll(() => screen.getByTestId('stats').evaluate((el) => el.scrollWidth <= el.clientWidth))
        .toBe(true);
      const search = screen.getByRole('combobox', { name: /search/i });
      await search.click();
      await expect.poll(() => search.evaluate((el) => el === document.activeElement)).toBe(true);
      // The legend and export buttons make way while the sheet is open, and come back.
      expect(await screen.locator('section.legend').isVisible()).toBe(false);
      expect(await screen.locator('.export-controls').isVisible()).toBe(false);
      await screen.getByRole('button', { name: 'Close panel' }).click();
      await expect.poll(() => screen.locator('section.legend').isVisible(), WAIT).toBe(true);
      await screen.close();
      expect(pageErrors).toEqual([]);
    });
  }
});

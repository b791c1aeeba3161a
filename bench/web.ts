/**
 * `npm run bench:web [-- --db path/to/store.db] [--runs N] [--topics 2000]`: the explorer on
 * a big store, in headless Chromium (Debian's, through playwright-core), as a user meets it.
 * The real server serves the built explorer (`npm run build` first) over the SQLite file
 * given (default `TOPOGRAPH_DB`, else data/topograph.db) and, per run, in a fresh page:
 *
 * - first frame: from navigation to the first frame of the topic map with `--topics` topics
 *   (`performance.now()` when sigma first renders, read through `window.topographMap`);
 * - pan and hover: the longest gap between two animation frames while the mouse drags the
 *   map for a second, and while it then passes over 30 topics (a frozen page shows as a
 *   long gap; headless Chromium here draws WebGL in software, slower than any GPU);
 * - search to selection: from pressing Enter on a topic found by typing its name to the
 *   topic drawn highlighted on the map with its panel open, and to the camera at rest there;
 * - the paper map: from switching to it to its first frame.
 *
 * Reports each run and the medians. A measurement, never a test.
 */
import { parseArgs } from 'node:util';
import { chromium, type Page } from 'playwright-core';
import { buildApp } from '../server/app.ts';
import { dbPath } from '../server/store/open-store.ts';
import { createSqliteStore } from '../server/store/sqlite/sqlite-store.ts';
import '../web/src/views/map/map-probe.ts';

const { values } = parseArgs({
  options: {
    db: { type: 'string' },
    runs: { type: 'string', default: '3' },
    topics: { type: 'string', default: '2000' },
  },
});
const runs = Number(values.runs);
if (!Number.isInteger(runs) || runs < 1) throw new RangeError('--runs: a whole number ≥ 1');
const topics = Number(values.topics);
const db = values.db ?? dbPath();
const VIEWPORT = { width: 1366, height: 768 };

const store = createSqliteStore(db);
const stats = await store.stats();
if (stats.paperCount === 0)
  throw new Error(`bench:web: ${db} holds no papers; ingest a corpus first`);
const app = await buildApp({ store, webRoot: 'dist/web' });
await app.listen({ host: '127.0.0.1', port: 0 });
const address = app.server.address();
if (!address || typeof address === 'string') throw new Error('server has no TCP address');
const url = `http://127.0.0.1:${address.port}`;
const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
  args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking'],
});

const ms = (value: number) => `${Math.round(value)} ms`;
const median = (list: number[]) => [...list].sort((a, b) => a - b)[Math.floor(list.length / 2)]!;

/** Starts recording the gaps between animation frames in the page; returns the stopper. */
async function watchFrames(page: Page): Promise<() => Promise<number>> {
  // A script, not a function: tsx would wrap a function's inner names in a helper the page
  // does not have.
  await page.evaluate(`(() => {
    const state = { last: performance.now(), longest: 0, running: true };
    window.frameWatch = state;
    const tick = (now) => {
      state.longest = Math.max(state.longest, now - state.last);
      state.last = now;
      if (state.running) requestAnimationFrame(tick);
    };
    requestAnimationFrame(tick);
  })()`);
  return () =>
    page.evaluate<number>(
      '(() => { window.frameWatch.running = false; return window.frameWatch.longest; })()',
    );
}

/** When the camera came to rest (`performance.now()`), by the map's own signal (map-probe.ts). */
async function cameraAtRest(page: Page): Promise<number> {
  return (await page.evaluate(() => window.topographMap!.cameraAtRest(120_000))).since;
}

type Run = {
  firstFrame: number;
  pan: number;
  hover: number;
  select: number;
  camera: number;
  papers: number;
};
const results: Run[] = [];
const map = await store.topicMap({ limit: topics, minPapers: 1, maxEdges: 4_000 });
// A topic well inside the list but not the biggest: the camera has somewhere to go.
const target = map.topics[Math.floor(map.topics.length / 3)]!;

console.log(
  `bench:web: ${db}: ${stats.paperCount.toLocaleString('en-US')} papers, ${map.topics.length} topics on the map, ${map.edges.length} links; ${runs} run(s) at ${VIEWPORT.width}×${VIEWPORT.height}`,
);
for (let run = 1; run <= runs; run++) {
  const page = await browser.newPage({ viewport: VIEWPORT });
  const errors: string[] = [];
  page.on('pageerror', (error) => errors.push(error.message));
  await page.goto(`${url}/?topics=${topics}`);
  await page.waitForFunction(() => (window.topographMap?.firstFrameAt() ?? null) !== null, null, {
    timeout: 120_000,
  });
  const firstFrame = (await page.evaluate(() => window.topographMap!.firstFrameAt()))!;
  await cameraAtRest(page);

  // Pan for a second, then pass over 30 topics.
  const panning = await watchFrames(page);
  const from = { x: VIEWPORT.width * 0.6, y: VIEWPORT.height * 0.5 };
  await page.mouse.move(from.x, from.y);
  await page.mouse.down();
  for (let step = 1; step <= 30; step++) {
    await page.mouse.move(from.x - step * 6, from.y - step * 3);
    await page.waitForTimeout(33);
  }
  await page.mouse.up();
  const pan = await panning();
  const hovering = await watchFrames(page);
  const nodes = await page.evaluate(() => window.topographMap!.nodes().slice(0, 30));
  for (const node of nodes) {
    const at = await page.evaluate((key) => window.topographMap!.position(key), node);
    if (at && at.x > 0 && at.y > 0 && at.x < VIEWPORT.width && at.y < VIEWPORT.height) {
      await page.mouse.move(at.x, at.y);
      await page.waitForTimeout(30);
    }
  }
  const hover = await hovering();
  await page.mouse.move(5, VIEWPORT.height - 5);

  // Search the target topic by name and choose it with Enter.
  const search = page.getByRole('combobox', { name: /search/i });
  await search.fill(target.label);
  await page
    .locator('[role="option"][data-kind="topic"]', { hasText: target.label })
    .first()
    .waitFor();
  await search.press('ArrowDown');
  const start = await page.evaluate(() => performance.now());
  await search.press('Enter');
  await page.waitForFunction(
    ([key, label]) =>
      window.topographMap?.display(key)?.highlighted === true &&
      document.querySelector('aside.side-panel h2')?.textContent === label,
    [target.id, target.label] as const,
    { timeout: 60_000, polling: 'raf' },
  );
  const select = (await page.evaluate(() => performance.now())) - start;
  const camera = (await cameraAtRest(page)) - start;

  // The paper map.
  const switchAt = await page.evaluate(() => performance.now());
  await page
    .getByRole('radiogroup', { name: 'View' })
    .getByRole('radio', { name: 'Papers' })
    .click();
  await page.waitForFunction(
    () => window.topographMap?.view === 'papers' && window.topographMap.frames() > 0,
    null,
    { timeout: 120_000 },
  );
  const papers = (await page.evaluate(() => window.topographMap!.firstFrameAt()))! - switchAt;

  if (errors.length > 0) throw new Error(`bench:web: the page failed: ${errors.join('; ')}`);
  results.push({ firstFrame, pan, hover, select, camera, papers });
  console.log(
    `run ${run}: first frame ${ms(firstFrame)} · longest frame panning ${ms(pan)}, hovering ${ms(hover)} · search → selected ${ms(select)}, camera at rest ${ms(camera)} · paper map ${ms(papers)}`,
  );
  await page.close();
}

const pick = (key: keyof Run) => ms(median(results.map((result) => result[key])));
console.log(
  `median: first frame ${pick('firstFrame')} · longest frame panning ${pick('pan')}, hovering ${pick('hover')} · search → selected ${pick('select')}, camera at rest ${pick('camera')} · paper map ${pick('papers')}`,
);
await browser.close();
await app.close();
await store.close();

/**
 * The options page in both browsers: the dataset shown for audit, settings applied live to the
 * badges in an open tab (and to the toolbar badge), and importing datasets: a malformed file is
 * refused with a clear message while the current dataset keeps working, one built with
 * `npm run dataset` from another folder gives new verdicts, and reset brings the bundled one back.
 */
import { readFileSync } from 'node:fs';
import type { Page } from 'playwright-core';
import type { ElementHandle, Page as PPage } from 'puppeteer-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  artefact,
  type ChromiumRun,
  ensureBuilt,
  type FirefoxRun,
  gotoExtensionPage,
  launchChromium,
  launchFirefox,
  ROOT,
  type Server,
  serve,
} from './harness';
import {
  badgeTexts,
  buildMiniDataset,
  type Counts,
  datasetFacts,
  firefoxBadgeText,
  firefoxTabId,
  MINI_NAME,
  pageBadges,
  popupFacts,
  settledBadges,
} from './popup-support';

declare const chrome: { action: { getBadgeText(d: { tabId: number }): Promise<string> } };

const bundled = JSON.parse(readFileSync(`${ROOT}/data/dataset.json`, 'utf8'));
const BUNDLED_FACTS = {
  name: bundled.name,
  sources: bundled.sources.length,
  groups: bundled.origins.length,
  disagreements: bundled.disagreements.length,
};
/** pages/bridge.html against the tiny dataset (see buildMiniDataset). */
const BRIDGE = { conflict: 1, disputed: 0, corroborated: 2 };
const OPTIONS_PATH = 'src/options/index.html';
const NONE: Counts = { conflict: 0, disputed: 0, corroborated: 0 };

let server: Server;
let mini: { file: string; broken: string };
beforeAll(async () => {
  ensureBuilt();
  server = await serve();
  mini = buildMiniDataset();
});
afterAll(() => server?.close());

describe('chromium', () => {
  let run: ChromiumRun;
  let options: Page;
  beforeAll(async () => {
    run = await launchChromium();
    options = await run.context.newPage();
    await options.goto(`chrome-extension://${run.extensionId}/${OPTIONS_PATH}`);
  });
  afterAll(() => run?.close());

  const badgeText = (tabId: number) => run.worker.evaluate((id) => chrome.action.getBadgeText({ tabId: id }), tabId);
  async function badged(path: string): Promise<{ page: Page; badges: Counts }> {
    const page = await run.context.newPage();
    await page.goto(server.url(path));
    return { page, badges: await settledBadges(() => page.evaluate(pageBadges)) };
  }

  it('shows the dataset for audit: sources, origin groups, disagreements', async () => {
    await expect.poll(() => options.evaluate(datasetFacts), { timeout: 15_000 }).toMatchObject(BUNDLED_FACTS);
    await options.screenshot({ path: artefact('chromium-options.png'), fullPage: true });
  });

  it('applies settings live to the badges in an open tab', async () => {
    const { page, badges } = await badged('d01.html');
    const tabId = await run.tabIdFor(page);
    await options.bringToFront();

    await options.getByLabel('Show badges on news pages').uncheck();
    await expect.poll(() => page.evaluate(pageBadges)).toEqual(NONE);
    await expect.poll(() => badgeText(tabId)).toBe('');
    await options.getByLabel('Show badges on news pages').check();
    await expect.poll(() => page.evaluate(pageBadges), { timeout: 15_000 }).toEqual(badges);
    await expect.poll(() => badgeText(tabId)).toBe(String(badges.conflict));

    await options.getByLabel('Show conflicts only').check();
    await expect.poll(() => page.evaluate(pageBadges)).toEqual({ ...NONE, conflict: badges.conflict });
    await options.getByLabel('Show conflicts only').uncheck();
    await expect.poll(() => page.evaluate(pageBadges), { timeout: 15_000 }).toEqual(badges);

    await options.getByLabel('With text (the verdict in words)').check();
    await expect
      .poll(() => page.evaluate(badgeTexts).then((t) => t.some((x) => x.startsWith('Corroborated ·'))))
      .toBe(true);
    await options.getByLabel('Compact (a coloured mark)').check();

    await options.getByLabel('Site, for example news.example.com').fill('127.0.0.1');
    await options.getByRole('button', { name: 'Add' }).click();
    await expect.poll(() => page.evaluate(pageBadges)).toEqual(NONE);
    await options.getByRole('button', { name: 'Remove 127.0.0.1' }).click();
    await expect.poll(() => page.evaluate(pageBadges), { timeout: 15_000 }).toEqual(badges);
    await page.close();
  });

  it('imports datasets: refuses a malformed one, uses a valid one, resets', async () => {
    await options.locator('#dataset-file').setInputFiles(mini.broken);
    await expect
      .poll(() => options.evaluate(datasetFacts))
      .toMatchObject({
        ...BUNDLED_FACTS,
        status: expect.stringMatching(
          /^Could not import broken\.json: dataset: not valid JSON \(.+\)\. The current dataset stays in use\.$/,
        ),
      });
    await options.locator('.import').screenshot({ path: artefact('chromium-options-import-error.png') });
    const old = await badged('d01.html'); // the bundled dataset still judges pages
    await old.page.close();

    await options.locator('#dataset-file').setInputFiles(mini.file);
    await expect
      .poll(() => options.evaluate(datasetFacts))
      .toEqual({
        name: MINI_NAME,
        sources: 2,
        groups: 2,
        disagreements: 0,
        status: `Now using “${MINI_NAME}”. Open tabs use it from their next check.`,
      });
    // The import outlives the service worker: stop it, and the next check wakes a new one.
    const cdp = await run.context.newCDPSession(options);
    await cdp.send('ServiceWorker.enable');
    await cdp.send('ServiceWorker.stopAllWorkers');
    const { page, badges } = await badged('bridge.html');
    expect(badges).toEqual(BRIDGE);
    await cdp.send('ServiceWorker.stopAllWorkers'); // the summary outlives it too (storage.session)
    const popup = await run.context.newPage();
    await popup.goto(run.popupUrl(await run.tabIdFor(page)));
    await popup.locator('[data-state="results"]').waitFor({ timeout: 15_000 });
    expect(await popup.evaluate(popupFacts)).toMatchObject({
      counts: BRIDGE,
      rows: BRIDGE,
      checked: '5 sentences checked against 2 sources (2 independent)',
    });

    await options.bringToFront();
    await options.getByRole('button', { name: 'Use the bundled dataset' }).click();
    await expect.poll(() => options.evaluate(datasetFacts)).toMatchObject(BUNDLED_FACTS);
    await page.reload();
    await popup.goto(run.popupUrl(await run.tabIdFor(page)));
    await popup.locator('[data-state="nothing-related"]').waitFor({ timeout: 15_000 });
    expect(await page.evaluate(pageBadges)).toEqual(NONE);
    await page.close();
    await popup.close();
  });
});

describe('firefox', () => {
  let run: FirefoxRun;
  let options: PPage;
  beforeAll(async () => {
    run = await launchFirefox();
    options = await run.browser.newPage();
    await gotoExtensionPage(options, `${run.extensionOrigin}${OPTIONS_PATH}`);
  });
  afterAll(() => run?.close());

  async function badged(path: string): Promise<{ page: PPage; badges: Counts }> {
    const page = await run.browser.newPage();
    await page.goto(server.url(path));
    return { page, badges: await settledBadges(() => page.evaluate(pageBadges)) };
  }
  const click = (sel: string) => options.$eval(sel, (e) => (e as HTMLElement).click());
  const upload = async (file: string) =>
    ((await options.$('#dataset-file')) as ElementHandle<HTMLInputElement>).uploadFile(file);

  it('shows the dataset for audit, and applies settings live to an open tab', async () => {
    await expect.poll(() => options.evaluate(datasetFacts), { timeout: 15_000 }).toMatchObject(BUNDLED_FACTS);
    await options.screenshot({ path: artefact('firefox-options.png'), fullPage: true });

    const { page, badges } = await badged('d01.html');
    const tabId = await firefoxTabId(options, server.url('d01.html'));
    await click('input[name="enabled"]');
    await expect.poll(() => page.evaluate(pageBadges)).toEqual(NONE);
    await expect.poll(() => firefoxBadgeText(options, tabId)).toBe('');
    await click('input[name="enabled"]');
    await expect.poll(() => page.evaluate(pageBadges), { timeout: 15_000 }).toEqual(badges);
    await click('input[name="conflictsOnly"]');
    await expect.poll(() => page.evaluate(pageBadges)).toEqual({ ...NONE, conflict: badges.conflict });
    await click('input[name="conflictsOnly"]');
    await expect.poll(() => page.evaluate(pageBadges), { timeout: 15_000 }).toEqual(badges);
    await page.close();
  });

  it('imports datasets: refuses a malformed one, uses a valid one, resets', async () => {
    await upload(mini.broken);
    await expect
      .poll(() => options.evaluate(datasetFacts))
      .toMatchObject({ ...BUNDLED_FACTS, status: expect.stringMatching(/^Could not import broken\.json: dataset: /) });
    const old = await badged('d01.html');
    await old.page.close();

    await upload(mini.file);
    await expect.poll(() => options.evaluate(datasetFacts)).toMatchObject({ name: MINI_NAME, sources: 2 });
    const { page, badges } = await badged('bridge.html');
    expect(badges).toEqual(BRIDGE);

    await click('.reset');
    await expect.poll(() => options.evaluate(datasetFacts)).toMatchObject(BUNDLED_FACTS);
    await page.reload();
    await new Promise((r) => setTimeout(r, 2000)); // time for a check that must not badge anything
    expect(await page.evaluate(pageBadges)).toEqual(NONE);
    await page.close();
  });
});

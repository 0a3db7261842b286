/**
 * The popup in both browsers, for a tab with a badged article: its summary matches the page's
 * badges and the toolbar badge, clicking (or pressing Enter on) a row reveals the sentence, its
 * controls apply live; and each empty state has its own text. Screenshots go to test-artefacts/.
 */
import type { Page } from 'playwright-core';
import type { Page as PPage } from 'puppeteer-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  artefact,
  type ChromiumRun,
  ensureBuilt,
  type FirefoxRun,
  gotoExtensionPage,
  launchChromium,
  launchFirefox,
  type Server,
  serve,
  setFirefoxViewport,
} from './harness';
import {
  badgeFlashing,
  type Counts,
  firefoxBadgeText,
  firefoxNewTab,
  firefoxTabId,
  pageBadges,
  popupFacts,
  settledBadges,
} from './popup-support';

// Only what the tests evaluate inside Chromium's service worker.
declare const chrome: {
  action: { getBadgeText(d: { tabId: number }): Promise<string>; getTitle(d: { tabId: number }): Promise<string> };
};

/** The bundled dataset: 5 sources from 4 origins. */
const HEADER = /^\d+ sentences checked against 5 sources \(4 independent\)$/;
const POPUP_SIZE = { width: 380, height: 600 };

/** Row verdicts in the order the popup must list them, from the page's badge counts. */
const ordered = (c: Counts) => [
  ...Array<string>(c.conflict).fill('conflict'),
  ...Array<string>(c.disputed).fill('disputed'),
  ...Array<string>(c.corroborated).fill('corroborated'),
];
const rowVerdicts = () => [...document.querySelectorAll<HTMLElement>('button.row')].map((r) => r.dataset.verdict);
const stateText = (kind: string) => document.querySelector(`[data-state="${kind}"]`)?.textContent ?? null;

let server: Server;
beforeAll(async () => {
  ensureBuilt();
  server = await serve();
});
afterAll(() => server?.close());

describe('chromium', () => {
  let run: ChromiumRun;
  let popup: Page;
  beforeAll(async () => {
    run = await launchChromium();
    popup = await run.context.newPage();
    await popup.setViewportSize(POPUP_SIZE);
  });
  afterAll(() => run?.close());

  const badgeText = (tabId: number) => run.worker.evaluate((id) => chrome.action.getBadgeText({ tabId: id }), tabId);

  async function popupFor(page: Page, state: string): Promise<number> {
    const tabId = await run.tabIdFor(page);
    await popup.goto(run.popupUrl(tabId));
    await popup.locator(`[data-state="${state}"]`).waitFor({ timeout: 15_000 });
    return tabId;
  }

  async function badgedArticle(): Promise<{ page: Page; badges: Counts; tabId: number }> {
    const page = await run.context.newPage();
    await page.goto(server.url('d01.html'));
    const badges = await settledBadges(() => page.evaluate(pageBadges));
    return { page, badges, tabId: await popupFor(page, 'results') };
  }

  it('summarises a badged article as the page shows it, like the toolbar badge, and reveals a sentence', async () => {
    const { page, badges, tabId } = await badgedArticle();
    expect(badges.conflict).toBeGreaterThan(0);
    const facts = await popup.evaluate(popupFacts);
    expect(facts.checked).toMatch(HEADER);
    expect(facts.counts).toEqual(badges);
    expect(facts.rows).toEqual(badges);
    expect(await popup.evaluate(rowVerdicts)).toEqual(ordered(badges));
    expect(await popup.locator('button.row.conflict').first().locator('.value').count()).toBe(2);
    expect(await badgeText(tabId)).toBe(String(badges.conflict));
    expect(await run.worker.evaluate((id) => chrome.action.getTitle({ tabId: id }), tabId)).toMatch(
      /^Credibility overlay: \d+ conflicts?, .*corroborated on this page$/,
    );
    await popup.locator('main').screenshot({ path: artefact('chromium-popup-conflicts.png') });
    // It follows the system's colour scheme.
    await popup.emulateMedia({ colorScheme: 'dark' });
    expect(await popup.evaluate(() => getComputedStyle(document.body).backgroundColor)).toBe('rgb(31, 41, 55)');
    await popup.locator('main').screenshot({ path: artefact('chromium-popup-conflicts-dark.png') });
    await popup.emulateMedia({ colorScheme: 'light' });

    await popup.locator('button.row.conflict').first().click();
    await expect.poll(() => page.evaluate(badgeFlashing), { timeout: 5_000 }).toBe(true);
    // Keyboard: the rows are buttons in tab order.
    await expect.poll(() => page.evaluate(badgeFlashing), { timeout: 10_000 }).toBe(false);
    await popup.locator('button.row').last().focus();
    await popup.keyboard.press('Enter');
    await expect.poll(() => page.evaluate(badgeFlashing), { timeout: 5_000 }).toBe(true);
    await page.close();
  });

  it('applies its controls live: conflicts only, and badges off for the site', async () => {
    const { page, badges, tabId } = await badgedArticle();
    await popup.getByLabel('Show conflicts only').check();
    await expect.poll(() => popup.evaluate(rowVerdicts)).toEqual(ordered({ ...badges, disputed: 0, corroborated: 0 }));
    await popup.getByLabel('Show conflicts only').uncheck();
    await expect.poll(() => popup.evaluate(rowVerdicts)).toEqual(ordered(badges));

    await popup.getByLabel('Badges on 127.0.0.1').uncheck();
    // The popup re-renders once the setting is stored: wait for it rather than read at once.
    await expect.poll(() => popup.evaluate(stateText, 'site-off')).toBe('Badges are turned off for 127.0.0.1.');
    await expect.poll(() => badgeText(tabId)).toBe('');
    await popup.locator('main').screenshot({ path: artefact('chromium-popup-site-off.png') });
    await popup.getByLabel('Badges on 127.0.0.1').check();
    await popup.locator('[data-state="results"]').waitFor();
    await expect.poll(() => badgeText(tabId)).toBe(String(badges.conflict));
    await page.close();
  });

  it('has its own text for each empty state', async () => {
    const page = await run.context.newPage();
    await page.goto(server.url('no-article.html'));
    await popupFor(page, 'not-article');
    expect(await popup.evaluate(stateText, 'not-article')).toBe('No article found on this page.');
    await popup.locator('main').screenshot({ path: artefact('chromium-popup-not-article.png') });

    await page.goto(server.url('article.html')); // an article about something else entirely
    await popupFor(page, 'nothing-related');
    expect(await popup.evaluate(stateText, 'nothing-related')).toBe(
      'Nothing in this article is covered by the reference dataset.',
    );
    await popup.locator('main').screenshot({ path: artefact('chromium-popup-nothing-related.png') });

    await page.goto('chrome://version');
    await popupFor(page, 'cannot-run');
    expect(await popup.evaluate(stateText, 'cannot-run')).toMatch(/^The extension cannot run on this page/);
    await popup.locator('main').screenshot({ path: artefact('chromium-popup-cannot-run.png') });
    await page.close();
  });
});

describe('firefox', () => {
  let run: FirefoxRun;
  let popup: PPage;
  beforeAll(async () => {
    run = await launchFirefox();
    popup = await run.browser.newPage();
    await setFirefoxViewport(popup, POPUP_SIZE);
    await gotoExtensionPage(popup, `${run.extensionOrigin}src/options/index.html`);
  });
  afterAll(() => run?.close());

  async function popupFor(url: string, state: string): Promise<number> {
    const tabId = await firefoxTabId(popup, url);
    await gotoExtensionPage(popup, run.popupUrl(tabId));
    await popup.waitForSelector(`[data-state="${state}"]`, { timeout: 15_000 });
    return tabId;
  }

  it('summarises a badged article as the page shows it, like the toolbar badge, and reveals a sentence', async () => {
    const page = await run.browser.newPage();
    const url = server.url('d01.html');
    await page.goto(url);
    const badges = await settledBadges(() => page.evaluate(pageBadges));
    const tabId = await popupFor(url, 'results');
    const facts = await popup.evaluate(popupFacts);
    expect(facts.checked).toMatch(HEADER);
    expect(facts.counts).toEqual(badges);
    expect(facts.rows).toEqual(badges);
    expect(await popup.evaluate(rowVerdicts)).toEqual(ordered(badges));
    expect(await firefoxBadgeText(popup, tabId)).toBe(String(badges.conflict));
    await (await popup.$('main'))?.screenshot({ path: artefact('firefox-popup-conflicts.png') });

    await popup.click('button.row.conflict');
    await page.waitForFunction(badgeFlashing, { timeout: 5_000 });

    await popup.click('input[name="site"]');
    await popup.waitForSelector('[data-state="site-off"]');
    await expect.poll(() => firefoxBadgeText(popup, tabId)).toBe('');
    await popup.click('input[name="site"]');
    await popup.waitForSelector('[data-state="results"]');
    await page.close();
  });

  it('has its own text for each empty state', async () => {
    const page = await run.browser.newPage();
    await page.goto(server.url('no-article.html'));
    await popupFor(server.url('no-article.html'), 'not-article');
    await (await popup.$('main'))?.screenshot({ path: artefact('firefox-popup-not-article.png') });

    await page.goto(server.url('article.html'));
    await popupFor(server.url('article.html'), 'nothing-related');

    await page.close();

    // A page the extension may not see or script (about:, add-on stores): nothing answers there.
    const blank = await firefoxNewTab(popup);
    await gotoExtensionPage(popup, run.popupUrl(blank.tabId));
    await popup.waitForSelector('[data-state="cannot-run"]', { timeout: 15_000 });
    expect(await popup.evaluate(stateText, 'cannot-run')).toMatch(/^The extension cannot run on this page/);
    await (await popup.$('main'))?.screenshot({ path: artefact('firefox-popup-cannot-run.png') });
    await blank.page.close();
  });
});

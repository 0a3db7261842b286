/**
 * The walking skeleton end to end, in both browsers: the content script finds
 * the article's paragraphs (not the comments), marks the page with its shadow
 * root element, and the background's summary shows up in the popup.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  artefact,
  type ChromiumRun,
  ensureBuilt,
  type FirefoxRun,
  gotoExtensionPage,
  launchChromium,
  launchFirefox,
  markerText,
  type Server,
  serve,
} from './harness';

const EXPECTED = '3 paragraphs found';
let server: Server;

beforeAll(async () => {
  ensureBuilt();
  server = await serve();
});
afterAll(() => server?.close());

describe('chromium', () => {
  let run: ChromiumRun;
  beforeAll(async () => {
    run = await launchChromium();
  });
  afterAll(() => run?.close());

  it('marks the article and the popup shows the summary', async () => {
    const page = await run.context.newPage();
    const url = server.url('article.html');
    await page.goto(url);

    // Playwright's CSS locators pierce open shadow roots.
    const marker = page.locator('cred-marker .text');
    await expect.poll(() => marker.textContent(), { timeout: 15_000 }).toContain(EXPECTED);
    expect(await page.evaluate(() => document.querySelectorAll('cred-marker').length)).toBe(1);
    // It sits right after the article's last paragraph, not in the comments.
    expect(
      await page.evaluate(() => document.querySelector('cred-marker')?.previousElementSibling?.textContent),
    ).toMatch(/^Opponents argued/);
    await page.screenshot({ path: artefact('chromium-article.png'), fullPage: true });

    const tabId = await run.tabIdFor(page);
    const popup = await run.context.newPage();
    await popup.goto(run.popupUrl(tabId));
    const summary = popup.locator('[data-testid=summary]');
    await expect.poll(() => summary.textContent(), { timeout: 15_000 }).toContain('3 paragraphs found on this page');
    expect(await popup.locator('li').allTextContents()).toEqual([
      'The city council voted 31 to 9 on…',
      'The barrier is expected to cost 1.2 billion…',
      'Opponents argued that the money would be better…',
    ]);
    await popup.locator('main').screenshot({ path: artefact('chromium-popup.png') });
  });
});

describe('firefox', () => {
  let run: FirefoxRun;
  beforeAll(async () => {
    run = await launchFirefox();
  });
  afterAll(() => run?.close());

  it('marks the article and the popup shows the summary', async () => {
    const page = await run.browser.newPage();
    const url = server.url('article.html');
    await page.goto(url);
    await page.waitForFunction(markerText, { timeout: 15_000 });
    expect(await page.evaluate(markerText)).toContain(EXPECTED);
    expect(await page.evaluate(() => document.querySelectorAll('cred-marker').length)).toBe(1);
    await page.screenshot({ path: artefact('firefox-article.png'), fullPage: true });

    // Ask the extension itself (from one of its pages) for the tab's id.
    const popup = await run.browser.newPage();
    await gotoExtensionPage(popup, `${run.extensionOrigin}src/options/index.html`);
    const tabId = await popup.evaluate(async (u) => {
      // biome-ignore lint/suspicious/noExplicitAny: `browser` is the page's WebExtension global
      const tabs: { id: number; url?: string }[] = await (globalThis as any).browser.tabs.query({});
      return tabs.find((t) => t.url === u)?.id ?? null;
    }, url);
    expect(tabId).not.toBeNull();

    await gotoExtensionPage(popup, run.popupUrl(tabId as number));
    await popup.waitForSelector('[data-testid=summary]', { timeout: 15_000 });
    expect(await popup.$eval('[data-testid=summary] .count', (e) => e.textContent)).toBe(
      '3 paragraphs found on this page',
    );
    expect(await popup.$$eval('li', (els) => els.map((e) => e.textContent))).toHaveLength(3);
    const main = await popup.$('main');
    await main?.screenshot({ path: artefact('firefox-popup.png') });
  });
});

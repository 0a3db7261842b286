/**
 * The walking skeleton end to end, in both browsers: the content script finds
 * the article's paragraphs (not the comments), marks the page with its shadow
 * root element, the background keeps a per-tab summary (forgotten when the
 * tab navigates), and the popup shows it.
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
  POPUP_PATH,
  type Server,
  serve,
} from './harness';

const MARKER = 'Credibility overlay: 3 paragraphs found';
const SUMMARY = '3 paragraphs found on this page';
const EXCERPTS = [
  'The city council voted 31 to 9 on…',
  'The barrier is expected to cost 1.2 billion…',
  'Opponents argued that the money would be better…',
];
const NOTHING = 'No article found on this page.';

/** Runs in the page: facts about our marker for the assertions. */
function markerFacts() {
  const hosts = document.querySelectorAll('cred-marker');
  const box = hosts[0]?.shadowRoot?.querySelector('.marker');
  return {
    count: hosts.length,
    after: hosts[0]?.previousElementSibling?.textContent?.slice(0, 17) ?? null,
    // article.html sets `div { color: red !important }`; it must not reach us.
    color: box ? getComputedStyle(box).color : null,
  };
}
const EXPECTED_FACTS = { count: 1, after: 'Opponents argued ', color: 'rgb(30, 58, 138)' };

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

  it('marks the article, the popup shows the summary, navigation clears it', async () => {
    const page = await run.context.newPage();
    await page.goto(server.url('article.html'));

    // Playwright's CSS locators pierce open shadow roots.
    await expect.poll(() => page.locator('cred-marker .text').textContent(), { timeout: 15_000 }).toBe(MARKER);
    expect(await page.evaluate(markerFacts)).toEqual(EXPECTED_FACTS);
    await page.screenshot({ path: artefact('chromium-article.png'), fullPage: true });

    const tabId = await run.tabIdFor(page);
    const popup = await run.context.newPage();
    await popup.goto(run.popupUrl(tabId));
    await expect.poll(() => popup.locator('.count').textContent(), { timeout: 15_000 }).toBe(SUMMARY);
    expect(await popup.locator('li').allTextContents()).toEqual(EXCERPTS);
    await popup.locator('main').screenshot({ path: artefact('chromium-popup.png') });

    // Opened as a tab without ?tab=, the popup picks the last used other tab.
    await page.bringToFront();
    const fallback = await run.context.newPage();
    await fallback.goto(`chrome-extension://${run.extensionId}/${POPUP_PATH}`);
    await expect.poll(() => fallback.locator('.count').textContent(), { timeout: 15_000 }).toBe(SUMMARY);

    await page.goto(server.url('no-article.html'));
    await popup.reload();
    await expect.poll(() => popup.locator('main p').textContent(), { timeout: 15_000 }).toBe(NOTHING);
  });

  // Last in this block: it reloads the extension under the open page.
  it('removes its marker once the extension context is gone', async () => {
    const page = await run.context.newPage();
    await page.goto(server.url('article.html'));
    await page.waitForFunction(markerText, undefined, { timeout: 15_000 });
    await run.worker.evaluate(() =>
      (globalThis as { chrome?: { runtime: { reload(): void } } }).chrome?.runtime.reload(),
    );
    // The orphaned script checks when the tab becomes visible again.
    await page.evaluate(() => document.dispatchEvent(new Event('visibilitychange')));
    await expect.poll(() => page.evaluate(markerText), { timeout: 10_000 }).toBeNull();
  });
});

describe('firefox', () => {
  let run: FirefoxRun;
  beforeAll(async () => {
    run = await launchFirefox();
  });
  afterAll(() => run?.close());

  it('marks the article, the popup shows the summary, navigation clears it', async () => {
    const page = await run.browser.newPage();
    const url = server.url('article.html');
    await page.goto(url);
    await page.waitForFunction(markerText, { timeout: 15_000 });
    expect(await page.evaluate(markerText)).toBe(MARKER);
    expect(await page.evaluate(markerFacts)).toEqual(EXPECTED_FACTS);
    await page.screenshot({ path: artefact('firefox-article.png'), fullPage: true });

    // Ask the extension itself, from one of its pages, for the tab's id
    // (Firefox shows tab URLs to extensions whose content scripts match).
    const popup = await run.browser.newPage();
    await gotoExtensionPage(popup, `${run.extensionOrigin}src/options/index.html`);
    const tabId = await popup.evaluate(async (u) => {
      // biome-ignore lint/suspicious/noExplicitAny: `browser` is the extension page's WebExtension global
      const tabs: { id: number; url?: string }[] = await (globalThis as any).browser.tabs.query({});
      return tabs.find((t) => t.url === u)?.id ?? null;
    }, url);
    expect(tabId).not.toBeNull();

    const popupUrl = run.popupUrl(tabId as number);
    await gotoExtensionPage(popup, popupUrl);
    await popup.waitForSelector('.count', { timeout: 15_000 });
    expect(await popup.$eval('.count', (e) => e.textContent)).toBe(SUMMARY);
    expect(await popup.$$eval('li', (els) => els.map((e) => e.textContent))).toEqual(EXCERPTS);
    await (await popup.$('main'))?.screenshot({ path: artefact('firefox-popup.png') });

    await page.goto(server.url('no-article.html'));
    await gotoExtensionPage(popup, popupUrl);
    await popup.waitForFunction(
      (t) => document.querySelector('main p')?.textContent === t,
      { timeout: 15_000 },
      NOTHING,
    );
  });
});

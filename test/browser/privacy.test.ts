/**
 * Privacy in real browsers: while the extension badges pages (on load, after "read more", after
 * a client-side navigation), the popup and the options page are used, settings change and a
 * dataset is imported, refused and reset, every request is recorded, and none may go anywhere
 * but to the local test server for the pages themselves (the page, what its HTML loads, the
 * browser's favicon request) or to the extension's own package.
 *
 * What is recorded: Chromium: every page (tabs, popup, options; content-script requests belong
 * to their tab) and the extension's service worker (Playwright's context-wide `request` event).
 * Firefox: every page the test opens (puppeteer `request`); the background page is not a page
 * puppeteer sees, so for it (and for every extension page) the test shows instead that the
 * extension's CSP (`connect-src 'none'`) refuses a request made from there. In both, the local
 * server's own log must match. privacy-control.test.ts shows what the recorder does see, with a
 * probe extension that does make requests.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import type { Page as PPage } from 'puppeteer-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  type ChromiumRun,
  ensureBuilt,
  type FirefoxRun,
  gotoExtensionPage,
  launchChromium,
  launchFirefox,
  PAGES_DIR,
  ROOT,
  type Server,
  serve,
} from './harness';
import { firefoxTabId, pageBadges, settledBadges } from './popup-support';

/** What the tests use of the extension APIs in extension pages and Chromium's service worker. */
interface Api {
  runtime: {
    sendMessage(m: unknown): Promise<unknown>;
    getBackgroundPage?(): Promise<{ fetch: typeof fetch } | null>;
  };
}
const api = (g: unknown) => ((g as { browser?: Api; chrome?: Api }).browser ?? (g as { chrome: Api }).chrome) as Api;

const PAGES = ['d01.html', 'dynamic.html', 'spa.html'];
const bundled = readFileSync(join(ROOT, 'data/dataset.json'), 'utf8');

let server: Server;

/** Paths a page may load from the server: itself, the `src` of its HTML, and the favicon. */
function allowedPaths(): Set<string> {
  const paths = new Set(['/favicon.ico']);
  for (const p of PAGES) {
    paths.add(`/${p}`);
    for (const m of readFileSync(join(PAGES_DIR, p), 'utf8').matchAll(/\ssrc="(\/[^"]*)"/g)) paths.add(m[1] as string);
  }
  return paths;
}

/** Requests that are neither to the extension's package nor to the server for the pages. */
function forbidden(requests: string[], extensionOrigin: string): string[] {
  const paths = allowedPaths();
  return requests.filter((u) => {
    if (u.startsWith(extensionOrigin) || u.startsWith('data:') || u === 'about:blank') return false;
    if (!u.startsWith(`${server.origin}/`)) return true;
    return !paths.has(new URL(u).pathname);
  });
}

/** Runs in a page: its own request to the server (the control: the recorder must see it). */
const pageControl = (url: string) => fetch(url).then((r) => r.status);

/** Runs in an extension context: a request the extension CSP must refuse. */
async function refused(url: string): Promise<string> {
  try {
    await fetch(url);
    return 'sent';
  } catch (e) {
    return (e as Error).name;
  }
}

/** The server itself got only requests for the pages, and the page's own control request. */
function expectServerSawOnlyPages(): void {
  const paths = allowedPaths();
  const others = server.log.filter((l) => {
    const [method, path] = l.split(' ');
    return method !== 'GET' || !(paths.has(path as string) || path === '/control-from-page');
  });
  expect(others).toEqual([]);
}

beforeAll(async () => {
  ensureBuilt();
  server = await serve();
});
afterAll(() => server?.close());

describe('chromium', () => {
  let run: ChromiumRun;
  const requests: { url: string; from: string }[] = [];
  beforeAll(async () => {
    run = await launchChromium();
    run.context.on('request', (r) => {
      requests.push({ url: r.url(), from: r.serviceWorker() ? 'service worker' : (r.frame().page().url() ?? '') });
    });
  });
  afterAll(() => run?.close());

  it('badges pages, runs its popup and options, imports a dataset: no request leaves the browser', async () => {
    const origin = `chrome-extension://${run.extensionId}/`;
    const page = await run.context.newPage();
    await page.goto(server.url('d01.html'));
    await settledBadges(() => page.evaluate(pageBadges));
    const tabId = await run.tabIdFor(page);

    const dynamic = await run.context.newPage();
    await dynamic.goto(server.url('dynamic.html'));
    await settledBadges(() => dynamic.evaluate(pageBadges));
    await dynamic.click('#read-more');
    const spa = await run.context.newPage();
    await spa.goto(server.url('spa.html'));
    await settledBadges(() => spa.evaluate(pageBadges));
    await spa.click('#next-story');
    await expect.poll(() => spa.evaluate(() => location.pathname)).toBe('/story-2');

    // Extension pages under the strict CSP: nothing of theirs is refused (no errors, no violations).
    const pageErrors: string[] = [];
    const noErrors = (p: Page) => {
      p.on('pageerror', (e) => void pageErrors.push(String(e)));
      p.on('console', (m) => {
        if (m.type() === 'error' || m.type() === 'warning') pageErrors.push(m.text());
      });
    };
    const popup = await run.context.newPage();
    noErrors(popup);
    await popup.goto(run.popupUrl(tabId));
    await popup.locator('[data-state="results"]').waitFor({ timeout: 15_000 });
    // A setting changed and changed back (the checkbox follows the stored setting).
    const conflictsOnly = popup.getByLabel('Show conflicts only');
    await conflictsOnly.click();
    await expect.poll(() => conflictsOnly.isChecked()).toBe(true);
    await conflictsOnly.click();
    await expect.poll(() => conflictsOnly.isChecked()).toBe(false);

    const options = await run.context.newPage();
    noErrors(options);
    await options.goto(`${origin}src/options/index.html`);
    const send = (m: unknown) => options.evaluate((msg) => api(globalThis).runtime.sendMessage(msg), m);
    await options.evaluate(`globalThis.api = ${api.toString()}`);
    expect(await send({ type: 'popup:import-dataset', text: '{"schemaVersion": 1' })).toMatchObject({ ok: false });
    const other = JSON.stringify({ ...JSON.parse(bundled), name: 'Imported for the privacy test' });
    expect(await send({ type: 'popup:import-dataset', text: other })).toMatchObject({ ok: true });
    await page.reload();
    await settledBadges(() => page.evaluate(pageBadges));
    expect(await send({ type: 'popup:reset-dataset' })).toMatchObject({ imported: false });

    // Controls. The recorder sees a page's own request; the extension's contexts cannot make one.
    expect(await page.evaluate(pageControl, server.url('control-from-page'))).toBe(404);
    await expect.poll(() => requests.some((r) => r.url.endsWith('/control-from-page'))).toBe(true);
    expect(await run.worker.evaluate(refused, server.url('control-from-worker'))).toBe('TypeError');
    expect(await options.evaluate(refused, server.url('control-from-options'))).toBe('TypeError');

    await new Promise((r) => setTimeout(r, 500)); // time for late request events
    const seen = requests.map((r) => r.url).filter((u) => !u.endsWith('/control-from-page'));
    expect(forbidden(seen, origin)).toEqual([]);
    expect(requests.filter((r) => r.from === 'service worker' && !r.url.startsWith(origin))).toEqual([]);
    expect(requests.some((r) => r.url.startsWith(`${server.origin}/`))).toBe(true); // the pages were seen
    expectServerSawOnlyPages();
    // The one error is the refused control request from the options page.
    expect(pageErrors.filter((e) => !e.includes('control-from-options'))).toEqual([]);
  });
});

describe('firefox', () => {
  let run: FirefoxRun;
  const requests: string[] = [];
  const watch = (p: PPage) => void p.on('request', (r) => void requests.push(r.url()));
  beforeAll(async () => {
    run = await launchFirefox();
  });
  afterAll(() => run?.close());

  it('badges pages, runs its popup and options, imports a dataset: no request leaves the browser', async () => {
    const open = async () => {
      const p = await run.browser.newPage();
      watch(p);
      return p;
    };
    const options = await open();
    await gotoExtensionPage(options, `${run.extensionOrigin}src/options/index.html`);
    await options.evaluate(`globalThis.api = ${api.toString()}`);
    const send = (m: unknown) => options.evaluate((msg) => api(globalThis).runtime.sendMessage(msg), m as never);

    const page = await open();
    await page.goto(server.url('d01.html'));
    await settledBadges(() => page.evaluate(pageBadges));
    const dynamic = await open();
    await dynamic.goto(server.url('dynamic.html'));
    await settledBadges(() => dynamic.evaluate(pageBadges));
    await dynamic.click('#read-more');
    const spa = await open();
    await spa.goto(server.url('spa.html'));
    await settledBadges(() => spa.evaluate(pageBadges));
    await spa.click('#next-story');
    await expect.poll(() => spa.evaluate(() => location.pathname)).toBe('/story-2');

    const popup = await open();
    await gotoExtensionPage(popup, run.popupUrl(await firefoxTabId(options, server.url('d01.html'))));
    await popup.waitForSelector('[data-state="results"]', { timeout: 15_000 });
    const checked = () => popup.$eval('input[name="conflictsOnly"]', (e) => (e as HTMLInputElement).checked);
    await popup.click('input[name="conflictsOnly"]');
    await expect.poll(checked).toBe(true);
    await popup.click('input[name="conflictsOnly"]');
    await expect.poll(checked).toBe(false);

    expect(await send({ type: 'popup:import-dataset', text: '{"schemaVersion": 1' })).toMatchObject({ ok: false });
    const other = JSON.stringify({ ...JSON.parse(bundled), name: 'Imported for the privacy test' });
    expect(await send({ type: 'popup:import-dataset', text: other })).toMatchObject({ ok: true });
    await page.reload();
    await settledBadges(() => page.evaluate(pageBadges));
    expect(await send({ type: 'popup:reset-dataset' })).toMatchObject({ imported: false });

    // Controls: the recorder sees a page's own request; extension pages and the background page
    // (not visible to puppeteer) cannot make one.
    expect(await page.evaluate(pageControl, server.url('control-from-page'))).toBe(404);
    await expect.poll(() => requests.some((u) => u.endsWith('/control-from-page'))).toBe(true);
    expect(await options.evaluate(refused, server.url('control-from-options'))).toBe('TypeError');
    const fromBackground = await options.evaluate(async (url) => {
      const bg = await api(globalThis).runtime.getBackgroundPage?.();
      if (!bg) return 'no background page';
      try {
        await bg.fetch(url);
        return 'sent';
      } catch (e) {
        return (e as Error).name;
      }
    }, server.url('control-from-background'));
    expect(fromBackground).toBe('TypeError');

    await new Promise((r) => setTimeout(r, 500)); // time for late request events
    const seen = requests.filter((u) => !u.endsWith('/control-from-page'));
    expect(forbidden(seen, run.extensionOrigin)).toEqual([]);
    expect(requests.some((u) => u.startsWith(`${server.origin}/`))).toBe(true);
    expectServerSawOnlyPages();
  });
});

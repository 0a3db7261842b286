/**
 * Real-browser test harness: build check, a local HTTP server, and launchers
 * for Debian's Chromium (playwright-core) and Firefox ESR (puppeteer-core),
 * each with the built extension loaded. Also used by scripts/demo.ts.
 */
import { execSync } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { extname, join, normalize, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { type BrowserContext, chromium, type Page, type Worker } from 'playwright-core';
import puppeteer, { type Browser as PBrowser, type Page as PPage } from 'puppeteer-core';

export const ROOT = resolve(fileURLToPath(new URL('../..', import.meta.url)));
export const PAGES_DIR = join(ROOT, 'test/browser/pages');
export const ARTEFACTS_DIR = join(ROOT, 'test-artefacts');
export const DIST = { chrome: join(ROOT, 'dist/chrome'), firefox: join(ROOT, 'dist/firefox') };
export const GECKO_ID = 'credibility-overlay@example.org'; // as in vite.config.ts
export const POPUP_PATH = 'src/popup/index.html';

// Only what the harness evaluates inside the extension's service worker.
declare const chrome: {
  tabs: { query(q: object): Promise<{ id?: number; url?: string }[]> };
  storage: { local: { set(items: object): Promise<void> } };
};

/**
 * storage.local key (src/content/badge.tsx) that makes badges use open shadow roots, so that
 * test code running in the page can look inside them. Set by the launchers unless
 * `inspectable: false` (the hardening tests use the closed roots real users get).
 */
export const INSPECTABLE_KEY = 'debug:inspectable-badges';

const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const FIREFOX = process.env.FIREFOX_PATH ?? '/usr/bin/firefox-esr';

export function artefact(name: string): string {
  mkdirSync(ARTEFACTS_DIR, { recursive: true });
  return join(ARTEFACTS_DIR, name);
}

// ---- build ----------------------------------------------------------------

function newestMtime(path: string): number {
  if (!existsSync(path)) return 0;
  const st = statSync(path);
  if (!st.isDirectory()) return st.mtimeMs;
  return Math.max(st.mtimeMs, ...readdirSync(path).map((n) => newestMtime(join(path, n))));
}

/** Runs `npm run build` if either dist is missing or older than its inputs. */
export function ensureBuilt(): void {
  const built = Math.min(
    ...Object.values(DIST).map((d) =>
      existsSync(join(d, 'manifest.json')) ? statSync(join(d, 'manifest.json')).mtimeMs : 0,
    ),
  );
  const inputs = ['src', 'public', 'data', 'manifest.json', 'vite.config.ts'].map((p) => newestMtime(join(ROOT, p)));
  if (built === 0 || Math.max(...inputs) > built) {
    execSync('npm run build', { cwd: ROOT, stdio: 'inherit' });
  }
}

// ---- HTTP server ------------------------------------------------------------

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.json': 'application/json',
  '.png': 'image/png',
  '.svg': 'image/svg+xml',
};

export interface Server {
  origin: string;
  url(path: string): string;
  /** Every request the server got, as `METHOD /path`. */
  log: string[];
  close(): Promise<void>;
}

/** Serves files from `dir` (absolute; default test/browser/pages) on 127.0.0.1, ephemeral port. */
export async function serve(dir: string = PAGES_DIR): Promise<Server> {
  const root = resolve(dir);
  const log: string[] = [];
  const server = createServer((req, res) => {
    const path = decodeURIComponent(new URL(req.url ?? '/', 'http://x').pathname);
    log.push(`${req.method} ${path}`);
    let file = normalize(join(root, path.endsWith('/') ? `${path}index.html` : path));
    if (!file.startsWith(root + sep)) file = ''; // no escaping the root
    if (!file || !existsSync(file) || statSync(file).isDirectory()) {
      res.writeHead(404, { 'content-type': 'text/plain' }).end('not found');
      return;
    }
    res.writeHead(200, {
      'content-type': TYPES[extname(file)] ?? 'application/octet-stream',
      'cache-control': 'no-store',
    });
    res.end(readFileSync(file));
  });
  await new Promise<void>((ok) => server.listen(0, '127.0.0.1', ok));
  const origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    origin,
    url: (p) => `${origin}/${p.replace(/^\//, '')}`,
    log,
    close: () =>
      new Promise<void>((ok) => {
        server.closeAllConnections();
        server.close(() => ok());
      }),
  };
}

// ---- browsers ---------------------------------------------------------------

function requireBinary(path: string, what: string): void {
  if (!existsSync(path)) {
    throw new Error(
      `${what} not found at ${path}. Install it with: apt-get install -y chromium firefox-esr ` +
        '(or point CHROMIUM_PATH / FIREFOX_PATH at another binary).',
    );
  }
}

export interface ChromiumRun {
  context: BrowserContext;
  worker: Worker;
  extensionId: string;
  popupUrl(tabId: number): string;
  /** Tab id (as the extension sees it) of `page`. */
  tabIdFor(page: Page): Promise<number>;
  close(): Promise<void>;
}

export async function launchChromium(
  opts: { headless?: boolean; dist?: string; inspectable?: boolean; args?: string[] } = {},
): Promise<ChromiumRun> {
  requireBinary(CHROMIUM, 'Chromium');
  const dist = opts.dist ?? DIST.chrome;
  const profile = mkdtempSync(join(tmpdir(), 'cred-chromium-'));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: CHROMIUM,
    headless: opts.headless ?? true,
    viewport: { width: 1100, height: 900 },
    args: [
      `--disable-extensions-except=${dist}`,
      `--load-extension=${dist}`,
      '--no-sandbox', // CI runs as root
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--no-first-run',
      '--disable-quic',
      ...(opts.args ?? []),
    ],
  });
  // The service worker's URL is chrome-extension://<id>/service-worker-loader.js
  const worker = context.serviceWorkers()[0] ?? (await context.waitForEvent('serviceworker', { timeout: 30_000 }));
  const extensionId = new URL(worker.url()).host;
  if (opts.inspectable ?? true) {
    await worker.evaluate((key) => chrome.storage.local.set({ [key]: true }), INSPECTABLE_KEY);
  }
  return {
    context,
    worker,
    extensionId,
    popupUrl: (tabId) => `chrome-extension://${extensionId}/${POPUP_PATH}?tab=${tabId}`,
    // Without the `tabs` permission or host permissions the extension cannot
    // see tab URLs in Chromium (content-script matches do not count), so find
    // the tab the way the real popup does: as the active one.
    async tabIdFor(page) {
      await page.bringToFront();
      const id = await worker.evaluate(
        async () => (await chrome.tabs.query({ active: true, lastFocusedWindow: true }))[0]?.id ?? null,
      );
      if (id === null) throw new Error('no active tab');
      return id;
    },
    async close() {
      await context.close();
      rmSync(profile, { recursive: true, force: true });
    },
  };
}

export interface FirefoxRun {
  browser: PBrowser;
  /** moz-extension://<uuid>/ – fixed through the extensions.webextensions.uuids pref */
  extensionOrigin: string;
  /** Opens an extension page in `page` (see gotoExtensionPage). */
  popupUrl(tabId: number): string;
  close(): Promise<void>;
}

export async function launchFirefox(
  opts: { dist?: string; inspectable?: boolean; prefs?: Record<string, unknown> } = {},
): Promise<FirefoxRun> {
  requireBinary(FIREFOX, 'Firefox');
  const uuid = randomUUID();
  const browser = await puppeteer.launch({
    browser: 'firefox',
    executablePath: FIREFOX,
    headless: true,
    args: ['--remote-allow-system-access'],
    defaultViewport: { width: 1100, height: 900 },
    extraPrefsFirefox: {
      // Pins the add-on's moz-extension:// host (otherwise random per profile).
      'extensions.webextensions.uuids': JSON.stringify({ [GECKO_ID]: uuid }),
      ...opts.prefs,
    },
  });
  await browser.installExtension(opts.dist ?? DIST.firefox);
  const extensionOrigin = `moz-extension://${uuid}/`;
  if (opts.inspectable ?? true) {
    const page = await browser.newPage();
    await gotoExtensionPage(page, `${extensionOrigin}src/options/index.html`);
    await page.evaluate(
      (key) =>
        (
          globalThis as unknown as { browser: { storage: { local: { set(items: object): Promise<void> } } } }
        ).browser.storage.local.set({ [key]: true }),
      INSPECTABLE_KEY,
    );
    await page.close();
  }
  return {
    browser,
    extensionOrigin,
    popupUrl: (tabId) => `${extensionOrigin}${POPUP_PATH}?tab=${tabId}`,
    close: () => browser.close(),
  };
}

/**
 * `page.setViewport` for Firefox. puppeteer-core sends `emulation.setScreenOrientationOverride`
 * with it, which Firefox ESR 140 does not know ("unknown command"), and the whole call fails; so
 * the one BiDi command that sets the viewport is sent through the frame's browsing context.
 */
export async function setFirefoxViewport(page: PPage, size: { width: number; height: number }): Promise<void> {
  const frame = page.mainFrame() as unknown as {
    browsingContext: { setViewport(o: { viewport: typeof size; devicePixelRatio: null }): Promise<void> };
  };
  await frame.browsingContext.setViewport({ viewport: size, devicePixelRatio: null });
  const width = await page.evaluate(() => window.innerWidth);
  if (width !== size.width) throw new Error(`Firefox viewport is ${width}px wide, wanted ${size.width}px`);
}

/**
 * Puppeteer never sees a load (or DOMContentLoaded) event for moz-extension://
 * pages even though they render. So: from one of our pages, navigate by
 * setting location.href (fast); from anywhere else, start page.goto with a
 * short timeout and ignore that timeout. Then wait until the page is there.
 */
export async function gotoExtensionPage(page: PPage, url: string): Promise<void> {
  const host = url.slice(0, url.indexOf('/', 'moz-extension://'.length) + 1);
  // Tag the current document so that a reload of the same URL is detected.
  const here = await page.evaluate(() => {
    (window as { credOld?: boolean }).credOld = true;
    return location.href;
  });
  if (here.startsWith(host)) {
    await page.evaluate((u) => {
      location.href = u;
    }, url);
  } else {
    await page.goto(url, { timeout: 1_000 }).catch(() => undefined);
  }
  // Poll from here rather than with waitForFunction, which can die with the
  // old document's execution context.
  const deadline = Date.now() + 20_000;
  for (;;) {
    const ready = await page
      .evaluate(
        (u) => !(window as { credOld?: boolean }).credOld && location.href === u && document.readyState === 'complete',
        url,
      )
      .catch(() => false);
    if (ready) return;
    if (Date.now() > deadline) throw new Error(`extension page ${url} did not load`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

/** Our badges on the page by verdict, e.g. {corroborated: 9, conflict: 2} (runs in the page). */
export function badgeCounts(): Record<string, number> {
  const counts: Record<string, number> = {};
  for (const host of Array.from(document.querySelectorAll('cred-badge'))) {
    const verdict = host.shadowRoot?.querySelector('button.badge')?.classList.item(1) ?? 'unknown';
    counts[verdict] = (counts[verdict] ?? 0) + 1;
  }
  return counts;
}

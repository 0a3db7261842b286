/**
 * The positive control for privacy.test.ts: does its request recorder see what an extension's
 * content script and background would send? A throwaway probe extension (written here, to a
 * temporary folder, with no CSP) fetches from its content script and, when that messages it, from
 * its background. Chromium: the recorder (Playwright's context-wide `request` event) sees both.
 * Firefox: puppeteer sees the content script's request (attributed to the tab) but not the
 * background page's; that is the gap privacy.test.ts closes by showing our CSP refuses a fetch
 * made in the background page. The server sees everything, in both.
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, beforeEach, expect, it } from 'vitest';
import { launchChromium, launchFirefox, type Server, serve } from './harness';

let server: Server;
let dir: string;

/** A minimal MV3 extension that makes the two requests, for `browser`. */
function probe(browser: 'chrome' | 'firefox'): string {
  const out = join(dir, browser);
  mkdirSync(out);
  const manifest = {
    manifest_version: 3,
    name: 'request recorder probe',
    version: '1.0',
    background: browser === 'chrome' ? { service_worker: 'bg.js' } : { scripts: ['bg.js'] },
    ...(browser === 'firefox' ? { browser_specific_settings: { gecko: { id: 'probe@example.org' } } } : {}),
    content_scripts: [{ matches: ['http://*/*'], js: ['cs.js'], run_at: 'document_idle' }],
  };
  const api = '(globalThis.browser ?? globalThis.chrome)';
  writeFileSync(join(out, 'manifest.json'), JSON.stringify(manifest));
  writeFileSync(join(out, 'cs.js'), `fetch('/probe-from-content-script');\n${api}.runtime.sendMessage('go');\n`);
  writeFileSync(
    join(out, 'bg.js'),
    `${api}.runtime.onMessage.addListener(() => void fetch(${JSON.stringify(server.url('probe-from-background'))}));\n`,
  );
  return out;
}

const probes = () => server.log.filter((l) => l.includes('/probe-'));

beforeAll(async () => {
  server = await serve();
  dir = mkdtempSync(join(tmpdir(), 'cred-probe-'));
});
beforeEach(() => {
  server.log.length = 0;
});
afterAll(async () => {
  await server?.close();
  rmSync(dir, { recursive: true, force: true });
});

it('chromium: the recorder sees a content script’s and a service worker’s requests', async () => {
  const run = await launchChromium({ dist: probe('chrome'), inspectable: false });
  const seen: string[] = [];
  run.context.on(
    'request',
    (r) => void seen.push(`${r.serviceWorker() ? 'worker' : 'tab'} ${new URL(r.url()).pathname}`),
  );
  const page = await run.context.newPage();
  await page.goto(server.url('d01.html'));
  await expect
    .poll(() => seen, { timeout: 10_000 })
    .toEqual(expect.arrayContaining(['tab /probe-from-content-script', 'worker /probe-from-background']));
  await expect.poll(() => probes().length, { timeout: 10_000 }).toBe(2);
  await run.close();
});

it('firefox: the recorder sees a content script’s request, not the background page’s', async () => {
  const run = await launchFirefox({ dist: probe('firefox'), inspectable: false });
  const seen: string[] = [];
  const page = await run.browser.newPage();
  page.on('request', (r) => void seen.push(new URL(r.url()).pathname));
  await page.goto(server.url('d01.html'));
  await expect.poll(() => probes().length, { timeout: 10_000 }).toBe(2);
  await expect.poll(() => seen, { timeout: 10_000 }).toContain('/probe-from-content-script');
  await new Promise((r) => setTimeout(r, 1000)); // time for a late event
  expect(seen).not.toContain('/probe-from-background'); // the gap (see privacy.test.ts)
  await run.close();
});

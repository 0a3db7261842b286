/**
 * End to end across the extension's parts (Chromium): the content script badges a related
 * article and the popup, opened as a tab without ?tab=, shows that tab's results; after an
 * extension reload the orphaned content script removes everything it added to the page.
 * (content.test.ts and popup.test.ts test each part in both browsers.)
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type ChromiumRun, ensureBuilt, launchChromium, POPUP_PATH, type Server, serve } from './harness';

/** Runs in the page: what the content script has added to it. */
function traces() {
  return {
    badges: document.querySelectorAll('cred-badge').length,
    highlights: 'highlights' in CSS ? CSS.highlights.size : 0,
    style: document.getElementById('cred-overlay-highlights') !== null,
  };
}

/** Runs in the page: whether the story text is back to what the server sent (text nodes joined again). */
async function storyAsServed(): Promise<boolean> {
  const served = new DOMParser().parseFromString(await (await fetch(location.href)).text(), 'text/html');
  const html = (doc: Document) => {
    const el = doc.querySelector('.story-text') as Element;
    return { html: el.innerHTML, nodes: Array.from(el.querySelectorAll('p')).map((p) => p.childNodes.length) };
  };
  return JSON.stringify(html(document)) === JSON.stringify(html(served));
}

let server: Server;
let run: ChromiumRun;
beforeAll(async () => {
  ensureBuilt();
  server = await serve();
  run = await launchChromium();
});
afterAll(async () => {
  await run?.close();
  await server?.close();
});

describe('chromium', () => {
  it('the popup opened as a tab without ?tab= shows the last used tab', async () => {
    const page = await run.context.newPage();
    await page.goto(server.url('d01.html'));
    await expect.poll(() => page.evaluate(traces), { timeout: 15_000 }).toMatchObject({ style: true });
    await page.bringToFront();
    const popup = await run.context.newPage();
    await popup.goto(`chrome-extension://${run.extensionId}/${POPUP_PATH}`);
    await expect
      .poll(() => popup.locator('main [data-state]').first().getAttribute('data-state'), { timeout: 15_000 })
      .toBe('results');
  });

  // Last: it reloads the extension under the open page.
  it('removes its badges and highlights and rejoins the text once the extension context is gone', async () => {
    const page = await run.context.newPage();
    await page.goto(server.url('d01.html'));
    await expect.poll(async () => (await page.evaluate(traces)).badges, { timeout: 15_000 }).toBeGreaterThan(5);
    expect(await page.evaluate(traces)).toMatchObject({ style: true, highlights: expect.any(Number) });
    expect(await page.evaluate(storyAsServed)).toBe(false); // badges split some text nodes
    await run.worker.evaluate(() =>
      (globalThis as { chrome?: { runtime: { reload(): void } } }).chrome?.runtime.reload(),
    );
    // The orphaned script checks when the tab becomes visible again.
    await page.evaluate(() => document.dispatchEvent(new Event('visibilitychange')));
    await expect
      .poll(() => page.evaluate(traces), { timeout: 10_000 })
      .toEqual({ badges: 0, highlights: 0, style: false });
    expect(await page.evaluate(storyAsServed)).toBe(true);
  });
});

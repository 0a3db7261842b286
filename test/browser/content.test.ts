/**
 * The content script in real browsers (Chromium and Firefox), on pages of the eval set served
 * locally: badges with the matcher's verdicts on a related article and none on an unrelated one,
 * the evidence card by keyboard, isolation from page CSS, highlights, text added after load,
 * client-side navigation, and (Chromium) reveal messages from the extension.
 */
import type { Page } from 'playwright-core';
import type { Page as PPage } from 'puppeteer-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { artefact, type ChromiumRun, ensureBuilt, launchChromium, launchFirefox, type Server, serve } from './harness';

/** What a test needs from a browser tab; Playwright and Puppeteer pages both provide it. */
interface Tab {
  goto(path: string): Promise<void>;
  run<A, R>(fn: (arg: A) => R, arg: A): Promise<R>;
  press(key: string): Promise<void>;
  click(selector: string): Promise<void>;
  shot(file: string): Promise<void>;
  /** Chromium only: sends a tab message from the extension's service worker. */
  tell?(message: unknown): Promise<unknown>;
}

interface Driver {
  open(): Promise<Tab>;
  close(): Promise<void>;
}

let server: Server;

function playwrightTab(page: Page, run: ChromiumRun): Tab {
  return {
    goto: async (path) => void (await page.goto(server.url(path))),
    run: (fn, arg) => page.evaluate(fn as never, arg) as never,
    press: (key) => page.keyboard.press(key),
    click: (selector) => page.click(selector),
    shot: async (file) => void (await page.screenshot({ path: artefact(file) })),
    async tell(message) {
      const tabId = await run.tabIdFor(page);
      return run.worker.evaluate(
        ([id, m]) =>
          (
            globalThis as unknown as { chrome: { tabs: { sendMessage(id: number, m: unknown): Promise<unknown> } } }
          ).chrome.tabs
            .sendMessage(id, m)
            .catch((e: Error) => `rejected: ${e.message}`),
        [tabId, message] as const,
      );
    },
  };
}

function puppeteerTab(page: PPage): Tab {
  return {
    goto: async (path) => void (await page.goto(server.url(path))),
    run: (fn, arg) => page.evaluate(fn as never, arg) as never,
    press: (key) => page.keyboard.press(key as never),
    click: (selector) => page.click(selector),
    shot: async (file) => void (await page.screenshot({ path: artefact(file) as `${string}.png` })),
  };
}

const drivers: Record<'chromium' | 'firefox', () => Promise<Driver>> = {
  async chromium() {
    const run = await launchChromium();
    return { open: async () => playwrightTab(await run.context.newPage(), run), close: () => run.close() };
  },
  async firefox() {
    const run = await launchFirefox();
    return { open: async () => puppeteerTab(await run.browser.newPage()), close: () => run.close() };
  },
};

// ---- run in the page (self-contained: they are serialized) ----------------------------------

/** Every badge in document order: verdict, accessible name, and the text just before it. */
function badges() {
  return Array.from(document.querySelectorAll('cred-badge')).map((host) => {
    const button = host.shadowRoot?.querySelector('button');
    const before = document.createRange();
    before.setStart(host.closest('p') ?? document.body, 0);
    before.setEndBefore(host);
    return {
      verdict: ['corroborated', 'conflict', 'disputed'].find((v) => button?.classList.contains(v)) ?? '',
      name: button?.getAttribute('aria-label') ?? '',
      focusable: button?.localName === 'button' && button.tabIndex === 0,
      after: before.toString().replace(/\s+/g, ' ').trim().slice(-60),
      nextToBadge: host.nextSibling?.nodeName === 'CRED-BADGE',
    };
  });
}

/** Our highlights as registered in the page's document: name → the text of each range. */
function highlights() {
  const out: Record<string, string[]> = {};
  if (!('highlights' in CSS)) return out;
  CSS.highlights.forEach((h, name) => {
    out[name] = Array.from(h as unknown as Iterable<Range>).map((r) => r.toString().replace(/\s+/g, ' ').trim());
  });
  return out;
}

/** Focuses the badge that follows the sentence ending in `ending`. */
function focusBadgeAfter(ending: string) {
  for (const host of Array.from(document.querySelectorAll('cred-badge'))) {
    const before = document.createRange();
    before.setStart(host.closest('p') ?? document.body, 0);
    before.setEndBefore(host);
    if (before.toString().trim().endsWith(ending)) {
      host.scrollIntoView({ block: 'center' });
      host.shadowRoot?.querySelector('button')?.focus();
      return true;
    }
  }
  return false;
}

/** The card of the focused badge (or the badge whose card holds focus). */
function cardState() {
  const host = document.activeElement;
  const root = host?.shadowRoot;
  const button = root?.querySelector('button.badge');
  const card = root?.querySelector('.card');
  const r = card?.getBoundingClientRect();
  return {
    open: Boolean(card),
    role: card?.getAttribute('role') ?? null,
    text: card?.textContent?.replace(/\s+/g, ' ') ?? '',
    inViewport: r ? r.left >= 0 && r.top >= 0 && r.right <= innerWidth && r.bottom <= innerHeight : null,
    focusInCard: Boolean(card && root?.activeElement && card.contains(root.activeElement)),
    focusOnBadge: Boolean(button && root?.activeElement === button),
    expanded: button?.getAttribute('aria-expanded') ?? null,
  };
}

/** Computed styles of the first badge and its host box (to compare before and after page CSS). */
function badgeLook() {
  const host = document.querySelector('cred-badge') as HTMLElement;
  const button = host.shadowRoot?.querySelector('button') as HTMLElement;
  const s = getComputedStyle(button);
  const box = host.getBoundingClientRect();
  return {
    font: `${s.fontWeight} ${s.fontSize}/${s.lineHeight} ${s.fontFamily}`,
    color: s.color,
    background: s.backgroundColor,
    border: `${s.borderTopWidth} ${s.borderTopStyle} ${s.borderTopColor}`,
    padding: s.padding,
    letterSpacing: s.letterSpacing,
    host: `${getComputedStyle(host).display} ${Math.round(box.width)}x${Math.round(box.height)}`,
  };
}

const HOSTILE_CSS = `
  * { color: red !important; font-size: 40px !important; font-family: monospace !important;
      letter-spacing: 4px !important; line-height: 60px !important; }
  button { background: yellow !important; border: 6px solid blue !important; padding: 20px !important; }
  cred-badge { display: none !important; margin: 30px !important; }
  .badge, .card { display: none !important; }`;

function addStyle(css: string) {
  const style = document.createElement('style');
  style.textContent = css;
  document.head.append(style);
}

function appendParagraphs(texts: string[]) {
  const promo = document.querySelector('.newsletter-promo');
  for (const text of texts) {
    const p = document.createElement('p');
    p.textContent = text;
    promo?.before(p);
  }
}

// ---- helpers ----------------------------------------------------------------------------------

type Badge = ReturnType<typeof badges>[number];

/** Polls until `ok` holds for the badges, and they stay the same for a few polls (work done). */
async function settledBadges(tab: Tab, ok: (b: Badge[]) => boolean, timeout = 15_000): Promise<Badge[]> {
  const deadline = Date.now() + timeout;
  let last = '';
  let same = 0;
  for (;;) {
    const now = await tab.run(badges, undefined);
    const key = JSON.stringify(now);
    same = key === last ? same + 1 : 0;
    last = key;
    if (ok(now) && same >= 3) return now;
    if (Date.now() > deadline) throw new Error(`badges did not settle: ${key}`);
    await new Promise((r) => setTimeout(r, 200));
  }
}

const count = (bs: Badge[], verdict: string) => bs.filter((b) => b.verdict === verdict).length;
const NAME: Record<string, RegExp> = {
  corroborated: /^Corroborated by \d+ independent sources?$/,
  conflict: /^Conflicts with \d+ sources?(: [a-z ]+)?$/,
  disputed: /^Disputed: \d+ sources? supports? it, \d+ sources? contradicts? it$/,
};
const TRADE =
  'Trade between the two neighbors reached a record $204 billion last year, according to China’s commerce ministry.';

beforeAll(async () => {
  ensureBuilt();
  server = await serve();
});
afterAll(() => server?.close());

for (const name of ['chromium', 'firefox'] as const) {
  describe(name, () => {
    let browser: Driver;
    beforeAll(async () => {
      browser = await drivers[name]();
    });
    afterAll(() => browser?.close());

    it('badges a related article with accessible buttons, highlights, and a keyboard card', async () => {
      const tab = await browser.open();
      await tab.goto('d01.html');
      const found = await settledBadges(tab, (b) => count(b, 'corroborated') >= 5 && count(b, 'conflict') >= 1);
      for (const b of found) {
        expect(b.name, b.after).toMatch(NAME[b.verdict] as RegExp);
        expect(b.focusable).toBe(true);
        expect(b.nextToBadge).toBe(false);
      }
      expect(new Set(found.map((b) => b.after)).size).toBe(found.length);
      expect(found.find((b) => b.after.endsWith('according to China’s commerce ministry.'))?.verdict).toBe('conflict');

      // Highlights live in the page's own registry, one range per badge, each exactly its sentence.
      const marks = await tab.run(highlights, undefined);
      expect(marks['cred-conflict']).toContain(TRADE);
      expect((marks['cred-corroborated'] ?? []).length).toBe(count(found, 'corroborated'));
      expect((marks['cred-conflict'] ?? []).length).toBe(count(found, 'conflict'));
      await tab.shot(`${name}-d01-badges.png`);

      // The conflict card, by keyboard: both values, inside the viewport; Escape returns focus.
      expect(await tab.run(focusBadgeAfter, 'according to China’s commerce ministry.')).toBe(true);
      expect((await tab.run(highlights, undefined))['cred-focus']).toEqual([TRADE]); // its sentence, emphasized
      await tab.press('Enter');
      const open = await tab.run(cardState, undefined);
      expect(open).toMatchObject({ open: true, role: 'dialog', inViewport: true, focusInCard: true, expanded: 'true' });
      expect(open.text).toContain('Conflicts with 1 source: number');
      expect(open.text).toContain('This page: $204 billion — Source: $240 billion');
      expect(open.text).toMatch(/US outlet crediting Reuters · 9 April 2024/);
      await tab.shot(`${name}-d01-card.png`);
      await tab.press('Escape');
      expect(await tab.run(cardState, undefined)).toMatchObject({ open: false, focusOnBadge: true, expanded: 'false' });
    });

    it('keeps page CSS out of its badges', async () => {
      const tab = await browser.open();
      await tab.goto('d01.html');
      await settledBadges(tab, (b) => b.length >= 5);
      const before = await tab.run(badgeLook, undefined);
      expect(before.font).toMatch(/^600 11px\/14px /);
      expect(before.host).toMatch(/^inline-block /);
      await tab.run(addStyle, HOSTILE_CSS);
      expect(await tab.run(badgeLook, undefined)).toEqual(before);
    });

    it('leaves an unrelated article alone', async () => {
      const unrelated = await browser.open();
      await unrelated.goto('d08.html');
      // A related page opened afterwards gets its verdicts: by then d08 has had its answer.
      const related = await browser.open();
      await related.goto('d01.html');
      await settledBadges(related, (b) => b.length >= 5);
      expect(await unrelated.run(badges, undefined)).toEqual([]);
      expect(await unrelated.run(highlights, undefined)).toEqual({});
      expect(await unrelated.run(() => document.getElementById('cred-overlay-highlights') !== null, undefined)).toBe(
        false,
      );
    });

    it('badges text added after load, once per sentence however often it rescans', async () => {
      const tab = await browser.open();
      await tab.goto('dynamic.html');
      const first = await settledBadges(tab, (b) => b.length >= 5);
      expect(first.some((b) => b.after.endsWith('too early to talk about dates.'))).toBe(false);

      await tab.click('#read-more');
      const more = await settledBadges(tab, (b) => b.some((x) => x.after.endsWith('too early to talk about dates.')));
      expect(more.length).toBeGreaterThan(first.length);
      expect(new Set(more.map((b) => b.after)).size).toBe(more.length);

      // Another change makes it read the whole article again: only the new paragraph gets a badge.
      const repeat =
        'Much of that trade consists of Chinese oil, gas and coal shipped to Russia in exchange for Russian consumer goods and technology.';
      await tab.run(appendParagraphs, ['The weather in Beijing was mild that week.', repeat]);
      const again = await settledBadges(tab, (b) => b.length === more.length + 1);
      expect(again.filter((b) => b.after.endsWith('consumer goods and technology.'))).toHaveLength(2);
      expect(again.some((b) => b.nextToBadge)).toBe(false);
    });

    it('starts over on client-side navigation (pushState, popstate)', async () => {
      const tab = await browser.open();
      await tab.goto('spa.html');
      const d01 = await settledBadges(tab, (b) => b.length >= 5);
      const d01Texts = new Set(d01.map((b) => b.after));

      await tab.click('#next-story');
      const d05 = await settledBadges(tab, (b) => b.length >= 3 && b.every((x) => !d01Texts.has(x.after)));
      expect(await tab.run(() => location.pathname, undefined)).toBe('/story-2');
      const marks = await tab.run(highlights, undefined);
      const ranges = Object.entries(marks).flatMap(([n, rs]) => (n === 'cred-focus' ? [] : rs));
      expect(ranges).toHaveLength(d05.length); // the old page's highlights are gone

      await tab.run(() => history.back(), undefined);
      const back = await settledBadges(tab, (b) => b.length === d01.length && b.every((x) => d01Texts.has(x.after)));
      expect(back.map((b) => b.name)).toEqual(d01.map((b) => b.name));
    });

    if (name !== 'chromium') return; // tab messages are sent from the service worker, which only Playwright reaches

    it('scrolls to and flashes a sentence the extension asks for', async () => {
      const tab = await browser.open();
      await tab.goto('d01.html');
      await settledBadges(tab, (b) => b.length >= 5);
      const tell = tab.tell as NonNullable<Tab['tell']>;
      // Ids are given in document order: 27 is d01's last sentence.
      expect(await tell({ type: 'background:reveal', id: 27 })).toEqual({ found: true });
      const last = 'Mr. Lavrov is expected to brief Russian lawmakers on the outcome of the trip later this month.';
      await expect
        .poll(() => tab.run(highlights, undefined), { timeout: 5_000 })
        .toMatchObject({ 'cred-focus': [last] });
      await expect.poll(() => tab.run(() => scrollY, undefined), { timeout: 5_000 }).toBeGreaterThan(500);
      expect(await tell({ type: 'background:reveal', id: 9999 })).toEqual({ found: false });
      // Malformed messages get no answer.
      expect(await tell({ type: 'background:reveal', id: 'x' })).toBeUndefined();
    });
  });
}

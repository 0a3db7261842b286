// @vitest-environment happy-dom
/**
 * The content script's hardening on happy-dom, where time can be fast-forwarded: on a page that
 * changes forever its work stops at its caps (one simulated hour), the main-thread meter counts
 * and enforces its budget, cards render payloads as text, and only a real click opens a card.
 * (test/browser/hostile.test.ts shows the same in real browsers, within what a test can wait.)
 */
import { render } from 'preact';
import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import type { SentenceResult } from '../../src/messages/protocol';
import { DEFAULT_SETTINGS } from '../../src/settings/schema';
import { browser, EXTENSION_ID } from './fake-browser';

vi.mock('webextension-polyfill', async () => ({ default: (await import('./fake-browser')).browser }));

const { createBadge, describeBadge, setInspectable } = await import('../../src/content/badge');
const { Card } = await import('../../src/content/card');
const { MAX_BADGES_CREATED, MAX_SCANS, PAGE_BUDGET_MS, STEP_MARGIN_MS } = await import('../../src/content/limits');
const { Meter } = await import('../../src/content/meter');
const { View } = await import('../../src/content/view');
const { watchPage } = await import('../../src/content/watch');
const { droppedMessages, listenInTab } = await import('../../src/messages');

const PAYLOADS = [
  '<img src=x onerror="globalThis.pwned=1">',
  '</q></li><script>globalThis.pwned=2</script>',
  '"><svg onload="globalThis.pwned=3">',
  'javascript:globalThis.pwned=4',
];

const result = (id: number, text = 'A source sentence.'): SentenceResult => ({
  id,
  verdict: 'conflict',
  independent: 1,
  evidence: [{ file: 'a.txt', origin: 0, outlet: text, published: '2024-04-09', text, stance: 'contradicts' }],
  detail: { kind: 'number', page: text, source: text },
});

afterEach(() => {
  vi.useRealTimers();
  document.body.innerHTML = '';
});

describe('Meter', () => {
  it('adds up steps once (nested steps are part of theirs) and keeps errors from callbacks', () => {
    let now = 0;
    const meter = new Meter(1000, () => now);
    meter.time(() => {
      now += 30;
      meter.time(() => {
        now += 20;
      });
    });
    expect(meter).toMatchObject({ busy: 50, steps: 1, longest: 50 });
    meter.guard(() => {
      now += 5;
      throw new Error('boom');
    })();
    expect(meter).toMatchObject({ busy: 55, errors: 1, lastError: 'Error: boom' });
  });

  it('is spent with one step’s margin left, for the page load and for each share of it', () => {
    let now = 0;
    const meter = new Meter(PAGE_BUDGET_MS, () => now);
    const view = meter.share(500);
    meter.time(() => {
      now += 500 - STEP_MARGIN_MS;
    });
    expect(view.spent()).toBe(false);
    meter.time(() => {
      now += 1;
    });
    expect(view.spent()).toBe(true);
    expect(meter.share(500).spent()).toBe(false); // a new view starts with its whole share
    meter.time(() => {
      now += PAGE_BUDGET_MS;
    });
    expect(meter.share(500).spent()).toBe(true); // but not beyond the page load's budget
  });
});

describe('cards and badges', () => {
  beforeAll(() => setInspectable(true)); // open roots, so the test can look inside

  it('renders page and dataset text carrying payloads as text only', () => {
    const root = document.createElement('div');
    document.body.append(root);
    const anchor = document.createElement('button');
    document.body.append(anchor);
    for (const p of PAYLOADS) {
      const controller = new AbortController();
      render(<Card result={result(1, p)} anchor={anchor} onClose={() => undefined} signal={controller.signal} />, root);
      expect(root.textContent).toContain(p);
      expect(root.querySelectorAll('img, script, iframe, [onerror], [onload]')).toHaveLength(0);
      expect(root.querySelectorAll('svg')).toHaveLength(1); // our icon
      render(null, root);
      controller.abort();
    }
    expect((globalThis as { pwned?: number }).pwned).toBeUndefined();
  });

  it('opens a card on a real click only, never on one a page script made up', () => {
    const host = createBadge({
      result: result(1),
      style: 'compact',
      signal: new AbortController().signal,
      emphasize: () => undefined,
    });
    document.body.append(host);
    const button = host.shadowRoot?.querySelector('button') as HTMLButtonElement;
    button.click();
    button.dispatchEvent(new MouseEvent('click', { bubbles: true, composed: true }));
    expect(describeBadge(host)?.card).toBeNull();
  });
});

describe('tab messages', () => {
  it('drops and counts what does not come from the extension or does not match its type', async () => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    const reveal = vi.fn(async () => ({ found: true }));
    const stop = listenInTab({ 'background:reveal': reveal, 'background:diagnostics': vi.fn() as never });
    const listeners = [...browser.runtime.onMessage.listeners] as ((m: unknown, s: object) => unknown)[];
    const deliver = (m: unknown, sender: object) => listeners.map((l) => l(m, sender)).find((r) => r !== undefined);
    const before = droppedMessages();
    expect(deliver({ type: 'background:reveal', id: 1 }, { id: 'another-extension' })).toBeUndefined();
    expect(
      deliver({ type: 'background:reveal', id: 1 }, { id: EXTENSION_ID, url: 'https://evil.example/' }),
    ).toBeUndefined();
    expect(deliver({ type: 'background:reveal', id: -1 }, { id: EXTENSION_ID })).toBeUndefined();
    expect(deliver({ type: 'background:reveal', id: 1, extra: 1 }, { id: EXTENSION_ID })).toBeUndefined();
    expect(reveal).not.toHaveBeenCalled();
    expect(droppedMessages()).toEqual({
      total: before.total + 4,
      sender: before.sender + 2,
      invalid: before.invalid + 2,
    });
    await deliver({ type: 'background:reveal', id: 1 }, { id: EXTENSION_ID });
    expect(reveal).toHaveBeenCalledOnce();
    stop();
    warn.mockRestore();
  });
});

describe('a page that changes forever', () => {
  it('rescans with growing delays, then stops at its caps; an hour later it still does nothing', async () => {
    vi.useFakeTimers();
    setInspectable(false);
    document.body.innerHTML = `<article><div class="story-text">${Array.from(
      { length: 6 },
      (_, i) => `<p>Paragraph ${i} is long enough to be prose in an article about an event that happened today.</p>`,
    ).join('')}</div></article>`;
    // The background: every sentence is a conflict.
    const checks: number[] = [];
    browser.runtime.onMessage.addListener(((msg: { type: string; sentences: { id: number }[] }) => {
      if (msg.type !== 'content:check') return undefined;
      checks.push(msg.sentences.length);
      return Promise.resolve({ onTopic: true, results: msg.sentences.map((s) => result(s.id)) });
    }) as never);
    browser.runtime.sender = { id: EXTENSION_ID, url: location.href, tab: { id: 1 } };

    const page = new AbortController();
    const meter = new Meter();
    let view: InstanceType<typeof View>;
    const watcher = watchPage(
      document,
      page.signal,
      { change: (huge) => view.changed(huge), navigate: () => undefined },
      meter,
    );
    view = new View(page.signal, {
      watcher,
      settings: DEFAULT_SETTINGS,
      reportEmpty: false,
      dead: () => undefined,
      meter,
    });
    await view.scan();
    const root = document.querySelector('.story-text') as HTMLElement;
    let n = 0;
    const mutate = setInterval(() => {
      const p = document.createElement('p');
      p.textContent = `Update ${n++} brings news that is long enough to be read as a sentence of the article.`;
      root.append(p);
      root.firstElementChild?.remove();
    }, 50);

    const minute = async () => vi.advanceTimersByTimeAsync(60_000);
    await minute();
    const early = view.report();
    expect(early.scans).toBeGreaterThan(4);
    expect(early.scans).toBeLessThan(15); // 400 ms apart at first, then twice as long each time
    for (let i = 0; i < 59; i++) await minute();
    const hour = view.report();
    expect(hour.state).toBe('stopped');
    expect(['scans', 'badges']).toContain(hour.stopped);
    expect(hour.scans).toBeLessThanOrEqual(MAX_SCANS);
    expect(hour.created).toBeLessThanOrEqual(MAX_BADGES_CREATED);
    const stepsThen = meter.steps;
    const checksThen = checks.length;
    for (let i = 0; i < 60; i++) await minute();
    // Another hour of changes: no scan, no message, no badge. Watching only for navigation, it
    // looks once a second at most (a timer, then one observer callback: two tiny steps).
    expect(view.report()).toMatchObject({ scans: hour.scans, created: hour.created, state: 'stopped' });
    expect(checks.length).toBe(checksThen);
    expect(meter.steps - stepsThen).toBeLessThanOrEqual(2 * 3600 + 10);
    expect(n).toBeGreaterThan(140_000); // the page kept changing all along
    clearInterval(mutate);
    page.abort();
  }, 60_000);
});

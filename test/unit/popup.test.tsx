// @vitest-environment happy-dom
/** The popup against a fake browser: each state's text, the findings, and the controls. */
import { render } from 'preact';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { JudgedSentence, TabSummary } from '../../src/messages/protocol';
import { browser, type FakeTab, resetBrowser } from './fake-browser';

vi.mock('webextension-polyfill', async () => ({ default: (await import('./fake-browser')).browser }));
const { Popup } = await import('../../src/popup/Popup');

const URL_ = 'https://news.example/story';
const ev = (outlet: string, stance: 'supports' | 'contradicts') => ({
  file: `${outlet}.txt`,
  origin: 0,
  outlet,
  published: '2024-04-09',
  text: `What ${outlet} says.`,
  stance,
});
const judged: JudgedSentence[] = [
  {
    id: 1,
    text: 'Xi received Lavrov in Beijing on Tuesday.',
    verdict: 'corroborated',
    independent: 2,
    evidence: [ev('Outlet A', 'supports'), ev('Outlet B', 'supports')],
    detail: null,
  },
  {
    id: 4,
    text: 'The ministry had confirmed the trip on April 3.',
    verdict: 'conflict',
    independent: 0,
    evidence: [ev('Blog', 'contradicts')],
    detail: { kind: 'date', page: 'April 3', source: 'April 7' },
  },
  {
    id: 6,
    text: `Trade reached a record ${'very '.repeat(40)}high level.`,
    verdict: 'disputed',
    independent: 1,
    evidence: [ev('Outlet A', 'supports'), ev('Outlet C', 'contradicts')],
    detail: { kind: 'number', page: '$240 billion', source: '$204 billion' },
  },
];
const summary: TabSummary = {
  url: URL_,
  title: 'Story',
  article: true,
  onTopic: true,
  sentenceCount: 12,
  counts: { conflict: 1, disputed: 1, corroborated: 1 },
  judged,
  dataset: { name: 'Test set', sources: 5, origins: 4 },
  updatedAt: 0,
};

let root: HTMLElement;
function setup(opts: { summary?: TabSummary | null; tab?: Partial<FakeTab> | null; contentScript?: boolean }) {
  if (opts.tab !== null) browser.tabs.all = [{ id: 5, active: true, status: 'complete', ...opts.tab }];
  browser.runtime.onMessage.listeners.clear();
  browser.runtime.onMessage.addListener((msg: unknown) =>
    (msg as { type: string }).type === 'popup:get-summary'
      ? Promise.resolve({ summary: opts.summary ?? null })
      : undefined,
  );
  if (opts.contentScript !== false) {
    browser.tabs.sendMessage.mockImplementation(async (_tabId, msg) =>
      (msg as { type: string }).type === 'background:ping' ? { url: opts.tab?.url ?? URL_ } : { found: true },
    );
  }
  root = document.createElement('div');
  document.body.append(root);
  render(<Popup />, root);
}
const text = (sel: string) => root.querySelector(sel)?.textContent ?? null;
const state = async (kind: string) => {
  await vi.waitFor(() => expect(root.querySelector(`[data-state="${kind}"]`)).not.toBeNull(), { timeout: 4000 });
  return text(`[data-state="${kind}"]`);
};

beforeEach(resetBrowser);
afterEach(() => {
  render(null, root);
  root.remove();
});

describe('findings', () => {
  it('shows the header, the counts, and conflicts, then disputed, then corroborated', async () => {
    setup({ summary });
    await state('results');
    expect(text('[data-testid="checked"]')).toBe('12 sentences checked against 5 sources (4 independent)');
    expect([...root.querySelectorAll('.counts li')].map((li) => li.textContent)).toEqual([
      '1 conflict',
      '1 disputed',
      '1 corroborated',
    ]);
    const rows = [...root.querySelectorAll<HTMLButtonElement>('button.row')];
    expect(rows.map((r) => r.dataset.verdict)).toEqual(['conflict', 'disputed', 'corroborated']);
    expect(rows[0]?.querySelector('.verdict')?.textContent).toBe('Conflict');
    expect([...(rows[0]?.querySelectorAll('.value') ?? [])].map((v) => v.textContent)).toEqual([
      'This pageApril 3',
      'SourceApril 7',
    ]);
    expect(rows[0]?.querySelector('.outlets')?.textContent).toBe('Blog');
    expect(rows[1]?.querySelector('.sentence')?.textContent).toMatch(/^Trade reached a record very.*…$/);
    expect(rows[1]?.querySelector('.sentence')?.textContent?.length).toBeLessThanOrEqual(140);
    expect(rows[2]?.querySelector('.outlets')?.textContent).toBe('Outlet A, Outlet B · 2 independent sources');
  });

  it('asks the content script to reveal a sentence when its row is clicked', async () => {
    setup({ summary });
    await state('results');
    root.querySelector<HTMLButtonElement>('button.row')?.click();
    expect(browser.tabs.sendMessage).toHaveBeenLastCalledWith(5, { type: 'background:reveal', id: 4 });
  });

  it('shows only conflicts when asked to, and says so when there are none', async () => {
    await browser.storage.sync.set({ settings: { conflictsOnly: true } });
    setup({ summary });
    await state('results');
    expect(root.querySelectorAll('button.row')).toHaveLength(1);
    render(null, root);
    root.remove();
    setup({ summary: { ...summary, judged: judged.filter((s) => s.verdict !== 'conflict') } });
    await state('results');
    expect(text('section .state')).toMatch(/^No conflicts on this page/);
  });
});

describe('states', () => {
  it.each([
    ['not-article', { summary: { ...summary, article: false, judged: [] } }, 'No article found on this page.'],
    [
      'nothing-related',
      { summary: { ...summary, onTopic: false, judged: [] } },
      'Nothing in this article is covered by the reference dataset.',
    ],
    ['working', { tab: { status: 'loading' } }, 'Checking this page…'],
    ['cannot-run', { tab: { url: 'chrome://extensions/' }, contentScript: false }, /cannot run on this page/],
    ['cannot-run', { contentScript: false }, /cannot run on this page/], // hidden URL, nothing answers
    ['cannot-run', { tab: null }, /cannot run on this page/],
  ] as const)('%s', async (kind, opts, expected) => {
    setup(opts as Parameters<typeof setup>[0]);
    expect(await state(kind)).toMatch(expected);
  });

  it('says "not an article" once a page with our content script has had time to report', async () => {
    setup({});
    expect(await state('working')).toBe('Checking this page…');
    expect(await state('not-article')).toBe('No article found on this page.');
  });

  it('says when badges are off, for this site or everywhere', async () => {
    await browser.storage.sync.set({ settings: { disabledSites: ['news.example'] } });
    setup({ summary });
    expect(await state('site-off')).toBe('Badges are turned off for news.example.');
    await browser.storage.sync.set({ settings: { enabled: false } });
    expect(await state('all-off')).toMatch(/^Badges are turned off\. Turn them on/);
  });
});

describe('controls', () => {
  it('turns badges off for the site and back on', async () => {
    setup({ summary });
    await state('results');
    const site = root.querySelector<HTMLInputElement>('input[name="site"]');
    expect(site?.parentElement?.textContent).toBe('Badges on news.example');
    expect(site?.checked).toBe(true);
    site?.click();
    await state('site-off');
    expect(browser.storage.sync.data.get('settings')).toMatchObject({ disabledSites: ['news.example'] });
    root.querySelector<HTMLInputElement>('input[name="site"]')?.click();
    await state('results');
  });

  it('toggles conflicts only, and opens the options page', async () => {
    setup({ summary });
    await state('results');
    root.querySelector<HTMLInputElement>('input[name="conflictsOnly"]')?.click();
    await vi.waitFor(() => expect(root.querySelectorAll('button.row')).toHaveLength(1));
    root.querySelector<HTMLAnchorElement>('.controls a')?.click();
    expect(browser.runtime.openOptionsPage).toHaveBeenCalledOnce();
  });

  it('follows the summary as it arrives', async () => {
    setup({ tab: { status: 'loading' } });
    await state('working');
    browser.runtime.onMessage.listeners.clear();
    browser.runtime.onMessage.addListener(() => Promise.resolve({ summary }));
    await browser.storage.session.set({ 'tab:5': summary });
    await state('results');
  });
});

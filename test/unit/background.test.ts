/**
 * The background's wiring with a fake browser: summaries and the toolbar badge from
 * `content:check`, settings applied live, the dataset import/reset path. The matcher is stubbed
 * (its verdicts are the core's tests' business); the dataset code is real.
 */
import { readFileSync } from 'node:fs';
import { beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import type { CheckReply, TabSummary } from '../../src/messages/protocol';
import { browser, EXTENSION_ID, ORIGIN } from './fake-browser';

vi.mock('webextension-polyfill', async () => ({ default: (await import('./fake-browser')).browser }));
const reply: CheckReply = {
  onTopic: true,
  results: [
    { id: 0, verdict: 'corroborated', independent: 2, evidence: [], detail: null },
    {
      id: 2,
      verdict: 'conflict',
      independent: 0,
      evidence: [],
      detail: { kind: 'date', page: 'April 3', source: 'April 7' },
    },
    { id: 3, verdict: 'corroborated', independent: 1, evidence: [], detail: null },
  ],
};
vi.mock('../../src/background/check', () => ({ checkPage: vi.fn(async () => structuredClone(reply)) }));

const bundled = readFileSync(new URL('../../data/dataset.json', import.meta.url), 'utf8');
const check = {
  type: 'content:check',
  url: 'https://news.example/a',
  title: 'A page',
  published: '2024-04-09',
  sentences: [0, 1, 2, 3].map((id) => ({ id, text: `Sentence ${id}.` })),
};
const fromTab = (tabId: number) => ({ id: EXTENSION_ID, url: 'https://news.example/a', tab: { id: tabId } });
const fromPage = { id: EXTENSION_ID, url: `${ORIGIN}src/options/index.html` };

async function ask(msg: object, sender: object = fromPage): Promise<unknown> {
  browser.runtime.sender = sender;
  return browser.runtime.sendMessage(msg);
}

beforeAll(async () => {
  await import('../../src/background/index');
});
beforeEach(async () => {
  for (const a of [browser.storage.local, browser.storage.sync, browser.storage.session]) a.data.clear();
  for (const f of Object.values(browser.action)) f.mockClear();
  await ask({ type: 'popup:reset-dataset' });
});

describe('content:check', () => {
  it('answers, keeps a summary for the tab, and badges the toolbar with the conflicts', async () => {
    expect(await ask(check, fromTab(4))).toEqual(reply);
    const { summary } = (await ask({ type: 'popup:get-summary', tabId: 4 })) as { summary: TabSummary };
    expect(summary).toMatchObject({
      url: 'https://news.example/a',
      article: true,
      onTopic: true,
      sentenceCount: 4,
      counts: { conflict: 1, disputed: 0, corroborated: 2 },
      dataset: { name: 'Lavrov in Beijing, April 2024 (bundled)' },
    });
    expect(summary.judged.map((s) => [s.id, s.text])).toEqual([
      [0, 'Sentence 0.'],
      [2, 'Sentence 2.'],
      [3, 'Sentence 3.'],
    ]);
    expect(browser.action.setBadgeText).toHaveBeenLastCalledWith({ tabId: 4, text: '1' });
    expect(browser.action.setBadgeBackgroundColor).toHaveBeenLastCalledWith({ tabId: 4, color: '#b91c1c' });
    expect(browser.action.setTitle).toHaveBeenLastCalledWith({
      tabId: 4,
      title: 'Credibility overlay: 1 conflict, 2 corroborated on this page',
    });
  });

  it('redraws badges when settings change, and clears them when the tab navigates', async () => {
    await ask(check, fromTab(4));
    await browser.storage.sync.set({ settings: { disabledSites: ['news.example'] } });
    await vi.waitFor(() => expect(browser.action.setBadgeText).toHaveBeenLastCalledWith({ tabId: 4, text: '' }));
    await browser.storage.sync.set({ settings: { conflictsOnly: true } });
    await vi.waitFor(() => expect(browser.action.setBadgeText).toHaveBeenLastCalledWith({ tabId: 4, text: '1' }));

    for (const l of browser.tabs.onUpdated.listeners) (l as (id: number, c: object) => void)(4, { status: 'loading' });
    await vi.waitFor(async () => expect(await ask({ type: 'popup:get-summary', tabId: 4 })).toEqual({ summary: null }));
    expect(browser.action.setBadgeText).toHaveBeenLastCalledWith({ tabId: 4, text: '' });
  });

  it('ignores popup messages from web pages', async () => {
    await expect(ask({ type: 'popup:get-summary', tabId: 4 }, fromTab(4))).rejects.toThrow();
  });
});

describe('dataset import', () => {
  it('shows the bundled dataset with its sources, origin groups and disagreements', async () => {
    const info = (await ask({ type: 'popup:get-dataset' })) as Record<string, unknown>;
    const data = JSON.parse(bundled);
    expect(info).toMatchObject({ name: data.name, imported: false, schemaVersion: 1, asOf: data.asOf });
    expect(info.sources).toHaveLength(data.sources.length);
    expect(info.origins).toEqual(data.origins);
    expect(info.disagreements).toHaveLength(data.disagreements.length);
  });

  it('refuses a malformed file with a clear message and keeps the dataset in use', async () => {
    expect(await ask({ type: 'popup:import-dataset', text: '{"schemaVersion": 1, "name": 3' })).toEqual({
      ok: false,
      error: expect.stringMatching(/^dataset: not valid JSON/),
    });
    const wrong = JSON.stringify({ ...JSON.parse(bundled), sources: 'none' });
    expect(await ask({ type: 'popup:import-dataset', text: wrong })).toEqual({
      ok: false,
      error: expect.stringMatching(/^dataset: sources: /),
    });
    expect(await ask({ type: 'popup:get-dataset' })).toMatchObject({ imported: false });
    expect(browser.storage.local.data.size).toBe(0);
  });

  it('uses, stores and resets an imported dataset', async () => {
    const other = JSON.stringify({ ...JSON.parse(bundled), name: 'Another event' });
    expect(await ask({ type: 'popup:import-dataset', text: other })).toMatchObject({
      ok: true,
      info: { name: 'Another event', imported: true },
    });
    expect(browser.storage.local.data.get('dataset:imported')).toBe(other);
    await ask(check, fromTab(9));
    expect(await ask({ type: 'popup:get-summary', tabId: 9 })).toMatchObject({
      summary: { dataset: { name: 'Another event' } },
    });
    expect(await ask({ type: 'popup:reset-dataset' })).toMatchObject({ imported: false });
    expect(browser.storage.local.data.size).toBe(0);
  });
});

describe('dataset loading', () => {
  it('loads an imported dataset from storage when the background starts again, and falls back when it cannot', async () => {
    vi.resetModules();
    await browser.storage.local.set({ 'dataset:imported': JSON.stringify({ ...JSON.parse(bundled), name: 'Stored' }) });
    const fresh = await import('../../src/background/dataset');
    expect((await fresh.getDataset()).data.name).toBe('Stored');

    vi.resetModules();
    await browser.storage.local.set({ 'dataset:imported': '{"schemaVersion": 99}' });
    const again = await import('../../src/background/dataset');
    expect(await again.datasetInfo()).toMatchObject({ name: JSON.parse(bundled).name, imported: false });
  });
});

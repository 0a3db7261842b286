/**
 * The background under attack, with a fake browser: messages from anyone but the extension's own
 * contexts, or not matching their type, are dropped without reaching a handler and counted; a
 * failed dataset import (any text at all, a storage failure) never loses the dataset in use, in
 * memory or in storage, not even across a restart of the background.
 */
import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { browser, EXTENSION_ID, ORIGIN } from './fake-browser';

vi.mock('webextension-polyfill', async () => ({ default: (await import('./fake-browser')).browser }));

const bundled = readFileSync(new URL('../../data/dataset.json', import.meta.url), 'utf8');
const named = (name: string) => JSON.stringify({ ...JSON.parse(bundled), name });
const fromPage = { id: EXTENSION_ID, url: `${ORIGIN}src/options/index.html` };
const fromTab = { id: EXTENSION_ID, url: 'https://news.example/a', tab: { id: 3, url: 'https://news.example/a' } };

/** Sends as `sender`; resolves to the reply, or to 'dropped' when no handler answered. */
async function ask(msg: unknown, sender: object = fromPage): Promise<unknown> {
  browser.runtime.sender = sender;
  return browser.runtime.sendMessage(msg).catch((e: Error) => {
    if (/Receiving end does not exist/.test(e.message)) return 'dropped';
    throw e;
  });
}
type Dropped = { total: number; sender: number; invalid: number };
const dropped = async () => ((await ask({ type: 'popup:get-diagnostics' })) as { dropped: Dropped }).dropped;
const datasetName = async () => (await ask({ type: 'popup:get-dataset' })) as { name: string; imported: boolean };

beforeAll(async () => {
  vi.spyOn(console, 'warn').mockImplementation(() => undefined);
  await import('../../src/background/index');
});
beforeEach(async () => {
  for (const a of [browser.storage.local, browser.storage.sync, browser.storage.session]) a.data.clear();
  await ask({ type: 'popup:reset-dataset' });
});

describe('messages from outside the extension', () => {
  it('drops and counts what a foreign sender, a web page or a malformed message sends', async () => {
    const start = await dropped();
    const import_ = { type: 'popup:import-dataset', text: named('Forged') };
    const attempts: [unknown, object, 'sender' | 'invalid'][] = [
      [import_, { ...fromPage, id: 'another-extension' }, 'sender'], // another extension
      [import_, fromTab, 'sender'], // a content script (a page's renderer) asking for a popup action
      [import_, { id: EXTENSION_ID, url: 'https://evil.example/options' }, 'sender'],
      [{ type: 'popup:reset-dataset' }, { id: EXTENSION_ID, url: 'https://evil.example/' }, 'sender'],
      [{ type: 'content:check', url: 'x', title: '', published: null, sentences: [] }, fromPage, 'sender'],
      [{ ...import_, text: 5 }, fromPage, 'invalid'],
      [{ ...import_, extra: true }, fromPage, 'invalid'],
      [{ type: 'popup:get-summary', tabId: -1 }, fromPage, 'invalid'],
      [{ type: 'popup:unknown' }, fromPage, 'invalid'],
      [{ type: '__proto__' }, fromPage, 'invalid'],
      [JSON.parse('{"__proto__": {"type": "popup:reset-dataset"}}'), fromPage, 'invalid'],
      [null, fromPage, 'invalid'],
      ['popup:reset-dataset', fromPage, 'invalid'],
    ];
    const expected = { ...start };
    for (const [msg, sender, reason] of attempts) {
      expect(await ask(msg, sender), JSON.stringify(msg)?.slice(0, 80)).toBe('dropped');
      expected.total++;
      expected[reason]++;
    }
    expect(await dropped()).toEqual(expected);
    // None of them did anything.
    expect(await datasetName()).toMatchObject({ imported: false });
    expect(browser.storage.local.data.size).toBe(0);
  });

  it('drops any message a page could make up, whatever its shape', async () => {
    const before = (await dropped()).total;
    const junk = fc.oneof(
      fc.anything(),
      fc.record(
        { type: fc.constantFrom('popup:import-dataset', 'popup:reset-dataset', 'content:check') },
        { requiredKeys: [] },
      ),
      fc.record({ type: fc.string(), text: fc.anything() }),
    );
    let count = 0;
    await fc.assert(
      fc.asyncProperty(junk, async (msg) => {
        count++;
        expect(await ask(msg, fromTab)).toBe('dropped'); // from a web page's content-script context
      }),
      { numRuns: 200, seed: 3 },
    );
    expect((await dropped()).total).toBe(before + count);
    expect(await datasetName()).toMatchObject({ imported: false });
  });
});

describe('dataset import never loses the dataset in use', () => {
  it('keeps an imported dataset through any failed import, in memory and in storage', async () => {
    const active = named('Active import');
    expect(await ask({ type: 'popup:import-dataset', text: active })).toMatchObject({ ok: true });
    const broken = fc.oneof(
      fc.string({ unit: 'binary', maxLength: 200 }),
      fc.jsonValue({ maxDepth: 4 }).map((v) => JSON.stringify(v)),
      fc.constantFrom(
        '',
        bundled.slice(0, 5000),
        JSON.stringify({ ...JSON.parse(bundled), schemaVersion: 2 }),
        JSON.stringify({ ...JSON.parse(bundled), claims: [{ id: 0, source: 999, text: 'x', claim: {} }] }),
        `{"schemaVersion":${'['.repeat(100_000)}1${']'.repeat(100_000)}}`, // RangeError inside the core
      ),
    );
    await fc.assert(
      fc.asyncProperty(broken, async (text) => {
        const reply = (await ask({ type: 'popup:import-dataset', text })) as { ok: boolean; error?: string };
        expect(reply.ok).toBe(false);
        expect(reply.error).toMatch(/\S/);
        expect(await datasetName()).toMatchObject({ name: 'Active import', imported: true });
        expect(browser.storage.local.data.get('dataset:imported')).toBe(active);
      }),
      { numRuns: 150, seed: 4 },
    );
  });

  it('keeps the dataset in use when storing the new one fails (quota), and after a restart', async () => {
    const active = named('Active import');
    await ask({ type: 'popup:import-dataset', text: active });
    const set = vi.spyOn(browser.storage.local, 'set').mockRejectedValueOnce(new Error('QUOTA_BYTES quota exceeded'));
    const reply = (await ask({ type: 'popup:import-dataset', text: named('Too big to store') })) as {
      ok: boolean;
      error: string;
    };
    expect(reply).toEqual({ ok: false, error: 'QUOTA_BYTES quota exceeded' });
    set.mockRestore();
    expect(await datasetName()).toMatchObject({ name: 'Active import' });

    // The background restarts (service worker woken again): it reads the stored dataset back.
    vi.resetModules();
    const fresh = await import('../../src/background/dataset');
    expect((await fresh.datasetInfo()).name).toBe('Active import');
  });
});

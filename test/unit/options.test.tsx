// @vitest-environment happy-dom
/** The options page against a fake browser: settings, the site list, the dataset audit and import. */
import { render } from 'preact';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { DatasetInfo } from '../../src/messages/protocol';
import { browser, resetBrowser } from './fake-browser';

vi.mock('webextension-polyfill', async () => ({ default: (await import('./fake-browser')).browser }));
const { Options } = await import('../../src/options/Options');

const bundled: DatasetInfo = {
  name: 'Bundled set',
  schemaVersion: 1,
  asOf: '2024-04-10',
  imported: false,
  claims: 120,
  sources: [
    { id: 's1', outlet: 'Outlet One', published: '2024-04-09', origin: 0, headline: 'A headline' },
    { id: 's2', outlet: 'Outlet Two', published: '2024-04-09', origin: 1, headline: null },
    { id: 's3', outlet: 'Copy of Two', published: '2024-04-10', origin: 1, headline: null },
  ],
  origins: [
    { id: 0, sources: ['s1'], reason: 'no copy found among the other sources' },
    { id: 1, sources: ['s2', 's3'], reason: 's2 ~ s3: 15/16 sentences align' },
  ],
  disagreements: [
    {
      kind: 'date',
      a: { source: 's1', outlet: 'Outlet One', text: 'It was confirmed on April 7.', value: 'April 7' },
      b: { source: 's2', outlet: 'Outlet Two', text: 'It was confirmed on April 5.', value: 'April 5' },
    },
  ],
};

let current: DatasetInfo;
let root: HTMLElement;
beforeEach(() => {
  resetBrowser();
  current = bundled;
  browser.runtime.onMessage.addListener((raw: unknown) => {
    const msg = raw as { type: string; text?: string };
    if (msg.type === 'popup:get-dataset') return Promise.resolve(current);
    if (msg.type === 'popup:reset-dataset') {
      current = bundled;
      return Promise.resolve(current);
    }
    if (msg.type === 'popup:import-dataset') {
      if (msg.text === 'bad')
        return Promise.resolve({ ok: false, error: 'dataset: not valid JSON (Unexpected token)' });
      current = { ...bundled, name: 'Imported set', imported: true };
      return Promise.resolve({ ok: true, info: current });
    }
    return undefined;
  });
  root = document.createElement('div');
  document.body.append(root);
  render(<Options />, root);
});
afterEach(() => {
  render(null, root);
  root.remove();
});

const $ = <E extends Element = HTMLElement>(sel: string) => root.querySelector<E>(sel);
const stored = () => browser.storage.sync.data.get('settings');
const until = (fn: () => void) => vi.waitFor(fn, { timeout: 2000 });

function choose(input: HTMLInputElement, name: string, text: string) {
  Object.defineProperty(input, 'files', { value: [new File([text], name)], configurable: true });
  input.dispatchEvent(new Event('change', { bubbles: true }));
}

describe('settings', () => {
  it('saves the global switch, conflicts only and the badge style', async () => {
    await until(() => expect($('input[name="enabled"]')).not.toBeNull());
    $<HTMLInputElement>('input[name="enabled"]')?.click();
    $<HTMLInputElement>('input[name="conflictsOnly"]')?.click();
    $<HTMLInputElement>('input[value="text"]')?.click();
    await until(() => expect(stored()).toMatchObject({ enabled: false, conflictsOnly: true, badgeStyle: 'text' }));
    expect($<HTMLInputElement>('input[value="text"]')?.checked).toBe(true);
  });

  it('adds and removes sites, and refuses what is not a site', async () => {
    await until(() => expect($('#site-input')).not.toBeNull());
    const input = $<HTMLInputElement>('#site-input') as HTMLInputElement;
    const add = (value: string) => {
      input.value = value;
      $<HTMLFormElement>('form.add-site')?.dispatchEvent(new Event('submit', { bubbles: true, cancelable: true }));
    };
    add('https://www.Example.com/news');
    await until(() => expect($('[data-testid="sites"]')?.textContent).toBe('example.comRemove'));
    add('not a site');
    await until(() => expect($('[role="alert"]')?.textContent).toBe('“not a site” is not a site name.'));
    expect(stored()).toMatchObject({ disabledSites: ['example.com'] });
    $<HTMLButtonElement>('button[aria-label="Remove example.com"]')?.click();
    await until(() => expect(stored()).toMatchObject({ disabledSites: [] }));
  });
});

describe('dataset', () => {
  it('shows the dataset: facts, sources with their origin groups, disagreements with both sentences', async () => {
    await until(() => expect($('[data-testid="dataset-name"]')?.textContent).toBe('Bundled set'));
    const rows = [...root.querySelectorAll('[data-testid="sources"] tbody tr')].map((tr) =>
      [...tr.querySelectorAll('td')].map((td) => td.textContent),
    );
    expect(rows).toEqual([
      ['Outlet OneA headline', '2024-04-09', 'Group 1'],
      ['Outlet Two', '2024-04-09', 'Group 2'],
      ['Copy of Two', '2024-04-10', 'Group 2'],
    ]);
    expect($('[data-testid="groups"]')?.textContent).toContain('Group 2: Outlet Two · Copy of Twos2 ~ s3: 15/16');
    const quotes = [...root.querySelectorAll('[data-testid="disagreements"] blockquote')].map((b) => b.textContent);
    expect(quotes).toEqual([
      'It was confirmed on April 7.Outlet One · April 7',
      'It was confirmed on April 5.Outlet Two · April 5',
    ]);
    expect($('.reset')).toBeNull(); // nothing to reset to
  });

  it('reports a bad file and keeps the current dataset; uses a good one; resets', async () => {
    await until(() => expect($('[data-testid="dataset-name"]')).not.toBeNull());
    choose($<HTMLInputElement>('#dataset-file') as HTMLInputElement, 'broken.json', 'bad');
    await until(() =>
      expect($('[data-testid="import-status"]')?.textContent).toBe(
        'Could not import broken.json: dataset: not valid JSON (Unexpected token). The current dataset stays in use.',
      ),
    );
    expect($('[data-testid="import-status"]')?.getAttribute('role')).toBe('alert');
    expect($('[data-testid="dataset-name"]')?.textContent).toBe('Bundled set');

    choose($<HTMLInputElement>('#dataset-file') as HTMLInputElement, 'other.json', '{}');
    await until(() => expect($('[data-testid="dataset-name"]')?.textContent).toBe('Imported set'));
    expect($('[data-testid="import-status"]')?.textContent).toMatch(/^Now using “Imported set”/);

    $<HTMLButtonElement>('.reset')?.click();
    await until(() => expect($('[data-testid="dataset-name"]')?.textContent).toBe('Bundled set'));
    expect($('[data-testid="import-status"]')?.textContent).toBe('Using the bundled dataset again.');
  });
});

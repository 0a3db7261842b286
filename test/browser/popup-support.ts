/** Shared by the popup and options browser tests: page-side probes, a tiny dataset, Firefox tab ids. */
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page as PPage } from 'puppeteer-core';
import { ROOT } from './harness';

export type Counts = { conflict: number; disputed: number; corroborated: number };

/** Runs in the page: our badges by verdict (each a <cred-badge> with a shadow root). */
export function pageBadges(): Counts {
  const counts = { conflict: 0, disputed: 0, corroborated: 0 };
  for (const host of document.querySelectorAll('cred-badge')) {
    const button = host.shadowRoot?.querySelector('button.badge');
    for (const k of Object.keys(counts) as (keyof typeof counts)[]) if (button?.classList.contains(k)) counts[k]++;
  }
  return counts;
}

/** Runs in the page: whether one of our badges is flashing (the popup asked to reveal it). */
export function badgeFlashing(): boolean {
  return [...document.querySelectorAll('cred-badge')].some((h) => h.shadowRoot?.querySelector('button.badge.flash'));
}

/** Runs in the popup: its rows' verdicts by kind, and the numbers in its header's counts. */
export function popupFacts() {
  const rows = { conflict: 0, disputed: 0, corroborated: 0 };
  for (const r of document.querySelectorAll<HTMLElement>('button.row')) rows[r.dataset.verdict as keyof Counts]++;
  const [conflict, disputed, corroborated] = [...document.querySelectorAll('.counts li')].map((li) =>
    Number.parseInt(li.textContent ?? '', 10),
  );
  return {
    rows,
    counts: { conflict, disputed, corroborated },
    checked: document.querySelector('.checked')?.textContent,
  };
}

export const total = (c: Counts) => c.conflict + c.disputed + c.corroborated;

export const MINI_NAME = 'Solvik bridge (test)';

/**
 * Builds a two-source dataset about a made-up event with the real CLI (`npm run dataset`).
 * Against it, pages/bridge.html has 2 corroborated sentences and 1 conflict (450 vs 310 million).
 */
export function buildMiniDataset(): { file: string; broken: string } {
  const dir = mkdtempSync(join(tmpdir(), 'cred-mini-'));
  const src = join(dir, 'sources');
  mkdirSync(src);
  writeFileSync(
    join(src, 'sources.json'),
    JSON.stringify({
      about: 'Two short reports on one made-up event.',
      sources: [
        { file: 'harbour-daily.txt', outlet: 'Harbour Daily', published: '2025-03-08', language: 'en' },
        { file: 'coast-post.txt', outlet: 'Coast Post', published: '2025-03-09', language: 'en' },
      ],
    }),
  );
  writeFileSync(
    join(src, 'harbour-daily.txt'),
    [
      'Mayor Ingrid Halvorsen opens Solvik bridge',
      '',
      'Mayor Ingrid Halvorsen opened the new Solvik bridge in Bergen on Saturday.',
      'The bridge cost 310 million kroner and took four years to build.',
      'Engineer Tomas Lund said the bridge can carry 12,000 cars a day.',
      'Halvorsen thanked the workers from Norway and Sweden who built it.',
      'The old ferry between Solvik and Bergen will stop running in May.',
    ].join('\n'),
  );
  writeFileSync(
    join(src, 'coast-post.txt'),
    [
      'Solvik bridge opens to traffic',
      '',
      'The Solvik bridge in Bergen was opened on Saturday by Mayor Ingrid Halvorsen.',
      'According to the city, the project cost 310 million kroner.',
      'Tomas Lund, the chief engineer, expects 12,000 cars to cross every day.',
      'Residents of Solvik have waited decades for a fixed link to Bergen.',
      'The ferry service will end in May, Halvorsen said.',
    ].join('\n'),
  );
  const file = join(dir, 'solvik.json');
  execFileSync(
    join(ROOT, 'node_modules/.bin/tsx'),
    ['scripts/dataset.ts', '--quiet', '--sources', src, '--out', file, '--name', MINI_NAME],
    { cwd: ROOT, stdio: 'pipe' },
  );
  const broken = join(dir, 'broken.json');
  writeFileSync(broken, '{"schemaVersion": 1, "name": "cut short", "sources": [');
  return { file, broken };
}

/** What the tests use of the `browser` global in Firefox extension pages. */
interface Ext {
  browser: {
    tabs: { query(q: object): Promise<{ id: number; url?: string }[]> };
    action: { getBadgeText(d: { tabId: number }): Promise<string> };
  };
}

/** Firefox: the tab id of the tab showing `url`, asked from one of our pages (`browser` is its global). */
export async function firefoxTabId(extensionPage: PPage, url: string): Promise<number> {
  const id = await extensionPage.evaluate(async (u) => {
    const tabs = await (globalThis as unknown as Ext).browser.tabs.query({});
    return tabs.find((t) => t.url === u)?.id ?? null;
  }, url);
  if (id === null) throw new Error(`no tab shows ${url}`);
  return id;
}

/** Firefox: a new tab (about:blank, whose URL the extension cannot see) and its id. */
export async function firefoxNewTab(extensionPage: PPage): Promise<{ page: PPage; tabId: number }> {
  const ids = async () =>
    (await extensionPage.evaluate(() => (globalThis as unknown as Ext).browser.tabs.query({}))).map((t) => t.id);
  const before = new Set(await ids());
  const page = await extensionPage.browser().newPage();
  const tabId = (await ids()).find((id) => !before.has(id));
  if (tabId === undefined) throw new Error('no new tab');
  return { page, tabId };
}

/** Firefox: the toolbar badge text for a tab, asked from one of our pages. */
export function firefoxBadgeText(extensionPage: PPage, tabId: number): Promise<string> {
  return extensionPage.evaluate(
    (id) => (globalThis as unknown as Ext).browser.action.getBadgeText({ tabId: id }),
    tabId,
  );
}

/** Runs in the page: the visible text of our badges. */
export function badgeTexts(): string[] {
  return [...document.querySelectorAll('cred-badge')].map(
    (h) => h.shadowRoot?.querySelector('button.badge .text')?.textContent ?? '',
  );
}

/** Runs in the options page: what it shows of the dataset. */
export function datasetFacts() {
  const q = (sel: string) => document.querySelectorAll(sel).length;
  return {
    name: document.querySelector('[data-testid="dataset-name"]')?.textContent ?? null,
    sources: q('[data-testid="sources"] tbody tr'),
    groups: q('[data-testid="groups"] li'),
    disagreements: q('[data-testid="disagreements"] li'),
    status: document.querySelector('[data-testid="import-status"]')?.textContent ?? null,
  };
}

/**
 * The page's badges once they have settled: some, and the same for a second (the content
 * script badges in time slices and may rescan, so an early count can be partial).
 */
export async function settledBadges(read: () => Promise<Counts>, timeout = 20_000): Promise<Counts> {
  const deadline = Date.now() + timeout;
  let last = '';
  let same = 0;
  for (;;) {
    const counts = await read();
    const key = JSON.stringify(counts);
    same = key === last && total(counts) > 0 ? same + 1 : 0;
    last = key;
    if (same >= 4) return counts;
    if (Date.now() > deadline) throw new Error(`badges did not settle: last ${key}`);
    await new Promise((r) => setTimeout(r, 250));
  }
}

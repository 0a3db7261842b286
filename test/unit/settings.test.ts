import { beforeEach, describe, expect, it, vi } from 'vitest';
import { browser, resetBrowser } from './fake-browser';

vi.mock('webextension-polyfill', async () => ({ default: (await import('./fake-browser')).browser }));

const {
  DEFAULT_SETTINGS,
  badgesOn,
  loadSettings,
  normalizeSite,
  onSettingsChanged,
  readSettings,
  saveSettings,
  setSiteEnabled,
  siteOf,
  withSite,
} = await import('../../src/settings');

beforeEach(resetBrowser);

describe('settings rules (pure)', () => {
  it('reads stored settings leniently, field by field', () => {
    expect(readSettings(undefined)).toEqual(DEFAULT_SETTINGS);
    expect(readSettings({ enabled: false, badgeStyle: 'huge', conflictsOnly: 'yes', extra: 1 })).toEqual({
      ...DEFAULT_SETTINGS,
      enabled: false,
    });
    expect(readSettings({ disabledSites: ['WWW.Example.com', 'example.com', 'not a site'] }).disabledSites).toEqual([
      'example.com',
    ]);
  });

  it('normalizes what people type as a site', () => {
    expect(normalizeSite('News.Example.com')).toBe('news.example.com');
    expect(normalizeSite('https://www.example.com/a/b?c')).toBe('example.com');
    expect(normalizeSite('example.com:8080/path')).toBe('example.com');
    expect(normalizeSite('localhost')).toBe('localhost');
    for (const bad of ['', 'two words', 'exa_mple.com', 'ftp://', '..']) expect(normalizeSite(bad), bad).toBeNull();
  });

  it('knows which pages get badges', () => {
    const s = { ...DEFAULT_SETTINGS, disabledSites: ['example.com'] };
    expect(siteOf('chrome://extensions')).toBeNull();
    expect(badgesOn(s, 'https://example.com/a')).toBe(false);
    expect(badgesOn(s, 'https://news.example.com/a')).toBe(false); // a site covers its subdomains
    expect(badgesOn(s, 'https://example.org/a')).toBe(true);
    expect(badgesOn({ ...s, enabled: false }, 'https://example.org/a')).toBe(false);
    expect(badgesOn(s, 'about:blank')).toBe(false);
  });

  it('turns a site on and off', () => {
    const off = withSite(DEFAULT_SETTINGS, 'b.example', false);
    expect(off.disabledSites).toEqual(['b.example']);
    expect(withSite(off, 'b.example', true).disabledSites).toEqual([]);
    // Turning on a subdomain of a listed domain lifts the domain's entry.
    expect(
      withSite({ ...DEFAULT_SETTINGS, disabledSites: ['example.com'] }, 'news.example.com', true).disabledSites,
    ).toEqual([]);
  });
});

describe('settings in storage', () => {
  it('saves to storage.sync, loads back, and reports changes', async () => {
    const seen: unknown[] = [];
    const stop = onSettingsChanged((s) => seen.push(s));
    expect(await loadSettings()).toEqual(DEFAULT_SETTINGS);
    await saveSettings({ conflictsOnly: true });
    await setSiteEnabled('example.com', false);
    expect(browser.storage.sync.data.get('settings')).toMatchObject({
      conflictsOnly: true,
      disabledSites: ['example.com'],
    });
    expect(await loadSettings()).toMatchObject({ conflictsOnly: true, disabledSites: ['example.com'] });
    expect(seen).toHaveLength(2);
    stop();
    await saveSettings({ enabled: false });
    expect(seen).toHaveLength(2);
  });
});

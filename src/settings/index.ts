/**
 * Settings in extension storage: load, save, and watch. Kept in storage.sync (follows the user
 * across browsers where sync is on; a local store otherwise) or storage.local where sync is absent.
 * Every extension context (content scripts included) can read them and hears changes live.
 */
import browser, { type Storage } from 'webextension-polyfill';
import { readSettings, type Settings, withSite } from './schema';

export * from './schema';

const KEY = 'settings';

function area(): { name: 'sync' | 'local'; store: Storage.StorageArea } {
  // The polyfill leaves `sync` undefined where the browser lacks it.
  return browser.storage.sync
    ? { name: 'sync', store: browser.storage.sync }
    : { name: 'local', store: browser.storage.local };
}

export async function loadSettings(): Promise<Settings> {
  const got = await area().store.get(KEY);
  return readSettings(got[KEY]);
}

/** Merges `patch` into the stored settings; resolves to the settings now in force. */
export function saveSettings(patch: Partial<Settings>): Promise<Settings> {
  return update((s) => ({ ...s, ...patch }));
}

/** Turns badges on or off for one site (a host name as `siteOf` gives it). */
export function setSiteEnabled(site: string, on: boolean): Promise<Settings> {
  return update((s) => withSite(s, site, on));
}

// Read-modify-write, one at a time, so quick successive changes from one page all land.
let queue: Promise<unknown> = Promise.resolve();
function update(change: (s: Settings) => Settings): Promise<Settings> {
  const next = queue.then(async () => {
    const settings = readSettings(change(await loadSettings()));
    await area().store.set({ [KEY]: settings });
    return settings;
  });
  queue = next.catch(() => undefined);
  return next;
}

/** Calls `callback` with the new settings whenever they change (in any context). Returns an unsubscribe. */
export function onSettingsChanged(callback: (settings: Settings) => void): () => void {
  const { name } = area();
  const listener = (changes: Record<string, Storage.StorageChange>, areaName: string) => {
    const change = changes[KEY];
    if (areaName === name && change) callback(readSettings(change.newValue));
  };
  browser.storage.onChanged.addListener(listener);
  return () => browser.storage.onChanged.removeListener(listener);
}

/**
 * Per-tab summaries. Kept in storage.session where the browser has it (it
 * survives the service worker / event page being unloaded, and is never
 * written to disk), else in a module-level map.
 */
import browser from 'webextension-polyfill';
import type { TabSummary } from '../messages';

interface Store {
  get(tabId: number): Promise<TabSummary | null>;
  set(tabId: number, summary: TabSummary): Promise<void>;
  remove(tabId: number): Promise<void>;
  /** Every tab that has a summary. */
  entries(): Promise<[number, TabSummary][]>;
}

const key = (tabId: number) => `tab:${tabId}`;

function sessionStore(area: browser.Storage.StorageArea): Store {
  return {
    async get(tabId) {
      const got = await area.get(key(tabId));
      return (got[key(tabId)] as TabSummary | undefined) ?? null;
    },
    set: (tabId, summary) => area.set({ [key(tabId)]: summary }),
    remove: (tabId) => area.remove(key(tabId)),
    async entries() {
      const all = await area.get(null);
      return Object.entries(all)
        .filter(([k]) => k.startsWith('tab:'))
        .map(([k, summary]) => [Number(k.slice(4)), summary as TabSummary]);
    },
  };
}

function memoryStore(): Store {
  const map = new Map<number, TabSummary>();
  return {
    get: async (tabId) => map.get(tabId) ?? null,
    set: async (tabId, summary) => void map.set(tabId, summary),
    remove: async (tabId) => void map.delete(tabId),
    entries: async () => [...map],
  };
}

// `browser.storage.session` is undefined where unsupported (the polyfill
// wraps only what exists).
export const summaries: Store = browser.storage.session ? sessionStore(browser.storage.session) : memoryStore();

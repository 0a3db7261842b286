/**
 * A small in-memory stand-in for webextension-polyfill's `browser`, for unit tests of the popup,
 * options page and background: storage areas with onChanged, i18n from the real messages.json,
 * runtime messaging to registered listeners, tabs and action spies.
 * Use: vi.mock('webextension-polyfill', async () => ({ default: (await import('./fake-browser')).browser }));
 */
import { vi } from 'vitest';
import messagesJson from '../../public/_locales/en/messages.json';

const messages: Record<string, { message: string; placeholders?: Record<string, { content: string }> }> = messagesJson;

export const EXTENSION_ID = 'test-extension';
export const ORIGIN = `chrome-extension://${EXTENSION_ID}/`;

type Listener = (...args: never[]) => unknown;
function event<L extends Listener>() {
  const listeners = new Set<L>();
  return {
    listeners,
    addListener: (l: L) => void listeners.add(l),
    removeListener: (l: L) => void listeners.delete(l),
    hasListener: (l: L) => listeners.has(l),
  };
}

type Changes = Record<string, { oldValue?: unknown; newValue?: unknown }>;
const storageChanged = event<(changes: Changes, area: string) => void>();

function area(name: string) {
  const data = new Map<string, unknown>();
  const emit = (changes: Changes) => {
    for (const l of storageChanged.listeners) l(changes, name);
  };
  const clone = <T>(x: T): T => (x === undefined ? x : structuredClone(x));
  return {
    data,
    async get(keys?: string | string[] | null) {
      const list = keys == null ? [...data.keys()] : typeof keys === 'string' ? [keys] : keys;
      return Object.fromEntries(list.filter((k) => data.has(k)).map((k) => [k, clone(data.get(k))]));
    },
    async set(items: Record<string, unknown>) {
      const changes: Changes = {};
      for (const [k, v] of Object.entries(items)) {
        changes[k] = { oldValue: data.get(k), newValue: clone(v) };
        data.set(k, clone(v));
      }
      emit(changes);
    },
    async remove(keys: string | string[]) {
      const changes: Changes = {};
      for (const k of typeof keys === 'string' ? [keys] : keys) {
        if (data.has(k)) changes[k] = { oldValue: data.get(k) };
        data.delete(k);
      }
      emit(changes);
    },
  };
}

type MessageListener = (msg: unknown, sender: object) => unknown;
const onMessage = event<MessageListener>();

export interface FakeTab {
  id: number;
  url?: string;
  status?: string;
  active?: boolean;
  lastAccessed?: number;
}

export const browser = {
  runtime: {
    id: EXTENSION_ID,
    getURL: (path: string) => `${ORIGIN}${path.replace(/^\//, '')}`,
    onMessage,
    /** Who `sendMessage` claims to be (an extension page by default). */
    sender: { id: EXTENSION_ID, url: `${ORIGIN}src/popup/index.html` } as object,
    async sendMessage(msg: unknown) {
      for (const l of onMessage.listeners) {
        const reply = l(structuredClone(msg), browser.runtime.sender);
        if (reply !== undefined) return structuredClone(await reply);
      }
      throw new Error('Could not establish connection. Receiving end does not exist.');
    },
    openOptionsPage: vi.fn(async () => undefined),
  },
  storage: {
    local: area('local'),
    sync: area('sync'),
    session: area('session'),
    onChanged: storageChanged,
  },
  i18n: {
    getMessage(key: string, subs: string[] = []) {
      const m = messages[key];
      if (!m) return '';
      return m.message.replace(/\$([A-Za-z_]+)\$/g, (_all, name: string) => {
        const content = m.placeholders?.[name.toLowerCase()]?.content ?? '';
        return content.replace(/\$(\d)/g, (_x, i: string) => subs[Number(i) - 1] ?? '');
      });
    },
  },
  tabs: {
    all: [] as FakeTab[],
    async get(id: number) {
      const tab = browser.tabs.all.find((t) => t.id === id);
      if (!tab) throw new Error(`No tab with id: ${id}`);
      return { ...tab };
    },
    async query(_q: object) {
      return browser.tabs.all.filter((t) => t.active).map((t) => ({ ...t }));
    },
    async getCurrent() {
      return undefined;
    },
    /** Replaced by tests that play the content script; by default no content script answers. */
    sendMessage: vi.fn(async (_tabId: number, _msg: unknown): Promise<unknown> => {
      throw new Error('Could not establish connection. Receiving end does not exist.');
    }),
    onUpdated: event(),
    onRemoved: event(),
  },
  action: {
    setBadgeText: vi.fn(async (_d: { tabId?: number; text: string }) => undefined),
    setBadgeBackgroundColor: vi.fn(async (_d: { tabId?: number; color: string }) => undefined),
    setBadgeTextColor: vi.fn(async (_d: { tabId?: number; color: string }) => undefined),
    setTitle: vi.fn(async (_d: { tabId?: number; title: string }) => undefined),
  },
};

/** Forget all state between tests. */
export function resetBrowser(): void {
  for (const a of [browser.storage.local, browser.storage.sync, browser.storage.session]) a.data.clear();
  storageChanged.listeners.clear();
  onMessage.listeners.clear();
  browser.tabs.all = [];
  browser.runtime.sender = { id: EXTENSION_ID, url: `${ORIGIN}src/popup/index.html` };
  browser.tabs.sendMessage.mockReset();
  browser.tabs.sendMessage.mockImplementation(async () => {
    throw new Error('Could not establish connection. Receiving end does not exist.');
  });
  for (const f of Object.values(browser.action)) f.mockClear();
  browser.runtime.openOptionsPage.mockClear();
}

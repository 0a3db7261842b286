import browser from 'webextension-polyfill';

/**
 * Which tab the popup is about: `?tab=<id>` if given (tests, links), else the
 * active tab. When the popup page is open in a tab of its own, the active tab
 * is itself, so take the most recently used other tab of the window instead.
 * Needs no `tabs` permission: ids and lastAccessed are always visible.
 */
export async function targetTabId(search = location.search): Promise<number | null> {
  const param = new URLSearchParams(search).get('tab');
  if (param !== null && /^\d+$/.test(param)) return Number(param);

  const self = await browser.tabs.getCurrent(); // undefined in a real popup
  if (!self) {
    const [active] = await browser.tabs.query({ active: true, currentWindow: true });
    return active?.id ?? null;
  }
  const others = (await browser.tabs.query({ currentWindow: true })).filter((t) => t.id !== self.id);
  others.sort((a, b) => (b.lastAccessed ?? 0) - (a.lastAccessed ?? 0));
  return others[0]?.id ?? null;
}

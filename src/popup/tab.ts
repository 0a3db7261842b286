import browser from 'webextension-polyfill';

/**
 * Which tab the popup is about: `?tab=<id>` if given (tests, or the popup
 * opened as a page), else the active tab. When the popup itself is open in a
 * tab (so the active tab is an extension page), fall back to the most
 * recently used http(s) tab of the window. Needs no `tabs` permission: the
 * id is always visible, URLs only for pages we have host permission for.
 */
export async function targetTabId(search = location.search): Promise<number | null> {
  const param = new URLSearchParams(search).get('tab');
  if (param !== null && /^\d+$/.test(param)) return Number(param);

  const [active] = await browser.tabs.query({ active: true, currentWindow: true });
  if (active?.id !== undefined && !active.url?.startsWith(browser.runtime.getURL(''))) return active.id;

  const pages = await browser.tabs.query({ currentWindow: true, url: ['http://*/*', 'https://*/*'] });
  pages.sort((a, b) => (b.lastAccessed ?? 0) - (a.lastAccessed ?? 0));
  return pages[0]?.id ?? null;
}

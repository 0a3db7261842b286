/**
 * Background (Chrome: service worker; Firefox: event page). Receives what the
 * content script found, keeps a per-tab summary, answers the popup.
 * Listeners are registered synchronously at top level so that events wake it.
 */
import browser from 'webextension-polyfill';
import { listen, type MessageOf, type TabSummary } from '../messages';
import { checkPage } from './check';
import { summaries } from './summaries';

const MAX_EXCERPTS = 20;
const EXCERPT_WORDS = 8;

function firstWords(text: string, n = EXCERPT_WORDS): string {
  const words = text.trim().split(/\s+/);
  return words.length <= n ? words.join(' ') : `${words.slice(0, n).join(' ')}…`;
}

function summarize(msg: MessageOf<'content:scan-result'>, tabUrl: string | undefined): TabSummary {
  // Later: run the matcher over msg.paragraphs here (dataset parsed lazily on
  // first use) and keep its findings in the summary.
  return {
    url: tabUrl ?? msg.url,
    title: msg.title,
    paragraphCount: msg.paragraphs.length,
    excerpts: msg.paragraphs.slice(0, MAX_EXCERPTS).map((p) => firstWords(p)),
    updatedAt: Date.now(),
  };
}

listen({
  async 'content:scan-result'(msg, { tabId, tabUrl }) {
    const summary = summarize(msg, tabUrl);
    await summaries.set(tabId, summary);
    return { ok: true, paragraphCount: summary.paragraphCount };
  },
  async 'content:check'(msg) {
    return checkPage(msg);
  },
  async 'popup:get-summary'({ tabId }) {
    return { summary: await summaries.get(tabId) };
  },
});

// A summary belongs to one page load: forget it when the tab navigates or
// closes. (`changeInfo.url` is only reported for pages we have host
// permission for, which are the only ones we scan.)
browser.tabs.onUpdated.addListener((tabId, changeInfo) => {
  if (changeInfo.status === 'loading' || changeInfo.url !== undefined) {
    void summaries.remove(tabId);
  }
});
browser.tabs.onRemoved.addListener((tabId) => {
  void summaries.remove(tabId);
});

/**
 * Background (Chrome: service worker; Firefox: event page). Judges the sentences the content
 * script sends, keeps a per-tab summary and toolbar badge, answers the popup and options page.
 * Listeners are registered synchronously at top level so that events wake it.
 */
import browser from 'webextension-polyfill';
import { droppedMessages, listen, type TabSummary } from '../messages';
import { loadSettings, onSettingsChanged } from '../settings';
import { badgeLook, clearBadge, showBadge } from './badge';
import { checkPage } from './check';
import { datasetInfo, getDataset, importDataset, resetDataset } from './dataset';
import { summaries } from './summaries';
import { buildSummary } from './summary';

async function remember(tabId: number, summary: TabSummary): Promise<void> {
  await summaries.set(tabId, summary);
  await showBadge(tabId, badgeLook(summary, await loadSettings()));
}

listen({
  async 'content:check'(msg, { tabId, tabUrl }) {
    const reply = await checkPage(msg);
    await remember(tabId, buildSummary(msg, reply, await getDataset(), tabUrl ?? msg.url));
    return reply;
  },
  async 'popup:get-summary'({ tabId }) {
    return { summary: await summaries.get(tabId) };
  },
  'popup:get-dataset': datasetInfo,
  async 'popup:import-dataset'({ text }) {
    try {
      return { ok: true, info: await importDataset(text) };
    } catch (err) {
      return { ok: false, error: err instanceof Error ? err.message : String(err) };
    }
  },
  'popup:reset-dataset': resetDataset,
  async 'popup:get-diagnostics'() {
    return { dropped: droppedMessages() };
  },
});

// Settings apply live: redraw every tab's toolbar badge.
onSettingsChanged(async (settings) => {
  for (const [tabId, summary] of await summaries.entries()) await showBadge(tabId, badgeLook(summary, settings));
});

// A summary belongs to one page load: forget it (and its badge) when the tab navigates or
// closes. (`changeInfo.url` is only reported for pages we have host permission for, which are
// the only ones we scan.)
browser.tabs.onUpdated.addListener((tabId, changeInfo) => {
  if (changeInfo.status === 'loading' || changeInfo.url !== undefined) {
    void summaries.remove(tabId);
    void clearBadge(tabId);
  }
});
browser.tabs.onRemoved.addListener((tabId) => {
  void summaries.remove(tabId);
});

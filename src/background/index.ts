/**
 * Background (Chrome: service worker; Firefox: event page). Judges the sentences the content
 * script sends, keeps a per-tab summary and toolbar badge, answers the popup and options page.
 * Listeners are registered synchronously at top level so that events wake it.
 */
import browser from 'webextension-polyfill';
import { listen, type MessageOf, type TabSummary } from '../messages';
import { loadSettings, onSettingsChanged } from '../settings';
import { badgeLook, clearBadge, showBadge } from './badge';
import { checkPage } from './check';
import { datasetInfo, getDataset, importDataset, resetDataset } from './dataset';
import { summaries } from './summaries';
import { buildSummary } from './summary';

const MAX_EXCERPTS = 20;
const EXCERPT_WORDS = 8;

function firstWords(text: string, n = EXCERPT_WORDS): string {
  const words = text.trim().split(/\s+/);
  return words.length <= n ? words.join(' ') : `${words.slice(0, n).join(' ')}…`;
}

/** The skeleton's paragraph report (until the content script sends `content:check`). */
function legacySummary(msg: MessageOf<'content:scan-result'>, tabUrl: string | undefined): TabSummary {
  return {
    url: tabUrl ?? msg.url,
    title: msg.title,
    article: msg.paragraphs.length > 0,
    onTopic: false,
    sentenceCount: 0,
    counts: { conflict: 0, disputed: 0, corroborated: 0 },
    judged: [],
    dataset: { name: '', sources: 0, origins: 0 },
    updatedAt: Date.now(),
    paragraphCount: msg.paragraphs.length,
    excerpts: msg.paragraphs.slice(0, MAX_EXCERPTS).map((p) => firstWords(p)),
  };
}

async function remember(tabId: number, summary: TabSummary): Promise<void> {
  await summaries.set(tabId, summary);
  await showBadge(tabId, badgeLook(summary, await loadSettings()));
}

listen({
  async 'content:scan-result'(msg, { tabId, tabUrl }) {
    const summary = legacySummary(msg, tabUrl);
    await summaries.set(tabId, summary);
    return { ok: true, paragraphCount: msg.paragraphs.length };
  },
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

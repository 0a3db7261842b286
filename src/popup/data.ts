/**
 * Everything the popup knows about its tab, kept current: the background's summary (refetched
 * when summaries change, so "checking…" turns into results by itself), the settings, the tab's
 * state, and whether our content script answers in it.
 */
import { useEffect, useState } from 'preact/hooks';
import browser from 'webextension-polyfill';
import { contentScriptIn, send, type TabSummary } from '../messages';
import { loadSettings, onSettingsChanged, type Settings } from '../settings';
import { targetTabId } from './tab';
import type { PopupInputs } from './view';

/** How long a page may take to report before the popup stops saying "checking". */
export const PATIENCE_MS = 1500;

export type PopupData =
  | { kind: 'loading' }
  | { kind: 'error'; message: string }
  | ({ kind: 'ready'; tabId: number | null } & PopupInputs);

export function usePopupData(): PopupData {
  const [tabId, setTabId] = useState<number | null | undefined>(undefined);
  const [summary, setSummary] = useState<TabSummary | null | undefined>(undefined);
  const [settings, setSettings] = useState<Settings | undefined>(undefined);
  const [tab, setTab] = useState<PopupInputs['tab'] | undefined>(undefined);
  const [contentUrl, setContentUrl] = useState<string | null | undefined>(undefined);
  const [patient, setPatient] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const fail = (err: unknown) => setError(err instanceof Error ? err.message : String(err));

  useEffect(() => {
    targetTabId().then(setTabId, fail);
    loadSettings().then(setSettings, fail);
    const timer = setTimeout(() => setPatient(true), PATIENCE_MS);
    const unwatch = onSettingsChanged(setSettings);
    return () => {
      clearTimeout(timer);
      unwatch();
    };
  }, []);

  useEffect(() => {
    if (tabId === undefined) return;
    if (tabId === null) {
      setSummary(null);
      setTab(null);
      setContentUrl(null);
      return;
    }
    const refresh = () => {
      send({ type: 'popup:get-summary', tabId }).then((r) => setSummary(r.summary), fail);
      browser.tabs.get(tabId).then(
        (t) => setTab({ url: t.url, status: t.status }),
        () => setTab(null),
      );
    };
    refresh();
    contentScriptIn(tabId).then(setContentUrl);
    // The background keeps summaries in storage.session: any change there may be ours.
    const onChanged = (_changes: unknown, area: string) => {
      if (area === 'session') refresh();
    };
    browser.storage.onChanged.addListener(onChanged);
    return () => browser.storage.onChanged.removeListener(onChanged);
  }, [tabId]);

  if (error !== null) return { kind: 'error', message: error };
  if (tabId === undefined || summary === undefined || settings === undefined || tab === undefined) {
    return { kind: 'loading' };
  }
  return { kind: 'ready', tabId, summary, settings, tab, contentUrl, patient };
}

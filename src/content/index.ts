/**
 * Content script: badges the article's sentences that the bundled dataset corroborates or
 * contradicts. One AbortController per page owns every listener, observer and timer; it aborts
 * when the extension context goes away (extension reloaded, updated or disabled under the page),
 * which removes our badges and highlights. A client-side navigation or a change of settings
 * starts a new View.
 */
import browser from 'webextension-polyfill';
import { droppedMessages, listenInTab } from '../messages';
import { badgesOn, DEFAULT_SETTINGS, loadSettings, onSettingsChanged, type Settings } from '../settings';
import { INSPECTABLE_KEY, setInspectable, sweepBadges } from './badge';
import { sweepHighlights } from './highlights';
import { contextAlive } from './lifecycle';
import { PAGE_BUDGET_MS, VIEW_BUDGET_MS } from './limits';
import { Meter } from './meter';
import { View } from './view';
import { watchPage } from './watch';

/** After a client-side navigation, give the page a moment to render the new content. */
const NAVIGATION_SCAN_MS = 300;

/** This page load's main-thread time (see meter.ts); every step below runs inside it. */
const meter = new Meter();

// A previous instance of this script (before an extension reload or update) may have left
// badges behind: its code can no longer run, so remove them here.
meter.time(() => {
  sweepBadges(document);
  sweepHighlights(document);
});

const page = new AbortController();
const { signal } = page;
const dead = () => page.abort();
/** Ignore failures once the extension context is gone: its listeners went with it. */
const quietly = (fn: () => void) => () => {
  try {
    fn();
  } catch {}
};

let settings: Settings = DEFAULT_SETTINGS;
/** What of the settings this page's badges depend on (other sites' switches do not matter here). */
const look = (s: Settings) => JSON.stringify([badgesOn(s, location.href), s.conflictsOnly, s.badgeStyle]);
const watcher = meter.time(() =>
  watchPage(
    document,
    signal,
    {
      change: (huge) => view.changed(huge),
      navigate: () => restart(true, NAVIGATION_SCAN_MS),
    },
    meter,
  ),
);
const newView = (reportEmpty: boolean) => new View(signal, { watcher, settings, reportEmpty, dead, meter });
// Replaced as soon as the settings are read.
let view = newView(false);

/** Drops the current view (its badges and highlights) and starts a fresh one. */
function restart(reportEmpty: boolean, delay: number): void {
  view.dispose();
  view = newView(reportEmpty);
  // Once the page load's budget is spent, a new view does nothing (it stops at its first scan).
  view.schedule(delay);
}

signal.addEventListener(
  'abort',
  quietly(
    listenInTab({
      'background:reveal': async ({ id }) => ({ found: view.reveal(id) }),
      'background:diagnostics': async () => ({
        busyMs: meter.busy,
        longestMs: meter.longest,
        steps: meter.steps,
        errors: meter.errors,
        lastError: meter.lastError,
        budget: { viewMs: VIEW_BUDGET_MS, pageMs: PAGE_BUDGET_MS },
        view: view.report(),
        droppedMessages: droppedMessages().total,
        badges: view.badgeReports(),
      }),
    }),
  ),
);

// An orphaned script cannot notice by itself; check when the reader comes back to the tab (at
// most once a second: the page can fire this event as often as it likes).
let lastAliveCheck = Number.NEGATIVE_INFINITY;
document.addEventListener(
  'visibilitychange',
  meter.guard(() => {
    if (performance.now() - lastAliveCheck < 1000) return;
    lastAliveCheck = performance.now();
    if (!contextAlive()) dead();
  }),
  { signal },
);

// Back/forward cache: the page comes back with its badges, but the background forgot it on
// navigation, so report the sentences again. Only the browser's own event counts: a page that
// fires made-up ones must not make us re-read and re-send the article.
window.addEventListener(
  'pageshow',
  meter.guard((e: PageTransitionEvent) => {
    if (e.persisted && e.isTrusted) void view.scan(true);
  }),
  { signal },
);

void (async () => {
  try {
    const [loaded, debug] = await Promise.all([loadSettings(), browser.storage.local.get(INSPECTABLE_KEY)]);
    settings = loaded;
    setInspectable(debug[INSPECTABLE_KEY] === true);
  } catch {
    if (!contextAlive()) return dead();
  }
  if (signal.aborted) return;
  // Settings apply live: badges on/off, conflicts only, badge style.
  signal.addEventListener(
    'abort',
    quietly(
      onSettingsChanged(
        meter.guard((next: Settings) => {
          const before = look(settings);
          settings = next;
          if (look(next) !== before) restart(false, 0);
        }),
      ),
    ),
  );
  view.dispose();
  view = newView(false);
  void view.scan();
})();

/**
 * Content script: badges the article's sentences that the bundled dataset corroborates or
 * contradicts. One AbortController per page owns every listener, observer and timer; it aborts
 * when the extension context goes away (extension reloaded, updated or disabled under the page),
 * which removes our badges and highlights. A client-side navigation or a change of settings
 * starts a new View.
 */
import { listenInTab } from '../messages';
import { badgesOn, DEFAULT_SETTINGS, loadSettings, onSettingsChanged, type Settings } from '../settings';
import { sweepBadges } from './badge';
import { sweepHighlights } from './highlights';
import { contextAlive } from './lifecycle';
import { View } from './view';
import { watchPage } from './watch';

/** After a client-side navigation, give the page a moment to render the new content. */
const NAVIGATION_SCAN_MS = 300;

// A previous instance of this script (before an extension reload or update) may have left
// badges behind: its code can no longer run, so remove them here.
sweepBadges(document);
sweepHighlights(document);

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
const watcher = watchPage(document, signal, {
  change: (huge) => view.changed(huge),
  navigate: () => restart(true, NAVIGATION_SCAN_MS),
});
// Replaced as soon as the settings are read.
let view = new View(signal, { watcher, settings, reportEmpty: false, dead });

/** Drops the current view (its badges and highlights) and starts a fresh one. */
function restart(reportEmpty: boolean, delay: number): void {
  view.dispose();
  view = new View(signal, { watcher, settings, reportEmpty, dead });
  view.schedule(delay);
}

signal.addEventListener(
  'abort',
  quietly(
    listenInTab({
      'background:reveal': async ({ id }) => ({ found: view.reveal(id) }),
    }),
  ),
);

// An orphaned script cannot notice by itself; check when the reader comes back to the tab.
document.addEventListener(
  'visibilitychange',
  () => {
    if (!contextAlive()) dead();
  },
  { signal },
);

// Back/forward cache: the page comes back with its badges, but the background forgot it on
// navigation, so report the sentences again.
window.addEventListener(
  'pageshow',
  (e) => {
    if (e.persisted) void view.scan(true);
  },
  { signal },
);

void (async () => {
  try {
    settings = await loadSettings();
  } catch {
    if (!contextAlive()) return dead();
  }
  if (signal.aborted) return;
  // Settings apply live: badges on/off, conflicts only, badge style.
  signal.addEventListener(
    'abort',
    quietly(
      onSettingsChanged((next) => {
        const before = look(settings);
        settings = next;
        if (look(next) !== before) restart(false, 0);
      }),
    ),
  );
  view.dispose();
  view = new View(signal, { watcher, settings, reportEmpty: false, dead });
  void view.scan();
})();

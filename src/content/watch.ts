/**
 * Watches the page for article text added later (infinite scroll, "read more") and for
 * client-side navigation (pushState, popstate). One MutationObserver on the whole document;
 * its callback does next to nothing per record, and a huge batch is not inspected at all.
 * Watching only for navigation, it looks at most once every NAVIGATION_CHECK_MS (a page that
 * changes forever costs next to nothing), and once the page load's time budget is spent it stops
 * observing (popstate and the Navigation API still report navigations).
 */
import { later } from './lifecycle';
import { Meter } from './meter';
import { BADGE_TAG } from './place';

/** More records than this in one batch: do not look at them, rescan later instead. */
const HUGE_BATCH = 1000;
const NAVIGATION_CHECK_MS = 1000;

/**
 * 'article': changes that may add article text, including text edits (an on-topic page);
 * 'structure': added elements only (no article yet); 'navigation': URL changes only.
 */
export type WatchMode = 'article' | 'structure' | 'navigation';

export interface Watcher {
  setMode(mode: WatchMode): void;
  /** Discards queued records: called right after our own DOM changes (badges). */
  drop(): void;
}

export interface WatchEvents {
  /** The page may have new article text; `huge`: too many changes to look at. */
  change(huge: boolean): void;
  /** The page's URL changed (not just its #hash). */
  navigate(): void;
}

const withoutHash = (href: string) => href.replace(/#.*$/su, '');

export function watchPage(doc: Document, signal: AbortSignal, on: WatchEvents, meter = new Meter()): Watcher {
  let mode: WatchMode = 'structure';
  let resting: (() => void) | null = null;
  let url = withoutHash(location.href);
  const urlChanged = (): boolean => {
    const now = withoutHash(location.href);
    if (now === url) return false;
    url = now;
    on.navigate();
    return true;
  };
  const observer = new MutationObserver(
    meter.guard((records: MutationRecord[]) => {
      if (urlChanged()) return;
      if (mode === 'navigation') return rest();
      if (records.length > HUGE_BATCH) on.change(true);
      else if (records.some(mayAddText)) on.change(false);
    }),
  );
  const observe = () => {
    resting?.();
    resting = null;
    observer.disconnect();
    if (signal.aborted) return;
    observer.observe(doc.documentElement, { childList: true, subtree: true, characterData: mode === 'article' });
  };
  /** Navigation mode: stop observing for a while, then check the URL and observe again. */
  const rest = () => {
    observer.disconnect();
    if (resting || meter.spent()) return;
    resting = later(
      signal,
      NAVIGATION_CHECK_MS,
      meter.guard(() => {
        resting = null;
        if (!urlChanged()) observe();
      }),
    );
  };
  observe();
  signal.addEventListener('abort', () => observer.disconnect(), { once: true });

  // SPA navigations almost always change the DOM too, but back/forward may not.
  const check = meter.guard(() => void urlChanged());
  window.addEventListener('popstate', check, { signal });
  const navigation = (globalThis as { navigation?: EventTarget }).navigation;
  navigation?.addEventListener('navigatesuccess', check, { signal });

  return {
    setMode(next) {
      if (next === mode) return;
      mode = next;
      observe();
    },
    drop() {
      observer.takeRecords();
    },
  };
}

const inParagraph = (n: Node) => Boolean(n.parentElement?.closest('p'));

/** Could this change add article text? (Our own badges, and whatever a page puts in them, never count.) */
function mayAddText(r: MutationRecord): boolean {
  if ((r.target as Element).closest?.(BADGE_TAG) || r.target.parentElement?.closest(BADGE_TAG)) return false;
  if (r.type === 'characterData') return inParagraph(r.target);
  for (const n of Array.from(r.addedNodes)) {
    if (n.nodeType === 3 && inParagraph(n)) return true;
    if (n.nodeType !== 1) continue;
    const el = n as Element;
    if (el.localName === BADGE_TAG) continue;
    if (el.localName === 'p' || el.querySelector('p') || inParagraph(el)) return true;
  }
  return false;
}

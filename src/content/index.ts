/**
 * Content script: finds the article paragraphs, reports them to the
 * background, and marks the page. Everything it sets up (listeners,
 * observers) is owned by one AbortController, aborted when the extension
 * context goes away (extension reloaded or updated while the page stays).
 */
import browser from 'webextension-polyfill';
import { send } from '../messages';
import { findParagraphs, normalize } from './extract';
import { removeMarkers, showMarker } from './marker';

const controller = new AbortController();
const { signal } = controller;

/** False once the extension was reloaded/removed under this page. */
function contextAlive(): boolean {
  try {
    return Boolean(browser.runtime?.id);
  } catch {
    return false;
  }
}

signal.addEventListener('abort', () => removeMarkers(document));

async function scan(): Promise<void> {
  if (!contextAlive()) return controller.abort();
  removeMarkers(document);
  const paragraphs = findParagraphs(document);
  const last = paragraphs.at(-1);
  if (!last) return;
  try {
    await send({
      type: 'content:scan-result',
      url: location.href,
      title: document.title,
      paragraphs: paragraphs.map((p) => normalize(p.textContent ?? '')),
    });
  } catch (err) {
    if (!contextAlive()) return controller.abort();
    console.warn('[credibility-overlay] could not reach the background:', err);
  }
  if (!signal.aborted) showMarker(last, paragraphs.length);
}

// An orphaned script (extension reloaded or updated under this page) cannot
// notice by itself; check when the reader comes back to the tab.
document.addEventListener(
  'visibilitychange',
  () => {
    if (!contextAlive()) controller.abort();
  },
  { signal },
);

// Back/forward cache: the page comes back without the script re-running, but
// the background forgot it on navigation, so report again.
window.addEventListener(
  'pageshow',
  (e) => {
    if (e.persisted) void scan();
  },
  { signal },
);

void scan();

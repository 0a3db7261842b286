/**
 * What the content script may spend on one page: main-thread time and caps on its work. Pure
 * constants (the hardening tests import them). Together they bound the work on any page,
 * however big, deep or restless: every step is timed (meter.ts) and every loop is capped.
 */
import { MAX_SENTENCES } from '../messages/protocol';

/** Main-thread time one page view (one URL) may use, in ms. */
export const VIEW_BUDGET_MS = 1000;
/** Main-thread time one page load may use across client-side navigations, in ms. */
export const PAGE_BUDGET_MS = 3000;
/** No new step starts with less than this left: one step (a slice, reading a block) fits in it. */
export const STEP_MARGIN_MS = 100;

/** Sentences and characters read (and sent to the background) per scan. A long read is ~60,000. */
export const MAX_PAGE_SENTENCES = Math.min(1500, MAX_SENTENCES);
export const MAX_PAGE_CHARS = 300_000;
/**
 * A "paragraph" longer than this is not prose (a data dump, a whole page in one node): skipped.
 * Also bounds one step: splitting sentences is superlinear on pathological text (a run of
 * abbreviations with no sentence end: 10,000 characters ~75 ms, 20,000 ~300 ms).
 */
export const MAX_BLOCK_CHARS = 10_000;
/** Badges on the page at once, and created over a page view (pages that re-render their text). */
export const MAX_BADGES = 300;
export const MAX_BADGES_CREATED = 600;
/** Rescans of one page view after the page changed. */
export const MAX_SCANS = 60;
/**
 * Sentence highlights need a ::highlight() stylesheet in the page, and adding one makes the
 * browser restyle every element (Chromium: ~0.5 s on a page of 110,000 elements). Above this many
 * elements there are no highlights, only badges.
 */
export const MAX_HIGHLIGHT_ELEMENTS = 30_000;

/**
 * Sentence highlights with the CSS Custom Highlight API: nothing is added around the page's
 * text, only Ranges registered under our own names. The ::highlight() rules go into one <style>
 * in the page (it only ever matches our names), removed again on cleanup.
 * Where the API is missing, there are no highlights: badges alone.
 */
import type { Verdict } from './labels';
import { MAX_HIGHLIGHT_ELEMENTS } from './limits';

const STYLE_ID = 'cred-overlay-highlights';
const FOCUS = 'cred-focus';
const NAMES = ['cred-corroborated', 'cred-conflict', 'cred-disputed', FOCUS];

const RULES = `
::highlight(cred-corroborated) { background-color: rgba(34, 197, 94, 0.1); }
::highlight(cred-conflict) { background-color: rgba(239, 68, 68, 0.2); text-decoration: underline wavy rgb(220, 38, 38) 1px; }
::highlight(cred-disputed) { background-color: rgba(234, 179, 8, 0.2); text-decoration: underline dotted rgb(161, 98, 7) 1px; }
::highlight(cred-focus) { background-color: rgba(37, 99, 235, 0.28); }
`;

export function highlightsSupported(): boolean {
  return typeof CSS !== 'undefined' && 'highlights' in CSS && typeof Highlight === 'function';
}

/** Highlights for this page: supported, and the page small enough to restyle (MAX_HIGHLIGHT_ELEMENTS). */
export function highlightsAffordable(doc: Document): boolean {
  return highlightsSupported() && doc.getElementsByTagName('*').length <= MAX_HIGHLIGHT_ELEMENTS;
}

export class Highlights {
  private readonly sets = new Map<string, Highlight>();
  private focused: Range | null = null;

  constructor(private readonly doc: Document) {}

  add(verdict: Exclude<Verdict, 'none'>, range: Range): void {
    this.get(`cred-${verdict}`).add(range);
  }

  remove(range: Range): void {
    for (const h of this.sets.values()) h.delete(range);
  }

  /** Emphasizes one sentence (badge hovered or focused), or none. */
  emphasize(range: Range | null): void {
    const focus = this.get(FOCUS);
    focus.clear();
    this.focused = range;
    if (range) focus.add(range);
  }

  /** Ends the emphasis if it is still on `range`. */
  unemphasize(range: Range): void {
    if (this.focused === range) this.emphasize(null);
  }

  clear(): void {
    for (const name of this.sets.keys()) CSS.highlights.delete(name);
    this.sets.clear();
    this.focused = null;
    this.doc.getElementById(STYLE_ID)?.remove();
  }

  private get(name: string): Highlight {
    let h = this.sets.get(name);
    if (!h) {
      if (!this.doc.getElementById(STYLE_ID)) {
        const style = this.doc.createElement('style');
        style.id = STYLE_ID;
        style.textContent = RULES;
        (this.doc.head ?? this.doc.documentElement).append(style);
        // The new rules restyle the whole page: do it now, inside our timed step, so that the
        // main-thread budget counts it (the browser would otherwise do it at the next frame).
        getComputedStyle(this.doc.documentElement).getPropertyValue('color');
      }
      h = new Highlight();
      if (name === FOCUS) h.priority = 1; // drawn over the verdict highlights
      CSS.highlights.set(name, h);
      this.sets.set(name, h);
    }
    return h;
  }
}

/** Removes highlights and their style left by an earlier instance of the script. */
export function sweepHighlights(doc: Document): void {
  if (highlightsSupported()) for (const name of NAMES) CSS.highlights.delete(name);
  doc.getElementById(STYLE_ID)?.remove();
}

/**
 * Where a sentence is in the live DOM and where its badge goes. Pure DOM code (no extension APIs):
 * the boundary points are unit-tested on linkedom, the Range is built from them in the browser.
 */
import { blockText, type TextPoint, textSpan } from '../extract/text-map';
import type { Tracked } from './sentences';

export const BADGE_TAG = 'cred-badge';
/** Set on a badge whose insertion split a text node, so that removing it can join the halves. */
const SPLIT_ATTR = 'data-split';
/** A badge's <button> must not end up inside one of these. */
const INTERACTIVE = 'a, button, label, summary, select, textarea';

/** The sentence's first and last character in the current DOM, or null if the text changed. */
export function sentencePoints(t: Tracked): { start: TextPoint; end: TextPoint } | null {
  if (!t.block.isConnected) return null;
  const map = blockText(t.block);
  let start = t.start;
  if (map.text.slice(start, t.end) !== t.text) {
    start = map.text.indexOf(t.text); // the paragraph grew or shrank before the sentence
    if (start < 0) return null;
  }
  return textSpan(map, start, start + t.text.length);
}

export function sentenceRange(doc: Document, t: Tracked): Range | null {
  const points = sentencePoints(t);
  if (!points) return null;
  const range = doc.createRange();
  range.setStart(points.start.node, points.start.offset);
  range.setEnd(points.end.node, points.end.offset);
  return range;
}

/**
 * Inserts `host` right after the sentence's last character (splitting its text node if the
 * next sentence continues in it). If that character is inside a link or button, the badge goes
 * after that element instead. Returns false (and inserts nothing) when the whole block sits in
 * a link, where a button cannot go.
 */
export function placeBadge(end: TextPoint, block: Element, host: Element): boolean {
  const parent = end.node.parentElement;
  const interactive = parent?.closest(INTERACTIVE);
  if (interactive?.contains(block)) return false;
  if (interactive) {
    let outer = interactive;
    for (let e = outer.parentElement; e && e !== block; e = e.parentElement) if (e.matches(INTERACTIVE)) outer = e;
    outer.after(host);
    return true;
  }
  if (end.offset < end.node.data.length) {
    end.node.splitText(end.offset);
    host.setAttribute(SPLIT_ATTR, '');
  }
  end.node.after(host);
  return true;
}

/** Removes a badge host and joins the text node it split, leaving the page's DOM as it was. */
export function removeBadgeHost(host: Element): void {
  const prev = host.previousSibling;
  const next = host.nextSibling;
  const split = host.hasAttribute(SPLIT_ATTR);
  host.remove();
  if (split && prev?.nodeType === 3 && next?.nodeType === 3) {
    (prev as Text).appendData((next as Text).data);
    next.parentNode?.removeChild(next);
  }
}

/**
 * The text of a block as the reader sees it (whitespace collapsed, inline tags ignored), with a
 * map back to the DOM text nodes so a sentence can become a Range across <a>, <em>, <span>…
 */

export interface TextMap {
  text: string;
  /** For each character of `text`, the text node and offset it came from. */
  nodes: Text[];
  offsets: number[];
}

/** Not the block's text: code, footnote marks, and the overlay's own badges (their light DOM is never shown). */
const SKIP = new Set(['SCRIPT', 'STYLE', 'NOSCRIPT', 'TEMPLATE', 'SUP', 'CRED-BADGE']);

export function blockText(block: Element): TextMap {
  const nodes: Text[] = [];
  const offsets: number[] = [];
  let text = '';
  let pendingSpace = false;
  const visit = (node: Node) => {
    if (node.nodeType === 3) {
      const t = node as Text;
      const data = t.data;
      for (let i = 0; i < data.length; i++) {
        const ch = data[i] ?? '';
        if (/\s/u.test(ch)) {
          pendingSpace = text.length > 0;
          continue;
        }
        if (pendingSpace) {
          text += ' ';
          nodes.push(t);
          offsets.push(i);
          pendingSpace = false;
        }
        text += ch;
        nodes.push(t);
        offsets.push(i);
      }
      return;
    }
    if (node.nodeType !== 1) return;
    const el = node as Element;
    if (SKIP.has(el.tagName.toUpperCase())) return;
    if (el.tagName.toUpperCase() === 'BR') pendingSpace = text.length > 0;
    for (let c = el.firstChild; c; c = c.nextSibling) visit(c);
  };
  visit(block);
  return { text, nodes, offsets };
}

/** A DOM position inside a text node (what Range.setStart/setEnd take). */
export interface TextPoint {
  node: Text;
  offset: number;
}

/**
 * The DOM boundary points of `text.slice(start, end)`: from the first character's node to just
 * after the last one's, so the span can cross <a>, <em>, <strong>… Null for an empty span.
 */
export function textSpan(map: TextMap, start: number, end: number): { start: TextPoint; end: TextPoint } | null {
  const first = map.nodes[start];
  const last = map.nodes[end - 1];
  const from = map.offsets[start];
  const to = map.offsets[end - 1];
  if (end <= start || !first || !last || from === undefined || to === undefined) return null;
  return { start: { node: first, offset: from }, end: { node: last, offset: to + 1 } };
}

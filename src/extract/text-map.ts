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

const SKIP = new Set(['SCRIPT', 'STYLE', 'NOSCRIPT', 'TEMPLATE', 'SUP']);

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

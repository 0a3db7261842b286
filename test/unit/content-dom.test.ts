/**
 * The content script's DOM work on linkedom: article finding on tricky pages, sentence ids that
 * survive rescans, sentence boundary points across inline elements, and badge placement that
 * the page gets back unchanged.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseHTML } from 'linkedom';
import { describe, expect, it } from 'vitest';
import { placeBadge, removeBadgeHost, sentencePoints } from '../../src/content/place';
import { articleOf, isArticle, SentenceTable, type Tracked } from '../../src/content/sentences';
import { readArticle } from '../../src/extract/page';
import type { TextPoint } from '../../src/extract/text-map';

const page = (body: string, head = '') =>
  parseHTML(`<!doctype html><html><head>${head}</head><body>${body}</body></html>`).document as unknown as Document;
const fixture = (name: string) =>
  parseHTML(readFileSync(join(import.meta.dirname, '../browser/pages', name), 'utf8')).document as unknown as Document;

const LONG = 'This sentence is long enough to make the page look like a real article with prose. ';
const prose = (n: number) => Array.from({ length: n }, () => `<p>${LONG}</p>`).join('');

/** The text between two boundary points, whitespace collapsed: what Range.toString() shows. */
function textBetween(root: Node, start: TextPoint, end: TextPoint): string {
  let out = '';
  let inside = false;
  const walk = (n: Node): boolean => {
    if (n.nodeType === 3) {
      const t = n as Text;
      const from = t === start.node ? start.offset : 0;
      if (t === start.node) inside = true;
      if (inside) out += t.data.slice(from, t === end.node ? end.offset : undefined);
      if (t === end.node) return true;
    }
    for (let c = n.firstChild; c; c = c.nextSibling) if (walk(c)) return true;
    return false;
  };
  walk(root);
  return out.replace(/\s+/g, ' ').trim();
}

function sentences(doc: Document): Tracked[] {
  return new SentenceTable(1000).read(doc).sentences;
}

describe('article finding', () => {
  it('prefers the article with the most prose over teaser cards and comments', () => {
    const doc = page(`
      <article class="teaser"><p>Short teaser.</p></article>
      <article class="main"><h1>Title</h1>${prose(3)}</article>
      <section id="comments"><article class="comment"><p>${LONG}${LONG}${LONG}${LONG}</p></article></section>`);
    const { blocks } = articleOf(doc);
    expect(blocks).toHaveLength(3);
    expect(blocks.every((b) => b.parentElement?.getAttribute('class') === 'main')).toBe(true);
  });

  it('finds a WordPress body when the only <article>s are comments', () => {
    const doc = page(`
      <div class="entry-content">${prose(2)}<div class="ad_1">[ad_1]</div></div>
      <ol class="comment-list"><li><article class="comment-body"><p>Great post!</p></article></li></ol>`);
    expect(articleOf(doc).blocks.map((b) => b.parentElement?.getAttribute('class'))).toEqual([
      'entry-content',
      'entry-content',
    ]);
  });

  it('skips page furniture inside the article', () => {
    const doc = page(`<article>
      <header><p class="dek">The standfirst is not prose to check.</p></header>
      <p>Kept one. “A repeated pull quote,” she said.</p>
      <figure><figcaption><p>A caption.</p></figcaption></figure>
      <blockquote class="pull-quote"><p>“A repeated pull quote.” — She</p></blockquote>
      <blockquote class="pull-quote"><p>A quotation set apart, said nowhere else.</p></blockquote>
      <div contenteditable=""><p>Being edited.</p></div>
      <div role="complementary"><p>Box.</p></div>
      <div hidden><p>Hidden.</p></div>
      <div inert><p>Inert.</p></div>
      <div class="related-stories"><p>Related.</p></div>
      <form><p>Form text.</p></form>
      <pre><p>Code.</p></pre>
      <p>Kept two.</p></article>`);
    expect(articleOf(doc).blocks.map((b) => b.textContent)).toEqual([
      'Kept one. “A repeated pull quote,” she said.',
      'A quotation set apart, said nowhere else.',
      'Kept two.',
    ]);
  });

  it('does not call an index page or a stub an article', () => {
    expect(isArticle(sentences(page('<header>News</header><ul><li>A headline</li></ul>')))).toBe(false);
    expect(isArticle(sentences(page('<main><p>Loading…</p></main>')))).toBe(false);
    expect(isArticle(sentences(page(`<main>${prose(3)}</main>`)))).toBe(true);
  });

  it('reads nothing from a page in design mode', () => {
    const doc = page(`<article>${prose(3)}</article>`);
    Object.defineProperty(doc, 'designMode', { value: 'on' });
    expect(articleOf(doc).blocks).toEqual([]);
  });
});

describe('sentence ids', () => {
  it('stay the same across rescans; only new text gets new ids', () => {
    const doc = page('<article><p>One is here. Two is here.</p><p>Three is here.</p></article>');
    const table = new SentenceTable(100);
    const first = table.read(doc);
    expect(first.added).toBe(3);
    const article = doc.querySelector('article') as Element;
    const p = doc.createElement('p');
    p.textContent = 'Four is new.';
    article.append(p);
    const second = table.read(doc);
    expect(second.added).toBe(1);
    expect(second.sentences.map((s) => [s.id, s.text])).toEqual([
      [0, 'One is here.'],
      [1, 'Two is here.'],
      [2, 'Three is here.'],
      [3, 'Four is new.'],
    ]);
    expect(table.read(doc).added).toBe(0);
  });

  it('tells repeated sentences in one paragraph apart, and respects the cap', () => {
    const doc = page('<article><p>Same words. Same words. Other words.</p></article>');
    expect(new SentenceTable(100).read(doc).sentences.map((s) => s.id)).toEqual([0, 1, 2]);
    expect(new SentenceTable(2).read(doc).sentences).toHaveLength(2);
  });
});

describe('sentence boundary points', () => {
  it('span a sentence split across <strong> and <a> as one sentence', () => {
    const doc = page(
      '<article><p>First one here. <strong>Trade between China and Russia hit a record</strong> <a href="/x">$240 billion in 2023</a>, up 26 percent. Last one.</p></article>',
    );
    const all = sentences(doc);
    expect(all.map((s) => s.text)).toEqual([
      'First one here.',
      'Trade between China and Russia hit a record $240 billion in 2023, up 26 percent.',
      'Last one.',
    ]);
    const target = all[1] as Tracked;
    const points = sentencePoints(target);
    expect(points?.start.node.parentElement?.localName).toBe('strong');
    expect(points?.start.offset).toBe(0);
    expect(points?.end.node.data.slice(0, points.end.offset)).toBe(', up 26 percent.');
    expect(textBetween(doc.body, points?.start as TextPoint, points?.end as TextPoint)).toBe(target.text);
  });

  it('span a sentence split across two links, with collapsed whitespace', () => {
    const doc = page(
      '<article><p>\n  The <a href="/a">Kremlin\n said</a>   <a href="/b">talks   went well</a>.\n</p></article>',
    );
    const [s] = sentences(doc);
    expect(s?.text).toBe('The Kremlin said talks went well.');
    const points = sentencePoints(s as Tracked);
    expect(textBetween(doc.body, points?.start as TextPoint, points?.end as TextPoint)).toBe(s?.text);
  });

  it('hold on the eval page whose sentence crosses <strong> and <a> (d05)', () => {
    const doc = fixture('d05.html');
    const s = sentences(doc).find((x) => x.text.startsWith('Trade between China and Russia hit a record'));
    expect(s?.text).toBe(
      'Trade between China and Russia hit a record $240 billion in 2023, up 26 percent on the year before.',
    );
    const points = sentencePoints(s as Tracked);
    expect(textBetween(doc.body, points?.start as TextPoint, points?.end as TextPoint)).toBe(s?.text);
  });

  it('follow the text when the paragraph grew before the sentence, and give up when it is gone', () => {
    const doc = page('<article><p>Alpha beta here. Gamma delta here.</p></article>');
    const [, second] = sentences(doc);
    const p = doc.querySelector('p') as Element;
    p.prepend(doc.createTextNode('Inserted words first. '));
    const points = sentencePoints(second as Tracked);
    expect(textBetween(doc.body, points?.start as TextPoint, points?.end as TextPoint)).toBe('Gamma delta here.');
    p.textContent = 'Something else entirely.';
    expect(sentencePoints(second as Tracked)).toBeNull();
  });

  it('match what readArticle (the check CLI) reads', () => {
    const doc = fixture('d01.html');
    expect(sentences(doc).map((s) => s.text)).toEqual(readArticle(doc).sentences.map((s) => s.text));
  });
});

describe('badge placement', () => {
  // linkedom has no Text.splitText; this is the DOM standard's algorithm minus live-range updates.
  const proto = Object.getPrototypeOf(page('').createTextNode('')) as Text & { splitText?: unknown };
  proto.splitText ??= function (this: Text, offset: number): Text {
    const rest = this.ownerDocument.createTextNode(this.data.slice(offset));
    this.data = this.data.slice(0, offset);
    this.after(rest);
    return rest;
  };
  const host = (doc: Document) => doc.createElement('cred-badge');
  const endOf = (doc: Document, text: string) => {
    const s = sentences(doc).find((x) => x.text === text) as Tracked;
    return { s, end: sentencePoints(s)?.end as TextPoint };
  };

  it('goes right after the last character, splitting the text node, and comes out cleanly', () => {
    const doc = page('<article><p>One two three. Four five six.</p></article>');
    const p = doc.querySelector('p') as Element;
    const before = p.innerHTML;
    const { s, end } = endOf(doc, 'One two three.');
    const h = host(doc);
    expect(placeBadge(end, s.block, h)).toBe(true);
    expect(p.innerHTML).toBe('One two three.<cred-badge data-split=""></cred-badge> Four five six.');
    removeBadgeHost(h);
    expect(p.innerHTML).toBe(before);
    expect(p.childNodes).toHaveLength(1);
  });

  it('goes after a link rather than inside it', () => {
    const doc = page('<article><p>Read <a href="/r">the report.</a> Then more.</p></article>');
    const { s, end } = endOf(doc, 'Read the report.');
    expect(placeBadge(end, s.block, host(doc))).toBe(true);
    expect((doc.querySelector('p') as Element).innerHTML).toBe(
      'Read <a href="/r">the report.</a><cred-badge></cred-badge> Then more.',
    );
  });

  it('goes inside <em>/<strong> at their end, and nowhere when the whole paragraph is a link', () => {
    const doc = page('<article><p>It was <em>done.</em> Next.</p><a href="/x"><p>Linked card text.</p></a></article>');
    const { s, end } = endOf(doc, 'It was done.');
    expect(placeBadge(end, s.block, host(doc))).toBe(true);
    expect((doc.querySelector('p') as Element).innerHTML).toBe('It was <em>done.<cred-badge></cred-badge></em> Next.');
    const card = endOf(doc, 'Linked card text.');
    expect(placeBadge(card.end, card.s.block, host(doc))).toBe(false);
  });
});

/**
 * Property tests (fast-check) over page extraction (src/extract, and the content script's reading
 * of it): random documents of articles, paragraphs, inline elements, page furniture, script and
 * style, hidden and editable parts, our own <cred-badge>, with arbitrary Unicode text. Reading
 * them never throws, and every sentence read maps back onto the DOM exactly.
 */
import fc from 'fast-check';
import { parseHTML } from 'linkedom';
import { describe, expect, it } from 'vitest';
import { sentencePoints } from '../../src/content/place';
import { SentenceTable } from '../../src/content/sentences';
import { readArticle } from '../../src/extract/page';
import { blockText, textSpan } from '../../src/extract/text-map';

const RUNS = 800;

const TEXTS = [
  'Mr. Lavrov met Xi Jinping in Beijing on Tuesday.',
  'Trade reached a record $204 billion last year, the ministry said.',
  'U.S. officials were not told.',
  '“We share a goal,” he said.',
  'شي جين بينغ',
  '\u202Ereversed\u202C',
  '   ',
  '\n\t',
  '&amp; &lt;b&gt;',
];
const text = fc.oneof(
  fc.constantFrom(...TEXTS),
  fc.string({ unit: 'grapheme', maxLength: 60 }),
  fc.string({ unit: 'binary', maxLength: 30 }),
);
const escapeHtml = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
const TAGS = ['p', 'div', 'span', 'em', 'a', 'b', 'sup', 'br', 'section', 'article', 'main', 'nav', 'aside', 'figure'];
const RAW = ['script', 'style', 'template', 'code', 'button', 'cred-badge', 'noscript'];
const ATTRS = [
  '',
  ' class="story-text"',
  ' class="article-body"',
  ' class="comments"',
  ' class="related"',
  ' hidden',
  ' aria-hidden="true"',
  ' contenteditable',
  ' role="navigation"',
  ' itemprop="articleBody"',
  ' dir="rtl"',
];

const { tree } = fc.letrec<{ tree: string; node: string }>((tie) => ({
  node: fc.oneof(
    { depthSize: 'small', withCrossShrink: true },
    text.map(escapeHtml),
    fc
      .tuple(fc.constantFrom(...RAW), text)
      .map(([tag, t]) => (tag === 'br' ? '<br>' : `<${tag}>${escapeHtml(t)}</${tag}>`)),
    fc
      .tuple(fc.constantFrom(...TAGS), fc.constantFrom(...ATTRS), fc.array(tie('node'), { maxLength: 5 }))
      .map(([tag, attrs, kids]) => (tag === 'br' ? '<br>' : `<${tag}${attrs}>${kids.join('')}</${tag}>`)),
  ),
  tree: fc.array(tie('node'), { minLength: 1, maxLength: 8 }).map((kids) => kids.join('')),
}));

/** A paragraph of prose with random inline and odd content in it. */
const paragraph = fc
  .tuple(
    fc.constantFrom(...ATTRS),
    fc.array(fc.oneof(fc.constantFrom(...TEXTS.slice(0, 4)), text.map(escapeHtml), tree), {
      minLength: 1,
      maxLength: 6,
    }),
  )
  .map(([attrs, parts]) => `<p${attrs}>${parts.join(' ')}</p>`);
/** Mostly article-shaped documents (an <article> or a story-text container), with random furniture. */
const document_ = fc
  .tuple(
    fc.constantFrom('<article>', '<div class="story-text">', '<main>', '<section>'),
    fc.array(fc.oneof(paragraph, paragraph, tree), { minLength: 1, maxLength: 12 }),
    tree,
  )
  .map(([open, body, furniture]) => `${furniture}${open}${body.join('')}</${open.slice(1, open.search(/[ >]/))}>`);

const page = (body: string) =>
  parseHTML(`<!doctype html><html><head><title>t</title></head><body>${body}</body></html>`)
    .document as unknown as Document;

describe('page extraction on random documents', () => {
  it('reads any document; each sentence is its block’s text at its offsets, and maps onto the DOM', () => {
    let withSentences = 0;
    fc.assert(
      fc.property(document_, (html) => {
        const doc = page(html);
        const article = readArticle(doc);
        if (article.sentences.length > 0) withSentences++;
        for (const s of article.sentences) {
          const block = article.blocks[s.block] as Element;
          const map = blockText(block);
          expect(map.text.slice(s.start, s.end)).toBe(s.text);
          const span = textSpan(map, s.start, s.end);
          expect(span).not.toBeNull();
          if (span) {
            expect(span.start.offset).toBeLessThanOrEqual(span.start.node.data.length);
            expect(span.end.offset).toBeLessThanOrEqual(span.end.node.data.length);
            expect(block.contains(span.start.node) && block.contains(span.end.node)).toBe(true);
          }
        }
      }),
      { numRuns: RUNS, seed: 5 },
    );
    expect(withSentences).toBeGreaterThan(RUNS / 10); // the generator does make articles
  });

  it('collapses any block’s text to single spaces, with a DOM position for every character', () => {
    fc.assert(
      fc.property(document_, (html) => {
        const map = blockText(page(html).body);
        expect(map.nodes).toHaveLength(map.text.length);
        expect(map.offsets).toHaveLength(map.text.length);
        expect(/\s\s|^\s|\s$|[^\S ]/u.test(map.text)).toBe(false);
        const outside = map.nodes.filter((n, i) => !((map.offsets[i] ?? -1) < n.data.length));
        expect(outside).toHaveLength(0);
      }),
      { numRuns: RUNS, seed: 6 },
    );
  });

  it('gives every sentence of the content script’s reading a unique id and live DOM points', () => {
    fc.assert(
      fc.property(document_, (html) => {
        const reading = new SentenceTable(200).read(page(html));
        expect(new Set(reading.sentences.map((s) => s.id)).size).toBe(reading.sentences.length);
        for (const t of reading.sentences) expect(sentencePoints(t)).not.toBeNull();
      }),
      { numRuns: RUNS / 2, seed: 8 },
    );
  });
});

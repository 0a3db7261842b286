import { parseHTML } from 'linkedom';
import { describe, expect, it } from 'vitest';
import { findArticleRoot, findParagraphs, inComments } from '../../src/content/extract';

const page = (body: string) => parseHTML(`<!doctype html><html><body>${body}</body></html>`).document;

describe('findParagraphs', () => {
  it('takes the first article that is not a comment, without comment paragraphs', () => {
    const doc = page(`
      <section id="comments"><article><p>Comment one</p></article></section>
      <article class="story"><h1>T</h1><p>One</p><p> </p><p>Two</p>
        <div class="comment-list"><p>Nested comment</p></div></article>
      <aside><p>Aside</p></aside>`);
    expect(findArticleRoot(doc)?.getAttribute('class')).toBe('story');
    expect(findParagraphs(doc).map((p) => p.textContent)).toEqual(['One', 'Two']);
  });

  it('falls back to main, then body', () => {
    expect(findParagraphs(page('<main><p>M</p></main><p>B</p>')).map((p) => p.textContent)).toEqual(['M']);
    expect(findParagraphs(page('<div><p>B</p></div>')).map((p) => p.textContent)).toEqual(['B']);
  });

  it('does not mistake words that merely contain "comment" for comments', () => {
    const doc = page('<article class="commentary-piece"><p>Op-ed</p></article>');
    expect(inComments(doc.querySelector('p') as Element)).toBe(false);
  });
});

/**
 * Finds the article text of a page. Pure DOM code (no extension APIs), so it
 * runs in unit tests against linkedom too.
 */

/** Ids/classes/labels that mark a comments section (or a single comment). */
const COMMENTS = /(^|[\s_-])(comments?|disqus|replies|talkback)([\s_-]|$)/i;

export const MARKER_TAG = 'cred-marker';

function looksLikeComments(el: Element): boolean {
  const label = [el.id, el.getAttribute('class') ?? '', el.getAttribute('aria-label') ?? ''].join(' ');
  return COMMENTS.test(label) || /Comment/.test(el.getAttribute('itemtype') ?? '');
}

/** True if el or one of its ancestors is a comments section. */
export function inComments(el: Element): boolean {
  for (let e: Element | null = el; e; e = e.parentElement) {
    if (looksLikeComments(e)) return true;
  }
  return false;
}

/** The first <article> not inside comments, else <main>, else <body>. */
export function findArticleRoot(doc: Document): Element | null {
  for (const article of doc.querySelectorAll('article')) {
    if (!inComments(article)) return article;
  }
  return doc.querySelector('main') ?? doc.body;
}

/** The non-empty <p> elements of the article, comments and our own UI excluded. */
export function findParagraphs(doc: Document): HTMLElement[] {
  const root = findArticleRoot(doc);
  if (!root) return [];
  return [...root.querySelectorAll('p')].filter(
    (p) => !inComments(p) && !p.closest(MARKER_TAG) && normalize(p.textContent ?? '') !== '',
  ) as HTMLElement[];
}

export function normalize(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}

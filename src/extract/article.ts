/**
 * Finding the article in a page without changing it: the body container, its prose blocks, and
 * the publication date. Runs on the live DOM in the content script and on a DOM implementation
 * (linkedom) in the `check` CLI, so both judge exactly the same sentences.
 */

/** Containers and blocks that are never article prose. */
const EXCLUDED_TAGS = new Set([
  'NAV',
  'HEADER',
  'ASIDE',
  'FOOTER',
  'FIGURE',
  'FIGCAPTION',
  'FORM',
  'CODE',
  'PRE',
  'BUTTON',
  'SCRIPT',
  'STYLE',
  'NOSCRIPT',
  'TEMPLATE',
  'SVG',
  'TEXTAREA',
  'SELECT',
  'DIALOG',
]);
const EXCLUDED_CLASS =
  /(^|[\s_-])(comments?|comment-list|related|promo|newsletter|byline|caption|share|social|advert|ads?|sponsor|subscribe|signup|sidebar|breadcrumbs?|footer|nav|menu|tags|author-bio|disclaimer|embed|twitter-tweet|instagram-media|outbrain|taboola|recirc|trending|most-read|cookie|consent|modal|popup|toolbar)([\s_-]|$)/iu;
/** Landmarks and widgets that are page furniture, not prose. */
const EXCLUDED_ROLES = new Set([
  'navigation',
  'complementary',
  'contentinfo',
  'banner',
  'search',
  'form',
  'dialog',
  'alertdialog',
  'menu',
  'menubar',
  'toolbar',
  'tooltip',
  'alert',
  'status',
  'log',
  'marquee',
  'timer',
]);
const BODY_CLASS = /(article|story|entry|post)[-_]?(body|content|text)|article-?text|story-?text|^content$/iu;
const COMMENT_CLASS = /comment/iu;

function classAndId(el: Element): string {
  return `${el.getAttribute('class') ?? ''} ${el.getAttribute('id') ?? ''}`;
}

function isInside(el: Element, stop: Element | null, test: (e: Element) => boolean): boolean {
  for (let e: Element | null = el; e && e !== stop; e = e.parentElement) if (test(e)) return true;
  return false;
}

const isCommentish = (e: Element) => COMMENT_CLASS.test(classAndId(e));

/** Length of the prose directly under `el`'s <p> elements (a cheap size measure). */
function paragraphText(el: Element): number {
  let n = 0;
  for (const p of Array.from(el.querySelectorAll('p'))) n += (p.textContent ?? '').length;
  return n;
}

/** The main story container, or null when the page has no recognisable article. */
export function findArticleRoot(doc: Document): Element | null {
  // Pages often hold several <article>s (teaser cards, comments): take the one with the most prose.
  const articles = Array.from(doc.querySelectorAll('article')).filter((a) => !isInside(a, null, isCommentish));
  if (articles.length === 1) return articles[0] ?? null;
  let bestArticle: Element | null = null;
  let bestArticleLen = 0;
  for (const a of articles) {
    const len = paragraphText(a);
    if (len > bestArticleLen) [bestArticle, bestArticleLen] = [a, len];
  }
  if (bestArticle) return bestArticle;
  const itemprop = doc.querySelector('[itemprop="articleBody"]');
  if (itemprop) return itemprop;
  for (const el of Array.from(doc.querySelectorAll('div, section, main'))) {
    const cls = el.getAttribute('class') ?? '';
    if (cls?.split(/\s+/u).some((c) => BODY_CLASS.test(c)) && !isInside(el, null, isCommentish)) return el;
  }
  // The densest container of paragraphs.
  const counts = new Map<Element, number>();
  for (const p of Array.from(doc.querySelectorAll('p'))) {
    const parent = p.parentElement;
    if (!parent || isInside(parent, null, isCommentish)) continue;
    counts.set(parent, (counts.get(parent) ?? 0) + (p.textContent ?? '').length);
  }
  let best: Element | null = null;
  let bestLen = 400; // below this, it is not an article
  for (const [el, len] of counts) if (len > bestLen) [best, bestLen] = [el, len];
  return best ?? doc.querySelector('main');
}

function isExcluded(el: Element, root: Element): boolean {
  return isInside(el, root, (e) => {
    if (EXCLUDED_TAGS.has(e.tagName.toUpperCase())) return true;
    const editable = e.getAttribute('contenteditable');
    if (editable !== null && editable.toLowerCase() !== 'false') return true;
    if (e.getAttribute('aria-hidden') === 'true' || e.hasAttribute('hidden') || e.hasAttribute('inert')) return true;
    if (EXCLUDED_ROLES.has((e.getAttribute('role') ?? '').toLowerCase())) return true;
    return EXCLUDED_CLASS.test(classAndId(e));
  });
}

/** The prose paragraphs of the article, in document order. */
export function articleBlocks(root: Element): Element[] {
  return Array.from(root.querySelectorAll('p')).filter((p) => isArticleBlock(p, root));
}

/** Is `p` (a <p> inside `root`) article prose? What articleBlocks keeps, one paragraph at a time. */
export function isArticleBlock(p: Element, root: Element): boolean {
  if (isExcluded(p, root) || !/\p{L}/u.test(p.textContent ?? '')) return false;
  // A pull quote usually repeats the article's own words (checked once is enough); one that does
  // not is a quotation set apart, and prose like the rest.
  return !(isInside(p, root, (e) => PULL_QUOTE.test(classAndId(e))) && repeatsArticle(p, root));
}

const PULL_QUOTE = /(^|[\s_-])pull-?quote([\s_-]|$)/iu;
/** Words only, lower-case: a pull quote reworks punctuation ("quote,” she said" → "quote."). */
const squash = (s: string) => ` ${(s.toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? []).join(' ')} `;

/** Does the text of `p` also stand elsewhere in `root`? (Its opening words: a pull quote's
 * attribution is often its own, "— Faccini".) */
function repeatsArticle(p: Element, root: Element): boolean {
  const words = squash(p.textContent ?? '')
    .trim()
    .split(' ')
    .slice(0, 10);
  const quote = ` ${words.join(' ')} `;
  const all = squash(root.textContent ?? '');
  return words.join('').length > 0 && all.indexOf(quote) !== all.lastIndexOf(quote);
}

/** Publication date (YYYY-MM-DD) from <time datetime>, article:published_time, or JSON-LD. */
export function publicationDate(doc: Document, root: Element | null): string | null {
  const iso = (s: string | null | undefined) => /^(\d{4}-\d{2}-\d{2})/u.exec(s?.trim() ?? '')?.[1] ?? null;
  const meta = doc.querySelector(
    'meta[property="article:published_time"], meta[name="article:published_time"], meta[itemprop="datePublished"], meta[name="date"], meta[name="pubdate"]',
  );
  const fromMeta = iso(meta?.getAttribute('content'));
  if (fromMeta) return fromMeta;
  for (const script of Array.from(doc.querySelectorAll('script[type="application/ld+json"]'))) {
    const m = /"datePublished"\s*:\s*"([^"]+)"/u.exec(script.textContent ?? '');
    const d = iso(m?.[1]);
    if (d) return d;
  }
  const time = root?.querySelector('time[datetime]') ?? doc.querySelector('header time[datetime], time[datetime]');
  return iso(time?.getAttribute('datetime'));
}

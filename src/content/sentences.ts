/**
 * The article's sentences with ids that stay the same across rescans of one page view, so that
 * re-reading the page (more text loaded, a rescan after a mutation) never yields a second badge
 * for a sentence. Pure DOM code: unit-tested on linkedom.
 */
import { articleBlocks, findArticleRoot, isArticleBlock, publicationDate } from '../extract/article';
import { blockSentences } from '../extract/page';
import { MAX_BLOCK_CHARS } from './limits';

export interface Tracked {
  id: number;
  text: string;
  block: Element;
  /** Offsets in blockText(block).text when last read. */
  start: number;
  end: number;
}

export interface Reading {
  published: string | null;
  /** Current sentences in document order (at most `limit`). */
  sentences: Tracked[];
  /** How many of them got a new id in this reading. */
  added: number;
}

/** Below this much text the page is not treated as an article (a teaser, a "Loading…" stub). */
export const MIN_ARTICLE_CHARS = 200;

/** The article's prose blocks and publication date; no blocks on pages without an article. */
export function articleOf(doc: Document): { blocks: Element[]; published: string | null } {
  const root = doc.designMode === 'on' ? null : findArticleRoot(doc);
  return { blocks: root ? articleBlocks(root) : [], published: publicationDate(doc, root) };
}

/**
 * The article's root and its paragraphs, unfiltered and read one at a time (`isArticleBlock`
 * tells prose from furniture): the content script reads them in slices and stops at its caps,
 * so a page with 10,000 paragraphs costs no more than one with the capped number.
 */
export function articleParts(doc: Document): {
  root: Element | null;
  paragraphs: Iterable<Element>;
  published: string | null;
} {
  const root = doc.designMode === 'on' ? null : findArticleRoot(doc);
  const list = root ? root.querySelectorAll('p') : null;
  const paragraphs = {
    *[Symbol.iterator]() {
      if (!list || !root) return;
      for (let i = 0; i < list.length; i++) {
        const p = list[i];
        if (p && isArticleBlock(p, root)) yield p;
      }
    },
  };
  return { root, paragraphs, published: publicationDate(doc, root) };
}

export class SentenceTable {
  private nextId = 0;
  /** Per block: sentence key (text and occurrence) → id. Blocks that leave the page are forgotten. */
  private readonly ids = new WeakMap<Element, Map<string, number>>();
  /** The latest reading, by id. */
  byId = new Map<number, Tracked>();

  constructor(private readonly limit: number) {}

  /** Appends the sentences of one block to `into` (up to the limit); returns how many are new. */
  readBlock(block: Element, into: Tracked[]): number {
    if (this.full(into) || (block.textContent?.length ?? 0) > MAX_BLOCK_CHARS) return 0;
    let known = this.ids.get(block);
    if (!known) {
      known = new Map();
      this.ids.set(block, known);
    }
    const seen = new Map<string, number>();
    let added = 0;
    for (const s of blockSentences(block, 0)) {
      if (into.length >= this.limit) break;
      const n = seen.get(s.text) ?? 0;
      seen.set(s.text, n + 1);
      const key = `${n}\u0000${s.text}`;
      let id = known.get(key);
      if (id === undefined) {
        id = this.nextId++;
        known.set(key, id);
        added++;
      }
      into.push({ id, text: s.text, block, start: s.start, end: s.end });
    }
    return added;
  }

  /** Reads the whole article at once (the content script slices readBlock instead). */
  read(doc: Document): Reading {
    const { blocks, published } = articleOf(doc);
    const sentences: Tracked[] = [];
    let added = 0;
    for (const b of blocks) {
      if (this.full(sentences)) break;
      added += this.readBlock(b, sentences);
    }
    this.commit(sentences);
    return { published, sentences, added };
  }

  /** `into` holds as many sentences as one reading may. */
  full(into: Tracked[]): boolean {
    return into.length >= this.limit;
  }

  commit(sentences: Tracked[]): void {
    this.byId = new Map(sentences.map((s) => [s.id, s]));
  }
}

/** Enough text to be an article? */
export function isArticle(sentences: Tracked[]): boolean {
  let chars = 0;
  for (const s of sentences) {
    chars += s.text.length;
    if (chars >= MIN_ARTICLE_CHARS) return true;
  }
  return false;
}

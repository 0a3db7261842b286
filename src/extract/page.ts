/** A page's article as sentences: what the content script and the `check` CLI both judge. */
import { splitSentences } from '../core/text/sentences';
import { articleBlocks, findArticleRoot, publicationDate } from './article';
import { blockText } from './text-map';

export interface PageSentence {
  text: string;
  /** Index of the block (paragraph) and character offsets in its collapsed text. */
  block: number;
  start: number;
  end: number;
}

export interface PageArticle {
  found: boolean;
  published: string | null;
  blocks: Element[];
  sentences: PageSentence[];
}

export function readArticle(doc: Document): PageArticle {
  const root = findArticleRoot(doc);
  const published = publicationDate(doc, root);
  if (!root) return { found: false, published, blocks: [], sentences: [] };
  const blocks = articleBlocks(root);
  const sentences = blocks.flatMap((b, i) => blockSentences(b, i));
  return { found: blocks.length > 0, published, blocks, sentences };
}

/** The sentences of one block (the `index`-th of the article), with offsets in its blockText. */
export function blockSentences(block: Element, index: number): PageSentence[] {
  return splitSentences(blockText(block).text).map((s) => ({ text: s.text, block: index, start: s.start, end: s.end }));
}

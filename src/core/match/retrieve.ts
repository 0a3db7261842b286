/**
 * Candidate retrieval: an inverted index from terms and entity ids to source claims, so a page
 * sentence is compared with the few claims that share its rarer words, never with all of them.
 */
import type { Claim } from '../claims/claim';
import type { Lexicon } from '../claims/lexicon';

export interface ClaimIndex {
  postings: Map<string, Int32Array>;
  size: number;
  weight(key: string): number;
  /** Per-claim score accumulator reused by every query (retrieval is synchronous). */
  scratch: Float64Array;
}

export const entityKey = (id: string) => `@${id}`;

function keysOf(claim: Claim): string[] {
  return [...claim.terms, ...claim.entities.map((e) => entityKey(e.id))];
}

export function buildIndex(claims: readonly Claim[]): ClaimIndex {
  const postings = new Map<string, number[]>();
  claims.forEach((c, id) => {
    for (const k of new Set(keysOf(c))) {
      const list = postings.get(k);
      if (list) list.push(id);
      else postings.set(k, [id]);
    }
  });
  const n = claims.length;
  const unseen = Math.log(1 + (n + 1) / 0.5);
  const idf = new Map<string, number>();
  const packed = new Map<string, Int32Array>();
  for (const [k, list] of postings) {
    idf.set(k, Math.log(1 + (n + 1) / (list.length + 0.5)));
    packed.set(k, Int32Array.from(list));
  }
  return { postings: packed, size: n, weight: (k) => idf.get(k) ?? unseen, scratch: new Float64Array(n) };
}

/** Posting lists longer than this are common words: skipped for retrieval, still scored in pairs. */
const MAX_POSTING = 1000;
/** Only the rarest query keys are looked up: they decide which claims can match. */
const MAX_QUERY_KEYS = 12;

/**
 * The claims sharing the most weight with `query`, best first, cut where they fall below a
 * fraction of the best one's weight (comparing more pairs costs time and only adds noise).
 */
export function retrieve(index: ClaimIndex, query: Claim, lexicon: Lexicon, limit = 16, minShare = 0.2): number[] {
  const maxPosting = Math.min(MAX_POSTING, Math.max(64, Math.floor(index.size / 5)));
  const keys = new Map<string, number>();
  const want = (key: string, w: number) => {
    if (index.postings.has(key)) keys.set(key, Math.max(keys.get(key) ?? 0, w));
  };
  for (const t of new Set(query.terms)) {
    want(t, index.weight(t));
    for (const s of lexicon.synonyms.get(t) ?? []) want(s, index.weight(s));
    for (const s of lexicon.related.get(t) ?? []) want(s, index.weight(s) / 2);
  }
  for (const e of query.entities) {
    const key = entityKey(e.id);
    want(key, index.weight(key));
    for (const within of lexicon.entities.get(e.id)?.within ?? [])
      want(entityKey(within), index.weight(entityKey(within)) / 2);
  }
  const scores = index.scratch;
  const touched: number[] = [];
  const rarest = [...keys.entries()].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1)).slice(0, MAX_QUERY_KEYS);
  for (const [key, w] of rarest) {
    const list = index.postings.get(key);
    if (!list || list.length > maxPosting) continue;
    for (const id of list) {
      if (scores[id] === 0) touched.push(id);
      scores[id] = (scores[id] ?? 0) + w;
    }
  }
  let top = 0;
  for (const id of touched) top = Math.max(top, scores[id] ?? 0);
  const result = topK(touched, scores, top * minShare, limit);
  for (const id of touched) scores[id] = 0;
  return result;
}

/**
 * The `k` ids with the highest score at or above `floor`, best first (ties: lower id first).
 * A bounded insertion instead of sorting every touched claim: at 100k claims a query touches
 * thousands, and only 16 are kept.
 */
function topK(ids: readonly number[], scores: Float64Array, floor: number, k: number): number[] {
  const out: number[] = [];
  const better = (a: number, b: number) => {
    const [x, y] = [scores[a] ?? 0, scores[b] ?? 0];
    return x > y || (x === y && a < b);
  };
  for (const id of ids) {
    if ((scores[id] ?? 0) < floor) continue;
    const last = out[out.length - 1];
    if (out.length === k && last !== undefined && !better(id, last)) continue;
    let i = out.length === k ? k - 1 : out.length;
    while (i > 0 && better(id, out[i - 1] ?? 0)) {
      out[i] = out[i - 1] ?? 0;
      i--;
    }
    out[i] = id;
  }
  return out;
}

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
/** Figures as index keys: two sentences giving the same figures likely state one fact, in
 * whatever words ("demanded a 15% rise … offer was 7%" vs "sought a 15 percent increase"), and
 * one giving another figure of the same kind may contradict it ("a two-day visit" vs "three-day"):
 * the kind of figure is a key, and so is its value. */
const figureKeys = (n: { unit: string; value: number }) => [`#${n.unit}`, `#${n.unit}:${n.value}`];

function keysOf(claim: Claim): string[] {
  return [...claim.terms, ...claim.entities.map((e) => entityKey(e.id)), ...claim.numbers.flatMap(figureKeys)];
}

/** Above this many claims, idf is computed as if the dataset had this many (see buildIndex). */
const IDF_REFERENCE = 1000;

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
  // Inverse document frequency, on document frequencies scaled down to a dataset of at most
  // IDF_REFERENCE claims: in a large dataset plain idf makes a word the sources never use weigh
  // far more than one they use in a few hundred claims, and page sentences would seem to state
  // less and less of what the sources say as the dataset grows. Up to that size, plain idf.
  const m = Math.min(n, IDF_REFERENCE);
  const scale = m / Math.max(n, 1);
  const unseen = Math.log(1 + (m + 1) / 0.5);
  const idf = new Map<string, number>();
  const packed = new Map<string, Int32Array>();
  for (const [k, list] of postings) {
    idf.set(k, Math.log(1 + (m + 1) / (list.length * scale + 0.5)));
    packed.set(k, Int32Array.from(list));
  }
  return { postings: packed, size: n, weight: (k) => idf.get(k) ?? unseen, scratch: new Float64Array(n) };
}

/** Keys in more than this share of the claims are common words: skipped for retrieval, still
 * scored in pairs. (No absolute cap: in a large dataset a name may be in thousands of claims and
 * still be what finds the right one; max-score pruning and MAX_TOUCHED keep long lists cheap.) */
const COMMON_SHARE = 1 / 5;
/** Claims scored per query: once this many share a rarer key, commoner keys only add to them. */
const MAX_TOUCHED = 2000;
/** Only the rarest query keys are looked up: they decide which claims can match. */
const MAX_QUERY_KEYS = 12;

/**
 * The claims sharing the most weight with `query`, best first, cut where they fall below a
 * fraction of the best one's weight (comparing more pairs costs time and only adds noise).
 */
export function retrieve(index: ClaimIndex, query: Claim, lexicon: Lexicon, limit = 16, minShare = 0.2): number[] {
  const maxPosting = Math.max(64, Math.floor(index.size * COMMON_SHARE));
  const keys = new Map<string, number>();
  const want = (key: string, w: number) => {
    if (index.postings.has(key)) keys.set(key, Math.max(keys.get(key) ?? 0, w));
  };
  for (const t of new Set(query.terms)) {
    want(t, index.weight(t));
    for (const s of lexicon.synonyms.get(t) ?? []) want(s, index.weight(s));
    for (const s of lexicon.related.get(t) ?? []) want(s, index.weight(s) / 2);
  }
  for (const key of query.numbers.flatMap(figureKeys)) want(key, index.weight(key));
  for (const e of query.entities) {
    const key = entityKey(e.id);
    want(key, index.weight(key));
    for (const within of lexicon.entities.get(e.id)?.within ?? [])
      want(entityKey(within), index.weight(entityKey(within)) / 2);
  }
  const scores = index.scratch;
  const touched: number[] = [];
  const lists = [...keys.entries()]
    .sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1))
    .slice(0, MAX_QUERY_KEYS)
    .flatMap(([key, w]) => {
      const list = index.postings.get(key);
      return list && list.length <= maxPosting ? [{ list, w }] : [];
    });
  // rest[i]: the most a claim first seen in list i can still score (the weight of lists i…end).
  const rest = lists.map((_, i) => lists.slice(i).reduce((sum, l) => sum + l.w, 0));
  let best = 0;
  lists.forEach(({ list, w }, i) => {
    // Max-score pruning (as in WAND): once `limit` claims score more than a claim first seen here
    // could reach, this list only adds to the claims already found. Same result, and a long
    // list of a common name costs a binary search per candidate instead of a full scan.
    // (The k-th best score is at most the best one: only worth computing when that could close.)
    const reach = rest[i] ?? 0;
    const closed =
      touched.length >= MAX_TOUCHED ||
      (touched.length >= limit && reach < best && reach < kthScore(touched, scores, limit) - 1e-9);
    if (!closed) {
      for (let j = 0; j < list.length; j++) {
        const id = list[j] ?? 0;
        if (scores[id] === 0) touched.push(id);
        const score = (scores[id] ?? 0) + w;
        scores[id] = score;
        if (score > best) best = score;
      }
    } else if (list.length > touched.length * 8) {
      for (const id of touched) if (contains(list, id)) scores[id] = (scores[id] ?? 0) + w;
    } else {
      for (let j = 0; j < list.length; j++) {
        const id = list[j] ?? 0;
        if (scores[id] !== 0) scores[id] = (scores[id] ?? 0) + w;
      }
    }
  });
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
  // The current k-th (last) entry, once there are k: most ids are rejected against it alone.
  let lastId = -1;
  let lastScore = Number.NEGATIVE_INFINITY;
  for (let n = 0; n < ids.length; n++) {
    const id = ids[n] ?? 0;
    const score = scores[id] ?? 0;
    if (score < floor) continue;
    if (out.length === k && (score < lastScore || (score === lastScore && id > lastId))) continue;
    let i = out.length === k ? k - 1 : out.length;
    while (i > 0) {
      const prev = out[i - 1] ?? 0;
      const prevScore = scores[prev] ?? 0;
      if (score < prevScore || (score === prevScore && id > prev)) break;
      out[i] = prev;
      i--;
    }
    out[i] = id;
    if (out.length === k) {
      lastId = out[k - 1] ?? 0;
      lastScore = scores[lastId] ?? 0;
    }
  }
  return out;
}

/** The k-th best score among `ids` (0 when there are fewer). */
function kthScore(ids: readonly number[], scores: Float64Array, k: number): number {
  const best = topK(ids, scores, 0, k);
  return best.length < k ? 0 : (scores[best[k - 1] ?? 0] ?? 0);
}

/** Binary search in a posting list (ids ascending, as `buildIndex` adds them). */
function contains(list: Int32Array, id: number): boolean {
  let [lo, hi] = [0, list.length - 1];
  while (lo <= hi) {
    const mid = (lo + hi) >>> 1;
    const x = list[mid] ?? 0;
    if (x === id) return true;
    if (x < id) lo = mid + 1;
    else hi = mid - 1;
  }
  return false;
}

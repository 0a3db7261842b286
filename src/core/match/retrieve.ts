/**
 * Candidate retrieval: an inverted index from terms and entity ids to source claims, so a page
 * sentence is compared with the few claims that share its rarer words, never with all of them.
 */
import type { Claim } from '../claims/claim';
import type { Lexicon } from '../claims/lexicon';

export interface ClaimIndex {
  size: number;
  weight(key: string): number;
  /** Each key's postings (claim ids) and weight together: what `retrieve` looks up, one Map
   * lookup a key. */
  keys: Map<string, KeyPostings>;
  /** Working memory reused by every query (retrieval is synchronous). */
  scratch: Scratch;
  /** The keys of the query words and entities met so far. */
  expansions: ExpansionCache;
}

interface KeyPostings {
  key: string;
  /** Claim ids, ascending. */
  ids: Int32Array;
  weight: number;
  /** The last query that wanted this key and at what weight: `retrieve` collects a query's keys
   * without building a Map each time. */
  query: number;
  wanted: number;
}

/**
 * A query's scores, kept dense: the claims it scores, in the order found, with their scores, so
 * ranking them reads a few kilobytes, not a score per claim in the dataset, and only their bits
 * in `seen` need clearing afterwards.
 */
interface Scratch {
  /** A bit per claim, set while the query has scored it: lists are checked against these few
   * kilobytes, and `place` is read only for the claims found. */
  seen: Int32Array;
  /** Per claim: its place in `found`, if `seen` (left over from earlier queries, if not). */
  place: Int32Array;
  found: Int32Array;
  scores: Float64Array;
}

/** A query word's or entity's indexed keys, each with the weight a query wants it at. */
interface Expansion {
  keys: KeyPostings[];
  weights: number[];
}

/** Query words and entities recur from sentence to sentence: their keys are looked up in the
 * lexicon and the index once, not for every sentence (afresh if another lexicon is passed). */
interface ExpansionCache {
  lexicon: Lexicon | undefined;
  terms: Map<string, Expansion>;
  entities: Map<string, Expansion>;
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
  const keys = new Map<string, KeyPostings>();
  for (const [key, list] of postings) {
    const weight = Math.log(1 + (m + 1) / (list.length * scale + 0.5));
    keys.set(key, { key, ids: Int32Array.from(list), weight, query: 0, wanted: 0 });
  }
  return {
    size: n,
    weight: (k) => keys.get(k)?.weight ?? unseen,
    keys,
    scratch: {
      seen: new Int32Array((n >>> 5) + 1),
      place: new Int32Array(n),
      found: new Int32Array(64),
      scores: new Float64Array(64),
    },
    expansions: { lexicon: undefined, terms: new Map(), entities: new Map() },
  };
}

/** Keys in more than this share of the claims are common words: skipped for retrieval, still
 * scored in pairs. (No absolute cap: in a large dataset a name may be in thousands of claims and
 * still be what finds the right one; max-score pruning and MAX_TOUCHED keep long lists cheap.) */
const COMMON_SHARE = 1 / 5;
/** Claims scored per query: once this many share a rarer key, commoner keys only add to them. */
const MAX_TOUCHED = 2000;
/** Only the rarest query keys are looked up: they decide which claims can match. */
const MAX_QUERY_KEYS = 12;

/** Beyond this many cached words or entities (a long browsing session), the cache starts afresh. */
const MAX_CACHED = 20000;

function expansionCache(index: ClaimIndex, lexicon: Lexicon): ExpansionCache {
  const cache = index.expansions;
  if (cache.lexicon !== lexicon || cache.terms.size + cache.entities.size > MAX_CACHED) {
    cache.lexicon = lexicon;
    cache.terms.clear();
    cache.entities.clear();
  }
  return cache;
}

/** The indexed ones among `keys` at their weight and `halves` at half of it. */
function expansion(index: ClaimIndex, keys: readonly string[], halves: readonly string[]): Expansion {
  const e: Expansion = { keys: [], weights: [] };
  for (const [list, share] of [
    [keys, 1],
    [halves, 1 / 2],
  ] as const) {
    for (const key of list) {
      const k = index.keys.get(key);
      if (k) {
        e.keys.push(k);
        e.weights.push(k.weight * share);
      }
    }
  }
  return e;
}

function termExpansion(index: ClaimIndex, lexicon: Lexicon, cache: ExpansionCache, term: string): Expansion {
  let e = cache.terms.get(term);
  if (!e) {
    e = expansion(index, [term, ...(lexicon.synonyms.get(term) ?? [])], lexicon.related.get(term) ?? []);
    cache.terms.set(term, e);
  }
  return e;
}

function entityExpansion(index: ClaimIndex, lexicon: Lexicon, cache: ExpansionCache, id: string): Expansion {
  let e = cache.entities.get(id);
  if (!e) {
    e = expansion(index, [entityKey(id)], (lexicon.entities.get(id)?.within ?? []).map(entityKey));
    cache.entities.set(id, e);
  }
  return e;
}

/** Numbers the queries, so each key's `query` tells whether this one has wanted it yet. */
let queries = 0;

/** Notes that the query wants key `k` at `w`, keeping the highest weight it is wanted at. */
function want(wanted: KeyPostings[], k: KeyPostings | undefined, w: number) {
  if (!k) return;
  if (k.query !== queries) {
    k.query = queries;
    k.wanted = w;
    wanted.push(k);
  } else if (w > k.wanted) k.wanted = w;
}

/** Notes that the query wants each key of `e`. */
function wantAll(wanted: KeyPostings[], e: Expansion) {
  for (let i = 0; i < e.keys.length; i++) want(wanted, e.keys[i], e.weights[i] ?? 0);
}

const heavierFirst = (a: KeyPostings, b: KeyPostings) => b.wanted - a.wanted || (a.key < b.key ? -1 : 1);

/**
 * The claims sharing the most weight with `query`, best first, cut where they fall below a
 * fraction of the best one's weight (comparing more pairs costs time and only adds noise).
 */
export function retrieve(index: ClaimIndex, query: Claim, lexicon: Lexicon, limit = 16, minShare = 0.2): number[] {
  const maxPosting = Math.max(64, Math.floor(index.size * COMMON_SHARE));
  queries++;
  const wanted: KeyPostings[] = [];
  const cache = expansionCache(index, lexicon);
  for (const t of query.terms) wantAll(wanted, termExpansion(index, lexicon, cache, t));
  for (const n of query.numbers) {
    for (const key of figureKeys(n)) {
      const k = index.keys.get(key);
      want(wanted, k, k?.weight ?? 0);
    }
  }
  for (const e of query.entities) wantAll(wanted, entityExpansion(index, lexicon, cache, e.id));
  wanted.sort(heavierFirst);
  const lists: KeyPostings[] = [];
  for (let i = 0; i < wanted.length && i < MAX_QUERY_KEYS; i++) {
    const k = wanted[i];
    if (k && k.ids.length <= maxPosting) lists.push(k);
  }

  const scratch = index.scratch;
  const { place, seen } = scratch;
  let { found, scores } = scratch;
  let count = 0;
  let best = 0;
  let closed = false;
  for (let i = 0; i < lists.length; i++) {
    const { ids, wanted: w } = lists[i] as KeyPostings;
    // Max-score pruning (as in WAND): once `limit` claims score more than a claim first seen here
    // could reach, this list only adds to the claims already found. Same result, and a long
    // list of a common name costs a bit test per entry (or a binary search per found claim)
    // instead of scoring every entry. Closed for good once closed: no claim is added any more,
    // what a claim first seen in a later list could reach only falls, and scores only rise.
    if (!closed) closed = count >= MAX_TOUCHED || (count >= limit && outscored(lists, i, scores, count, best, limit));
    if (!closed) {
      if (count + ids.length > found.length) ({ found, scores } = grow(scratch, count + ids.length));
      if (w > best) best = w; // every claim in the list scores at least `w`
      for (let j = 0; j < ids.length; j++) {
        const id = ids[j] ?? 0;
        const bits = seen[id >>> 5] ?? 0;
        if (bits & (1 << (id & 31))) {
          const at = place[id] ?? 0;
          const score = (scores[at] ?? 0) + w;
          scores[at] = score;
          if (score > best) best = score;
        } else {
          seen[id >>> 5] = bits | (1 << (id & 31));
          place[id] = count;
          found[count] = id;
          scores[count] = w;
          count++;
        }
      }
    } else if (ids.length > count * 8) {
      for (let at = 0; at < count; at++) if (contains(ids, found[at] ?? 0)) scores[at] = (scores[at] ?? 0) + w;
    } else {
      for (let j = 0; j < ids.length; j++) {
        const id = ids[j] ?? 0;
        if ((seen[id >>> 5] ?? 0) & (1 << (id & 31))) {
          const at = place[id] ?? 0;
          scores[at] = (scores[at] ?? 0) + w;
        }
      }
    }
  }
  // The top `limit`, then the floor: the same as the top `limit` of those above the floor.
  const top = topK(found, scores, count, limit);
  const floor = (scores[top[0] ?? 0] ?? 0) * minShare;
  const result: number[] = [];
  for (const at of top) if ((scores[at] ?? 0) >= floor) result.push(found[at] ?? 0);
  // Clear the bits set: all at once when they are spread over most of the words anyway.
  if (count > seen.length / 4) seen.fill(0);
  else for (let at = 0; at < count; at++) seen[(found[at] ?? 0) >>> 5] = 0;
  return result;
}

/** Makes room for at least `size` found claims, keeping those found so far. */
function grow(scratch: Scratch, size: number): Scratch {
  const length = Math.max(size, scratch.found.length * 2);
  const found = new Int32Array(length);
  const scores = new Float64Array(length);
  found.set(scratch.found);
  scores.set(scratch.scores);
  scratch.found = found;
  scratch.scores = scores;
  return scratch;
}

/**
 * The places (in `found`) of the `k` claims with the highest scores, best first (ties: lower id
 * first). A bounded insertion instead of sorting every found claim: at 100k claims a query finds
 * thousands, and only 16 are kept.
 */
function topK(found: Int32Array, scores: Float64Array, count: number, k: number): number[] {
  const out: number[] = [];
  if (k <= 0) return out;
  // The current k-th (last) entry, once there are k: most claims are rejected against it alone.
  let lastId = -1;
  let lastScore = Number.NEGATIVE_INFINITY;
  for (let at = 0; at < count; at++) {
    const score = scores[at] ?? 0;
    if (score < lastScore) continue;
    const id = found[at] ?? 0;
    if (out.length === k && score === lastScore && id > lastId) continue;
    let i = out.length === k ? k - 1 : out.length;
    while (i > 0) {
      const prev = out[i - 1] ?? 0;
      const prevScore = scores[prev] ?? 0;
      if (score < prevScore || (score === prevScore && id > (found[prev] ?? 0))) break;
      out[i] = prev;
      i--;
    }
    out[i] = at;
    if (out.length === k) {
      lastId = found[out[k - 1] ?? 0] ?? 0;
      lastScore = scores[out[k - 1] ?? 0] ?? 0;
    }
  }
  return out;
}

/**
 * Whether `k` of the first `count` scores are more than a claim first seen in `lists[i]` can reach
 * (the weight of that list and all after it, summed in that order as ever, so that comparisons
 * against it round the same way). The k-th best score is at most the best one: only worth
 * counting when that could be more.
 */
function outscored(lists: KeyPostings[], i: number, scores: Float64Array, count: number, best: number, k: number) {
  let reach = 0;
  for (let j = i; j < lists.length; j++) reach += lists[j]?.wanted ?? 0;
  return reach < best && countAbove(scores, count, reach, k) >= k;
}

/** How many of the first `count` scores are above `bound` (+ a rounding margin), counting up to
 * `k`: at least `k` are exactly when the k-th best is, and counting is cheaper than finding it. */
function countAbove(scores: Float64Array, count: number, bound: number, k: number): number {
  let n = 0;
  for (let at = 0; at < count && n < k; at++) if (bound < (scores[at] ?? 0) - 1e-9) n++;
  return n;
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

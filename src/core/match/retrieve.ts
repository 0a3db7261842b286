/**
 * Candidate retrieval: an inverted index from terms and entity ids to source claims, so a page
 * sentence is compared with the few claims that share its rarer words, never with all of them.
 */
import type { Claim } from '../claims/analyze';
import type { Lexicon } from '../claims/lexicon';

export interface ClaimIndex {
  postings: Map<string, number[]>;
  size: number;
  weight(key: string): number;
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
  for (const [k, list] of postings) idf.set(k, Math.log(1 + (n + 1) / (list.length + 0.5)));
  return { postings, size: n, weight: (k) => idf.get(k) ?? unseen };
}

/**
 * The claims sharing the most weight with `query`, best first. Keys present in more than a fifth
 * of all claims are skipped for retrieval (they still count when pairs are scored).
 */
export function retrieve(index: ClaimIndex, query: Claim, lexicon: Lexicon, limit = 24): number[] {
  const scores = new Map<number, number>();
  const maxPosting = Math.max(64, Math.floor(index.size / 5));
  const add = (key: string, w: number) => {
    const list = index.postings.get(key);
    if (!list || list.length > maxPosting) return;
    for (const id of list) scores.set(id, (scores.get(id) ?? 0) + w);
  };
  for (const t of new Set(query.terms)) {
    const w = index.weight(t);
    add(t, w);
    for (const s of lexicon.synonyms.get(t) ?? []) if (s !== t) add(s, index.weight(s));
    for (const s of lexicon.related.get(t) ?? []) if (s !== t) add(s, index.weight(s) / 2);
  }
  for (const e of query.entities) {
    const key = entityKey(e.id);
    add(key, index.weight(key));
    for (const within of lexicon.entities.get(e.id)?.within ?? [])
      add(entityKey(within), index.weight(entityKey(within)) / 2);
  }
  return [...scores.entries()]
    .sort((a, b) => b[1] - a[1] || a[0] - b[0])
    .slice(0, limit)
    .map(([id]) => id);
}

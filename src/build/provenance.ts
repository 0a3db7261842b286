/**
 * Provenance: which sources are copies, synonym spins or translations of one another.
 * Method: sentence alignment. For each pair of sources, each sentence of the shorter one is
 * aligned to its most similar sentence in the other (similarity through stems, WordNet synonyms
 * and resolved entities, so spinning and translation do not hide a copy). Two sources are one
 * origin when most sentences align strongly and in the same order; two independent reports of
 * one event share facts, but few of their sentences align, and not in order.
 */
import type { Claim } from '../core/claims/claim';
import type { Lexicon } from '../core/claims/lexicon';
import { similarity } from '../core/match/compare';
import { type ClaimIndex, retrieve } from '../core/match/retrieve';

export interface SourceSentences {
  id: string;
  claims: { id: number; claim: Claim }[];
}

export interface PairEvidence {
  a: string;
  b: string;
  aligned: number;
  of: number;
  /** Share of aligned pairs that keep the document order (longest increasing run / aligned). */
  inOrder: number;
}

/** Sentence similarity used for alignment: the weaker of the two coverages. */
const ALIGN_THRESHOLD = 0.4;
export const SAME_ORIGIN_SHARE = 0.6;
const SAME_ORIGIN_ORDER = 0.7;

function longestIncreasing(xs: number[]): number {
  const tails: number[] = [];
  for (const x of xs) {
    let lo = 0;
    let hi = tails.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if ((tails[mid] ?? 0) < x) lo = mid + 1;
      else hi = mid;
    }
    tails[lo] = x;
  }
  return tails.length;
}

/**
 * Align every sentence to its best match in each other source, using the claim index for
 * candidates (so the cost grows with the corpus, not with its square).
 */
export function alignAll(
  sources: SourceSentences[],
  claimSource: number[],
  claims: Claim[],
  lexicon: Lexicon,
  index: ClaimIndex,
): PairEvidence[] {
  // best[i][j] = for each sentence of source i, the position in source j of its best match.
  const position = new Map<number, number>();
  for (const s of sources) {
    s.claims.forEach((c, k) => {
      position.set(c.id, k);
    });
  }
  const evidence: PairEvidence[] = [];
  const best = new Map<string, Map<number, { pos: number; score: number }>>();
  sources.forEach((src, i) => {
    for (const c of src.claims) {
      for (const id of retrieve(index, c.claim, lexicon, 64, 0)) {
        const j = claimSource[id] ?? -1;
        if (j === i || j < 0) continue;
        const other = claims[id];
        if (!other) continue;
        const sim = similarity(c.claim, other, lexicon, index);
        const score = Math.min(sim.coverA, sim.coverB);
        if (score < ALIGN_THRESHOLD) continue;
        const key = `${i}:${j}`;
        const row = best.get(key) ?? new Map<number, { pos: number; score: number }>();
        const prev = row.get(c.id);
        if (!prev || score > prev.score) row.set(c.id, { pos: position.get(id) ?? 0, score });
        best.set(key, row);
      }
    }
  });
  for (let i = 0; i < sources.length; i++) {
    for (let j = i + 1; j < sources.length; j++) {
      const a = sources[i];
      const b = sources[j];
      if (!a || !b) continue;
      // Align from the shorter source into the longer one.
      const [from, , key] = a.claims.length <= b.claims.length ? [a, b, `${i}:${j}`] : [b, a, `${j}:${i}`];
      const row = best.get(key) ?? new Map();
      const positions = from.claims.map((c) => row.get(c.id)?.pos).filter((p): p is number => p !== undefined);
      const aligned = positions.length;
      evidence.push({
        a: a.id,
        b: b.id,
        aligned,
        of: from.claims.length,
        inOrder: aligned ? longestIncreasing(positions) / aligned : 0,
      });
    }
  }
  return evidence;
}

export function isSameOrigin(e: PairEvidence): boolean {
  return e.of > 0 && e.aligned / e.of >= SAME_ORIGIN_SHARE && e.inOrder >= SAME_ORIGIN_ORDER;
}

/** Union-find over sources; returns origin number per source (in source order) and the evidence. */
export function groupOrigins(
  sources: SourceSentences[],
  claimSource: number[],
  claims: Claim[],
  lexicon: Lexicon,
  index: ClaimIndex,
) {
  const parent = sources.map((_, i) => i);
  const find = (i: number): number => {
    let r = i;
    while (parent[r] !== r) r = parent[r] ?? r;
    return r;
  };
  const ids = new Map(sources.map((s, i) => [s.id, i]));
  const evidence = alignAll(sources, claimSource, claims, lexicon, index);
  for (const e of evidence) {
    if (!isSameOrigin(e)) continue;
    const a = find(ids.get(e.a) ?? 0);
    const b = find(ids.get(e.b) ?? 0);
    if (a !== b) parent[Math.max(a, b)] = Math.min(a, b);
  }
  const roots = new Map<number, number>();
  const origin = sources.map((_, i) => {
    const r = find(i);
    if (!roots.has(r)) roots.set(r, roots.size);
    return roots.get(r) ?? 0;
  });
  return { origin, evidence };
}

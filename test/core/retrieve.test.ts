import { describe, expect, it } from 'vitest';
import { rng } from '../../scripts/rng';
import type { Claim } from '../../src/core/claims/claim';
import { emptyLexiconData, toLexicon } from '../../src/core/claims/lexicon';
import { buildIndex, type ClaimIndex, entityKey, retrieve } from '../../src/core/match/retrieve';

const claim = (terms: string[], entities: string[] = []): Claim => ({
  terms: [...new Set(terms)].sort(),
  entities: entities.map((id) => ({ id, kind: 'person' })),
  dates: [],
  numbers: [],
  order: [],
  negated: false,
  hedged: false,
  quoted: [],
  sequence: [],
  attribution: [],
});

/** Claims over a Zipf-like vocabulary, so some words are in many claims and most in few. */
function corpus(n: number, seed: number): Claim[] {
  const rand = rng(seed);
  const word = () => `w${Math.floor(400 ** rand())}`;
  return Array.from({ length: n }, () => claim(Array.from({ length: 8 }, word), rand() < 0.3 ? [`p${word()}`] : []));
}

/** The same ranking, the slow way: every claim scored against every looked-up key. */
function bruteForce(index: ClaimIndex, claims: Claim[], query: Claim, limit: number, minShare: number): number[] {
  const maxPosting = Math.max(64, Math.floor(index.size / 5));
  const keys = [...new Set([...query.terms, ...query.entities.map((e) => entityKey(e.id))])]
    .filter((k) => index.keys.has(k))
    .map((k) => [k, index.weight(k)] as const)
    .sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1))
    .slice(0, 12)
    .filter(([k]) => (index.keys.get(k)?.ids.length ?? 0) <= maxPosting);
  const scored = claims.map((c, id) => {
    const have = new Set([...c.terms, ...c.entities.map((e) => entityKey(e.id))]);
    return { id, score: keys.reduce((s, [k, w]) => (have.has(k) ? s + w : s), 0) };
  });
  const top = Math.max(0, ...scored.map((s) => s.score));
  return scored
    .filter((s) => s.score > 0 && s.score >= top * minShare)
    .sort((a, b) => b.score - a.score || a.id - b.id)
    .slice(0, limit)
    .map((s) => s.id);
}

describe('candidate retrieval', () => {
  const lexicon = toLexicon(emptyLexiconData());

  it('returns the same top claims as scoring every claim (pruning changes the work, not the result)', () => {
    const claims = corpus(1500, 7);
    const index = buildIndex(claims);
    const rand = rng(11);
    for (let q = 0; q < 200; q++) {
      const query = claims[Math.floor(rand() * claims.length)] ?? claim([]);
      const got = retrieve(index, query, lexicon, 16, 0.2);
      const want = bruteForce(index, claims, query, 16, 0.2);
      // Scores are sums of the same weights in another order: compare as sets of equal scores.
      expect(got.length).toBe(want.length);
      expect(new Set(got)).toEqual(new Set(want));
    }
  });

  it('retrieves the same claims whatever was retrieved before (working memory and looked-up keys are reused)', () => {
    const claims = corpus(2000, 9);
    const shared = buildIndex(claims);
    const withSynonyms = toLexicon({
      ...emptyLexiconData(),
      synonyms: { w30: ['w31'], w50: ['w60'] },
      related: { w40: ['w41'] },
    });
    const rand = rng(13);
    for (let q = 0; q < 30; q++) {
      const some = claims[Math.floor(rand() * claims.length)] ?? claim([]);
      const query = claim([...some.terms, 'w30', 'w40', 'w50'], ['pw1']);
      // The shared index has served other queries, and other lexicons, before this one.
      const lex = q % 2 ? lexicon : withSynonyms;
      expect(retrieve(shared, query, lex, 16, 0.2)).toEqual(retrieve(buildIndex(claims), query, lex, 16, 0.2));
      expect(retrieve(shared, query, lex, 64, 0)).toEqual(retrieve(buildIndex(claims), query, lex, 64, 0));
    }
  });

  it('finds a claim by the figures it shares, in whatever words', () => {
    const withFigures = (terms: string[], figures: [number, string][]) => ({
      ...claim(terms),
      numbers: figures.map(([value, unit]) => ({ value, unit, text: `${value} ${unit}` })),
    });
    const claims = [
      ...corpus(300, 5),
      withFigures(
        ['demand', 'rise', 'origin'],
        [
          [15, 'pct'],
          [7, 'pct'],
        ],
      ),
    ];
    const index = buildIndex(claims);
    const query = withFigures(
      ['sought', 'increas', 'initi'],
      [
        [15, 'pct'],
        [7, 'pct'],
      ],
    );
    expect(retrieve(index, query, lexicon)[0]).toBe(claims.length - 1);
  });

  it('weighs words as plain idf up to 1,000 claims, and keeps unseen words from outweighing seen ones beyond', () => {
    const small = buildIndex(corpus(500, 3));
    expect(small.weight('w1')).toBeCloseTo(Math.log(1 + 501 / ((small.keys.get('w1')?.ids.length ?? 0) + 0.5)));
    const big = buildIndex(corpus(50_000, 3));
    const rare = [...big.keys.entries()].find(([, k]) => k.ids.length === 1)?.[0] ?? '';
    // A word in one claim of 50,000 and a word in none weigh the same as in a 1,000-claim dataset.
    expect(big.weight('never-seen')).toBeCloseTo(Math.log(1 + 1001 / 0.5));
    expect(big.weight(rare) / big.weight('never-seen')).toBeGreaterThan(0.99);
  });
});

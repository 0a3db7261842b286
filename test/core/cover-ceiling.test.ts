/**
 * The matcher leaves uncompared every candidate whose `coverCeiling` is below `MIN_JUDGED_COVER`.
 * That is only safe if (1) the ceiling is never below the cover a full comparison finds, and
 * (2) `judge` really returns nothing below that cover. Checked here on real claims (every pair of
 * the bundled dataset's claims, both ways round; every page sentence of the test events against
 * every claim of its event's dataset) and on random comparisons (fast-check).
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { buildDataset } from '../../src/build/build-dataset';
import { pageSentences } from '../../src/build/check-files';
import { readSources } from '../../src/build/read-sources';
import { WordNet } from '../../src/build/wordnet';
import { analyzeSequence } from '../../src/core/claims/context';
import { loadDataset, loadDatasetText } from '../../src/core/dataset/loaded';
import { type Comparison, compareClaims, coverCeiling, type SlotKind } from '../../src/core/match/compare';
import { judge, MIN_JUDGED_COVER } from '../../src/core/match/judge';

const ds = loadDatasetText(readFileSync(new URL('../../data/dataset.json', import.meta.url), 'utf8'));

describe('coverCeiling', () => {
  it('is at least the cover of the full comparison, for every pair of bundled claims', () => {
    let below = 0;
    let pairs = 0;
    for (const a of ds.claims)
      for (const b of ds.claims) {
        const full = compareClaims(a, b, ds.lexicon, ds.index).coverA;
        const ceiling = coverCeiling(a, b, ds.lexicon, ds.index);
        expect(ceiling).toBeGreaterThanOrEqual(full - 1e-12);
        pairs++;
        if (ceiling < MIN_JUDGED_COVER) below++;
      }
    // The bound is worth having: most unrelated pairs of one article set fall below the bar.
    expect(below / pairs).toBeGreaterThan(0.5);
  });

  it('is at least the cover of the full comparison, for every page sentence of the test events and every source claim', () => {
    const fixtures = join(import.meta.dirname, '../fixtures');
    const wordnet = new WordNet();
    let pairs = 0;
    for (const name of readdirSync(fixtures)) {
      const dir = join(fixtures, name);
      const event = loadDataset(buildDataset(readSources(join(dir, 'sources')), { name, wordnet }).dataset);
      for (const file of readdirSync(join(dir, 'pages'))) {
        const page = pageSentences(file, readFileSync(join(dir, 'pages', file), 'utf8'));
        for (const a of analyzeSequence(page.sentences, { published: page.published, lexicon: event.lexicon }))
          for (const b of event.claims) {
            const full = compareClaims(a, b, event.lexicon, event.index).coverA;
            if (coverCeiling(a, b, event.lexicon, event.index) < full - 1e-12)
              expect.fail(`${name}: ceiling below cover ${full} for ${JSON.stringify([a.terms, b.terms])}`);
            pairs++;
          }
      }
    }
    expect(pairs).toBeGreaterThan(50_000);
  }, 60_000);

  it('is 1 for a claim against itself', () => {
    for (const c of ds.claims.filter((x) => x.terms.length > 0))
      expect(coverCeiling(c, c, ds.lexicon, ds.index)).toBe(1);
  });
});

const KINDS: SlotKind[] = ['date', 'number', 'person', 'place', 'order', 'negation', 'other'];
const difference = fc.record({
  kind: fc.constantFrom(...KINDS),
  a: fc.constantFrom('x', 'not', 'affirmed', 'before'),
  b: fc.constantFrom('y', 'not', 'affirmed', 'after'),
  aKey: fc.constant('x'),
  bKey: fc.constant('y'),
  tiedTo: fc.option(fc.constant('crash'), { nil: undefined }),
  counted: fc.option(fc.constant(true as const), { nil: undefined }),
});

const comparison = (maxCoverA: number): fc.Arbitrary<Comparison> =>
  fc.record({
    coverA: fc.double({ min: 0, max: maxCoverA, maxExcluded: true, noNaN: true }),
    coverB: fc.double({ min: 0, max: 1, noNaN: true }),
    sharedEntityWeight: fc.double({ min: 0, max: 40, noNaN: true }),
    sharedTerms: fc.nat(20),
    sharedSlots: fc.nat(4),
    sharedFigures: fc.nat(3),
    sharedPeople: fc.nat(3),
    sharedNames: fc.nat(6),
    actorMissing: fc.boolean(),
    otherOccasion: fc.boolean(),
    unstatedDetails: fc.nat(4),
    otherParticipants: fc.boolean(),
    sharedQuote: fc.boolean(),
    otherSpeaker: fc.boolean(),
    otherQuote: fc.boolean(),
    differences: fc.array(difference, { maxLength: 3 }),
  });

describe('MIN_JUDGED_COVER', () => {
  it('is a cover below which judge finds neither support nor conflict', () => {
    fc.assert(
      fc.property(comparison(MIN_JUDGED_COVER), (c) => judge(c) === null),
      { numRuns: 20_000, seed: 7 },
    );
  });

  it('is the lowest bar: just above it, some comparison is judged', () => {
    const judged = fc.sample(comparison(1), { numRuns: 20_000, seed: 7 }).filter((c) => {
      const raised = { ...c, coverA: MIN_JUDGED_COVER };
      return judge(raised) !== null;
    });
    expect(judged.length).toBeGreaterThan(0);
  });
});

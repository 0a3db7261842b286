/**
 * Property tests (fast-check) over the text pipeline: normalisation, tokens, sentences, article
 * cleaning and claim analysis, on arbitrary Unicode (lone surrogates, bidi controls, combining
 * marks, emoji), news-like word salad that reaches the date, number, name and cue code, and huge
 * inputs. None may throw; what they return must be consistent with their input.
 * Case counts are in RUNS (the dataset properties are in property-dataset.test.ts).
 */
import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { analyzeSentence } from '../../src/core/claims/analyze';
import { analyzeSequence } from '../../src/core/claims/context';
import { loadDatasetText } from '../../src/core/dataset/loaded';
import { cleanArticle } from '../../src/core/text/clean';
import { collapseWhitespace, foldPunctuation } from '../../src/core/text/normalize';
import { splitSentences } from '../../src/core/text/sentences';
import { isStopWord, stem, tokenize } from '../../src/core/text/tokens';

const ds = loadDatasetText(readFileSync(new URL('../../data/dataset.json', import.meta.url), 'utf8'));
const ctx = (published: string | null) => ({ published, lexicon: ds.lexicon });

/** fast-check settings: a fixed seed (reproducible in CI), the case count per property. */
const RUNS = { small: 1500, medium: 600, large: 20 };
const opts = (numRuns: number) => ({ numRuns, seed: 7 });

/** Any UTF-16 string: every code unit, lone surrogates included. */
const codeUnits = fc.string({
  unit: fc.integer({ min: 0, max: 0xffff }).map((c) => String.fromCharCode(c)),
  maxLength: 200,
});
/** Any code points, and the awkward ones on purpose. */
const awkward = fc.constantFrom(
  '\u202E', // right-to-left override
  '\u2066',
  '\u2069',
  '\u200B', // zero-width space
  '\u00A0',
  '\uFEFF',
  '\u0301', // combining acute
  '\uD83D', // lone high surrogate
  '\uDE00', // lone low surrogate
  '👩‍👩‍👧',
  '🇺🇦',
  'ﷺ',
  'ß',
  'İ',
  '\u0000',
  '\r\n',
  '\t',
);
const unicode = fc.oneof(
  fc.string({ unit: 'binary', maxLength: 200 }),
  fc.string({ unit: 'grapheme', maxLength: 120 }),
  codeUnits,
  fc.array(fc.oneof(awkward, fc.string({ unit: 'binary', maxLength: 8 })), { maxLength: 60 }).map((a) => a.join('')),
);

/** Words that make the analyser work: names, titles, dates, numbers, cues, negation, quotes. */
const WORDS = [
  'Mr.',
  'Lavrov',
  'Sergey',
  'V.',
  'Xi',
  'Jinping',
  'Wang',
  'Yi',
  'Putin',
  'Beijing',
  'Moscow',
  'China',
  'Russia',
  'Russian',
  'U.S.',
  'United',
  'States',
  'the',
  'minister',
  'foreign',
  'president',
  'he',
  'she',
  'said',
  'met',
  'visited',
  'before',
  'after',
  'not',
  'never',
  'no',
  'denied',
  'may',
  'reportedly',
  'on',
  'in',
  'at',
  'Tuesday',
  'April',
  '9',
  '2024',
  'last',
  'month',
  'year',
  '$204',
  'billion',
  '240,000',
  '36%',
  'percent',
  'first',
  'two-day',
  'twenty',
  'trade',
  'reached',
  'record',
  '“',
  '”',
  '"',
  "'s",
  ',',
  '.',
  '?',
  '!',
  ';',
  '(',
  ')',
  '—',
  '-',
  'That',
  'was',
  'of',
  'this',
];
const wordSalad = fc
  .array(fc.oneof(fc.constantFrom(...WORDS), fc.string({ unit: 'grapheme-ascii', maxLength: 6 }), awkward), {
    maxLength: 60,
  })
  .map((ws) => ws.join(' '));
const sentenceLike = fc.oneof(unicode, wordSalad);
const published = fc.oneof(
  fc.constant(null),
  fc.constantFrom('2024-04-09', '1970-01-01', '9999-12-31', '2024-02-29', '0000-00-00'),
  fc.date({ noInvalidDate: true }).map((d) => d.toISOString().slice(0, 10)),
);

function expectClaim(claim: ReturnType<typeof analyzeSentence>): void {
  expect(Array.isArray(claim.terms)).toBe(true);
  expect(claim.terms.every((t) => typeof t === 'string')).toBe(true);
  expect(claim.entities.every((e) => typeof e.id === 'string' && typeof e.kind === 'string')).toBe(true);
  expect(claim.numbers.every((n) => typeof n.value === 'number' && !Number.isNaN(n.value))).toBe(true);
  expect(typeof claim.negated).toBe('boolean');
  // What it computed is plain data: the dataset builder stores it as JSON.
  expect(JSON.parse(JSON.stringify(claim))).toEqual(claim);
}

describe('text pipeline on arbitrary input', () => {
  it('normalises without throwing: folding keeps the length, collapsing leaves no runs of space', () => {
    fc.assert(
      fc.property(unicode, (s) => {
        expect(foldPunctuation(s)).toHaveLength(s.length);
        const c = collapseWhitespace(s);
        expect(c).toBe(c.trim());
        expect(/\s\s/u.test(c)).toBe(false);
      }),
      opts(RUNS.small),
    );
  });

  it('tokenizes into tokens that are where they say they are', () => {
    fc.assert(
      fc.property(sentenceLike, (s) => {
        const folded = foldPunctuation(s);
        for (const t of tokenize(s)) {
          expect(folded.slice(t.index, t.index + t.raw.length)).toBe(t.raw);
          expect(typeof stem(t.lower)).toBe('string');
          expect(typeof isStopWord(t.lower)).toBe('boolean');
        }
      }),
      opts(RUNS.small),
    );
  });

  it('splits into sentences that are trimmed slices of the input, in order, not overlapping', () => {
    fc.assert(
      fc.property(sentenceLike, (s) => {
        let last = 0;
        for (const span of splitSentences(s)) {
          expect(span.start).toBeGreaterThanOrEqual(last);
          expect(span.end).toBeGreaterThan(span.start);
          expect(s.slice(span.start, span.end)).toBe(span.text);
          expect(span.text).toBe(span.text.trim());
          last = span.end;
        }
      }),
      opts(RUNS.small),
    );
  });

  it('cleans any article text into paragraphs and dropped lines', () => {
    const article = fc.array(fc.oneof(sentenceLike, fc.constantFrom('', '[ad_1]', 'Read more', '© 2024')), {
      maxLength: 12,
    });
    fc.assert(
      fc.property(article, (lines) => {
        const out = cleanArticle(lines.join('\n'));
        expect(out.paragraphs.every((p) => typeof p === 'string')).toBe(true);
        expect(out.headline === null || typeof out.headline === 'string').toBe(true);
      }),
      opts(RUNS.medium),
    );
  });

  it('analyses any sentence into a claim of plain data', () => {
    fc.assert(
      fc.property(sentenceLike, published, (s, p) => expectClaim(analyzeSentence(s, ctx(p)))),
      opts(RUNS.small),
    );
  });

  it('analyses any sequence of sentences (anaphora carried over) into one claim each', () => {
    fc.assert(
      fc.property(fc.array(sentenceLike, { maxLength: 8 }), published, (ss, p) => {
        const claims = analyzeSequence(ss, ctx(p));
        expect(claims).toHaveLength(ss.length);
        for (const c of claims) expectClaim(c);
      }),
      opts(RUNS.medium),
    );
  });

  it('handles huge inputs: 5,000-character sentences (the protocol’s cap) and a 100 kB article', () => {
    const huge = fc
      .array(fc.oneof(fc.constantFrom(...WORDS), awkward), { minLength: 600, maxLength: 1200 })
      .map((ws) => ws.join(' ').slice(0, 5000));
    fc.assert(
      fc.property(huge, published, (s, p) => {
        expectClaim(analyzeSentence(s, ctx(p)));
        expect(splitSentences(s).length).toBeGreaterThanOrEqual(0);
      }),
      opts(RUNS.large),
    );
    const line = 'Mr. Lavrov met Xi Jinping in Beijing on Tuesday, the ministry said. ';
    const article = Array.from({ length: 1500 }, (_, i) => (i % 10 === 9 ? '\n' : line)).join('');
    expect(cleanArticle(article).paragraphs.length).toBeGreaterThan(0);
    expect(splitSentences(article.replace(/\n/g, ' ')).length).toBeGreaterThan(1000);
    expect(tokenize(article).length).toBeGreaterThan(10_000);
  }, 30_000);

  // The merge pass once re-read the whole merged sentence at every break it merged, so a long run
  // of abbreviations with no sentence end took quadratic time. Compared as a ratio within one run:
  // four times the text must take well under sixteen times as long.
  it('splits a long run of abbreviations in linear time', () => {
    // The fastest of three runs (a busy machine only ever slows a run down), and eight times the
    // input: linear is about 8x, quadratic 64x; the bound sits far from both.
    const time = (n: number) => {
      const run = 'Mr. Lavrov '.repeat(n);
      let best = Number.POSITIVE_INFINITY;
      for (let i = 0; i < 3; i++) {
        const t0 = performance.now();
        splitSentences(run);
        best = Math.min(best, performance.now() - t0);
      }
      return best;
    };
    time(500); // warm-up
    const small = Math.max(time(2_000), 1);
    const large = time(16_000);
    expect(large / small).toBeLessThan(24);
  }, 30_000);
});

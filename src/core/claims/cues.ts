/** Cue words that change what a sentence asserts: negation, before/after order, hedges. */
import type { Token } from '../text/tokens';

/**
 * Verbal negation only. "no room for …" or "without naming …" negate a noun phrase, not the claim,
 * and counting them produced false negation conflicts; implicit negatives ("declined to name")
 * do negate the claim.
 */
const NEGATORS = new Set(['not', "n't", 'never', 'neither', 'nor', 'cannot']);
const COPULAS = new Set([
  'is',
  'are',
  'was',
  'were',
  'be',
  'been',
  'being',
  'remain',
  'remains',
  'seem',
  'seems',
  'appear',
  'appears',
]);
const IMPLICIT_NEGATIVE_STEMS = ['declin', 'refus', 'avoid', 'fail', 'deni', 'deny', 'reject'];

export function isNegation(
  tokens: Token[],
  i: number,
  negativeWords: ReadonlySet<string>,
  afterComma = false,
): boolean {
  const t = tokens[i];
  if (!t) return false;
  if (NEGATORS.has(t.lower) || t.lower.endsWith("n't")) return true;
  // "are inconsistent" negates the claim; "the de facto independent island" does not.
  const next = tokens[i + 1]?.lower ?? '';
  if (negativeWords.has(t.lower))
    return COPULAS.has(tokens[i - 1]?.lower ?? '') || COPULAS.has(tokens[i - 2]?.lower ?? '');
  // "without alienating …" says the same as "avoid alienating …" — in the main clause only: after a
  // comma it is an aside ("…, without naming any country").
  if (t.lower === 'without') return next.endsWith('ing') && !afterComma;
  // "declined to …", "refused to …", "avoided naming …": negative only when a verb follows.
  if (IMPLICIT_NEGATIVE_STEMS.some((s) => t.lower.startsWith(s))) return next === 'to' || next.endsWith('ing');
  return false;
}

export type OrderCue = 'before' | 'after';
const BEFORE = new Set(['before', 'prior', 'earlier', 'ahead', 'previously', 'preceding', 'beforehand']);
const AFTER = new Set(['after', 'later', 'following', 'subsequently', 'afterwards', 'afterward']);

export function orderCue(lower: string): OrderCue | undefined {
  if (BEFORE.has(lower)) return 'before';
  if (AFTER.has(lower)) return 'after';
  return undefined;
}

const HEDGES = [
  /\breportedly\b/iu,
  /\ballegedly\b/iu,
  /\b(?:is|are|was|were) (?:expected|due|set|scheduled|likely|planning) to\b/iu,
  /\bexpects?\b/iu,
  /\baccording to\b/iu,
  /\bcould\b/iu,
  /\bmay\b/iu,
  /\bmight\b/iu,
  /\bperhaps\b/iu,
  /\bwould\b/iu,
  /\bsaid to\b/iu,
  /\bcited\b|\bciting\b/iu,
  /\bforecast/iu,
  /\banticipated\b/iu,
];

export function isHedged(text: string): boolean {
  return HEDGES.some((re) => re.test(text));
}

/** Cue words that change what a sentence asserts: negation, before/after order, hedges. */
import { isStopWord, stem, type Token, tokenize } from '../text/tokens';
import type { EntityRef } from './claim';
import { type Mention, TITLE_WORDS } from './entities';

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
const HAVE_OR_BE = new Set(['have', 'be', 'get']);
const MODALS = new Set(['will', 'would', 'shall', 'should', 'can', 'could', 'must', 'may', 'might', 'did']);
const IMPLICIT_NEGATIVE_STEMS = ['declin', 'refus', 'avoid', 'fail', 'deni', 'deny', 'reject'];

export function isNegation(
  tokens: Token[],
  i: number,
  negativeWords: ReadonlySet<string>,
  afterComma = false,
): boolean {
  const t = tokens[i];
  if (!t) return false;
  // "Never before have nurses walked out together" tells a first, as "for the first time" does.
  if (t.lower === 'never' && tokens[i + 1]?.lower === 'before') return false;
  if (NEGATORS.has(t.lower) || t.lower.endsWith("n't")) return true;
  // "are inconsistent" negates the claim; "the de facto independent island" does not.
  const next = tokens[i + 1]?.lower ?? '';
  const prev = tokens[i - 1]?.lower ?? '';
  if (negativeWords.has(t.lower)) return COPULAS.has(prev) || COPULAS.has(tokens[i - 2]?.lower ?? '');
  // "without alienating …" says the same as "avoid alienating …" — in the main clause only: after a
  // comma it is an aside ("…, without naming any country").
  if (t.lower === 'without') return next.endsWith('ing') && !afterComma;
  // "No firefighters were injured", "says no closures have been decided": "no" opening the
  // clause negates it ("there is no room for …" only denies a noun).
  // …and so does "no" after a verb after a modal ("the state will pay no ransom"; "will have no
  // seats", "there will be no redundancies" only deny a noun).
  if (t.lower === 'no')
    return (
      i === 0 ||
      prev === 'that' ||
      SPEECH.test(prev) ||
      (MODALS.has(tokens[i - 2]?.lower ?? '') && !HAVE_OR_BE.has(prev))
    );
  // "stopped short of declaring …", "refrained from naming …": did not.
  if (t.lower === 'short' && /^stop/u.test(prev) && next === 'of') return true;
  if (t.lower.startsWith('refrain') && next === 'from') return true;
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

/** Hedges: reported, expected or possible rather than stated. One alternation, not one regex per
 * word: this runs on every sentence of every page. */
const HEDGES =
  /\b(?:reportedly|allegedly|(?:is|are|was|were) (?:expected|due|set|scheduled|likely|planning) to|expects?|according to|could|may|might|perhaps|would|said to|cited|citing|anticipated)\b|\bforecast/iu;

export function isHedged(text: string): boolean {
  return HEDGES.test(text);
}

/** Stems of the content words inside "…" (typographic quotes are folded to straight ones). */
export function quotedStems(folded: string): string[] {
  const out = new Set<string>();
  // (A quotation running on into the next sentence has no closing mark in this one.)
  for (const m of folded.matchAll(/"([^"]{3,400})(?:"|$)/gu)) {
    for (const t of tokenize(m[1] ?? '')) if (!isStopWord(t.lower) && !/^\d/u.test(t.lower)) out.add(stem(t.lower));
  }
  return [...out].sort();
}

/** "A … after B" → B first; "A … before B" → A first; only where a person or place stands on each side. */
export function sequenceOf(
  cues: { cue: OrderCue; at: number }[],
  people: { id: string; start: number }[],
): [string, string][] {
  const out: [string, string][] = [];
  for (const { cue, at } of cues) {
    const left = people.filter((p) => p.start < at).at(-1);
    const right = people.find((p) => p.start > at);
    if (!left || !right || left.id === right.id) continue;
    out.push(cue === 'after' ? [right.id, left.id] : [left.id, right.id]);
  }
  return out;
}

const REPORTING =
  /^(said|says|told|tells|stated|states|added|noted|reported|reports|announced|wrote|argued|argues|claimed|insisted|warned|confirmed|mentioned)$/u;

/** Speakers and credited sources: a name right before or after a reporting verb, or after "according to". */
export function attributionOf(tokens: Token[], mentions: Mention[], refs: EntityRef[]): string[] {
  const out = new Set<string>();
  mentions.forEach((m, i) => {
    const ref = refs[i];
    // A name of unknown kind that says something ("Unison said") speaks like an organisation.
    if (!ref || ref.kind === 'place') return;
    const before = tokens[m.start - 1]?.lower ?? '';
    const after = tokens[m.end]?.lower ?? '';
    const credited = tokens[m.start - 2]?.lower === 'according' && before === 'to';
    if (REPORTING.test(after) || REPORTING.test(before) || credited) out.add(ref.id);
  });
  return [...out].sort();
}

export const CONCESSIVE = new Set(['although', 'though', 'whereas', 'albeit']);
/** Relative pronouns: what follows describes a noun ("adults whose blood pressure is not
 * controlled"), and a negation there is not the sentence's polarity. */
export const RELATIVE = new Set(['who', 'whose', 'which', 'whom']);
/** Words that open a contrasting clause ("…, but analysts estimated it at …"). */
export const CONTRAST = new Set(['but', 'while', 'whereas', 'yet']);

export const NOT_TEMPORAL = /^(named|name|names|look|looks|looked|looking|modell?ed|takes?|took|taken)$/u;
/** Before these, "before" is "in front of" ("appear before a magistrate", "brought before the
 * court"), or no order at all ("never before"). */
export const BEFORE_NOT_TEMPORAL =
  /^(never|appear|appears|appeared|appearing|brought|bring|brings|bringing|testify|testifies|testified|testifying|arraigned|hauled)$/u;

/** Speech verbs are stop words as terms, but as cues they say "this person spoke". */
const SPEECH =
  /^(said|says|say|told|tells|tell|stated|states|mentioned|noted|added|remarked|announced|commented|replied|responded|stressed|emphasized|emphasised|insisted)$/u;
const CUE_WINDOW = 2;

/** Content stems of up to three words before and after a span (entities and slots skipped). */
/** Words between a clause start and a date: "that in March, …", "On Tuesday, …". */
const DATE_LEAD = new Set([
  'in',
  'on',
  'at',
  'since',
  'by',
  'from',
  'until',
  'during',
  'last',
  'next',
  'this',
  'early',
  'late',
  'the',
]);

/** Does the span at `start` open its clause (sentence start, after "that" or a comma)? */
export function opensClause(text: string, tokens: Token[], start: number): boolean {
  let k = start - 1;
  while (k >= 0 && DATE_LEAD.has(tokens[k]?.lower ?? '')) k--;
  const prev = tokens[k];
  if (!prev) return true;
  if (prev.lower === 'that') return true;
  const gap = text.slice(prev.index + prev.raw.length, tokens[k + 1]?.index ?? prev.index);
  return gap.includes(',');
}

/** A named thing among a date's cue words: "@" + entity id, never equal to a word stem. */
const thingCue = (id: string) => `@${id}`;
/** The named thing a date cue stands for, if it is one (see `windowCues`). */
export const thingOfCue = (cue: string): string | undefined => (cue.startsWith('@') ? cue.slice(1) : undefined);

export function windowCues(
  tokens: Token[],
  start: number,
  end: number,
  covered: Set<number>,
  beforeOnly = false,
  text = '',
  things?: Map<number, string>,
): string[] {
  const out: string[] = [];
  const take = (k: number) => {
    const t = tokens[k];
    // Only a thing right beside the span, or its speaker: "the Nobel Prize in 2014", "the
    // statistics office said on Wednesday"; not "won the Nobel Prize in 2013 and died on Monday".
    const thing = things?.get(k);
    if (thing && out.every((c) => thingOfCue(c) !== undefined || c === 'SAY')) out.push(thingCue(thing));
    if (!t || covered.has(k) || /^\d/u.test(t.lower)) return false;
    if (SPEECH.test(t.lower)) out.push('SAY');
    // Titles ("minister") say who, not what happened; they are cues only for people (as roles).
    else if (!isStopWord(t.lower) && !TITLE_WORDS.has(t.lower)) out.push(stem(t.lower.replace(/-/gu, '')));
    else return false;
    return true;
  };
  const forwards = beforeOnly && text !== '' && opensClause(text, tokens, start);
  // "sacked Pollard after Saturday's defeat": what stands beyond "after" or "before" is another
  // happening; its words are not the date's.
  const beyondOrder = (k: number) => orderCue(tokens[k]?.lower ?? '') !== undefined;
  if (!forwards) for (let k = start - 1, n = 0; k >= 0 && n < CUE_WINDOW && !beyondOrder(k); k--) if (take(k)) n++;
  // What happened is usually said before the date or name ("arrived on April 8"); a span that
  // opens its clause ("On Tuesday, Lavrov concluded …", "that in March, Reuters reported") is read
  // forwards.
  if (forwards || out.length === 0 || !beforeOnly)
    for (let k = end, n = 0; k < tokens.length && n < CUE_WINDOW && !beyondOrder(k); k++) if (take(k)) n++;
  return [...new Set(out)].sort();
}

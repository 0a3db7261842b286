/** Word tokens, stop words and stems: the vocabulary every comparison is made in. */
import { stemmer } from 'stemmer';
import { foldPunctuation } from './normalize';

export interface Token {
  /** The word as written (punctuation folded). */
  raw: string;
  /** Lower-cased form. */
  lower: string;
  /** Offset of the token in the folded sentence. */
  index: number;
}

/** Letters/digits with internal apostrophes, hyphens, dots or commas ("U.S.", "240,000", "two-day"). */
const WORD = /[\p{L}\p{N}]+(?:['.,-][\p{L}\p{N}]+)*\.?/gu;

export function tokenize(text: string): Token[] {
  const folded = foldPunctuation(text);
  const out: Token[] = [];
  for (const m of folded.matchAll(WORD)) {
    let raw = m[0];
    // Keep the final dot only for dotted acronyms ("U.S."); otherwise it is sentence punctuation.
    if (raw.endsWith('.') && !/^(?:\p{L}\.)+$/u.test(raw)) raw = raw.slice(0, -1);
    // Names joined by a hyphen are two names: "China-U.S. trade", "Russian-Chinese relations".
    if (/^\p{Lu}[\p{L}.]*-\p{Lu}/u.test(raw)) {
      let at = m.index ?? 0;
      for (const part of raw.split('-')) {
        out.push({ raw: part, lower: part.toLowerCase(), index: at });
        at += part.length + 1;
      }
      continue;
    }
    out.push({ raw, lower: raw.toLowerCase(), index: m.index ?? 0 });
  }
  return out;
}

/**
 * Function words that carry no checkable content. Written by hand rather than taken from a
 * stop-word package because cue words (negations, before/after, hedges) must stay out of it:
 * they are read separately by the cue detectors.
 */
export const STOP_WORDS = new Set(
  `a an the and or but if then than so as of to in on at by for with from into onto upon about over
  under between among through during within without against toward towards across per via
  is are was were be been being am do does did done doing has have had having will would shall should
  can could may might must i me my we us our you your he him his she her it its they them their this
  that these those there here who whom whose which what when where why how all any both each few more
  most other some such only own same too very just also s t 's it's mr mrs ms dr said says say told
  one's itself himself herself themselves ourselves yourself while whereas which whichever whose
  again further once up down out off still yet even ever nor either neither else instead rather
  including include includes included according like well much many lot lots way ways since until
  ago whether though although despite via toward upon amid amidst`.split(/\s+/u),
);

const stemCache = new Map<string, string>();
/** Porter stem (the `stemmer` package) of a lower-cased word, memoised. */
export function stem(lower: string): string {
  let s = stemCache.get(lower);
  if (s === undefined) {
    s = /\d/u.test(lower) ? lower : stemmer(lower.replace(/['.]/gu, ''));
    if (stemCache.size > 50_000) stemCache.clear();
    stemCache.set(lower, s);
  }
  return s;
}

export function isStopWord(lower: string): boolean {
  return STOP_WORDS.has(lower) || lower.length < 2;
}

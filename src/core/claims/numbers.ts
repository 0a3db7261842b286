/**
 * Numbers with units: money, percentages, counts of things ("two-day", "40 countries") and
 * ordinals ("fifth term", "75th anniversary"). Hand-written: the number parsers on the registry
 * either miss units or need a full NLP pipeline; what is needed here is small and testable.
 */
import { stem } from '../text/tokens';

export interface NumberSlot {
  value: number;
  /** 'usd' | 'eur' | 'gbp' (and '…/share') | 'pct' | 'score' | 'ord:<noun stem>' | '<noun stem>' */
  unit: string;
  text: string;
  /** "more than 1,100" (min), "fewer than 60" (max), "about 41,000" (about): a range, not a value. */
  bound?: Bound;
}

export type Bound = 'min' | 'max' | 'about';
/** The words before a number that make it a bound (checked at the end of the preceding text). */
const BOUNDS: [Bound, RegExp][] = [
  ['min', /\b(?:more than|over|at least|upwards of|in excess of|above)\s*$/iu],
  ['max', /\b(?:less than|fewer than|under|up to|at most|nearly|almost|below|just short of)\s*$/iu],
  ['about', /\b(?:about|around|roughly|some|approximately|an estimated|close to|circa)\s*$/iu],
];
function boundBefore(sentence: string, at: number): Bound | undefined {
  const before = sentence.slice(Math.max(0, at - 24), at);
  return BOUNDS.find(([, re]) => re.test(before))?.[0];
}

const UNITS: Record<string, number> = {
  zero: 0,
  one: 1,
  two: 2,
  three: 3,
  four: 4,
  five: 5,
  six: 6,
  seven: 7,
  eight: 8,
  nine: 9,
  ten: 10,
  eleven: 11,
  twelve: 12,
  thirteen: 13,
  fourteen: 14,
  fifteen: 15,
  sixteen: 16,
  seventeen: 17,
  eighteen: 18,
  nineteen: 19,
};
const TENS: Record<string, number> = {
  twenty: 20,
  thirty: 30,
  forty: 40,
  fifty: 50,
  sixty: 60,
  seventy: 70,
  eighty: 80,
  ninety: 90,
};
const ORDINALS: Record<string, number> = {
  first: 1,
  second: 2,
  third: 3,
  fourth: 4,
  fifth: 5,
  sixth: 6,
  seventh: 7,
  eighth: 8,
  ninth: 9,
  tenth: 10,
  eleventh: 11,
  twelfth: 12,
  thirteenth: 13,
  fourteenth: 14,
  fifteenth: 15,
  sixteenth: 16,
  seventeenth: 17,
  eighteenth: 18,
  nineteenth: 19,
  twentieth: 20,
  thirtieth: 30,
  fortieth: 40,
  fiftieth: 50,
  sixtieth: 60,
  seventieth: 70,
  eightieth: 80,
  ninetieth: 90,
  hundredth: 100,
};
const SCALE: Record<string, number> = {
  thousand: 1e3,
  k: 1e3,
  million: 1e6,
  m: 1e6,
  mn: 1e6,
  billion: 1e9,
  bn: 1e9,
  b: 1e9,
  trillion: 1e12,
  tn: 1e12,
};
const CURRENCY: Record<string, string> = {
  $: 'usd',
  us$: 'usd',
  usd: 'usd',
  dollar: 'usd',
  dollars: 'usd',
  '€': 'eur',
  eur: 'eur',
  euro: 'eur',
  euros: 'eur',
  '£': 'gbp',
  gbp: 'gbp',
};
/** An amount of money (in any currency, or per share). */
export const isMoney = (unit: string) => /^(?:usd|eur|gbp)/u.test(unit);

const CARDINAL_WORD = `(?:(?:${Object.keys(TENS).join('|')})(?:[- ](?:${Object.keys(UNITS).join('|')}))?|${Object.keys(UNITS).join('|')}|a dozen|dozen|hundred)`;
const ORDINAL_WORD = `(?:(?:${Object.keys(TENS).join('|')})[- ])?(?:${Object.keys(ORDINALS).join('|')})`;

function wordValue(words: string): number | undefined {
  let total = 0;
  let any = false;
  for (const w of words.toLowerCase().split(/[- ]+/u)) {
    if (w in UNITS) total += UNITS[w] ?? 0;
    else if (w in TENS) total += TENS[w] ?? 0;
    else if (w in ORDINALS) total += ORDINALS[w] ?? 0;
    else if (w === 'dozen') total += 12;
    else if (w === 'hundred') total = (total || 1) * 100;
    else if (w === 'a') continue;
    else return undefined;
    any = true;
  }
  return any ? total : undefined;
}

const NUM = String.raw`\d+(?:,\d{3})*(?:\.\d+)?`;
const MONEY = new RegExp(
  String.raw`(?:(US\$|\$|USD|€|£|EUR|GBP)\s?(${NUM})\s*(trillion|billion|million|thousand|tn|bn|mn|k|m|b)?\b|(${NUM})\s*(trillion|billion|million|thousand|tn|bn|mn)?\s*(?:US\s)?(dollars?|USD|euros?|EUR|GBP)\b)`,
  'giu',
);
const PERCENT = new RegExp(String.raw`(${NUM}|${CARDINAL_WORD})\s*(%|per ?cent\b|percentage points?\b)`, 'giu');
const FRACTION = new RegExp(String.raw`\b(\d{1,2}|${CARDINAL_WORD}) in (\d{1,3}|${CARDINAL_WORD}|a hundred)\b`, 'giu');
const ORDINAL = new RegExp(String.raw`\b(\d+(?:st|nd|rd|th)|${ORDINAL_WORD})\b[\s-]+([a-z]+(?:\s[a-z]+)?)`, 'giu');
const TEMPERATURE =
  /(-?\d+(?:\.\d+)?)\s*(?:°\s*([CF])\b|(?:degrees?\s+)?(celsius|centigrade|fahrenheit)\b|degrees?\s+([CF])\b)/giu;
/** A person's age: "a 58-year-old aid worker", "aged 58", "at the age of 58", "Osterhaus, 58, was detained" (the
 * appositive after a name). An age is no duration: "58-year-old" vs "sentenced to six years". */
const AGE = new RegExp(
  String.raw`\b(\d{1,3}|${CARDINAL_WORD})[- ]years?[- ]old\b|\b(?:aged|at the age of) (\d{1,3})\b|(?<=\p{Lu}\p{Ll}+, )(\d{1,3})(?=,)`,
  'gu',
);
/** Lengths, in metres whatever the unit they are written in ("1.5 km" is "1,500 metres"), and a
 * length in two units ("one metre and twenty centimetres") as one. */
const METRES: Record<string, number> = {
  km: 1000,
  kilometre: 1000,
  kilometres: 1000,
  kilometer: 1000,
  kilometers: 1000,
  m: 1,
  metre: 1,
  metres: 1,
  meter: 1,
  meters: 1,
  cm: 0.01,
  centimetre: 0.01,
  centimetres: 0.01,
  centimeter: 0.01,
  centimeters: 0.01,
  mm: 0.001,
  millimetre: 0.001,
  millimetres: 0.001,
  millimeter: 0.001,
  millimeters: 0.001,
};
const LENGTH_UNIT = `(${Object.keys(METRES).join('|')})`;
const LENGTH = new RegExp(
  String.raw`(?<![\d.,])(?<![€£$¥]\s?)\b(${NUM}|${CARDINAL_WORD})[\s-]*${LENGTH_UNIT}\b(?:,? and (${NUM}|${CARDINAL_WORD})[\s-]*${LENGTH_UNIT}\b)?(?!\s*(?:euros?|pounds?|dollars?|yen|yuan|francs?|krona|kronor|kroner|rupees?|won)\b)`,
  'giu',
);
const COUNT = new RegExp(
  String.raw`\b(${NUM}|${CARDINAL_WORD})(?:[- ](?:(trillion|billion|million|thousand)))?[\s-]+([a-z]+)`,
  'giu',
);

/** Nouns after an ordinal that make it a checkable ordinal ("fifth term"), not a manner word. */
const SKIP_AFTER_COUNT = new Set([
  'of',
  'and',
  'or',
  'to',
  'in',
  'on',
  'at',
  'the',
  'a',
  'an',
  'percent',
  'per',
  'more',
  'than',
  'times',
  // A verb or pronoun after the number: the counted noun was left out ("two were in serious
  // condition and the other eleven were stable").
  'was',
  'were',
  'is',
  'are',
  'had',
  'have',
  'has',
  'will',
  'would',
  'could',
  'can',
  'did',
  'who',
  'which',
  'that',
  'with',
  'by',
  'for',
  'from',
  'as',
]);

/** Common English adjective endings (no part-of-speech tagger here). */
const ADJECTIVE = /(al|ial|ic|ous|ive|ful|less|ian|ish|ese|ary|ern|ing)$/u;

function parseNum(s: string): number {
  const v = Number(s.replace(/,/gu, ''));
  return Number.isFinite(v) ? v : (wordValue(s) ?? Number.NaN);
}

/** Remove the spans already consumed so later patterns don't read them twice. */
function blank(text: string, start: number, length: number): string {
  return text.slice(0, start) + ' '.repeat(length) + text.slice(start + length);
}

const STREAK = /^[\s-]+(?:(?:straight|consecutive|successive)\b|(?:time\s+)?in\s+a\s+row\b)/iu;

/**
 * A value the sentence moved away from: "to 0.7 percent, down from 0.9 percent", "from $10 to
 * $12" (the first), "up from an earlier forecast of 2 percent". It is stated, but it is not the
 * figure the sentence asserts now, so it is compared only with other such values.
 */
function previousValue(sentence: string, index: number): boolean {
  return FROM_VALUE.test(sentence.slice(Math.max(0, index - 60), index));
}
/** "from", then only words that name the earlier figure ("from an earlier forecast of"). */
const FROM_VALUE =
  /\bfrom\s+(?:(?:an?|the|its|their|his|her|earlier|previous|prior|original|initial|forecast|estimate|projection|level|figure|rate|record|high|low|of|about|around|roughly|nearly|almost|some)\s+)*$/iu;
/** Unit suffix of a previous value: it matches only another previous value of that unit. */
export const PREVIOUS = '~from';

export function extractNumbers(sentence: string, dateSpans: { start: number; end: number }[] = []): NumberSlot[] {
  return extractSlots(sentence, dateSpans).map((n) => {
    const unit = n.at !== undefined && previousValue(sentence, n.at) ? `${n.unit}${PREVIOUS}` : n.unit;
    const bound = n.at === undefined ? undefined : boundBefore(sentence, n.at);
    return { value: n.value, unit, text: n.text, ...(bound ? { bound } : {}) };
  });
}

function extractSlots(sentence: string, dateSpans: { start: number; end: number }[]): (NumberSlot & { at?: number })[] {
  let text = sentence;
  for (const d of dateSpans) text = blank(text, d.start, d.end - d.start);
  const out: (NumberSlot & { at?: number })[] = [];
  // A running time ("won in 2:16:44", "a mark of 2h03:11"), in seconds.
  for (const m of text.matchAll(RUNNING_TIME)) {
    const seconds = Number(m[1]) * 3600 + Number(m[2]) * 60 + Number(m[3]);
    out.push({ value: seconds, unit: 'time', text: m[0], at: m.index });
    text = blank(text, m.index ?? 0, m[0].length);
  }
  // A clock time ("at 10:30") is part of a date, not a count of what follows it.
  for (const m of text.matchAll(/\b\d{1,2}:\d{2}\b/gu)) text = blank(text, m.index ?? 0, m[0].length);
  // A match result ("a 2-2 draw", "drew 1-1", "a 4-0 defeat"): one slot, whoever is named first.
  if (SPORT.test(text))
    for (const m of text.matchAll(SCORE)) {
      const [x, y] = [Number(m[1]), Number(m[2])];
      out.push({ value: Math.max(x, y) * 100 + Math.min(x, y), unit: 'score', text: m[0], at: m.index });
      text = blank(text, m.index ?? 0, m[0].length);
    }
  // "62 million pounds" is money ("200 pounds" may be a weight): read as GBP, same length.
  text = text.replace(
    /\b(trillion|billion|million|thousand|bn|mn)\s+pounds\b/giu,
    (all, scale: string) => `${scale}${' '.repeat(all.length - scale.length - 3)}GBP`,
  );
  for (const m of text.matchAll(MONEY)) {
    const [all, cur, n1, scale1, n2, scale2, cur2] = m;
    const value = parseNum(n1 ?? n2 ?? '') * (SCALE[(scale1 ?? scale2 ?? '').toLowerCase()] ?? 1);
    const currency = CURRENCY[(cur ?? cur2 ?? '$').toLowerCase()] ?? 'usd';
    // "$1.83 a share" is another quantity than "$612 million" in the same sentence.
    const perShare = PER_SHARE.test(text.slice((m.index ?? 0) + all.length));
    if (Number.isFinite(value))
      out.push({
        value,
        unit: perShare ? `${currency}/share` : currency,
        // (As written: "62 million pounds" was read as "62 million GBP".)
        text: sentence.slice(m.index ?? 0, (m.index ?? 0) + all.length).trim(),
        at: m.index,
      });
    text = blank(text, m.index ?? 0, all.length);
  }
  // Temperatures, in Celsius whatever the scale ("48 degrees Fahrenheit" is "9 degrees Celsius").
  for (const m of text.matchAll(TEMPERATURE)) {
    const v = Number(m[1]);
    const scale = (m[2] ?? m[3] ?? m[4] ?? '').toLowerCase();
    const celsius = scale.startsWith('f') ? ((v - 32) * 5) / 9 : v;
    if (Number.isFinite(celsius))
      out.push({ value: Math.round(celsius * 10) / 10, unit: 'celsius', text: m[0].trim(), at: m.index });
    text = blank(text, m.index ?? 0, m[0].length);
  }
  // A share told as a fraction ("nine in ten members", "one in five") is a percentage.
  for (const m of text.matchAll(FRACTION)) {
    const [part, whole] = [parseNum(m[1] ?? ''), parseNum(m[2] ?? '')];
    if (Number.isFinite(part) && Number.isFinite(whole) && whole > 0 && part <= whole)
      out.push({ value: Math.round((1000 * part) / whole) / 10, unit: 'pct', text: m[0].trim(), at: m.index });
    text = blank(text, m.index ?? 0, m[0].length);
  }
  for (const m of text.matchAll(PERCENT)) {
    const value = parseNum(m[1] ?? '');
    if (Number.isFinite(value)) out.push({ value, unit: 'pct', text: m[0].trim(), at: m.index });
    text = blank(text, m.index ?? 0, m[0].length);
  }
  for (const m of text.matchAll(ORDINAL)) {
    const raw = (m[1] ?? '').toLowerCase();
    const value = /^\d/u.test(raw) ? Number.parseInt(raw, 10) : wordValue(raw);
    // A streak ("the tenth consecutive increase", "for the tenth time in a row", "its eighth
    // straight hike") counts the same thing however the noun is worded.
    const streak = STREAK.exec(text.slice((m.index ?? 0) + (m[1] ?? '').length));
    if (value !== undefined && streak) {
      out.push({ value, unit: 'ord:row', text: `${m[1] ?? ''}${streak[0]}`.trim(), at: m.index });
      text = blank(text, m.index ?? 0, (m[1] ?? '').length + streak[0].length);
      continue;
    }
    // The counted noun: skip a filler word ("fifth presidential term" → term is too far; use first).
    // "first international trip", "fifth presidential term": an adjective before the counted noun.
    const nouns = (m[2] ?? '').split(' ').filter((w) => !SKIP_AFTER_COUNT.has(w));
    const noun = nouns.length > 1 && ADJECTIVE.test(nouns[0] ?? '') ? nouns[1] : nouns[0];
    if (value !== undefined && noun && !/^(time|place)$/u.test(noun)) {
      out.push({ value, unit: `ord:${stem(noun)}`, text: m[0].trim(), at: m.index });
    }
    text = blank(text, m.index ?? 0, m[0].length);
  }
  // "30 of the 90 seats": the part counts the same thing as the whole.
  for (const m of text.matchAll(PART_OF_WHOLE)) {
    const noun = (m[3] ?? '').toLowerCase();
    if (SKIP_AFTER_COUNT.has(noun)) continue;
    const at = m.index ?? 0;
    const wholeAt = at + m[0].indexOf(m[2] ?? '', (m[1] ?? '').length);
    out.push({ value: parseNum(m[1] ?? ''), unit: stem(noun), text: `${m[1]} ${noun}`, at });
    out.push({ value: parseNum(m[2] ?? ''), unit: stem(noun), text: m[0].slice(wholeAt - at).trim(), at: wholeAt });
    text = blank(text, at, m[0].length);
  }
  for (const m of text.matchAll(LENGTH)) {
    const metres = (n: string | undefined, unit: string | undefined) =>
      parseNum(n ?? '') * (METRES[(unit ?? '').toLowerCase()] ?? Number.NaN);
    const value = metres(m[1], m[2]) + (m[3] ? metres(m[3], m[4]) : 0);
    if (Number.isFinite(value))
      out.push({ value: Math.round(value * 1000) / 1000, unit: 'metre', text: m[0].trim(), at: m.index });
    text = blank(text, m.index ?? 0, m[0].length);
  }
  for (const m of text.matchAll(AGE)) {
    const raw = m[1] ?? m[2] ?? m[3] ?? '';
    const value = /^\d/u.test(raw) ? Number(raw) : wordValue(raw);
    if (value !== undefined) out.push({ value, unit: 'age', text: m[0].trim(), at: m.index });
    text = blank(text, m.index ?? 0, m[0].length);
  }
  for (const m of text.matchAll(COUNT)) {
    const raw = m[1] ?? '';
    // A bare four-digit year is a date, not a count.
    if (/^(1[89]|20)\d\d$/u.test(raw)) continue;
    const value = parseNum(raw) * (SCALE[(m[2] ?? '').toLowerCase()] ?? 1);
    const noun = (m[3] ?? '').toLowerCase();
    if (!Number.isFinite(value) || SKIP_AFTER_COUNT.has(noun)) continue;
    out.push({ value, unit: stem(noun), text: m[0].trim(), at: m.index });
    text = blank(text, m.index ?? 0, m[0].length);
  }
  // A count whose noun is left out because it was just said ("killing 12 people and injuring
  // more than 200"): the noun of the count before it.
  for (const m of text.matchAll(ELIDED_COUNT)) {
    const raw = m[1] ?? '';
    const at = m.index ?? 0;
    const before = out
      .filter((n) => (n.at ?? 0) < at && isCountedNoun(n.unit))
      .sort((x, y) => (y.at ?? 0) - (x.at ?? 0));
    const value = parseNum(raw);
    if (/^(1[89]|20)\d\d$/u.test(raw) || !before[0] || !Number.isFinite(value)) continue;
    out.push({ value, unit: before[0].unit, text: raw, at });
  }
  return out;
}

const RUNNING_TIME = /(?<![\d:.])\b(\d{1,2})(?::|h\s?)([0-5]\d):([0-5]\d)\b(?![:.]\d)/gu;
const SCORE = /(?<![\d-])\b(\d{1,2})[-–](\d{1,2})\b(?![-–]\d)/gu;
const SPORT = /\b(?:draw|drew|won|wins?|beat|beaten|defeat(?:ed)?|lost|loss|victory|match|game|scored|led)\b/iu;

const PER_SHARE = /^\s*(?:a|per|for each|for every|each) (?:share|diluted share)\b/iu;

const PART_OF_WHOLE =
  /\b(\d+(?:,\d{3})*) (?:out )?of (?:the |its |their |all |the [\p{L}-]+['’]s )?(\d+(?:,\d{3})*)[\s-]+([a-z]+)/giu;

/** A bare number closing its clause: nothing after it but punctuation. */
const ELIDED_COUNT = /(?<![\d.,$€£%])\b(\d+(?:,\d{3})*)(?=\s*(?:[,.;:!?)]\s|[.;:!?)]?$))/gu;

/** A count of things ("14 collections", "40 countries"), not money, a share, an ordinal or a previous value. */
export function isCountedNoun(unit: string): boolean {
  return !isMoney(unit) && unit !== 'pct' && unit !== 'score' && !unit.startsWith('ord:') && !unit.endsWith(PREVIOUS);
}

/** Same quantity? Money and percentages tolerate rounding ("about $240 billion"). */
export function sameNumber(a: NumberSlot, b: NumberSlot): boolean {
  if (a.value === b.value) return true;
  const unit = a.unit.replace(PREVIOUS, '');
  // A temperature converted from the other scale is rounded: 48 °F is 8.9 °C, said as 9.
  if (unit === 'celsius') return Math.abs(a.value - b.value) <= 0.6;
  const tolerance = isMoney(unit) || unit === 'pct' ? 0.02 : 0;
  if (Math.abs(a.value - b.value) <= tolerance * Math.max(Math.abs(a.value), Math.abs(b.value))) return true;
  // A bound on either side: "1,142 patients" is "more than 1,100 patients". Within reason: "more
  // than 200" is not said of 5,000, and "about 41,000" is 37,000 to 45,000.
  return withinBound(a, b) || withinBound(b, a);
}

function withinBound(x: NumberSlot, bounded: NumberSlot): boolean {
  const [v, b] = [x.value, bounded.value];
  if (b <= 0 || v <= 0) return false;
  switch (bounded.bound) {
    case 'min':
      return v >= b && v <= b * 1.5;
    case 'max':
      return v <= b && v >= b / 1.5;
    case 'about':
      return Math.abs(v - b) <= 0.1 * b;
    default:
      return false;
  }
}

/**
 * Dates in a sentence, resolved against the publication date of the text they appear in.
 * chrono-node does the parsing; two things are added by hand: bare years ("since 2019"), which
 * chrono leaves alone, and weekdays, which news prose uses for the past week ("met on Tuesday")
 * unless the sentence looks ahead ("is due to … on Friday"), where chrono picks the nearest one.
 */
import type { Component, ParsedComponents, ParsedResult } from 'chrono-node';
import * as chrono from 'chrono-node/en';

export interface DateSlot {
  /** 'YYYY-MM-DD' | 'YYYY-MM' | 'YYYY' */
  value: string;
  text: string;
  start: number;
  end: number;
  /** Later than the text's publication date: something still to come when it was written. */
  ahead?: true;
  /** A starting point ("since Monday"): when a state began, not when the thing said happened. */
  since?: true;
  /** The clock time given with it ("at 3:15 a.m. Monday" → "03:15"). */
  time?: string;
}

/** Words that make a weekday the coming one; "would" is the future of reported speech ("said she
 * would open talks on Wednesday"). */
const FUTURE =
  /\b(will|would|is due|are due|scheduled|is set to|are set to|expected to|plans? to|planning to|next|must(?! have))\b/iu;
/** Where a clause ends: the future of one clause says nothing of a date in another ("said on
 * Monday that the recorders would be flown …": Monday is past). */
const CLAUSE_BREAK =
  /;|\b(?:that|and|but|while|whereas|although|though|after|(?<!\b(?:appear(?:s|ed|ing)?|brought|testif(?:y|ies|ied)) )before|because|since)\b/giu;

/** Does the clause around text[start, end) look ahead? */
function looksAhead(text: string, start: number, end: number): boolean {
  let from = 0;
  let to = text.length;
  for (const m of text.matchAll(CLAUSE_BREAK)) {
    const at = m.index ?? 0;
    if (at + m[0].length <= start) from = at;
    else if (at >= end) {
      to = at;
      break;
    }
  }
  return FUTURE.test(text.slice(from, to));
}
const pad = (n: number) => String(n).padStart(2, '0');

function isoDay(d: Date): string {
  return `${d.getUTCFullYear()}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())}`;
}

function weekdayDate(ref: Date, weekday: number, future: boolean): string {
  const d = new Date(ref.getTime());
  const diff = (weekday - d.getUTCDay() + 7) % 7;
  d.setUTCDate(d.getUTCDate() + (future ? diff : diff === 0 ? 0 : diff - 7));
  return isoDay(d);
}

const clock = (c: ParsedComponents) => `${pad(c.get('hour') ?? 0)}:${pad(c.get('minute') ?? 0)}`;

function componentValue(c: ParsedComponents, ref: Date, future: boolean): string | undefined {
  const known = (k: Component) => c.isCertain(k);
  if (known('weekday') && !known('day') && !known('month')) return weekdayDate(ref, c.get('weekday') ?? 0, future);
  const year = c.get('year');
  const month = c.get('month');
  const day = c.get('day');
  if (year === null || month === null) return undefined;
  // A month without a year: this year's, unless that is months ahead, as news looks back ("in
  // April", written in October, is six months ago; "on April 12", written on April 9, is in three
  // days).
  // (A clause that looks ahead keeps chrono's nearest reading: "is to report to prison on January
  // 9", written in October, is next January, but "would be his first trip since his reelection in
  // March", written in April, is last March.)
  let y = year;
  if (known('month') && !known('year') && !future) {
    y = ref.getUTCFullYear();
    const daysAhead = (Date.UTC(y, month - 1, known('day') ? (day ?? 1) : 1) - ref.getTime()) / 86_400_000;
    if (daysAhead > FAR_DAYS) y--;
  }
  if (known('day')) return `${y}-${pad(month)}-${pad(day ?? 1)}`;
  if (known('month')) return `${y}-${pad(month)}`;
  if (known('year')) return String(year);
  return undefined;
}

const MONTH = 'jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec';
const WEEKDAY = 'mon|tue|wed|thu|fri|sat|sun';
const RELATIVE_WORD = 'today|tonight|yesterday|tomorrow|ago|week|month|year|noon|midnight';
/** Sentences without any of these cannot hold a date: chrono is not run on them (it is the costly part). */
const MAYBE_DATE = new RegExp(`\\d|\\b(?:${MONTH}|${WEEKDAY})[a-z]*\\b|\\b(?:${RELATIVE_WORD})\\b`, 'iu');
/** What a chrono result must contain to be a date: the same, or last/next/this/previous/weekend. */
const SAYS_A_DATE = new RegExp(
  `\\d|\\b(?:${MONTH}|${WEEKDAY})[a-z]*\\b|\\b(?:${RELATIVE_WORD}|last|next|this|previous|weekend)\\b`,
  'iu',
);
/** A date that names its day, weekday or month. */
const NAMES_ITS_DAY = new RegExp(`\\d|\\b(?:${MONTH}|${WEEKDAY})[a-z]*\\b`, 'iu');
/** A date that says which day or month it is, not one counted from the moment of writing. */
const NAMES_ITS_DATE = new RegExp(`\\d|\\b(?:${MONTH})[a-z]*\\b`, 'iu');

/** "since" right before text[at]: the date there is a starting point (see DateSlot.since). */
const sinceBefore = (text: string, at: number) =>
  /\bsince\s+$/iu.test(text.slice(0, at)) ? { since: true as const } : {};

/** How far on the unexpected side of the publication date a month without a year may be. */
const FAR_DAYS = 60;

export function extractDates(text: string, published: string | null | undefined): DateSlot[] {
  if (!MAYBE_DATE.test(text)) return [];
  const ref = published ? new Date(`${published}T12:00:00Z`) : new Date(Date.UTC(2000, 0, 1, 12));
  const out: DateSlot[] = [];
  const quotes = [...text.matchAll(/["“][^"”]*["”]/gu)].map((m) => [m.index ?? 0, (m.index ?? 0) + m[0].length]);
  const inQuote = (at: number) => quotes.some(([s, e]) => at > (s ?? 0) && at < (e ?? 0));
  let results: ParsedResult[] = [];
  try {
    results = chrono.casual.parse(text, { instant: ref, timezone: 0 }, { forwardDate: false });
  } catch {
    results = []; // chrono has thrown on pathological input; a sentence without dates is the safe reading
  }
  // "the first Tuesday in June": chrono reads the weekday and the month apart.
  for (const m of text.matchAll(NTH_WEEKDAY)) {
    const at = m.index ?? 0;
    const value = nthWeekday(m, ref, published ? looksAhead(text, at, at + m[0].length) : false);
    if (value) out.push({ value, text: m[0], start: at, end: at + m[0].length });
  }
  for (const r of results) {
    if (out.some((d) => r.index < d.end && r.index + r.text.length > d.start)) continue;
    // Lower-case month or weekday words are verbs and abbreviations ("may", "sat", "march"):
    // keep a result only if it has a digit, a capitalised word or a relative phrase.
    if (!/\d|\p{Lu}|\b(last|next|this|previous|yesterday|today|tomorrow)\b/u.test(r.text)) continue;
    // And it must say a date: a number, a month or weekday, or a relative word ("in the H" of
    // "in the Hérault" is chrono reading a letter as an hour).
    if (!SAYS_A_DATE.test(r.text)) continue;
    // Durations ("this 12 months", "two weeks") are not dates.
    if (/\b\d+\s+(day|week|month|year)s?\b/iu.test(r.text) && !/\bago\b/iu.test(r.text)) continue;
    // Relative dates mean nothing without an anchor: skip them when no publication date is known.
    if (!published && !r.start.isCertain('year') && !r.start.isCertain('month')) continue;
    // Clock times alone ("from 8 to 9") are not dates.
    if (
      !r.start.isCertain('day') &&
      !r.start.isCertain('month') &&
      !r.start.isCertain('weekday') &&
      !r.start.isCertain('year')
    )
      continue;
    const shown = r.text.replace(/[\s,.;:]+$/u, '');
    // "next week", "last weekend": a span of days, which a single day would misstate (the budget
    // "due next week" is not contradicted by "on October 21").
    if (/\bweek(?:end)?s?$/iu.test(shown) && !NAMES_ITS_DAY.test(shown)) continue;
    // An offset from the story's own moment ("about 11 minutes later", "two days after") is not
    // a date: the publication date is not what it counts from.
    if (/\b(?:later|after|afterwards|earlier|before|beforehand)$/iu.test(shown)) continue;
    // In a quotation, "today" or "on Saturday" count from when the words were spoken, which the
    // text need not say: only dates that name their month or year are kept.
    if (inQuote(r.index) && !NAMES_ITS_DATE.test(shown)) continue;
    const future = looksAhead(text, r.index, r.index + shown.length);
    const value = componentValue(r.start, ref, future);
    const since = sinceBefore(text, r.index);
    const time = r.start.isCertain('hour') && r.start.isCertain('minute') ? { time: clock(r.start) } : {};
    if (value) out.push({ value, text: shown, start: r.index, end: r.index + shown.length, ...since, ...time });
    if (r.end) {
      const endValue = componentValue(r.end, ref, future);
      if (endValue && endValue !== value)
        out.push({ value: endValue, text: shown, start: r.index, end: r.index + shown.length });
    }
  }
  // "the previous year" / "a year earlier": chrono has no parser for these.
  if (published) {
    for (const m of text.matchAll(/\b(?:the previous year|the year before|a year earlier|the prior year)\b/giu)) {
      const at = m.index ?? 0;
      out.push({ value: String(ref.getUTCFullYear() - 1), text: m[0], start: at, end: at + m[0].length });
    }
  }
  for (const m of text.matchAll(/\b(1[89]\d\d|20\d\d)\b/gu)) {
    const at = m.index ?? 0;
    if (out.some((d) => at >= d.start && at < d.end)) continue;
    const since = sinceBefore(text, at);
    out.push({ value: m[1] ?? '', text: m[0], start: at, end: at + m[0].length, ...since });
  }
  if (published) for (const d of out) if (d.value > published.slice(0, d.value.length)) d.ahead = true;
  return out;
}

/** Month and weekday names, lower-case, in calendar order (January first, Sunday first). */
export const MONTH_NAMES = [
  'january',
  'february',
  'march',
  'april',
  'may',
  'june',
  'july',
  'august',
  'september',
  'october',
  'november',
  'december',
];
export const WEEKDAY_NAMES = ['sunday', 'monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday'];
const NTH_WEEKDAY = new RegExp(
  `\\b(first|second|third|fourth|last) (${WEEKDAY_NAMES.join('|')}) (?:in|of) (${MONTH_NAMES.join('|')})(?:,? (\\d{4}))?\\b`,
  'giu',
);

/** The day "the first Tuesday in June" names: in the year given, else the publication's (the
 * next one if the clause looks ahead and that one is past). */
function nthWeekday(m: RegExpMatchArray, ref: Date, future: boolean): string | undefined {
  const [nth, weekday, month, year] = [m[1], m[2], m[3], m[4]].map((x) => x?.toLowerCase());
  const mi = MONTH_NAMES.indexOf(month ?? '');
  const wi = WEEKDAY_NAMES.indexOf(weekday ?? '');
  if (mi < 0 || wi < 0) return undefined;
  const day = (y: number) => {
    if (nth === 'last') {
      const last = new Date(Date.UTC(y, mi + 1, 0));
      return new Date(Date.UTC(y, mi, last.getUTCDate() - ((last.getUTCDay() - wi + 7) % 7)));
    }
    const first = new Date(Date.UTC(y, mi, 1));
    const k = ['first', 'second', 'third', 'fourth'].indexOf(nth ?? '');
    return new Date(Date.UTC(y, mi, 1 + ((wi - first.getUTCDay() + 7) % 7) + 7 * k));
  };
  let d = day(year ? Number(year) : ref.getUTCFullYear());
  if (!year && future && d < ref) d = day(ref.getUTCFullYear() + 1);
  return d.toISOString().slice(0, 10);
}

/** Does one date contain the other ("2024-04" contains "2024-04-08")? */
export function compatibleDates(a: string, b: string): boolean {
  return a.startsWith(b) || b.startsWith(a);
}

/**
 * Does another text's set of dates agree with date `d`? Only dates at least as precise as `d`
 * decide: "in June" is contradicted by "in May" even when the same sentence also says "this
 * year". Where the other text is less precise ("this year" only), a compatible date agrees.
 */
export function dateAgrees(d: string, others: readonly { value: string }[]): boolean {
  const precise = others.filter((e) => e.value.length >= d.length);
  const pool = precise.length ? precise : others;
  return pool.some((e) => compatibleDates(d, e.value));
}

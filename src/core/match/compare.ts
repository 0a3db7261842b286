/**
 * Comparing two claims: how much of one the other states (similarity), and which typed slots
 * differ. The dataset builder (source vs source) and the page matcher (page vs source) both call
 * this, so a disagreement recorded among the sources and a conflict shown on a page are the same
 * judgement.
 */
import { type Claim, type EntityRef, nameWords } from '../claims/claim';
import { isCountryName } from '../claims/countries';
import { thingOfCue } from '../claims/cues';
import { compatibleDates, dateAgrees, MONTH_NAMES } from '../claims/dates';
import { PORTFOLIO_WORDS, TITLE_WORDS } from '../claims/entities';
import type { Lexicon } from '../claims/lexicon';
import { isCountedNoun, isMoney, type NumberSlot, sameNumber } from '../claims/numbers';
import { isStopWord, stem } from '../text/tokens';
import { entityKey } from './retrieve';

export type SlotKind = 'date' | 'number' | 'person' | 'place' | 'order' | 'negation' | 'other';

export interface SlotDifference {
  kind: SlotKind;
  /** The value on the first claim's side (the page's, in the matcher), for people to read. */
  a: string;
  /** The value on the second claim's side (the source's), for people to read. */
  b: string;
  /** The differing slots themselves: date/number text or entity id on each side. */
  aKey: string;
  bKey: string;
  /** For a date: the named thing right beside it on both sides ("a complaint from Spotify in
   * 2021" vs "… from Spotify in 2019"), which ties the two dates to one fact like a shared person. */
  tiedTo?: string;
  /** For a number: a count of the same thing on both sides ("48,000-seat" vs "42,000-seat"). */
  counted?: true;
}

export interface Weights {
  /** Inverse document frequency of a term or entity id over the source sentences. */
  weight(key: string): number;
}

export interface Similarity {
  /** Share of the first claim's content found in the second (0..1). */
  coverA: number;
  /** Share of the second claim's content found in the first (0..1). */
  coverB: number;
  /** Weight of the shared entities: the "same fact, same actors" anchor. */
  sharedEntityWeight: number;
  sharedTerms: number;
  /** Dates and numbers with the same value on both sides. */
  sharedSlots: number;
  /** …of them amounts, percentages and counts of a hundred or more (more telling than a weekday
   * or "two hours" in common). */
  sharedFigures: number;
  /** People named on both sides. */
  sharedPeople: number;
  /** Names (people, places, organisations) on both sides. */
  sharedNames: number;
  /** The first side names people and the second names none of them: whose fact is it? */
  actorMissing: boolean;
  /** Both sides have dates and none agree: probably two different occasions. */
  otherOccasion: boolean;
  /** Dates, amounts and places of the first side that the second does not state at all. */
  unstatedDetails: number;
  /** Each side names a person (or a place) the other does not: the fact is about someone else. */
  otherParticipants: boolean;
  /** Both quote the same words (most of the first side's quoted words are in the second's). */
  sharedQuote: boolean;
  /** Both quote someone at some length, and not the same words: two statements. */
  otherQuote: boolean;
  /** Each side credits its statement to someone the other does not name ("NHS England said …" vs
   * "the union Unison said …"): two statements, however alike. */
  otherSpeaker: boolean;
}

export interface Comparison extends Similarity {
  differences: SlotDifference[];
}

/** Term sets per claim, built once: dataset claims are compared again and again. */
const termSets = new WeakMap<Claim, ReadonlySet<string>>();
function termSet(c: Claim): ReadonlySet<string> {
  let set = termSets.get(c);
  if (!set) {
    set = new Set(c.terms);
    termSets.set(c, set);
  }
  return set;
}
/** Weight of one date or number, about that of a rare word. */
const SLOT_WEIGHT = 3;

/**
 * Does term `t` match the set `other`, directly or through a synonym (and, when `loose`, through a
 * WordNet neighbour)? Similarity is loose; deciding that two details are the same is strict.
 */
function termMatches(t: string, other: ReadonlySet<string>, lexicon: Lexicon, loose = true): boolean {
  if (other.has(t)) return true;
  for (const s of lexicon.synonyms.get(t) ?? []) if (other.has(s)) return true;
  if (loose) for (const s of lexicon.related.get(t) ?? []) if (other.has(s)) return true;
  return false;
}

/** Which stems list each stem among their synonyms (or neighbours): the lexicon's maps, inverted. */
const inverted = new WeakMap<Lexicon, { synonyms: Map<string, string[]>; related: Map<string, string[]> }>();
function inverseOf(lexicon: Lexicon) {
  let inv = inverted.get(lexicon);
  if (!inv) {
    const invert = (m: Map<string, string[]>) => {
      const out = new Map<string, string[]>();
      for (const [t, xs] of m)
        for (const x of xs) {
          const list = out.get(x);
          if (list) list.push(t);
          else out.set(x, [t]);
        }
      return out;
    };
    inv = { synonyms: invert(lexicon.synonyms), related: invert(lexicon.related) };
    inverted.set(lexicon, inv);
  }
  return inv;
}

/**
 * A value computed once per claim and per `key` (a lexicon, a weighting): dataset claims are
 * compared again and again, and WeakMaps let both claims and keys go with their dataset.
 */
function perClaim<K extends object, V>(compute: (c: Claim, key: K) => V): (c: Claim, key: K) => V {
  // One entry per claim, for the key it was last computed with (a claim meets one lexicon and one
  // weighting in practice): one WeakMap lookup on the hot path instead of two.
  const cache = new WeakMap<Claim, { key: K; value: V }>();
  return (c, key) => {
    const hit = cache.get(c);
    if (hit && hit.key === key) return hit.value;
    const value = compute(c, key);
    cache.set(c, { key, value });
    return value;
  };
}

/**
 * Every term that `termMatches(t, terms of c, lexicon)` accepts, as one set: c's terms and the
 * stems that have one of them as a synonym or neighbour, so similarity is one set lookup per term.
 */
const reachOf = perClaim((c: Claim, lexicon: Lexicon): ReadonlySet<string> => {
  const inv = inverseOf(lexicon);
  const out = new Set(c.terms);
  for (const t of c.terms) {
    for (const x of inv.synonyms.get(t) ?? []) out.add(x);
    for (const x of inv.related.get(t) ?? []) out.add(x);
  }
  // The words of its organisations' and places' names: "the city's fire department" says what
  // "the Marrowfield Fire Department" says.
  for (const w of nameWords(c)) out.add(w);
  return out;
});

/** A claim's terms that have opposites in the lexicon (few): the only ones an antonym check needs. */
const withAntonyms = perClaim((c: Claim, lexicon: Lexicon): string[] => c.terms.filter((t) => lexicon.antonyms.has(t)));

/** Are two entities the same or does one contain the other (Beijing within China)? */
export function sameOrWithin(a: string, b: string, lexicon: Lexicon): boolean {
  if (a === b) return true;
  return (
    (lexicon.entities.get(a)?.within.includes(b) ?? false) || (lexicon.entities.get(b)?.within.includes(a) ?? false)
  );
}

/**
 * At least three quoted words on the first side, most of them quoted (or said) by the second; or
 * a short quotation ("exactly what they were trained to do": two content words) quoted whole by
 * the second.
 */
function quotesShared(a: Claim, b: Claim, lexicon: Lexicon): boolean {
  if (a.quoted.length === 2) {
    const quoted = new Set(b.quoted);
    return a.quoted.every((t) => termMatches(t, quoted, lexicon, false));
  }
  if (a.quoted.length < 3) return false;
  const other = new Set([...b.quoted, ...b.terms]);
  return a.quoted.filter((t) => termMatches(t, other, lexicon, false)).length >= Math.ceil(a.quoted.length * 0.6);
}

/** Both quote someone at some length and the quotations share at most one word ("Whoever did this
 * knew …" vs "Our staff arrived … to find empty walls"): two statements, whoever made them. (A
 * quotation said again in other words, "on three or four pills" for "on three or four medicines",
 * shares more.) */
function quotesApart(a: Claim, b: Claim, lexicon: Lexicon): boolean {
  if (a.quoted.length < 3 || b.quoted.length < 3) return false;
  const other = new Set(b.quoted);
  return a.quoted.filter((t) => termMatches(t, other, lexicon, false)).length <= 1;
}

/** "Communist Party" and "Chinese Communist Party": one organisation's name inside the other's. */
function shorterName(a: EntityRef, b: EntityRef): boolean {
  if (a.kind === 'person' || b.kind === 'person' || a.kind === 'place' || b.kind === 'place') return false;
  const [x, y] = a.id.length <= b.id.length ? [a.id, b.id] : [b.id, a.id];
  return x.includes(' ') && ` ${y} `.includes(` ${x} `);
}

/** Do two cue lists share a word (directly or as synonyms)? */
function sharesCue(a: readonly string[], b: readonly string[], lexicon: Lexicon): boolean {
  if (a.length === 0 || b.length === 0) return false;
  const set = new Set(b);
  return a.some((t) => termMatches(t, set, lexicon, false) || b.some((u) => lexicon.synonyms.get(u)?.includes(t)));
}

/**
 * A place is covered by the other side when that side names it or somewhere inside it: "in China"
 * is covered by "in Beijing", but "in Beijing" is not covered by "in Eurasia" (or by "Shanghai").
 */
function placeCovered(e: EntityRef, others: EntityRef[], lexicon: Lexicon): boolean {
  return others.some(
    (o) => o.id === e.id || (lexicon.entities.get(o.id)?.within.includes(e.id) ?? false) || partOfName(e.id, o.id),
  );
}

/** One name opens or closes the other: "the Meridian center" / "Meridian Propulsion Center",
 * "the Commons" / "House of Commons". */
function partOfName(a: string, b: string): boolean {
  const [x, y] = a.length <= b.length ? [a, b] : [b, a];
  return y.startsWith(`${x} `) || y.endsWith(` ${x}`);
}

function entityMatched(e: EntityRef, others: EntityRef[], lexicon: Lexicon): boolean {
  return others.some((o) => sameOrWithin(e.id, o.id, lexicon));
}

/** Weights of a claim's terms and entities, in order, looked up once per claim and weighting. */
const weightsOf = perClaim((c: Claim, w: Weights) => ({
  terms: c.terms.map((t) => w.weight(t)),
  entities: c.entities.map((e) => w.weight(entityKey(e.id))),
}));

const NOTHING_IGNORED: ReadonlySet<string> = new Set();

/** How far `others` name entity `e`: the same entity, 1; a place inside the other side's place
 * ("Tokyo" vs "Asia"), half, as the other side is less specific; else 0. */
function entityCredit(e: EntityRef, others: EntityRef[], lexicon: Lexicon): number {
  if (others.some((o) => o.id === e.id || shorterName(e, o))) return 1;
  return others.some((o) => sameOrWithin(e.id, o.id, lexicon)) ? 0.5 : 0;
}

/** Both sides have dates and none agree: probably two different occasions. */
function noDateInCommon(a: Claim, b: Claim): boolean {
  return (
    a.dates.length > 0 &&
    b.dates.length > 0 &&
    !a.dates.some((d) => b.dates.some((e) => compatibleDates(d.value, e.value)))
  );
}

/** A figure unlikely to be shared by chance: money, a percentage, or a count of 100 or more. */
const tellingFigure = (n: NumberSlot) => isMoney(n.unit) || n.unit === 'pct' || n.value >= 100;

export function similarity(
  a: Claim,
  b: Claim,
  lexicon: Lexicon,
  w: Weights,
  ignore: ReadonlySet<string> = NOTHING_IGNORED,
): Similarity {
  const bReach = reachOf(b, lexicon);
  const aReach = reachOf(a, lexicon);
  let totalA = 0;
  let totalB = 0;
  let matchedA = 0;
  let matchedB = 0;
  let sharedTerms = 0;
  const [aw, bw] = [weightsOf(a, w), weightsOf(b, w)];
  // Plain indexed loops: this runs for every candidate pair of every page sentence.
  const anyIgnored = ignore.size > 0;
  for (let i = 0; i < a.terms.length; i++) {
    const t = a.terms[i] ?? '';
    if (anyIgnored && ignore.has(`term:${t}`)) continue;
    const x = aw.terms[i] ?? 0;
    totalA += x;
    if (bReach.has(t)) {
      matchedA += x;
      sharedTerms++;
    }
  }
  for (let i = 0; i < b.terms.length; i++) {
    const t = b.terms[i] ?? '';
    if (anyIgnored && ignore.has(`term:${t}`)) continue;
    const x = bw.terms[i] ?? 0;
    totalB += x;
    if (aReach.has(t)) matchedB += x;
  }
  let sharedEntityWeight = 0;
  let sharedSlots = 0;
  let sharedFigures = 0;
  let sharedPeople = 0;
  let sharedNames = 0;
  for (let i = 0; i < a.entities.length; i++) {
    const e = a.entities[i];
    if (!e || ignore.has(e.id)) continue;
    const x = aw.entities[i] ?? 0;
    totalA += x;
    const credit = entityCredit(e, b.entities, lexicon);
    matchedA += x * credit;
    sharedEntityWeight += x * credit;
    if (credit === 1 && e.kind === 'person') sharedPeople++;
    if (credit === 1) sharedNames++;
  }
  for (let i = 0; i < b.entities.length; i++) {
    const e = b.entities[i];
    if (!e || ignore.has(e.id)) continue;
    const x = bw.entities[i] ?? 0;
    totalB += x;
    matchedB += x * entityCredit(e, a.entities, lexicon);
  }
  // Only people the sentence names: one taken from context ("In his view, …") may well be
  // unnamed in a source that states the same thing.
  const aPeople = a.entities.filter((e) => e.kind === 'person' && !e.implicit);
  const actorMissing = aPeople.length > 0 && !aPeople.some((e) => b.entities.some((o) => o.id === e.id));
  const otherOccasion = noDateInCommon(a, b);
  // Checkable details the page adds: a sentence is not corroborated by a source that says nothing
  // of its date, amount or place ("meet again in Kazakhstan next month").
  const unstatedDetails =
    a.dates.filter((d) => !b.dates.some((e) => compatibleDates(d.value, e.value))).length +
    a.numbers.filter((n) => !b.numbers.some((m) => m.unit === n.unit || m.value === n.value)).length +
    a.entities.filter(
      (e) =>
        e.kind === 'place' &&
        e.ctx === 'loc' &&
        !placeCovered(e, b.entities, lexicon) &&
        !b.entities.some((o) => sameOrWithin(e.id, o.id, lexicon)),
    ).length;
  // People, and places where something happens ("in X"): a place merely mentioned ("China's
  // assertiveness in Asia" vs "to the White House") does not make it another fact.
  const unmatched = (x: Claim, y: Claim, kind: string) =>
    x.entities.some(
      (e) =>
        e.kind === kind &&
        !e.implicit &&
        (kind === 'person' || e.ctx === 'loc') &&
        !y.entities.some((o) => sameOrWithin(e.id, o.id, lexicon) || (kind === 'place' && partOfName(e.id, o.id))),
    );
  const otherParticipants = ['person', 'place'].some((k) => unmatched(a, b, k) && unmatched(b, a, k));
  const uncredited = (x: Claim, y: Claim) =>
    x.attribution.length > 0 && !x.attribution.some((id) => y.entities.some((o) => sameOrWithin(id, o.id, lexicon)));
  const otherSpeaker = uncredited(a, b) && uncredited(b, a);
  // Dates and numbers that agree are strong evidence of one fact ("April 8" = "on Monday",
  // "$240 billion"); ones only one side has count as content the other lacks. A differing slot
  // (the conflict itself) is left out of both totals.
  for (const d of a.dates) {
    if (anyIgnored && ignore.has(`date:${d.value}`)) continue;
    totalA += SLOT_WEIGHT;
    if (b.dates.some((e) => compatibleDates(d.value, e.value))) {
      matchedA += SLOT_WEIGHT;
      sharedEntityWeight += SLOT_WEIGHT / 2;
      sharedSlots++;
    }
  }
  for (const d of b.dates) {
    if (anyIgnored && ignore.has(`date:${d.value}`)) continue;
    totalB += SLOT_WEIGHT;
    if (a.dates.some((e) => compatibleDates(d.value, e.value))) matchedB += SLOT_WEIGHT;
  }
  // A changed count of the same thing ("16 collections" vs "14 collections"): the value is the
  // differing detail, but what is counted is content both sides state.
  const countedOnBoth = (n: NumberSlot, other: Claim) =>
    isCountedNoun(n.unit) && other.numbers.some((m) => m.unit === n.unit);
  for (const n of a.numbers) {
    if (anyIgnored && ignore.has(`number:${n.unit}`)) {
      if (countedOnBoth(n, b)) [totalA, matchedA] = [totalA + SLOT_WEIGHT, matchedA + SLOT_WEIGHT];
      continue;
    }
    totalA += SLOT_WEIGHT;
    if (b.numbers.some((m) => m.unit === n.unit && sameNumber(n, m))) {
      matchedA += SLOT_WEIGHT;
      sharedEntityWeight += SLOT_WEIGHT / 2;
      sharedSlots++;
      if (tellingFigure(n)) sharedFigures++;
    }
  }
  for (const n of b.numbers) {
    if (anyIgnored && ignore.has(`number:${n.unit}`)) {
      if (countedOnBoth(n, a)) [totalB, matchedB] = [totalB + SLOT_WEIGHT, matchedB + SLOT_WEIGHT];
      continue;
    }
    totalB += SLOT_WEIGHT;
    if (a.numbers.some((m) => m.unit === n.unit && sameNumber(n, m))) matchedB += SLOT_WEIGHT;
  }
  const sharedQuote = quotesShared(a, b, lexicon);
  return {
    coverA: totalA ? matchedA / totalA : 0,
    coverB: totalB ? matchedB / totalB : 0,
    sharedEntityWeight,
    sharedTerms,
    sharedSlots,
    sharedFigures,
    sharedPeople,
    sharedNames,
    actorMissing,
    otherOccasion,
    unstatedDetails,
    otherParticipants,
    sharedQuote,
    otherQuote: !sharedQuote && quotesApart(a, b, lexicon),
    otherSpeaker,
  };
}

/** The title words of a claim's people (what a changed title leaves out of the totals). */
const roleWords = new WeakMap<Claim, ReadonlySet<string>>();
function roleWordsOf(c: Claim): ReadonlySet<string> {
  let set = roleWords.get(c);
  if (!set) {
    set = new Set(c.entities.flatMap((e) => e.role ?? []));
    roleWords.set(c, set);
  }
  return set;
}

/**
 * The most `compareClaims(a, b).coverA` can be, whatever detail turns out to differ: a cheap bound
 * (one pass over a's terms and names, no slot comparison) so a candidate that cannot reach any
 * verdict's bar is never compared in full. At 100k claims most retrieved candidates are such.
 * Everything a difference could leave out of the totals (an unmatched name, date or figure, a
 * title word, a compass word) is assumed left out; every matched one counts.
 */
export function coverCeiling(a: Claim, b: Claim, lexicon: Lexicon, w: Weights): number {
  const bReach = reachOf(b, lexicon);
  const aw = weightsOf(a, w);
  let total = 0;
  let matched = 0;
  const [aRoles, bRoles] = [roleWordsOf(a), roleWordsOf(b)];
  for (let i = 0; i < a.terms.length; i++) {
    const t = a.terms[i] ?? '';
    const x = aw.terms[i] ?? 0;
    if (bReach.has(t)) {
      total += x;
      matched += x;
    } else if (COMPASS[t] === undefined && !aRoles.has(t) && !bRoles.has(t)) total += x;
  }
  for (let i = 0; i < a.entities.length; i++) {
    const e = a.entities[i];
    const x = aw.entities[i] ?? 0;
    if (e && entityCredit(e, b.entities, lexicon) > 0) {
      total += x;
      matched += x;
    }
  }
  for (const d of a.dates)
    if (b.dates.some((e) => compatibleDates(d.value, e.value)))
      [total, matched] = [total + SLOT_WEIGHT, matched + SLOT_WEIGHT];
  for (const n of a.numbers)
    if (b.numbers.some((m) => m.unit === n.unit)) [total, matched] = [total + SLOT_WEIGHT, matched + SLOT_WEIGHT];
  return total ? matched / total : 0;
}

/** "on Sunday (7 April 2024)": relative words, and the date they mean. */
function showDate(d: { text: string; value: string }): string {
  const [y, m, day] = d.value.split('-');
  const name = m ? MONTH_NAMES[Number(m) - 1] : undefined;
  const month = name?.replace(/^\p{L}/u, (c) => c.toUpperCase());
  const meant = day ? `${Number(day)} ${month} ${y}` : month ? `${month} ${y}` : (y ?? d.value);
  return /\d/u.test(d.text) ? d.text : `${d.text} (${meant})`;
}

/**
 * Could one of two figures of a unit be the other misstated? Within ten times of each other, or an
 * amount of money ("$2 million" for "$2 billion"). Beyond, they measure two things: a water level
 * of "186.7 metres" and "1.20 metres above the normal maximum".
 */
function oneMagnitude(x: NumberSlot, y: NumberSlot): boolean {
  const [lo, hi] = [Math.min(Math.abs(x.value), Math.abs(y.value)), Math.max(Math.abs(x.value), Math.abs(y.value))];
  return isMoney(x.unit) || lo === 0 || hi <= 10 * lo;
}

/** Typed slots that differ between two claims about (presumably) the same fact. */
export function slotDifferences(a: Claim, b: Claim, lexicon: Lexicon): SlotDifference[] {
  const out: SlotDifference[] = [];

  // Dates: a date on each side that the other has nothing compatible with, attached to the same
  // happening (shared words around them: "confirmed … on April 3" vs "confirmed … on April 7").
  const aOnly = b.dates.length ? a.dates.filter((d) => !dateAgrees(d.value, b.dates)) : [];
  const bOnly = aOnly.length ? b.dates.filter((d) => !dateAgrees(d.value, a.dates)) : [];
  // Two years, one still to come and one past when each was written, are two occasions ("last
  // hosted the summit in 2017" vs "will host the summit in 2027"), not one date changed; nor are
  // when something began and when something happened ("burning since Monday" vs "on Wednesday").
  type D = Claim['dates'][number];
  const sameSide = (x: D, y: D) =>
    !!x.since === !!y.since && (x.value.length > 4 || y.value.length > 4 || !!x.ahead === !!y.ahead);
  const datePair = aOnly.flatMap((x) =>
    bOnly.filter((y) => sameSide(x, y) && sharesCue(x.cues, y.cues, lexicon)).map((y) => [x, y] as const),
  )[0];
  if (datePair) {
    const [x, y] = datePair;
    const thingCue = x.cues.find((c) => thingOfCue(c) !== undefined && y.cues.includes(c));
    // The same clock time on another day ("at 3:15 a.m. Monday" vs "3:15 a.m. on Tuesday") ties
    // the two days to one moment as firmly as a shared name.
    const sameTime = x.time !== undefined && x.time === y.time ? x.time : undefined;
    const tiedTo = thingCue === undefined ? sameTime : thingOfCue(thingCue);
    out.push({
      kind: 'date',
      a: showDate(x),
      b: showDate(y),
      aKey: x.text,
      bKey: y.text,
      ...(tiedTo ? { tiedTo } : {}),
    });
  }

  // Numbers: the same unit with no equal value.
  for (const n of a.numbers) {
    const sameUnit = b.numbers.filter((m) => m.unit === n.unit);
    // A total of the other side's parts ("five counts" vs "two counts of wire fraud, one count of
    // …") is the same figure told another way.
    const total = sameUnit.length >= 2 ? sameUnit.reduce((sum, m) => sum + m.value, 0) : Number.NaN;
    if (
      sameUnit.length &&
      n.value !== total &&
      !sameUnit.some((m) => sameNumber(n, m)) &&
      !a.numbers.some((x) => x !== n && x.unit === n.unit && sameUnit.some((m) => sameNumber(x, m)))
    ) {
      const [m] = sameUnit;
      if (m && !out.some((d) => d.kind === 'number') && oneMagnitude(n, m))
        out.push({
          kind: 'number',
          a: n.text,
          b: m.text,
          aKey: n.text,
          bKey: m.text,
          // (Counts of one magnitude, which oneMagnitude has checked: "386,000 passengers last
          // year" and "386 passengers" on board are two quantities.)
          ...(isCountedNoun(n.unit) && Math.min(n.value, m.value) > 0 ? { counted: true as const } : {}),
        });
    }
  }

  // People and places, compared by role: the first person named is usually the one who acts or
  // speaks (and the two must share a role word or what they did: "Commerce Secretary … cautioned"
  // vs "Treasury Secretary … warned"), and a place is compared only with a place in the same construction ("in X", "at X",
  // a list). "Visited Beijing" vs "invaded Ukraine" is not a place conflict.
  // Dates on both sides with none in common: probably two different occasions, where a
  // different person or place is no contradiction ("meet in Kazakhstan next month" vs "met in
  // Beijing on Tuesday").
  const sameOccasion = !noDateInCommon(a, b);
  // A person the first side takes from context ("his lawyer", "found him guilty") may be the
  // wrong one (a page's context is a guess; a source's is read across its whole article): only
  // the people it names are compared.
  const firstPerson = (c: Claim, named: boolean) =>
    sameOccasion ? c.entities.find((e) => e.kind === 'person' && !(named && e.implicit)) : undefined;
  const ap = firstPerson(a, true);
  const bp = firstPerson(b, false);
  if (
    ap &&
    bp &&
    !entityMatched(ap, b.entities, lexicon) &&
    !entityMatched(bp, a.entities, lexicon) &&
    // (The same quotation is what they share, however far the name stands from "said": "X, who
    // oversaw the handover, said the exchange showed that …".)
    (sharesCue(ap.cues ?? [], bp.cues ?? [], lexicon) || (a.quoted.length > 0 && quotesShared(a, b, lexicon)))
  ) {
    out.push({ kind: 'person', a: displayName(ap, lexicon), b: displayName(bp, lexicon), aKey: ap.id, bKey: bp.id });
  }
  // The same person under another title of the same rank: "Prime Minister X" vs "Interior
  // Minister X" (both name a portfolio; "Foreign Minister X" vs "Russian Foreign Minister X" do not
  // differ, one only says more).
  if (!out.some((d) => d.kind === 'person')) {
    for (const e of a.entities) {
      const o = b.entities.find((x) => x.id === e.id);
      const [ra, rb] = [e.role ?? [], o?.role ?? []];
      if (e.kind !== 'person' || !o || !ra.some((r) => rb.includes(r) && TITLE_HEADS.has(r))) continue;
      const onlyA = ra.filter((r) => (PORTFOLIOS.has(r) || RANKS.has(r)) && !rb.includes(r));
      const onlyB = rb.filter((r) => (PORTFOLIOS.has(r) || RANKS.has(r)) && !ra.includes(r));
      // A deputy is not the office itself: "deputy commissioner" vs "commissioner" differ too.
      const deputyOnOneSide = ra.some((r) => DEPUTY.has(r)) !== rb.some((r) => DEPUTY.has(r));
      if ((onlyA.length && onlyB.length) || deputyOnOneSide) {
        out.push(titleDifference(e, ra, rb, lexicon));
        break;
      }
    }
  }
  // The same person in another office altogether ("the company's head of quality" vs
  // "spokeswoman", "chief executive" vs "sporting director"), one the sources never give them:
  // titles like "leader" or "official" say nothing of which office.
  if (!out.some((d) => d.kind === 'person')) {
    for (const e of a.entities) {
      const o = b.entities.find((x) => x.id === e.id);
      if (e.kind !== 'person' || e.implicit || !o || o.implicit) continue;
      const [oa, ob] = [offices(e.role), offices(o.role)];
      if (!oa.length || !ob.length || oa.some((r) => ob.includes(r))) continue;
      const known = offices(lexicon.entities.get(e.id)?.roles);
      if (oa.some((r) => known.includes(r))) continue;
      out.push(titleDifference(e, e.role ?? [], o.role ?? [], lexicon));
      break;
    }
  }
  const aPlaces = sameOccasion
    ? a.entities.filter((e) => e.kind === 'place' && e.ctx && !placeCovered(e, b.entities, lexicon))
    : [];
  const bPlaces = aPlaces.length
    ? b.entities.filter((e) => e.kind === 'place' && e.ctx && !placeCovered(e, a.entities, lexicon))
    : [];
  // A country and a city are not one slot changed ("visiting the city of Shenzhen" vs "the war in
  // Ukraine"): only places of one rank are compared.
  const pair = aPlaces.flatMap((x) =>
    bPlaces.filter((y) => y.ctx === x.ctx && isCountryName(x.id) === isCountryName(y.id)).map((y) => [x, y] as const),
  )[0];
  if (pair) {
    const [x, y] = pair;
    out.push({ kind: 'place', a: displayName(x, lexicon), b: displayName(y, lexicon), aKey: x.id, bKey: y.id });
  }

  // A compass direction turned round ("the western bank" vs "the east bank", "northern Syria" vs
  // "southern Syria"): where it is, told of the same place.
  if (!out.some((d) => d.kind === 'place')) {
    const [x, y] = [compassOf(a), compassOf(b)];
    if (x && y && opposed(x.dir, y.dir)) out.push({ kind: 'place', a: x.word, b: y.word, aKey: x.word, bKey: y.word });
  }

  // Before/after: the same two people in the opposite order ("Yellen warned after Lavrov left"
  // vs "Lavrov's visit came after Yellen warned"), or one side says before where the other says
  // after.
  const swapped = b.sequence.length
    ? a.sequence.find(([x, y]) => b.sequence.some(([u, w]) => u === y && w === x))
    : undefined;
  const [aOrder, bOrder] = [onlyOrder(a), onlyOrder(b)];
  const told = happeningOrder(a, b, lexicon);
  if (swapped) {
    const name = (id: string) => lexicon.entities.get(id)?.name ?? id;
    const [x, y] = swapped;
    out.push({ kind: 'order', a: `${name(x)} first`, b: `${name(y)} first`, aKey: x, bKey: y });
  } else if (told?.reversed) {
    // The same two happenings the other way round: they tie the two sentences to one order.
    const [x, y] = [aOrder ?? 'before', bOrder ?? 'before'];
    const b2 = x === y ? `${y} (the other way round)` : y;
    out.push({ kind: 'order', a: x, b: b2, aKey: x, bKey: b2, tiedTo: told.tie });
  } else if (!told && aOrder && bOrder && aOrder !== bOrder) {
    // (Where the happenings show the same order, "A before B" vs "B after A", the words differ
    // and the order does not.)
    out.push({ kind: 'order', a: aOrder, b: bOrder, aKey: aOrder, bKey: bOrder });
  }

  // Polarity: explicit negation on one side only, or an antonym of the other side's word.
  let flip = a.negated !== b.negated && negationApplies(a.negated ? a : b, a.negated ? b : a, lexicon);
  const bTerms = termSet(b);
  // An antonym counts only where each side has one word of the pair ("allowed" vs "barred"), not
  // where one side uses both ("so far … close position").
  const aTerms = termSet(a);
  // (Compass words turned round are a place, above.)
  const antonymPair = withAntonyms(a, lexicon).find(
    (t) =>
      COMPASS[t] === undefined &&
      !bTerms.has(t) &&
      (lexicon.antonyms.get(t) ?? []).some((x) => bTerms.has(x) && !aTerms.has(x)),
  );
  if (antonymPair) flip = !flip;
  if (flip) {
    let [x, y] = [a.negated ? 'not' : 'affirmed', b.negated ? 'not' : 'affirmed'];
    // Opposite words and no "not" on either side: show the words ("fell" vs "rose").
    const opposite = antonymPair && (lexicon.antonyms.get(antonymPair) ?? []).find((w) => bTerms.has(w));
    if (antonymPair && opposite && a.negated === b.negated) [x, y] = [antonymPair, opposite];
    out.push({ kind: 'negation', a: x, b: y, aKey: x, bKey: y });
  }
  // Beside another difference, before/after words that relate to other happenings ("raised the
  // alert on Wednesday, days before the eruption" vs "… on Monday after a sharp rise in
  // earthquakes": what follows the word shares nothing) are no difference: the other one is.
  const order = out.length === 2 && !told ? out.findIndex((d) => d.kind === 'order' && d.tiedTo === undefined) : -1;
  if (order >= 0) {
    const [x, y] = [relatedHappening(a), relatedHappening(b)];
    if (x && y && matchingTerms(x, y, lexicon).length === 0) out.splice(order, 1);
  }
  return out;
}

/** What a claim's before/after word relates to: the happening after the word ("… before the
 * eruption", "… after a sharp rise in earthquakes"). */
function relatedHappening(c: Claim): string[] | undefined {
  if (!c.happenings) return undefined;
  return onlyOrder(c) === 'before' ? c.happenings[1] : c.happenings[0];
}

/** The terms of `x` that one of `y` states, directly or as a synonym. */
function matchingTerms(x: readonly string[], y: readonly string[], lexicon: Lexicon): string[] {
  const set = new Set(y);
  return x.filter((t) => termMatches(t, set, lexicon, false));
}

/**
 * Do two sentences tell the same two happenings in the same order or the other way round? Each
 * side's first and later happening share words with the other's first and later (or crossed),
 * and nothing with the other pairing. Undefined when the words do not say.
 */
function happeningOrder(a: Claim, b: Claim, lexicon: Lexicon): { reversed: boolean; tie?: string } | undefined {
  if (!a.happenings || !b.happenings) return undefined;
  const [aFirst, aThen] = a.happenings;
  const [bFirst, bThen] = b.happenings;
  const hits = (x: string[], y: string[]) => matchingTerms(x, y, lexicon);
  const straight = [hits(aFirst, bFirst), hits(aThen, bThen)];
  const crossed = [hits(aFirst, bThen), hits(aThen, bFirst)];
  const none = (xs: string[][]) => xs.every((x) => x.length === 0);
  const both = (xs: string[][]) => xs.every((x) => x.length > 0);
  if (both(crossed) && none(straight)) return { reversed: true, tie: `${crossed[0]?.[0]}…${crossed[1]?.[0]}` };
  if (both(straight) && none(crossed)) return { reversed: false };
  return undefined;
}

/** Compass words (stems) and the direction they name as a vector (east, north): a closed class,
 * written out. */
const COMPASS: Record<string, [number, number]> = (() => {
  const dirs: Record<string, [number, number]> = {
    north: [0, 1],
    south: [0, -1],
    east: [1, 0],
    west: [-1, 0],
    northeast: [1, 1],
    northwest: [-1, 1],
    southeast: [1, -1],
    southwest: [-1, -1],
  };
  const out: Record<string, [number, number]> = {};
  for (const [word, v] of Object.entries(dirs))
    for (const form of [word, `${word}ern`, `${word}ward`]) out[stem(form)] = v;
  return out;
})();

/** The claim's one compass direction, if it names exactly one. */
const compassCache = new WeakMap<Claim, { word: string; dir: [number, number] } | undefined>();
function compassOf(c: Claim): { word: string; dir: [number, number] } | undefined {
  if (compassCache.has(c)) return compassCache.get(c);
  const found = c.terms.filter((t) => COMPASS[t] !== undefined);
  const dirs = new Set(found.map((t) => String(COMPASS[t])));
  const [word] = found;
  const dir = word === undefined ? undefined : COMPASS[word];
  const out = word && dir && dirs.size === 1 ? { word, dir } : undefined;
  compassCache.set(c, out);
  return out;
}

/** Directions more opposed than not ("north" vs "southeast"; not "north" vs "east"). */
const opposed = (x: [number, number], y: [number, number]) => x[0] * y[0] + x[1] * y[1] < 0;

/** The one order cue a claim has ("before" or "after"), if it has cues and they all agree. */
function onlyOrder(c: Claim): string | undefined {
  const [first] = c.order;
  return first !== undefined && c.order.every((o) => o === first) ? first : undefined;
}

/**
 * Does the "not" of `neg` bear on what `other` says? Where it sits in one clause of several ("Airbus
 * did not disclose the value, but analysts estimated it at $50 billion"), only if `other` shares
 * at least as much with that clause as with the rest.
 */
function negationApplies(neg: Claim, other: Claim, lexicon: Lexicon): boolean {
  if (!neg.negatedTerms?.length) return true;
  const scope = new Set(neg.negatedTerms);
  const rest = neg.terms.filter((t) => !scope.has(t));
  if (rest.length === 0) return true;
  // The reach set already holds every stem with a synonym among `other`'s terms.
  const reach = reachOf(other, lexicon);
  const shared = (xs: readonly string[]) => xs.filter((t) => reach.has(t)).length;
  return shared(neg.negatedTerms) >= shared(rest);
}

/** Title stems that name a rank, and those that name a portfolio within it. */
const TITLE_HEADS = new Set(['minist', 'secretari', 'chancellor', 'commission', 'director', 'chief']);
const PORTFOLIOS = new Set(PORTFOLIO_WORDS.map(stem));
/** Offices, one of which excludes another for one person at one time (stems; "spokesman" and
 * "spokeswoman" are one office). Generic titles ("leader", "official", "chief", "top") are not. */
const OFFICE: Record<string, string> = Object.fromEntries(
  [
    ['spokesman', 'spokes'],
    ['spokeswoman', 'spokes'],
    ['spokesperson', 'spokes'],
    ['president', 'president'],
    ['secretary', 'secretary'],
    ['director', 'director'],
    ['minister', 'minister'],
    ['executive', 'executive'],
    ['ceo', 'executive'],
    ['chairman', 'chair'],
    ['chairwoman', 'chair'],
    ['chair', 'chair'],
    ['manager', 'manager'],
    ['coach', 'coach'],
    ['administrator', 'administrator'],
    ['commissioner', 'commissioner'],
    ['prosecutor', 'prosecutor'],
    ['attorney', 'attorney'],
    ['judge', 'judge'],
    ['mayor', 'mayor'],
    ['governor', 'governor'],
    ['ambassador', 'ambassador'],
    ['head', 'head'],
  ].map(([w, office]) => [stem(w ?? ''), office ?? '']),
);
const offices = (role: readonly string[] | undefined) => [
  ...new Set((role ?? []).map((r) => OFFICE[r]).filter((x): x is string => x !== undefined)),
  // A fire or police chief heads a service ("chief" alone says no more than "leader").
  ...(role?.includes('chief') ? role.filter((r) => SERVICE_CHIEF.has(r)).map((r) => `${r} chief`) : []),
];
const SERVICE_CHIEF = new Set(['fire', 'polic']);

/** Ranks within one office ("chief commissioner" vs "deputy commissioner"), and the deputies. */
const RANKS = new Set(['chief', 'senior', 'assistant', 'acting', 'interim'].map(stem));
const DEPUTY = new Set(['deputy', 'vice', 'assistant'].map(stem));
/** Title words that come first: "Chief Financial Officer", "Deputy Prime Minister". */
const LEADING_TITLE = new Set(['chief', 'deputy', 'vice', 'senior', 'top', 'special'].map(stem));
/** Readable words for title stems ("prime minist" → "Prime Minister"). */
const TITLE_TEXT = new Map([...TITLE_WORDS].map((w) => [stem(w), w]));
function titleText(role: readonly string[]): string {
  // "Deputy Foreign Minister", "Chief Operating Officer": leading words, then the portfolio (or
  // country), then the rank.
  const rank = (r: string) => (LEADING_TITLE.has(r) ? 0 : PORTFOLIOS.has(r) || !TITLE_TEXT.has(r) ? 1 : 2);
  return [...role]
    .sort((a, b) => rank(a) - rank(b))
    .map((r) => TITLE_TEXT.get(r) ?? r)
    .map((w) => w.replace(/^\p{L}/u, (c) => c.toUpperCase()))
    .join(' ');
}

/** One person under two titles, as a person difference ("id|title stems" keys, see ignoredFor). */
function titleDifference(e: EntityRef, ra: readonly string[], rb: readonly string[], lexicon: Lexicon): SlotDifference {
  const name = displayName(e, lexicon);
  return {
    kind: 'person',
    a: `${titleText(ra)} ${name}`,
    b: `${titleText(rb)} ${name}`,
    aKey: `${e.id}|${ra.join(' ')}`,
    bKey: `${e.id}|${rb.join(' ')}`,
  };
}

function displayName(e: EntityRef, lexicon: Lexicon): string {
  return lexicon.entities.get(e.id)?.name ?? e.id.replace(/\b\p{L}/gu, (c) => c.toUpperCase());
}

export function compareClaims(a: Claim, b: Claim, lexicon: Lexicon, w: Weights): Comparison {
  const differences = slotDifferences(a, b, lexicon);
  const ignore = differences.length ? ignoredFor(differences, a, b) : NOTHING_IGNORED;
  const out = similarity(a, b, lexicon, w, ignore) as Comparison;
  out.differences = differences;
  const swap = differences.length === 0 && out.otherParticipants ? onlyPersonSwapped(a, b, out, lexicon) : undefined;
  if (swap) {
    const again = similarity(a, b, lexicon, w, ignoredFor([swap], a, b)) as Comparison;
    again.differences = [swap];
    return again;
  }
  return out;
}

/** Nearly all of the page sentence, and a good part of the source's, with one person in place of another. */
const ALL_BUT_THE_PERSON = { coverA: 0.9, coverB: 0.4 };

/**
 * Each side names one person, not the other's, in sentences alike in all else ("Ms. Marchetti
 * called it the hardest machine …" vs "Program manager Dana Whitcombe … called it 'the hardest
 * machine …'"): the person is the detail that differs, whatever words stand beside the names.
 */
function onlyPersonSwapped(a: Claim, b: Claim, sim: Similarity, lexicon: Lexicon): SlotDifference | undefined {
  if (sim.coverA < ALL_BUT_THE_PERSON.coverA || sim.coverB < ALL_BUT_THE_PERSON.coverB) return undefined;
  const named = (c: Claim) => c.entities.filter((e) => e.kind === 'person' && !e.implicit);
  const [x, ...moreA] = named(a);
  const [y, ...moreB] = named(b);
  if (!x || !y || moreA.length || moreB.length || entityMatched(x, b.entities, lexicon)) return undefined;
  if (entityMatched(y, a.entities, lexicon)) return undefined;
  return { kind: 'person', a: displayName(x, lexicon), b: displayName(y, lexicon), aKey: x.id, bKey: y.id };
}

/**
 * Entities that are the differing slot do not count against similarity: "Raimondo warned …"
 * vs "Yellen warned …" is the same fact with one detail changed.
 */
function ignoredFor(differences: SlotDifference[], a: Claim, b: Claim): Set<string> {
  const ignore = new Set<string>();
  for (const d of differences) {
    if (d.kind === 'date')
      for (const x of [...a.dates, ...b.dates])
        if (x.text === d.aKey || x.text === d.bKey) ignore.add(`date:${x.value}`);
    if (d.kind === 'number')
      for (const x of [...a.numbers, ...b.numbers])
        if (x.text === d.aKey || x.text === d.bKey) ignore.add(`number:${x.unit}`);
    if (d.kind !== 'person' && d.kind !== 'place') continue;
    // A compass word that differs is the detail, not content.
    for (const key of [d.aKey, d.bKey]) if (COMPASS[key] !== undefined) ignore.add(`term:${key}`);
    // A changed title ("id|title stems"): its words are the differing detail, not content.
    for (const key of [d.aKey, d.bKey])
      if (key.includes('|')) for (const r of key.split('|')[1]?.split(' ') ?? []) ignore.add(`term:${r}`);
    for (const e of [...a.entities, ...b.entities]) if (e.id === d.aKey || e.id === d.bKey) ignore.add(e.id);
  }
  return ignore;
}

/**
 * Sentence → Claim: everything the matcher compares, for source sentences (at build time) and
 * page sentences (at match time) alike, so that both sides are read the same way.
 */
import { foldPunctuation } from '../text/normalize';
import { isStopWord, stem, type Token, tokenize } from '../text/tokens';
import type { AnalyzeContext, Claim, EntityRef } from './claim';
import { isCountryName } from './countries';
import {
  attributionOf,
  BEFORE_NOT_TEMPORAL,
  CONCESSIVE,
  CONTRAST,
  isHedged,
  isNegation,
  NOT_TEMPORAL,
  type OrderCue,
  orderCue,
  quotedStems,
  RELATIVE,
  sequenceOf,
  windowCues,
} from './cues';
import { extractDates } from './dates';
import { findMentions, HONORIFICS, type Mention, TITLE_WORDS } from './entities';
import { extractNumbers } from './numbers';
import { placeContext } from './places';
import { demonymOf, resolveMention } from './resolve';
import { roleOf, rolePhrases } from './roles';

/** "once the assembly has met", "once it is signed": "once" opening a clause means after ("once
 * again", "once a year" do not). */
function opensClauseAfterOnce(next: Token | undefined): boolean {
  if (!next) return false;
  return /^(the|it|he|she|they|we|its|their|his|her|this|these|those)$/u.test(next.lower) || /^\p{Lu}/u.test(next.raw);
}

/** Verbs of saying and finding, whose "that" opens the clause they report. */
const REPORTING =
  /^(?:said|says|say|added|concluded|found|finds|discovered|argued|insisted|noted|warned|stated|claimed|believes?|believed|announced|confirmed|reported|ruled|acknowledged|admitted|denied|explained|argues|concludes)$/u;
/** Words that open a reported clause after such a verb. */
const REPORTED_OPENER = /^(?:that|it|he|she|they|we|the)$/u;

/** Content terms on each side of an order cue that say what happened: the nearest few. */
const HAPPENING_TERMS = 5;

/**
 * What happened first and what then, around the sentence's one before/after cue ("A before B",
 * "A after B"). Nothing when there are several cues or one side is empty.
 */
function happeningsOf(
  cueAt: { cue: OrderCue; at: number; word: string }[],
  termAt: { term: string; at: number }[],
): { happenings?: [string[], string[]] } {
  const [only] = cueAt;
  if (!only || cueAt.length !== 1) return {};
  const left = termAt
    .filter((t) => t.at < only.at)
    .slice(-HAPPENING_TERMS)
    .map((t) => t.term);
  const right = termAt
    .filter((t) => t.at > only.at)
    .slice(0, HAPPENING_TERMS)
    .map((t) => t.term);
  if (left.length === 0 || right.length === 0) return {};
  // "A after B" tells B first, but an adverb looks back: "A, and only afterward B" tells A first
  // ("A; earlier, B": B first).
  const leftFirst = (only.cue === 'before') !== LOOKS_BACK.has(only.word);
  return { happenings: leftFirst ? [left, right] : [right, left] };
}

/** Order words that look back to what was just said rather than forward to what follows. */
const LOOKS_BACK = new Set(['afterward', 'afterwards', 'later', 'subsequently', 'earlier', 'previously', 'beforehand']);

export function analyzeSentence(text: string, ctx: AnalyzeContext): Claim {
  const folded = foldPunctuation(text);
  const tokens = tokenize(folded);
  const lexicon = ctx.lexicon;
  const dates = extractDates(folded, ctx.published);
  // Month and weekday names are dates, not entities.
  const inDate = (m: Mention) =>
    dates.some((d) => (tokens[m.start]?.index ?? -1) >= d.start && (tokens[m.start]?.index ?? -1) < d.end);
  // Known: an alias, the surname of exactly one person ("Lagarde spoke …" opening a sentence), or a
  // country ("Spain sent …").
  const isKnown = (k: string) =>
    lexicon.aliases.has(k) || lexicon.personTokens.get(k)?.length === 1 || isCountryName(k);
  const mentions = findMentions(folded, tokens, isKnown).filter((m) => !inDate(m));
  const numbers = extractNumbers(folded, dates);

  // Token positions that belong to entities, dates or numbers are not content terms.
  const covered = new Set<number>();
  for (const m of mentions) for (let k = m.start; k < m.end; k++) covered.add(k);
  const spans = [...dates.map((d) => [d.start, d.end] as const)];
  for (const n of numbers) {
    const at = folded.indexOf(n.text);
    if (at >= 0) spans.push([at, at + n.text.length]);
  }
  tokens.forEach((t, k) => {
    if (spans.some(([s, e]) => t.index >= s && t.index < e)) covered.add(k);
  });

  const terms = new Set<string>();
  const order = new Set<OrderCue>();
  const cueAt: { cue: OrderCue; at: number; word: string }[] = [];
  // Negations per clause: each clause has its own polarity ("must not enter …; unverified reports
  // …" is still a "not"), and two in one clause cancel out.
  const negationsIn = new Map<number, number>();
  // A concessive or relative clause ("although Xi did not express support, he announced …",
  // "adults whose blood pressure is not controlled") runs to the next comma; a negation inside it
  // does not negate the sentence's claim.
  let concessive = false;
  // Clauses joined by "but", "while", "yet" or a semicolon: which terms each holds, and which
  // ones a negation is in.
  let clause = 0;
  const clauseOf = new Map<string, number>();
  const termAt: { term: string; at: number }[] = [];
  tokens.forEach((t, k) => {
    const previous = tokens[k - 1]?.lower ?? '';
    const gap = k > 0 ? folded.slice((tokens[k - 1]?.index ?? 0) + (tokens[k - 1]?.raw.length ?? 0), t.index) : '';
    const commaBefore = gap.includes(',');
    // …and a participle after a comma ("did not finish, stepping off the course …") or "that"
    // after a verb of saying or finding ("concluded that the timetable had never been …") adds
    // another.
    const participle = commaBefore && /^\p{Ll}{3,}ing$/u.test(t.raw);
    // (…or with "that" left out: "discovered it did not secure the data".)
    const reported = REPORTED_OPENER.test(t.lower) && REPORTING.test(previous);
    if (gap.includes(';') || participle || reported || (CONTRAST.has(t.lower) && (commaBefore || t.lower === 'but')))
      clause++;
    if (commaBefore) concessive = false;
    if (CONCESSIVE.has(t.lower) || RELATIVE.has(t.lower)) concessive = true;
    if (isNegation(tokens, k, lexicon.negativeWords, commaBefore)) {
      if (!concessive) negationsIn.set(clause, (negationsIn.get(clause) ?? 0) + 1);
      return;
    }
    // "named after", "look after" are not about time.
    const cue =
      NOT_TEMPORAL.test(previous) || (t.lower === 'before' && BEFORE_NOT_TEMPORAL.test(previous))
        ? undefined
        : (orderCue(t.lower) ?? (t.lower === 'once' && opensClauseAfterOnce(tokens[k + 1]) ? 'after' : undefined));
    if (cue) {
      order.add(cue);
      cueAt.push({ cue, at: k, word: t.lower });
      return;
    }
    if (covered.has(k) || isStopWord(t.lower) || /^\d/u.test(t.lower)) return;
    // "so far" says when, not what.
    if (t.lower === 'far' && previous === 'so') return;
    const term = TITLE_WORDS.has(t.lower) && /^\p{Lu}/u.test(t.raw) ? stem(t.lower) : stem(t.lower.replace(/-/gu, ''));
    terms.add(term);
    termAt.push({ term, at: k });
    if (!clauseOf.has(term)) clauseOf.set(term, clause);
  });
  const negatedClauses = new Set([...negationsIn].filter(([, n]) => n % 2 === 1).map(([c]) => c));
  const negated = negatedClauses.size > 0;
  const negatedTerms =
    negated && clause > 0
      ? [...clauseOf]
          .filter(([, c]) => negatedClauses.has(c))
          .map(([term]) => term)
          .sort()
      : undefined;

  // Names of things (prizes, events, organisations) by token: a date next to one is about it
  // ("received the Nobel Prize in 2014"), however the verb is worded.
  const thingAt = new Map<number, string>();
  const cueWords = (start: number, end: number, beforeOnly = false) =>
    windowCues(tokens, start, end, covered, beforeOnly, folded, beforeOnly ? thingAt : undefined);
  const entities = new Map<string, EntityRef>();
  // People, and places, in the order the sentence names them: who came first, and where first.
  const people: { id: string; start: number }[] = [];
  const places: { id: string; start: number }[] = [];
  const mentionRefs: EntityRef[] = [];
  for (const m of mentions) {
    const ref = resolveMention(m, lexicon);
    mentionRefs.push(ref);
    if (ref.kind === 'place') places.push({ id: ref.id, start: m.start });
    if (ref.kind === 'person') {
      people.push({ id: ref.id, start: m.start });
      const role = roleOf(m, mentions, tokens, lexicon, folded);
      if (role.length) ref.role = role;
    }
    if (ref.kind === 'person')
      ref.cues = [
        ...new Set([...m.role.filter((r) => !HONORIFICS.has(r)).map(stem), ...cueWords(m.start, m.end)]),
      ].sort();
    // A demonym ("the Ukrainian conflict") names a country but is not a place slot.
    if ((ref.kind === 'place' || ref.kind === 'other') && !lexicon.demonyms.has(m.key) && !demonymOf(m.key, lexicon)) {
      const ctx = placeContext(folded, tokens, m.start, m.end);
      if (ctx && (ref.kind === 'place' || ctx === 'list')) ref.ctx = ctx;
    }
    if (ref.kind === 'other' || ref.kind === 'org') for (let k = m.start; k < m.end; k++) thingAt.set(k, ref.id);
    if (!entities.has(ref.id)) entities.set(ref.id, ref);
    // An organisation's name is also words ("Ministry of Foreign Affairs" ~ "foreign ministry").
    if (ref.kind === 'org' && ref.id.includes(' ')) {
      for (const w of ref.id.split(' ')) if (!isStopWord(w) && !/^\p{Lu}/u.test(w)) terms.add(stem(w));
    }
    for (const r of m.role) if (!HONORIFICS.has(r)) terms.add(stem(r));
  }

  // "Russia's top diplomat", "the Russian minister": a person the sources know by that role.
  for (const ref of rolePhrases(folded, tokens, mentions, lexicon))
    if (!entities.has(ref.id)) entities.set(ref.id, ref);

  // An unknown name listed among places is a place ("Brazil, Russia, Indonesia, China").
  const refs = [...entities.values()];
  if (refs.some((e) => e.kind === 'place' && e.ctx === 'list')) {
    for (const e of refs) if (e.kind === 'other' && e.ctx === 'list') e.kind = 'place';
  }
  return {
    terms: [...terms].sort(),
    // Mention order is kept: the first person named is compared as the actor.
    entities: [...entities.values()],
    dates: dates.map(({ value, text: t, start, end, ahead, since, time }) => {
      const first = tokens.findIndex((x) => x.index >= start);
      const last = tokens.findIndex((x) => x.index >= end);
      const near = cueWords(first < 0 ? tokens.length : first, last < 0 ? tokens.length : last, true);
      // Only names before it ("… at her home in Port Hope, Ontario, on Tuesday"): the date is the
      // sentence's own, and its words say what happened then.
      const cues = near.length || dates.length > 1 ? near : [...terms].sort();
      return {
        value,
        text: t,
        cues,
        ...(ahead ? { ahead } : {}),
        ...(since ? { since } : {}),
        ...(time ? { time } : {}),
      };
    }),
    numbers,
    order: [...order].sort(),
    sequence: [...sequenceOf(cueAt, people), ...sequenceOf(cueAt, places)],
    ...happeningsOf(cueAt, termAt),
    attribution: attributionOf(tokens, mentions, mentionRefs),
    negated,
    ...(negatedTerms ? { negatedTerms } : {}),
    hedged: isHedged(folded),
    quoted: quotedStems(folded),
  };
}

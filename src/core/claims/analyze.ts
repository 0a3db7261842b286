/**
 * Sentence → Claim: everything the matcher compares, for source sentences (at build time) and
 * page sentences (at match time) alike, so that both sides are read the same way.
 */
import { foldPunctuation } from '../text/normalize';
import { isStopWord, stem, type Token, tokenize } from '../text/tokens';
import { isHedged, isNegation, type OrderCue, orderCue } from './cues';
import { type DateSlot, extractDates } from './dates';
import {
  aliasKey,
  compatibleNames,
  type EntityKind,
  findMentions,
  HONORIFICS,
  type Mention,
  nameTokens,
  TITLE_WORDS,
} from './entities';
import type { Lexicon } from './lexicon';
import { extractNumbers, type NumberSlot } from './numbers';

export interface EntityRef {
  id: string;
  kind: EntityKind;
  /** For places: the construction it sits in ("in", "at", "list"), compared for place conflicts. */
  ctx?: string;
  /** For people: their role words and the words around the name (what they did or said). */
  cues?: string[];
  /** For people: the title before the name and the country it is of ("foreign", "minist", "russia"). */
  role?: string[];
  /** Not named in the sentence but referred to ("he", "the minister"): taken from context. */
  implicit?: boolean;
}

export interface Claim {
  /** Content stems, unique, sorted (entity names, dates, numbers and cue words excluded). */
  terms: string[];
  entities: EntityRef[];
  /** Each date with the words around it (what happened then), so dates are compared by role. */
  dates: (Omit<DateSlot, 'start' | 'end'> & { cues: string[] })[];
  numbers: NumberSlot[];
  order: OrderCue[];
  negated: boolean;
  hedged: boolean;
  /** Content stems inside quotation marks: words someone is reported to have said. */
  quoted: string[];
  /** What one person did before another did something: [first, then] ("A … after B" → [B, A]). */
  sequence: [string, string][];
  /** Who is quoted or credited: people and organisations next to "said", "told", "reported", or
   * after "according to". */
  attribution: string[];
}

export interface AnalyzeContext {
  published: string | null | undefined;
  lexicon: Lexicon;
}

/**
 * An adjective of a known place the lexicon did not list ("Western" → West, "Ukrainian" →
 * Ukraine): one word that extends a place's name by a short suffix.
 */
export function demonymOf(key: string, lexicon: Lexicon): string | undefined {
  if (key.includes(' ') || key.length < 5) return undefined;
  if (lexicon.entities.get(`${key}s`)?.kind === 'place') return `${key}s`; // "Philippine" → Philippines
  for (let cut = key.length - 1; cut >= Math.max(4, key.length - 4); cut--) {
    const id = key.slice(0, cut);
    if (lexicon.entities.get(id)?.kind === 'place') return id;
  }
  return undefined;
}

/** Resolve a mention to an entity id, through the lexicon's aliases and person names. */
export function resolveMention(m: Mention, lexicon: Lexicon): EntityRef {
  const alias = lexicon.aliases.get(m.key);
  if (alias) return { id: alias, kind: lexicon.entities.get(alias)?.kind ?? m.guess };
  const demonym = demonymOf(m.key, lexicon);
  if (demonym) return { id: demonym, kind: 'place' };
  const names = nameTokens(m.key);
  // "Western European" is two capitalised words but names no one: a word of it is a known place.
  if (
    m.guess === 'person' &&
    names.some((t) => {
      const id = lexicon.aliases.get(t);
      return id !== undefined && lexicon.entities.get(id)?.kind !== 'person';
    })
  ) {
    return { id: m.key, kind: 'other' };
  }
  if (m.guess === 'person' || names.length <= 3) {
    const candidates = new Set<string>();
    for (const t of names) for (const id of lexicon.personTokens.get(t) ?? []) candidates.add(id);
    const compatible = [...candidates].filter((id) => compatibleNames(names, nameTokens(id)));
    if (compatible.length === 1 && compatible[0]) return { id: compatible[0], kind: 'person' };
  }
  return { id: m.key, kind: m.guess };
}

const PLACE_PREPOSITIONS = new Set(['in', 'at', 'into', 'inside', 'near']);
const MOTION =
  /^(trips?|visits?|visited|visiting|travel\w*|journey\w*|flew|fly|flying|went|go|going|goes|came|come|arriv\w*|head\w*|return\w*|mov\w*|sail\w*|drove|driv\w*|took|tours?|toured)$/u;
/** "the city of X", "the island of X": X is the place the sentence is about. */
const PLACE_NOUNS = new Set([
  'city',
  'island',
  'province',
  'region',
  'state',
  'town',
  'port',
  'capital',
  'village',
  'county',
]);

/**
 * How a place is used: where something happens ("in X", "at X", "to X", "the city of X": 'loc'),
 * where it comes from ('from'), or one of a list ("Brazil, Russia, India": 'list').
 */
function placeContext(text: string, tokens: Token[], start: number): string | undefined {
  const before = tokens[start - 1];
  const t = tokens[start];
  if (!before || !t) return undefined;
  const gap = text.slice(before.index + before.raw.length, t.index);
  // A list of names: "Brazil, Russia, Indonesia, China and South Africa".
  const rest = text.slice(t.index);
  if (gap.includes(',') && /^\p{Lu}/u.test(before.raw) && /^[\p{L} ]+?(,| and | or )\s*\p{Lu}/u.test(rest))
    return 'list';
  // Skip an article: "at the Great Hall", "in the South China Sea".
  const k = before.lower === 'the' ? start - 2 : start - 1;
  const prep = tokens[k]?.lower ?? '';
  if (prep === 'of') return PLACE_NOUNS.has(tokens[k - 1]?.lower ?? '') ? 'loc' : undefined;
  if (prep === 'from') return 'from';
  // "to" is a destination after a journey ("a trip to Guangzhou"), not after "assistance to Moscow".
  if (prep === 'to')
    return MOTION.test(tokens[k - 1]?.lower ?? '') || MOTION.test(tokens[k - 2]?.lower ?? '') ? 'loc' : undefined;
  return PLACE_PREPOSITIONS.has(prep) ? 'loc' : undefined;
}

/** Stems of the content words inside "…" (typographic quotes are folded to straight ones). */
function quotedStems(folded: string): string[] {
  const out = new Set<string>();
  for (const m of folded.matchAll(/"([^"]{3,400})"/gu)) {
    for (const t of tokenize(m[1] ?? '')) if (!isStopWord(t.lower) && !/^\d/u.test(t.lower)) out.add(stem(t.lower));
  }
  return [...out].sort();
}

/** "A … after B" → B first; "A … before B" → A first; only where a person stands on each side. */
function sequenceOf(
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

/**
 * The role a person is named with: the title words before the name and the country they belong
 * to ("Russian Foreign Minister Sergei Lavrov", "Russia's foreign minister, Sergey Lavrov").
 */
function roleOf(m: Mention, mentions: Mention[], tokens: Token[], lexicon: Lexicon, text: string): string[] {
  const role = m.role.filter((r) => !HONORIFICS.has(r)).map(stem);
  // Lower-case titles right before the name: "Russia's foreign minister, Sergey Lavrov".
  let k = m.start - m.role.length - 1;
  while (k >= 0 && TITLE_WORDS.has(tokens[k]?.lower ?? '')) role.push(stem(tokens[k]?.lower ?? '')), k--;
  if (role.length === 0) return appositiveRole(m, mentions, tokens, lexicon, text);
  // The country must stand right against the title: "Russian Foreign Minister", not "in Beijing, Mr.".
  const country = mentions.find((p) => p.end === k + 1 && p !== m);
  const first = tokens[k + 1];
  const last = tokens[k];
  const touching = first && last && !text.slice(last.index + last.raw.length, first.index).includes(',');
  const id = country && touching ? (lexicon.aliases.get(country.key) ?? demonymOf(country.key, lexicon)) : undefined;
  if (id && lexicon.entities.get(id)?.kind === 'place') role.push(id);
  role.push(...appositiveRole(m, mentions, tokens, lexicon, text));
  return [...new Set(role)].sort();
}

/** A title after the name: "Wang Yi, the top diplomat of …", "Sergey Lavrov, Russia's foreign minister". */
function appositiveRole(m: Mention, mentions: Mention[], tokens: Token[], lexicon: Lexicon, text: string): string[] {
  const last = tokens[m.end - 1];
  const next = tokens[m.end];
  if (!last || !next || !text.slice(last.index + last.raw.length, next.index).includes(',')) return [];
  const out: string[] = [];
  let k = m.end;
  const country = mentions.find((p) => p.start === k && p !== m);
  if (country) {
    const id = lexicon.aliases.get(country.key) ?? demonymOf(country.key, lexicon);
    if (id && lexicon.entities.get(id)?.kind === 'place') out.push(id);
    k = country.end;
  }
  if (tokens[k]?.lower === 'the') k++;
  while (k < tokens.length && TITLE_WORDS.has(tokens[k]?.lower ?? '')) out.push(stem(tokens[k]?.lower ?? '')), k++;
  // Only a title makes it a role; a country alone ("Lavrov, Russia…") does not.
  return out.some((r) => !lexicon.entities.has(r)) ? out : [];
}

const ROLE_PHRASE =
  /\b(?:the|([\p{Lu}][\p{L}.]*?)(?:'s)?)\s+((?:[\p{Ll}-]+\s+){0,2}?)(minister|diplomat|leader|president|spokesman|spokeswoman|spokesperson|secretary|chairman|envoy|premier)\b/gu;

/**
 * People referred to by role, not name: "Russia's top diplomat", "the Russian minister",
 * "China's leader" — the one person the dataset knows with that role (and country), if unique.
 * A title in front of a name ("Foreign Minister Wang Yi") is not such a phrase.
 */
function rolePhrases(text: string, tokens: Token[], mentions: Mention[], lexicon: Lexicon): EntityRef[] {
  const out: EntityRef[] = [];
  for (const m of text.matchAll(ROLE_PHRASE)) {
    const end = (m.index ?? 0) + m[0].length;
    const next = tokens.findIndex((t) => t.index >= end);
    if (mentions.some((x) => x.start === next || x.start === next + 0) && /^\s*\p{Lu}/u.test(text.slice(end))) continue;
    const country = m[1] ? (lexicon.aliases.get(aliasKey(m[1])) ?? demonymOf(aliasKey(m[1]), lexicon)) : undefined;
    if (m[1] && !country) continue;
    const want = [
      stem(m[3] ?? ''),
      ...(m[2] ?? '')
        .split(/\s+/u)
        .filter((w) => TITLE_WORDS.has(w))
        .map(stem),
    ];
    if (country) want.push(country);
    const found = [...lexicon.entities.entries()].filter(
      ([, e]) => e.kind === 'person' && want.every((w) => e.roles?.includes(w)),
    );
    const [only] = found;
    if (only && found.length === 1) out.push({ id: only[0], kind: 'person' });
  }
  return out;
}

const REPORTING =
  /^(said|says|told|tells|stated|states|added|noted|reported|reports|announced|wrote|argued|argues|claimed|insisted|warned|confirmed|mentioned)$/u;

/** Speakers and credited sources: a name right before or after a reporting verb, or after "according to". */
function attributionOf(tokens: Token[], mentions: Mention[], refs: EntityRef[]): string[] {
  const out = new Set<string>();
  mentions.forEach((m, i) => {
    const ref = refs[i];
    if (!ref || (ref.kind !== 'person' && ref.kind !== 'org')) return;
    const before = tokens[m.start - 1]?.lower ?? '';
    const after = tokens[m.end]?.lower ?? '';
    const credited = tokens[m.start - 2]?.lower === 'according' && before === 'to';
    if (REPORTING.test(after) || REPORTING.test(before) || credited) out.add(ref.id);
  });
  return [...out].sort();
}

const CONCESSIVE = new Set(['although', 'though', 'whereas', 'albeit']);

const NOT_TEMPORAL = /^(named|name|names|look|looks|looked|looking|modell?ed|takes?|took|taken)$/u;

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
function opensClause(text: string, tokens: Token[], start: number): boolean {
  let k = start - 1;
  while (k >= 0 && DATE_LEAD.has(tokens[k]?.lower ?? '')) k--;
  const prev = tokens[k];
  if (!prev) return true;
  if (prev.lower === 'that') return true;
  const gap = text.slice(prev.index + prev.raw.length, tokens[k + 1]?.index ?? prev.index);
  return gap.includes(',');
}

function windowCues(
  tokens: Token[],
  start: number,
  end: number,
  covered: Set<number>,
  beforeOnly = false,
  text = '',
): string[] {
  const out: string[] = [];
  const take = (k: number) => {
    const t = tokens[k];
    if (!t || covered.has(k) || /^\d/u.test(t.lower)) return false;
    if (SPEECH.test(t.lower)) out.push('SAY');
    // Titles ("minister") say who, not what happened; they are cues only for people (as roles).
    else if (!isStopWord(t.lower) && !TITLE_WORDS.has(t.lower)) out.push(stem(t.lower.replace(/-/gu, '')));
    else return false;
    return true;
  };
  const forwards = beforeOnly && text !== '' && opensClause(text, tokens, start);
  if (!forwards) for (let k = start - 1, n = 0; k >= 0 && n < CUE_WINDOW; k--) if (take(k)) n++;
  // What happened is usually said before the date or name ("arrived on April 8"); a span that
  // opens its clause ("On Tuesday, Lavrov concluded …", "that in March, Reuters reported") is read
  // forwards.
  if (forwards || out.length === 0 || !beforeOnly)
    for (let k = end, n = 0; k < tokens.length && n < CUE_WINDOW; k++) if (take(k)) n++;
  return [...new Set(out)].sort();
}

export function analyzeSentence(text: string, ctx: AnalyzeContext): Claim {
  const folded = foldPunctuation(text);
  const tokens = tokenize(folded);
  const lexicon = ctx.lexicon;
  const dates = extractDates(folded, ctx.published);
  // Month and weekday names are dates, not entities.
  const inDate = (m: Mention) =>
    dates.some((d) => (tokens[m.start]?.index ?? -1) >= d.start && (tokens[m.start]?.index ?? -1) < d.end);
  const mentions = findMentions(folded, tokens, (k) => lexicon.aliases.has(k)).filter((m) => !inDate(m));
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
  const cueAt: { cue: OrderCue; at: number }[] = [];
  let negations = 0;
  // A concessive clause ("although Xi did not express support, he announced …") runs to the next
  // comma; a negation inside it does not negate the sentence's claim.
  let concessive = false;
  tokens.forEach((t, k) => {
    const commaBefore =
      k > 0 && folded.slice((tokens[k - 1]?.index ?? 0) + (tokens[k - 1]?.raw.length ?? 0), t.index).includes(',');
    if (commaBefore) concessive = false;
    if (CONCESSIVE.has(t.lower)) concessive = true;
    if (isNegation(tokens, k, lexicon.negativeWords, commaBefore)) {
      if (!concessive) negations++;
      return;
    }
    // "named after", "look after" are not about time.
    const cue = NOT_TEMPORAL.test(tokens[k - 1]?.lower ?? '') ? undefined : orderCue(t.lower);
    if (cue) {
      order.add(cue);
      cueAt.push({ cue, at: k });
      return;
    }
    if (covered.has(k) || isStopWord(t.lower) || /^\d/u.test(t.lower)) return;
    if (TITLE_WORDS.has(t.lower) && /^\p{Lu}/u.test(t.raw)) {
      terms.add(stem(t.lower));
      return;
    }
    terms.add(stem(t.lower.replace(/-/gu, '')));
  });

  const cueWords = (start: number, end: number, beforeOnly = false) =>
    windowCues(tokens, start, end, covered, beforeOnly, folded);
  const entities = new Map<string, EntityRef>();
  const people: { id: string; start: number }[] = [];
  const mentionRefs: EntityRef[] = [];
  for (const m of mentions) {
    const ref = resolveMention(m, lexicon);
    mentionRefs.push(ref);
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
      const ctx = placeContext(folded, tokens, m.start);
      if (ctx && (ref.kind === 'place' || ctx === 'list')) ref.ctx = ctx;
    }
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
    dates: dates.map(({ value, text: t, start, end }) => {
      const first = tokens.findIndex((x) => x.index >= start);
      const last = tokens.findIndex((x) => x.index >= end);
      return {
        value,
        text: t,
        cues: cueWords(first < 0 ? tokens.length : first, last < 0 ? tokens.length : last, true),
      };
    }),
    numbers,
    order: [...order].sort(),
    sequence: sequenceOf(cueAt, people),
    attribution: attributionOf(tokens, mentions, mentionRefs),
    negated: negations % 2 === 1,
    hedged: isHedged(folded),
    quoted: quotedStems(folded),
  };
}

const PRONOUN = /^(he|she|his|her|him)$/u;
/** "the minister", "the Russian foreign minister": a person named earlier, by role. */
const ROLE_ANAPHOR =
  /\bthe (?:[\p{L}-]+ ){0,2}(minister|diplomat|spokesman|spokeswoman|spokesperson|secretary|president|leader|envoy|official)\b/iu;
/** "That was 36 percent more …", "The value of that trade …": a sentence leaning on the previous one. */
const CONTEXT_ANAPHOR =
  /^(that|this|it) (was|is|were|are|would|will|has|had)\b|\b(of|in|for) (that|this) (?!year|month|week|time|day)\p{Ll}+/iu;
/** Below this many terms and names, a leaning sentence is read together with the previous one. */
const SHORT_CLAIM = 6;

/**
 * Analyse the sentences of one text in order. A sentence whose actor is only a pronoun or a role
 * ("He added that …", "The minister also said …") takes the person the previous sentence was
 * about; a short sentence that leans on the previous one ("That was 36 percent more than in
 * 2022.") also takes its names and words, since alone it states nothing checkable.
 */
export function analyzeSequence(sentences: readonly string[], ctx: AnalyzeContext): Claim[] {
  let previous: EntityRef | undefined;
  let previousClaim: Claim | undefined;
  /** People named so far, most recent first, with the role words seen with them. */
  const people: EntityRef[] = [];
  return sentences.map((text) => {
    const claim = analyzeSentence(text, ctx);
    const folded = foldPunctuation(text);
    const tokens = tokenize(folded);
    const pronoun = tokens.findIndex((t) => PRONOUN.test(t.lower));
    const named = claim.entities.find((e) => e.kind === 'person');
    // "The minister" is the last person seen with the role "minister" ("the Russian leader" is no
    // one, unless someone was called a leader).
    const role = named ? null : ROLE_ANAPHOR.exec(folded);
    const roleHead = role?.[1] ? stem(role[1].toLowerCase()) : undefined;
    const byRole = roleHead ? people.find((p) => p.cues?.includes(roleHead)) : undefined;
    const antecedent = role ? byRole : previous;
    // A pronoun is the actor when no one is named, or when it opens the sentence ("She met Yoko
    // Kamikawa"); "During her visit, Janet Yellen warned …" names its actor.
    const at = role ? tokens.findIndex((t) => t.index >= role.index) : pronoun;
    if (antecedent && at >= 0 && (!named || pronoun === 0)) {
      if (!claim.entities.some((e) => e.id === antecedent.id)) {
        claim.entities.unshift({
          id: antecedent.id,
          kind: 'person',
          cues: windowCues(tokens, at, at + 1, new Set()),
          implicit: true,
        });
      }
    } else if (named) previous = named;
    for (const e of claim.entities) {
      if (e.kind !== 'person') continue;
      const known = people.findIndex((p) => p.id === e.id);
      const cues = [...new Set([...(people[known]?.cues ?? []), ...(e.cues ?? [])])];
      if (known >= 0) people.splice(known, 1);
      people.unshift({ ...e, cues });
    }
    if (previousClaim && CONTEXT_ANAPHOR.test(folded) && claim.terms.length + claim.entities.length < SHORT_CLAIM) {
      const known = new Set(claim.entities.map((e) => e.id));
      claim.entities.push(...previousClaim.entities.filter((e) => !known.has(e.id)));
      claim.terms = [...new Set([...claim.terms, ...previousClaim.terms])].sort();
      // The previous sentence's amounts and dates are what "that" refers to, unless restated.
      const units = new Set(claim.numbers.map((n) => n.unit));
      claim.numbers.push(...previousClaim.numbers.filter((n) => !units.has(n.unit)));
      if (claim.dates.length === 0) claim.dates.push(...previousClaim.dates);
    }
    previousClaim = claim;
    return claim;
  });
}

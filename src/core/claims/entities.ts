/**
 * Named-entity mentions: runs of capitalised words, with leading titles ("Treasury Secretary",
 * "Mr.") split off as the person's role. Resolution to entity ids goes through the dataset's
 * lexicon (aliases learnt at build time) and a name-compatibility rule for people
 * ("Sergei V. Lavrov" = "Sergey Lavrov"; "Mr. Wang" = "Wang Yi" but "Helen Wang" ≠ "Wang Yi").
 */
import { isStopWord, type Token } from '../text/tokens';
import { MONTH_NAMES, WEEKDAY_NAMES } from './dates';

export type EntityKind = 'person' | 'place' | 'org' | 'other';

export interface Mention {
  surface: string;
  /** Lower-cased surface with possessive and dots removed: the alias key. */
  key: string;
  /** Token index range [start, end). */
  start: number;
  end: number;
  /** Title words that preceded the name ("secretary", "treasury"). */
  role: string[];
  /** Kind guessed from context alone (used when the lexicon does not know the name). */
  guess: EntityKind;
  /** The guess rests on "to" or "from" alone, which precede organisations as often as places
   * ("a complaint from Spotify"): the dataset builder does not count it as evidence. */
  weak?: boolean;
}

export const HONORIFICS = new Set(['mr', 'mrs', 'ms', 'dr', 'prof', 'sen', 'gov', 'gen', 'rep']);
/**
 * Portfolios and ranks that qualify a title ("Prime Minister", "Interior Minister", "Deputy …"):
 * title words, and what tells two titles of the same rank apart.
 */
export const PORTFOLIO_WORDS = [
  'prime',
  'foreign',
  'interior',
  'defense',
  'defence',
  'finance',
  'treasury',
  'commerce',
  'trade',
  'justice',
  'health',
  'education',
  'energy',
  'agriculture',
  'labor',
  'labour',
  'transport',
  'economy',
  'security',
  'deputy',
  'vice',
  'assistant',
  'acting',
  'interim',
  // Company and club officers: "Chief Financial Officer" vs "chief operating officer".
  'financial',
  'operating',
  'technology',
  'marketing',
  'sporting',
];
/** Words that form a title before a name. */
export const TITLE_WORDS = new Set([
  'president',
  'secretary',
  'minister',
  'state',
  'chairman',
  'chairwoman',
  'chair',
  'general',
  'senator',
  'governor',
  'premier',
  'chancellor',
  'ambassador',
  'spokesman',
  'spokeswoman',
  'spokesperson',
  'chief',
  'leader',
  'press',
  'king',
  'queen',
  'prince',
  'pope',
  'curator',
  'sinologist',
  'professor',
  'envoy',
  'special',
  'director',
  'mayor',
  'judge',
  'senior',
  'top',
  'diplomat',
  'head',
  'ceo',
  'analyst',
  'economist',
  'officer',
  'correspondent',
  'reporter',
  'editor',
  'commander',
  'admiral',
  'colonel',
  'captain',
  'executive',
  'founder',
  'commissioner',
  'prosecutor',
  'attorney',
  'lawmaker',
  'coach',
  'administrator',
  'manager',
  'adviser',
  'advisor',
  ...PORTFOLIO_WORDS,
]);
/** Words that close a title begun before them, never one on their own: "Minister of Foreign
 * Affairs Jonas Reith" ("the Ministry of Foreign Affairs" stays an organisation). */
const TITLE_TAIL = new Set(['affairs']);
/** Services whose head is a "… Chief" of that service. */
const SERVICES = new Set(['fire', 'police']);
/** Names that open with one of these words are institutions or places, never people. */
const INSTITUTION_FIRST =
  /^(?:republic|kingdom|state|bank|ministry|department|university|council|committee|federation|union|commission|office|agency|court|parliament|assembly|party|government|city|province|county)\b/iu;
const ORG_WORDS =
  /\b(ministry|party|committee|council|bank|organi[sz]ation|department|office|agency|commission|congress|parliament|assembly|union|group|university|institute|exchange|army|navy|forces|court|bureau|company|corporation|inc|news|times|post|journal|reuters|bloomberg|kremlin|pentagon|senate|school|college|academy|hospital|clinic|museum|library|federation|association|league|foundation|authority|society|pharma|pharmaceuticals?|therapeutics|motors|airlines?|airways|holdings|industries|technologies|systems|labs|laboratories|partners|capital|ventures|telecom|logistics|railways?|rail|freight)\b/iu;
const PLACE_WORDS =
  /\b(city|sea|ocean|river|island|islands|square|guesthouse|hall|house|province|region|street|avenue|mountains?|lake|gulf|strait|valley|county|district|republic|kingdom|state guesthouse|building|tower|stadium|airport|bridge|palace|arena|campus|cathedral|plaza)\b/iu;
/** People who work somewhere: "<these> at X" names an organisation. */
const PEOPLE_AT =
  /^(analysts?|economists?|researchers?|scientists?|officials?|executives?|engineers?|strategists?|doctors?|staff|workers?|employees?|experts?|lawyers?|traders?|bankers?|investors?|professors?|students?)$/u;
const PLACE_PREPOSITIONS = new Set([
  'in',
  'at',
  'to',
  'from',
  'near',
  'into',
  'across',
  'toward',
  'towards',
  'via',
  'outside',
]);
/** Month and weekday names: dates, never entities. */
export const CALENDAR = new RegExp(`^(?:${[...MONTH_NAMES, ...WEEKDAY_NAMES].join('|')})$`, 'u');
/** Number words: a count, never the start of a name ("Seven Valdorians …"). */
const NUMBER_WORD =
  /^(?:one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|twenty|thirty|forty|fifty|hundred|thousand|dozens?|hundreds|thousands)$/u;
/** Capitalised only because they start a sentence or clause. */
const LEADING_NOISE = new Set([
  'in',
  'on',
  'at',
  'the',
  'a',
  'an',
  'while',
  'whereas',
  'during',
  'since',
  'after',
  'before',
  'as',
  'but',
  'and',
  'we',
  'i',
  'it',
  'he',
  'she',
  'they',
  'this',
  'that',
  'these',
  'those',
  'there',
  'his',
  'her',
  'its',
  'their',
  'our',
  'if',
  'when',
  'despite',
  'although',
  'though',
  'for',
  'from',
  'with',
  'by',
  'to',
  'of',
  'however',
  'meanwhile',
  'earlier',
  'later',
  'together',
  'both',
  'according',
  'prior',
  'even',
  'still',
  'then',
  'so',
  'yet',
  'also',
  'only',
]);
const CONNECTORS = new Set(['of', 'the', 'for', 'de', 'al', 'bin', 'von', 'van', 'der']);

function isCapitalised(t: Token): boolean {
  return /^\p{Lu}/u.test(t.raw) || /^(?:\p{L}\.){2,}$/u.test(t.raw);
}

const ORG_FILLER = new Set(['of', 'the', 'for', 'and', 'affairs']);

/**
 * One key for the word orders of an organisation's name: "Russian Foreign Ministry" and "Russian
 * Ministry of Foreign Affairs" both give "org:foreign ministry russian". Undefined for names that
 * are not organisations'.
 */
export function orgKey(key: string): string | undefined {
  if (!ORG_WORDS.test(key)) return undefined;
  const words = [...new Set(key.split(' ').filter((w) => w && !ORG_FILLER.has(w)))];
  return words.length >= 2 ? `org:${words.sort().join(' ')}` : undefined;
}

export function aliasKey(surface: string): string {
  return surface
    .toLowerCase()
    .replace(/['’]s$/u, '')
    .replace(/\./gu, '')
    .replace(/[-\s]+/gu, ' ')
    .trim();
}

/**
 * Find the capitalised runs of a sentence. `isKnown` says whether a lower-cased key is a known
 * alias: a lone capitalised word at the start of a sentence counts only if it is known (otherwise
 * every sentence's first word would be an "entity").
 */
export function findMentions(text: string, tokens: Token[], isKnown: (key: string) => boolean): Mention[] {
  const out: Mention[] = [];
  // Tokens join a run when only spaces separate them (or the dot of an honorific: "Mr. Lavrov").
  const gapIsSpace = (a: Token, b: Token) => {
    const gap = text.slice(a.index + a.raw.length, b.index);
    return /^\s*$/u.test(gap) || (gap.startsWith('.') && HONORIFICS.has(a.lower) && /^\.\s*$/u.test(gap));
  };
  let i = 0;
  while (i < tokens.length) {
    const t = tokens[i];
    if (!t || !isCapitalised(t)) {
      i++;
      continue;
    }
    let j = i + 1;
    while (j < tokens.length) {
      const prev = tokens[j - 1];
      const cur = tokens[j];
      if (!prev || !cur || !gapIsSpace(prev, cur)) break;
      if (/['’]s$/u.test(prev.raw)) break; // "Russia's foreign minister": possessive ends a name
      if (isCapitalised(cur)) {
        j++;
        continue;
      }
      // "Great Hall of the People", "Secretary of State": a connector between capitalised words.
      const after = tokens[j + 1];
      const after2 = tokens[j + 2];
      // "Vladimir V. Putin of Russia": "of" + a known place ends a person's name.
      if (
        cur.lower === 'of' &&
        after &&
        isKnown(aliasKey(after.raw)) &&
        !ORG_WORDS.test(
          tokens
            .slice(i, j)
            .map((x) => x.raw)
            .join(' '),
        )
      )
        break;
      if (CONNECTORS.has(cur.lower) && after && gapIsSpace(cur, after)) {
        if (isCapitalised(after)) {
          j += 2;
          continue;
        }
        if (CONNECTORS.has(after.lower) && after2 && isCapitalised(after2)) {
          j += 3;
          continue;
        }
      }
      break;
    }
    // A run never starts with a function word or a date word ("In March", "While China").
    let s = i;
    // (Nor with a number word.)
    while (
      s < j &&
      (LEADING_NOISE.has(tokens[s]?.lower ?? '') ||
        CALENDAR.test(tokens[s]?.lower ?? '') ||
        NUMBER_WORD.test(tokens[s]?.lower ?? ''))
    )
      s++;
    let e = j;
    while (e > s && CALENDAR.test(tokens[e - 1]?.lower ?? '')) e--;
    if (s < e) splitRun(text, tokens, s, e, isKnown, out, i);
    i = j;
  }
  return out;
}

/** Split a capitalised run into [leading name][title chain][name]: "U.S. Secretary of State Antony Blinken". */
function splitRun(
  text: string,
  tokens: Token[],
  start: number,
  end: number,
  isKnown: (k: string) => boolean,
  out: Mention[],
  runStart: number,
): void {
  const lower = (k: number) => tokens[k]?.lower.replace(/\.$/u, '') ?? '';
  const isTitle = (k: number) => HONORIFICS.has(lower(k)) || TITLE_WORDS.has(lower(k));
  const surface = tokens
    .slice(start, end)
    .map((t) => t.lower)
    .join(' ');
  // Organisations and places keep their words ("Foreign Ministry", "State Council", "Diaoyutai
  // State Guesthouse"): a run that ends in such a word names no person after a title.
  if (
    (ORG_WORDS.test(surface) || PLACE_WORDS.test(lower(end - 1))) &&
    !isTitle(end - 1) &&
    !tokens.slice(start, end).some((_, k) => HONORIFICS.has(lower(start + k)))
  ) {
    // …unless a person's name stands before "of" ("Pavel Strand of the Civic Union"): two or three
    // words that are no title, organisation or place word ("Bank of England", "Great Hall of the
    // People", "General Secretary of the Party" stay whole).
    const personBefore = (words: string[]) =>
      words.length >= 2 &&
      words.length <= 3 &&
      !words.some((w) => TITLE_WORDS.has(w) || HONORIFICS.has(w)) &&
      !ORG_WORDS.test(words.join(' ')) &&
      !PLACE_WORDS.test(words.join(' '));
    if (!splitAtOf(text, tokens, start, end, [], isKnown, out, runStart, personBefore))
      pushMention(text, tokens, start, end, [], isKnown, out, runStart);
    return;
  }
  // Find the first title chain that is followed by a name.
  let t0 = start;
  while (t0 < end && !isTitle(t0)) t0++;
  if (t0 === end) {
    pushMention(text, tokens, start, end, [], isKnown, out, runStart);
    return;
  }
  const role: string[] = [];
  // A service named right before "Chief" is part of the title ("Elderbrook Fire Chief Dana
  // Okafor"): taken into the role below as a word qualifying a further title.
  if (t0 > start && lower(t0) === 'chief' && SERVICES.has(lower(t0 - 1))) t0--;
  // What stands before a title qualifies it ("U.S.", "Russian", "Internal Market"): never a person.
  if (t0 > start) {
    pushMention(text, tokens, start, t0, [], isKnown, out, runStart);
    const lead = out[out.length - 1];
    if (lead && lead.start === start && lead.guess === 'person') lead.guess = 'other';
  }
  let s = t0;
  const chain = () => {
    while (
      s < end &&
      (isTitle(s) || (CONNECTORS.has(lower(s)) && isTitle(s + 1)) || (role.length > 0 && TITLE_TAIL.has(lower(s))))
    ) {
      if (!CONNECTORS.has(lower(s))) role.push(lower(s));
      s++;
    }
  };
  chain();
  // A word or two that qualify a further title ("Deputy Fire Chief Tom Lindqvist", "Police
  // Commissioner …") belong to the title, not to the name.
  for (const q of [1, 2]) {
    if (s + q < end - 1 && isTitle(s + q) && ![...Array(q).keys()].some((k) => isTitle(s + k))) {
      for (let k = 0; k < q; k++) role.push(lower(s + k));
      s += q;
      chain();
      break;
    }
  }
  // A titled name ends before "of" ("Opposition leader Pavel Strand of the Civic Union"): what
  // follows is where they belong, a name of its own ("President of the Republic of Valmora" stays).
  const nameBefore = (words: string[]) =>
    !INSTITUTION_FIRST.test(words.join(' ')) && !ORG_WORDS.test(words.join(' ')) && !PLACE_WORDS.test(words.join(' '));
  if (role.length > 0 && splitAtOf(text, tokens, s, end, role, isKnown, out, runStart, nameBefore)) return;
  if (s < end) pushMention(text, tokens, s, end, role, isKnown, out, runStart);
}

/**
 * "X of Y" as two mentions, X (with `role`) and Y, when `isName` accepts X's words; false (and
 * nothing pushed) otherwise.
 */
function splitAtOf(
  text: string,
  tokens: Token[],
  from: number,
  end: number,
  role: string[],
  isKnown: (k: string) => boolean,
  out: Mention[],
  runStart: number,
  isName: (words: string[]) => boolean,
): boolean {
  const of = tokens.findIndex((t, k) => k > from && k < end - 1 && t.lower === 'of');
  if (of <= from || !isName(tokens.slice(from, of).map((t) => t.lower))) return false;
  pushMention(text, tokens, from, of, role, isKnown, out, runStart);
  pushMention(text, tokens, of + 1, end, [], isKnown, out, runStart);
  return true;
}

function pushMention(
  text: string,
  tokens: Token[],
  s: number,
  e: number,
  role: string[],
  isKnown: (k: string) => boolean,
  out: Mention[],
  runStart: number,
): void {
  // Trim connectors at the edges ("the").
  while (s < e && CONNECTORS.has(tokens[s]?.lower ?? '')) s++;
  while (e > s && CONNECTORS.has(tokens[e - 1]?.lower ?? '')) e--;
  if (s >= e) return;
  // "the Chinese capital": a demonym and "capital" name the capital (an alias the builder adds).
  const one = tokens[s];
  if (e - s === 1 && one && tokens[e]?.lower === 'capital' && isKnown(`${aliasKey(one.raw)} capital`)) e++;
  const first = tokens[s];
  const last = tokens[e - 1];
  if (!first || !last) return;
  const surface = text.slice(first.index, last.index + last.raw.length).replace(/['’]s$/u, '');
  const key = aliasKey(surface);
  // Temperature scales are units, not the physicists WordNet knows them as; a capitalised
  // function word with no title ("in Could", a spinner's "May"; not "Mr. Will") is no name.
  if (
    /^(celsius|fahrenheit|centigrade)$/u.test(key) ||
    (e - s === 1 && role.length === 0 && /^\p{Lu}\p{Ll}+$/u.test(surface) && isStopWord(key))
  )
    return;
  // A lone capitalised sentence-initial word is only an entity if the lexicon knows it.
  if (runStart === 0 && s === 0 && e - s === 1 && role.length === 0 && !isKnown(key)) return;
  const placeNoun = /^(city|cities|islands?|provinces?|regions?|towns?|ports?|capital|villages?|count(?:y|ies))$/u.test(
    tokens[runStart - 2]?.lower ?? '',
  );
  // "at the Paris Air Show": the preposition before the article.
  const before = tokens[s - 1]?.lower === 'the' ? tokens[s - 2]?.lower : tokens[s - 1]?.lower;
  const beforeRun = tokens[runStart - 1]?.lower === 'the' ? tokens[runStart - 2]?.lower : tokens[runStart - 1]?.lower;
  // "analysts at Jefferies", "researchers at Imperial College": where people work, not a place.
  const where = tokens[s - 1]?.lower === 'the' ? s - 2 : s - 1;
  const workplace = tokens[where]?.lower === 'at' && PEOPLE_AT.test(tokens[where - 1]?.lower ?? '');
  const guess = workplace ? 'org' : guessKind(surface, role, before, beforeRun, placeNoun);
  // Would it still read as a place without a "to" or "from" before it?
  const firm = (w: string | undefined) => (w === 'to' || w === 'from' ? undefined : w);
  const weak = guess === 'place' && guessKind(surface, role, firm(before), firm(beforeRun), placeNoun) !== 'place';
  out.push({ surface, key, start: s, end: e, role, guess, ...(weak ? { weak } : {}) });
}

function guessKind(
  surface: string,
  role: string[],
  before: string | undefined,
  beforeRun: string | undefined,
  placeNounBefore = false,
): EntityKind {
  // "(President of the) Republic of Valmora", "Bank of England": no person's name starts so.
  if (INSTITUTION_FIRST.test(surface)) return ORG_WORDS.test(surface.split(/\s+/u)[0] ?? '') ? 'org' : 'place';
  if (role.length > 0) return 'person';
  if (ORG_WORDS.test(surface)) return 'org';
  if (PLACE_WORDS.test(surface)) return 'place';
  if ((before && PLACE_PREPOSITIONS.has(before)) || (beforeRun && PLACE_PREPOSITIONS.has(beforeRun))) return 'place';
  if ((before === 'of' || beforeRun === 'of') && placeNounBefore) return 'place';
  const words = surface.split(/\s+/u);
  if (words.length >= 2 && words.length <= 4 && words.every((w) => /^\p{Lu}[\p{Ll}'’-]+$|^\p{Lu}\.$/u.test(w)))
    return 'person';
  return 'other';
}

/** Name tokens of a person, initials dropped: "Sergei V. Lavrov" → ["sergei", "lavrov"]. */
export function nameTokens(key: string): string[] {
  return key.split(' ').filter((w) => w.length > 1);
}

function editDistanceAtMost(a: string, b: string, max: number): boolean {
  if (Math.abs(a.length - b.length) > max) return false;
  const row = Array.from({ length: b.length + 1 }, (_, k) => k);
  for (let i = 1; i <= a.length; i++) {
    let prev = row[0] ?? 0;
    row[0] = i;
    let best = row[0];
    for (let j = 1; j <= b.length; j++) {
      const tmp = row[j] ?? 0;
      row[j] = Math.min((row[j] ?? 0) + 1, (row[j - 1] ?? 0) + 1, prev + (a[i - 1] === b[j - 1] ? 0 : 1));
      prev = tmp;
      best = Math.min(best, row[j] ?? 0);
    }
    if (best > max) return false;
  }
  return (row[b.length] ?? max + 1) <= max;
}

/**
 * Can two person names denote the same person? They share a token, and whatever else each has is
 * compatible (a transliteration variant: same initial letter, edit distance ≤ 2).
 * "Lavrov" ~ "Sergey Lavrov" ~ "Sergei V. Lavrov"; "Wang" ~ "Wang Yi"; "Wang Wenbin" ≁ "Wang Yi".
 */
export function compatibleNames(a: string[], b: string[]): boolean {
  const shared = a.filter((t) => b.includes(t));
  if (shared.length === 0) return false;
  const restA = a.filter((t) => !b.includes(t));
  const restB = b.filter((t) => !a.includes(t));
  if (restA.length === 0 || restB.length === 0) return true;
  if (restA.length !== restB.length) return false;
  // Transliterations of a given name ("Sergey"/"Sergei", "Volodymyr"/"Vladimir") keep the initial;
  // a different initial is a different person ("Wang Wenbin" ≠ "Wang Yi").
  return restA.every((t, k) => {
    const u = restB[k] ?? '';
    return t[0] === u[0] && (editDistanceAtMost(t, u, 2) || shared.some((x) => x.length >= 4));
  });
}

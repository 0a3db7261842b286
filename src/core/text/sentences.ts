/**
 * Sentence splitting: Intl.Segmenter does the work; a merge pass repairs its known failure,
 * breaking after abbreviations and initials ("Mr.", "U.S.", "Sergey V. Lavrov").
 * The segmenter follows UAX #29, which has no abbreviation list, hence the hand-written pass.
 */

export interface SentenceSpan {
  text: string;
  /** Offsets into the input string (UTF-16 code units), `end` exclusive, whitespace trimmed. */
  start: number;
  end: number;
}

/** Titles and abbreviations that end with a full stop but do not end a sentence. */
const ABBREVIATIONS = new Set([
  'mr',
  'mrs',
  'ms',
  'dr',
  'prof',
  'sen',
  'rep',
  'gov',
  'gen',
  'col',
  'lt',
  'sgt',
  'capt',
  'cmdr',
  'adm',
  'maj',
  'st',
  'jr',
  'sr',
  'rev',
  'hon',
  'pres',
  'sec',
  'amb',
  'no',
  'vs',
  'etc',
  'inc',
  'corp',
  'co',
  'ltd',
  'dept',
  'univ',
  'approx',
  'est',
  'fig',
  'jan',
  'feb',
  'mar',
  'apr',
  'jun',
  'jul',
  'aug',
  'sep',
  'sept',
  'oct',
  'nov',
  'dec',
  'mt',
  'ft',
  'e.g',
  'i.e',
  'cf',
  'al',
]);

/** Abbreviations only before a number ("No. 10", "Fig. 3"): elsewhere the word ends a sentence
 * ("… and voted no. The nationalist …"). */
const BEFORE_A_NUMBER = new Set(['no', 'fig']);

/** Does `before` (text up to a sentence break) end in something that cannot end a sentence? */
function endsInNonTerminal(before: string, after: string): boolean {
  const trimmed = before.trimEnd();
  if (!trimmed.endsWith('.')) return false;
  const word = /([\p{L}.]+)\.$/u.exec(trimmed)?.[1] ?? '';
  if (BEFORE_A_NUMBER.has(word.toLowerCase())) return /^\s*\d/u.test(after);
  if (ABBREVIATIONS.has(word.toLowerCase())) return true;
  // A single capital initial: "Sergey V." / "George W."
  if (/^\p{Lu}$/u.test(word)) return true;
  // Dotted acronyms: "U.S." "U.N." "D.C." — merge only when the next word is not a sentence start,
  // which the caller decides (an acronym can end a sentence).
  return false;
}

function isDottedAcronym(before: string): boolean {
  return /(?:^|[\s(“"])(?:\p{L}\.){2,}$/u.test(before.trimEnd());
}

/** Words that commonly start a sentence after "U.S." and so signal a real break. */
function nextLooksLikeSentenceStart(after: string): boolean {
  const m = /^\s*[“"‘']?(\p{Lu}\p{Ll}*)/u.exec(after);
  if (!m) return false;
  return /^(The|A|An|But|And|In|On|At|It|He|She|They|We|I|This|That|These|Those|Its|His|Her|Their|However|Meanwhile|Mr|Ms|Mrs|Dr)$/u.test(
    m[1] ?? '',
  );
}

const segmenterCache = new Map<string, Intl.Segmenter>();
function segmenter(locale: string): Intl.Segmenter {
  let s = segmenterCache.get(locale);
  if (!s) {
    s = new Intl.Segmenter(locale, { granularity: 'sentence' });
    segmenterCache.set(locale, s);
  }
  return s;
}

/** Longer texts are segmented in pieces of about this size. */
const CHUNK = 2000;

/**
 * ICU's sentence segmentation slows down more than linearly on long runs without a clear
 * sentence end ("Mr. Lavrov Mr. Lavrov …": 4× the text, 13× the time), so long text is cut
 * into chunks at a likely sentence end (". " before a capital) and segmented chunk by chunk;
 * a cut that was no sentence end is joined again by the merge pass below.
 */
function chunks(text: string): [number, number][] {
  const out: [number, number][] = [];
  let from = 0;
  while (text.length - from > CHUNK * 1.5) {
    const window = text.slice(from + CHUNK / 2, from + CHUNK);
    // The last likely sentence end in the window, else its last space.
    let last = window.lastIndexOf(' ') + 1;
    for (const m of window.matchAll(/[.!?]["”’)]?\s+(?=\p{Lu})/gu)) last = (m.index ?? 0) + m[0].length;
    if (last <= 0) last = window.length;
    const at = from + CHUNK / 2 + last;
    out.push([from, at]);
    from = at;
  }
  out.push([from, text.length]);
  return out;
}

/** Split `text` into sentences with offsets into `text`. */
export function splitSentences(text: string, locale = 'en'): SentenceSpan[] {
  const pieces: { start: number; end: number }[] = [];
  for (const [from, to] of chunks(text)) {
    for (const seg of segmenter(locale).segment(text.slice(from, to))) {
      pieces.push({ start: from + seg.index, end: from + seg.index + seg.segment.length });
    }
  }
  // Merge pass: join a piece to the next when the break follows an abbreviation or an initial,
  // or when the next piece starts in lower case (a break the segmenter should not have made).
  const merged: { start: number; end: number }[] = [];
  for (const piece of pieces) {
    const prev = merged[merged.length - 1];
    if (prev) {
      // Only the end of the sentence so far decides (and reading all of it at every merge would be
      // quadratic on a long run of abbreviations).
      const before = text.slice(Math.max(prev.start, prev.end - 80), prev.end);
      const after = text.slice(piece.start, piece.end);
      const lowerStart = /^\s*[“"‘'(]?\p{Ll}/u.test(after);
      const acronym = isDottedAcronym(before) && !nextLooksLikeSentenceStart(after);
      if (endsInNonTerminal(before, after) || acronym || lowerStart) {
        prev.end = piece.end;
        continue;
      }
    }
    merged.push({ ...piece });
  }
  const out: SentenceSpan[] = [];
  for (const { start, end } of merged) {
    const raw = text.slice(start, end);
    const lead = raw.length - raw.trimStart().length;
    const trimmed = raw.trim();
    if (trimmed) out.push({ text: trimmed, start: start + lead, end: start + lead + trimmed.length });
  }
  return out;
}

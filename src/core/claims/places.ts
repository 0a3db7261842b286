/** How a place is used in a sentence: where something happens, where from, in a list, or as the actor. */
import type { Token } from '../text/tokens';

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

/** A lower-case word right after a name: the name is the subject of a verb (not "Italy's …",
 * not "Beijing, he said"). */
const ACTS = /^ +\p{Ll}/u;

/**
 * How a place is used: where something happens ("in X", "at X", "to X", "the city of X": 'loc'),
 * where it comes from ('from'), one of a list ("Brazil, Russia, India": 'list'), or the actor
 * opening the sentence ("Italy sent …": 'subj').
 */
export function placeContext(text: string, tokens: Token[], start: number, end = start + 1): string | undefined {
  const before = tokens[start - 1];
  const t = tokens[start];
  if (!t) return undefined;
  // The subject: a country or city that acts ("Italy sent two planes", "The Netherlands said").
  if (!before || (start === 1 && before.lower === 'the')) {
    const last = tokens[end - 1];
    const after = last ? text.slice(last.index + last.raw.length) : '';
    return ACTS.test(after) && !/['’]s$/u.test(last?.raw ?? '') ? 'subj' : undefined;
  }
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

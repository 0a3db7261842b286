/** What the matcher compares: one sentence read as a claim, for sources and pages alike. */

import { isStopWord, stem } from '../text/tokens';
import type { OrderCue } from './cues';
import type { DateSlot } from './dates';
import type { EntityKind } from './entities';
import type { Lexicon } from './lexicon';
import type { NumberSlot } from './numbers';

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
  /** When negated and the sentence has several clauses ("X did not …, but Y …"): the content
   * stems of the negated clause, so that a "not" is compared only with what it negates. */
  negatedTerms?: string[];
  hedged: boolean;
  /** Content stems inside quotation marks: words someone is reported to have said. */
  quoted: string[];
  /** What one person did before another did something: [first, then] ("A … after B" → [B, A]). */
  sequence: [string, string][];
  /** With a single before/after cue: the content stems of what happened first and of what
   * happened then ("reopened the runway after the aircraft was towed" → [[aircraft, tow …],
   * [reopen, runwai]]), so that two sentences can be found to tell one order the other way round. */
  happenings?: [string[], string[]];
  /** Who is quoted or credited: people and organisations next to "said", "told", "reported", or
   * after "according to". */
  attribution: string[];
}

export interface AnalyzeContext {
  published: string | null | undefined;
  lexicon: Lexicon;
}

/** The words of a claim's organisations' and places' names, as stems: "the city's fire department"
 * says what "the Marrowfield Fire Department" says. */
export function nameWords(c: Claim): string[] {
  const out = new Set<string>();
  for (const e of c.entities)
    if (e.kind !== 'person') for (const w of e.id.split(' ')) if (w.length > 2 && !isStopWord(w)) out.add(stem(w));
  return [...out];
}

/**
 * The one rule that turns a comparison of two claims into a stance. The matcher (page vs source)
 * and the dataset builder (source vs source, for disagreements) both use it.
 */
import type { Comparison, SlotDifference } from './compare';

export type Stance = 'supports' | 'contradicts';

export interface Judgement {
  stance: Stance;
  /** How strongly the two claims are about the same fact (0..1). */
  score: number;
  difference: SlotDifference | null;
}

/** Thresholds, tuned on the development pages (see README "Evaluation"). */
export const THRESHOLDS = {
  /** Share of the page claim that the source must state for support. */
  support: 0.4,
  /** …when the same person and two dates or numbers agree ("April 8", "two-day"): reworded or
   * spun text ("touched down … for a two-day go to") keeps the facts but few of the words. */
  supportAnchored: 0.3,
  /** …when the source names none of the people the page sentence names. */
  supportWithoutActor: 0.7,
  /** Page details (date, amount, place) a supporting source may leave unstated: more, and the page
   * is telling of something else ("meet again in Kazakhstan next month"). */
  unstatedDetails: 2,
  /** And share of the source claim the page must state (guards against one shared phrase). */
  supportOther: 0.2,
  /** …less when nearly all of the page sentence, a date or number included, is in the source
   * ("More than 200 people were injured" in "… killing 12 people and injuring more than 200"). */
  containedSupport: 0.9,
  containedSupportOther: 0.1,
  /** …or when an amount or count agrees and this much of the page sentence is in the source. */
  figureSupport: 0.4,
  /** Share of each of two sentences alike in all they say, however short. */
  sameStatement: 0.9,
  /** A conflict needs the two sentences to be more clearly about one fact. */
  conflict: 0.5,
  conflictOther: 0.2,
  /** With the same person and the same date or number on both sides, less wording must agree. */
  anchoredConflict: 0.33,
  /** With the same person alone, as much (before/after needs more, below). */
  personAnchoredConflict: 0.33,
  /** A person swapped with nothing else named: nearly all of the page sentence, and a good part of
   * the source's, must be the same. */
  speakerSwap: 0.9,
  speakerSwapOther: 0.4,
  /** The same quotation in another person's mouth: the quotation is the anchor (as low a bar as
   * an anchored conflict's), and the words around it ("the museum's director … told reporters")
   * may all differ. */
  quoteSwap: 0.33,
  /** …but more for before/after, whose cue words ("following", "earlier in the day") are loose. */
  personAnchoredOrder: 0.4,
  /** A page sentence the source states nearly all of (a part of a longer source sentence, with the
   * same person or several of the same names): the source's other content does not make it
   * another fact. */
  containedConflict: 0.75,
  containedConflictOther: 0.1,
  containedNames: 3,
};

/**
 * A conflict between two sentences that name nothing in common (and share at least three words):
 * per kind of changed detail, the shares of the page sentence (coverA) and of the source sentence
 * (coverB) that must agree, any one pair of bars being enough.
 */
const UNANCHORED: Partial<Record<SlotDifference['kind'], { coverA: number; coverB: number }[]>> = {
  // "phased out over five years" vs "… over three years rather than …"; or a page sentence nearly
  // all inside a longer source sentence ("spread … as temperatures reached 44 degrees" in "… and
  // spread quickly in temperatures of up to 41 degrees").
  number: [
    { coverA: 0.45, coverB: 0.35 },
    { coverA: 0.75, coverB: 0.2 },
  ],
  date: [
    { coverA: 0.6, coverB: 0.35 },
    { coverA: 0.75, coverB: 0.2 },
  ],
  // A "not" added to nearly the whole source statement ("had not ruled out cancelling the mission"
  // vs "had ruled out cancelling the mission and would ask Congress …").
  negation: [{ coverA: 0.7, coverB: 0.3 }],
  // A place needs nearly the same sentence: many like events happen in many places.
  place: [{ coverA: 0.8, coverB: 0.6 }],
};

/**
 * Below this share of the page claim stated by the source, `judge` returns null whatever else the
 * comparison says: the lowest of the bars on coverA above. The matcher skips candidates that cannot
 * reach it (`coverCeiling`) without comparing them in full.
 */
export const MIN_JUDGED_COVER = Math.min(
  THRESHOLDS.support,
  THRESHOLDS.supportAnchored,
  THRESHOLDS.supportWithoutActor,
  THRESHOLDS.conflict,
  THRESHOLDS.anchoredConflict,
  THRESHOLDS.personAnchoredConflict,
  THRESHOLDS.containedConflict,
  THRESHOLDS.speakerSwap,
  THRESHOLDS.quoteSwap,
  ...Object.values(UNANCHORED).flatMap((bars) => bars.map((bar) => bar.coverA)),
);

function unanchoredConflict(c: Comparison): boolean {
  const [only] = c.differences;
  if (!only || c.differences.length !== 1 || c.sharedTerms < 3) return false;
  return (UNANCHORED[only.kind] ?? []).some((bar) => c.coverA >= bar.coverA && c.coverB >= bar.coverB);
}

/**
 * The differences that count. A "not" only on the source's side next to a changed date, number,
 * person or place usually belongs to another clause ("Speaking in Frankfurt, she declined to
 * say …" vs "She spoke in Paris"): the changed detail is the conflict.
 */
function countedDifferences(c: Comparison): SlotDifference[] {
  const d = c.differences;
  if (d.length !== 2) return d;
  const negation = d.find((x) => x.kind === 'negation');
  const typed = d.find((x) => x.kind !== 'negation' && x.kind !== 'order' && x.kind !== 'other');
  return negation && typed && negation.a === 'affirmed' ? [typed] : d;
}

export function judge(comparison: Comparison): Judgement | null {
  const c = { ...comparison, differences: countedDifferences(comparison) };
  const score = c.coverA;
  // Another person saying or doing all of the same thing is itself the tie ("Chancellor Rishi
  // Sunak said the plan was working" vs "Chancellor Jeremy Hunt said … the plan was working").
  const speakerSwap =
    c.differences.length === 1 &&
    c.differences[0]?.kind === 'person' &&
    c.sharedTerms >= 2 &&
    c.coverA >= THRESHOLDS.speakerSwap &&
    c.coverB >= THRESHOLDS.speakerSwapOther;
  // The same quoted words put in another person's mouth: the quotation is the tie.
  const quoteSwap =
    c.differences.length === 1 &&
    c.differences[0]?.kind === 'person' &&
    c.sharedQuote &&
    c.coverA >= THRESHOLDS.quoteSwap &&
    c.coverB >= THRESHOLDS.conflictOther;
  if (speakerSwap || quoteSwap) return { stance: 'contradicts', score: c.coverA, difference: c.differences[0] ?? null };
  // Without a name in common, most of both sentences alike around the one changed detail.
  if (unanchoredConflict(c)) return { stance: 'contradicts', score, difference: c.differences[0] ?? null };
  // Otherwise support needs a named anchor in common (a person, place, organisation, date or
  // number) or at least three shared words; a contradiction always needs the named anchor or a
  // difference tied to one moment or happening (a clock time, the same two happenings round
  // before/after): two sentences about an unnamed "he" are too loosely tied to accuse either.
  const tied = c.differences.length === 1 && c.differences[0]?.tiedTo !== undefined;
  // (Two short sentences that say the same words, "No deaths have been reported", need no more.)
  const same = c.sharedTerms >= 2 && c.coverA >= THRESHOLDS.sameStatement && c.coverB >= THRESHOLDS.sameStatement;
  if (c.sharedEntityWeight === 0 && !tied && ((c.sharedTerms < 3 && !same) || c.differences.length > 0)) return null;
  if (c.differences.length === 0) {
    // Support needs the same occasion, and the page's people in the source unless nearly all of
    // the page sentence is there anyway.
    if (
      c.otherOccasion ||
      c.otherParticipants ||
      c.otherSpeaker ||
      c.otherQuote ||
      c.unstatedDetails > THRESHOLDS.unstatedDetails
    )
      return null;
    const bar = c.actorMissing
      ? THRESHOLDS.supportWithoutActor
      : c.sharedSlots >= 2 && c.sharedPeople > 0
        ? THRESHOLDS.supportAnchored
        : THRESHOLDS.support;
    const contained = c.coverA >= THRESHOLDS.containedSupport && c.sharedSlots > 0;
    // The same amount or count, and much of the page sentence: a long source sentence telling
    // more besides ("cost roughly 11.2bn dollars" in "… the mission's life-cycle cost is now
    // estimated at $11.2 billion, up from …").
    const figure = c.sharedFigures > 0 && c.coverA >= THRESHOLDS.figureSupport;
    const otherBar = contained || figure ? THRESHOLDS.containedSupportOther : THRESHOLDS.supportOther;
    if (c.coverA >= bar && c.coverB >= otherBar) return { stance: 'supports', score, difference: null };
    return null;
  }
  // Exactly one checkable detail differs: a conflict. Two or more: a different fact.
  // The same person on both sides, or both dates beside the same named thing.
  const anchored =
    (c.sharedPeople > 0 || c.differences[0]?.tiedTo !== undefined) &&
    (c.sharedSlots > 0 ||
      c.sharedQuote ||
      Math.min(c.coverA, c.coverB) >=
        (c.differences[0]?.kind === 'order' && c.differences[0].tiedTo === undefined
          ? THRESHOLDS.personAnchoredOrder
          : THRESHOLDS.personAnchoredConflict)) &&
    Math.min(c.coverA, c.coverB) >= THRESHOLDS.anchoredConflict;
  // Two shared people or places in the opposite order are an anchor of their own.
  const swapped = c.differences[0]?.kind === 'order' && c.sharedNames >= 2 && c.coverA >= THRESHOLDS.anchoredConflict;
  const contained =
    (c.sharedPeople > 0 || c.sharedNames >= THRESHOLDS.containedNames) &&
    c.coverA >= THRESHOLDS.containedConflict &&
    c.coverB >= THRESHOLDS.containedConflictOther;
  // The same person and the same thing counted, another count ("a 48,000-seat stadium" vs "…
  // also unveiled plans for a 42,000-seat stadium on the site of …"): the count is the fact.
  const d0 = c.differences[0];
  const counted =
    d0?.kind === 'number' &&
    d0.counted === true &&
    c.sharedPeople > 0 &&
    c.coverA >= THRESHOLDS.conflict &&
    c.coverB >= THRESHOLDS.containedConflictOther;
  if (
    c.differences.length === 1 &&
    (anchored ||
      swapped ||
      contained ||
      counted ||
      (c.coverA >= THRESHOLDS.conflict && c.coverB >= THRESHOLDS.conflictOther))
  ) {
    return { stance: 'contradicts', score, difference: c.differences[0] ?? null };
  }
  return null;
}

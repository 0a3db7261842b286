/**
 * Reading the sentences of one text in order: who "he", "she" and "the minister" are, and what a
 * short sentence leaning on the previous one ("That was 36 percent more …") is about.
 */
import { foldPunctuation } from '../text/normalize';
import { stem, tokenize } from '../text/tokens';
import { analyzeSentence } from './analyze';
import type { AnalyzeContext, Claim, EntityRef } from './claim';
import { windowCues } from './cues';

const PRONOUN = /^(he|she|his|her|him)$/u;
/** "the minister", "the Russian foreign minister": a person named earlier, by role. */
const ROLE_ANAPHOR =
  /\bthe (?:[\p{L}-]+ ){0,2}(minister|diplomat|spokesman|spokeswoman|spokesperson|secretary|president|leader|envoy|official|manager|coach|chairman|administrator|mayor|governor|prosecutor|judge|commissioner)\b/iu;
/** "That was 36 percent more …", "The value of that trade …": a sentence leaning on the previous one. */
const CONTEXT_ANAPHOR =
  /^(that|this) (was|is|were|are|would|will|has|had)\b|\b(of|in|for) (that|this) (?!year|month|week|time|day)\p{Ll}+/iu;
/** "It has also suspended …": "it" is a thing the previous sentence named, not its facts. */
const IT_ANAPHOR = /^it (was|is|were|are|would|will|has|had)\b/iu;
/** Below this many terms and names, a leaning sentence is read together with the previous one. */
const SHORT_CLAIM = 6;

/**
 * Analyse the sentences of one text in order. A sentence whose actor is only a pronoun or a role
 * ("He added that …", "The minister also said …") takes the person the previous sentence was
 * about; a short sentence that leans on the previous one ("That was 36 percent more than in
 * 2022.") also takes its names, words, figures and dates, since alone it states nothing
 * checkable. One that opens with "it" ("It has also suspended flights …") takes only the names:
 * "it" is a thing named before, and the previous sentence's facts are not this one's ("It is the
 * deadliest failure in decades" is not corroborated by a source giving the toll).
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
    } else if (named) {
      previous = named;
      // "The minister was received by Xi Jinping": a role names someone besides the people named,
      // unless one of them is called that here ("Xi Jinping, the Chinese leader").
      const other = ROLE_ANAPHOR.exec(folded);
      const head = other?.[1] ? stem(other[1].toLowerCase()) : undefined;
      const holder = head ? people.find((p) => p.cues?.includes(head)) : undefined;
      const namedHolds = claim.entities.some((e) => e.kind === 'person' && e.cues?.includes(head ?? ''));
      if (other && holder && !namedHolds && !claim.entities.some((e) => e.id === holder.id)) {
        const k = tokens.findIndex((t) => t.index >= other.index);
        claim.entities.push({
          id: holder.id,
          kind: 'person',
          cues: windowCues(tokens, k, k + 1, new Set()),
          implicit: true,
        });
      }
    }
    for (const e of claim.entities) {
      if (e.kind !== 'person') continue;
      const known = people.findIndex((p) => p.id === e.id);
      const cues = [...new Set([...(people[known]?.cues ?? []), ...(e.cues ?? [])])];
      if (known >= 0) people.splice(known, 1);
      people.unshift({ ...e, cues });
    }
    const short = claim.terms.length + claim.entities.length < SHORT_CLAIM;
    const leansOnFacts = short && CONTEXT_ANAPHOR.test(folded);
    if (previousClaim && (leansOnFacts || (short && IT_ANAPHOR.test(folded)))) {
      const known = new Set(claim.entities.map((e) => e.id));
      claim.entities.push(...previousClaim.entities.filter((e) => !known.has(e.id)));
    }
    if (previousClaim && leansOnFacts) {
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

import { beforeAll, describe, expect, it } from 'vitest';
import { buildDataset } from '../../src/build/build-dataset';
import { WordNet } from '../../src/build/wordnet';
import { analyzeSentence } from '../../src/core/claims/analyze';
import { analyzeSequence } from '../../src/core/claims/context';
import { type LoadedDataset, loadDataset } from '../../src/core/dataset/loaded';
import { type Comparison, compareClaims } from '../../src/core/match/compare';
import { judge as judgePair } from '../../src/core/match/judge';
import { matchSentences, type SentenceVerdict } from '../../src/core/match/match';
import { corpus } from './corpus';

let ds: LoadedDataset;
beforeAll(() => {
  ds = loadDataset(buildDataset(corpus(), { name: 'test', wordnet: new WordNet() }).dataset);
});

/** A page about the visit: enough shared names to pass the topic gate, plus the sentence under test. */
const CONTEXT = [
  'Canadian Trade Minister Mary Ng is in Japan this week.',
  'She met Foreign Minister Yoko Kamikawa in Tokyo.',
];
function judge(sentence: string, published = '2024-06-05'): SentenceVerdict {
  const page = matchSentences(ds, [...CONTEXT, sentence], published);
  expect(page.onTopic).toBe(true);
  const last = page.sentences.at(-1);
  if (!last) throw new Error('no verdict');
  return last;
}

/** A comparison of two claims with nothing in common, changed where a test says. */
function comparison(fields: Partial<Comparison>): Comparison {
  return {
    coverA: 0,
    coverB: 0,
    sharedEntityWeight: 0,
    sharedTerms: 0,
    sharedSlots: 0,
    sharedFigures: 0,
    sharedPeople: 0,
    sharedNames: 0,
    actorMissing: false,
    otherOccasion: false,
    unstatedDetails: 0,
    otherParticipants: false,
    sharedQuote: false,
    otherSpeaker: false,
    otherQuote: false,
    differences: [],
    ...fields,
  };
}

describe('matcher verdicts on a synthetic dataset', () => {
  it('corroborates a restated fact and counts copies of one original once', () => {
    const v = judge('Last year Canada sold Japan goods worth $21 billion.');
    expect(v.verdict).toBe('corroborated');
    expect(v.independent).toBe(1);
    expect(new Set(v.evidence.map((e) => e.sourceId))).toContain('a-original');
    expect(v.evidence.every((e) => e.stance === 'supports')).toBe(true);
  });

  it('flags a changed amount as a number conflict, with both values', () => {
    const v = judge('Canada exported goods worth $25 billion to Japan last year.');
    expect(v.verdict).toBe('conflict');
    expect(v.detail).toMatchObject({ kind: 'number', page: '$25 billion', source: '$21 billion' });
    expect(v.evidence[0]?.text).toContain('$21 billion');
  });

  it('flags a changed place and a changed speaker', () => {
    expect(judge('Before leaving Tokyo, she is expected to visit a port in Osaka.').detail).toMatchObject({
      kind: 'place',
      page: 'Osaka',
    });
    const quote = judge('Yoko Kamikawa said the visit was "a chance to open new doors for Canadian farmers."');
    expect(quote.verdict).toBe('conflict');
    expect(quote.detail?.kind).toBe('person');
    // The quotation itself ties the two, however far the name stands from "said".
    const far = judge(
      'Yoko Kamikawa, who met her at the ministry, later said it was "a chance to open new doors for Canadian farmers."',
    );
    expect(far.verdict).toBe('conflict');
    expect(far.detail).toMatchObject({ kind: 'person', source: expect.stringContaining('Ng') });
    // The same speaker quoted saying something else altogether is another statement.
    const other = judge('Mary Ng said the visit was "a waste of everyone\'s time and money, frankly."');
    expect(other.verdict).toBe('none');
  });

  it('compares a figure only with one of its magnitude, and an earlier year with no undated sentence', () => {
    // "$21 billion" is money: any other amount is a changed figure; 8 percent vs 80 percent too.
    expect(judge('Canada exported goods worth $2.1 billion to Japan last year.').verdict).toBe('conflict');
    // A figure over ten times another of its unit measures something else.
    expect(
      judge('Canada exported goods worth $21 billion to Japan last year, an increase of 95 percent from 2022.').verdict,
    ).not.toBe('conflict');
    // Two years before the articles: another occasion than the sources' undated sentences.
    expect(judge('In 2021 Ms. Ng met Japanese Foreign Minister Yoko Kamikawa at the Foreign Ministry.').verdict).toBe(
      'none',
    );
  });

  it('flags a changed weekday, resolved against the page date', () => {
    const v = judge('Canadian Trade Minister Mary Ng arrived in Tokyo on Wednesday.');
    expect(v.verdict).toBe('conflict');
    expect(v.detail?.kind).toBe('date');
  });

  it('reports a point the sources disagree on as disputed, with both sides', () => {
    const v = judge('Mary Ng arrived in Tokyo on Monday for a three-day visit to expand farm exports.');
    expect(v.verdict).toBe('disputed');
    expect(v.evidence.some((e) => e.stance === 'supports')).toBe(true);
    expect(v.evidence.some((e) => e.stance === 'contradicts' && e.sourceId === 'd-independent')).toBe(true);
  });

  it('does not accuse a sentence that only adds what the sources lack', () => {
    expect(judge('Ms. Ng travelled with a delegation of 40 business leaders from Ontario.').verdict).toBe('none');
    expect(judge('Japan hosts the Group of Seven summit next year.').verdict).toBe('none');
  });

  it('says nothing on pages about something else, even with shared numbers and names', () => {
    const page = matchSentences(
      ds,
      [
        'The city council approved a $21 billion budget on Monday.',
        'Exports of farm products grew 8 percent from 2022, the council said.',
        'Councillor Anna Ng voted against it.',
      ],
      '2024-06-05',
    );
    expect(page.onTopic).toBe(false);
    expect(page.sentences.every((s) => s.verdict === 'none')).toBe(true);
  });

  it('judges a page naming only one of the people when it clearly restates the sources', () => {
    const page = matchSentences(
      ds,
      [
        'Canadian Trade Minister Mary Ng arrived in Tokyo on Monday to expand exports of farm products.',
        'Canada exported goods worth $21 billion to Japan last year, an increase of 8 percent from 2022.',
        'Officials in Ottawa welcomed the trip.',
      ],
      '2024-06-05',
    );
    expect(page.onTopic).toBe(true);
    expect(page.sentences[1]?.verdict).toBe('corroborated');
    const lone = matchSentences(ds, ['Mary Ng likes Tokyo in spring.', 'Japan is lovely in April.'], '2024-06-05');
    expect(lone.onTopic).toBe(false);
  });

  it('reads "the Japanese capital" as the capital the sources name, and names with a title word as one place', () => {
    const read = (text: string) => analyzeSentence(text, { published: '2024-06-05', lexicon: ds.lexicon });
    expect(read('Ms. Ng arrived in the Japanese capital on Monday.').entities.map((e) => e.id)).toContain('tokyo');
    // "State" is a title word ("Secretary of State"), but a run ending in "Guesthouse" is a place.
    const guesthouse = read('They met at the Diaoyutai State Guesthouse.').entities;
    expect(guesthouse).toContainEqual(expect.objectContaining({ id: 'diaoyutai state guesthouse', kind: 'place' }));
    expect(guesthouse.some((e) => e.kind === 'person')).toBe(false);
    // The sources say "the Foreign Ministry"; another word order names the same organisation.
    const ministry = read('Ms. Ng met Yoko Kamikawa at the Ministry of Foreign Affairs.').entities;
    expect(ministry.map((e) => e.id)).toContain('foreign ministry');
  });

  it('reads "the minister" as the minister named before, beside another person named', () => {
    const [, second] = analyzeSequence(
      ['Canadian Trade Minister Mary Ng arrived in Tokyo.', 'The minister was welcomed by Yoko Kamikawa.'],
      { published: '2024-06-05', lexicon: ds.lexicon },
    );
    expect(second?.entities.map((e) => e.id)).toEqual(['yoko kamikawa', 'mary ng']);
    expect(second?.entities.find((e) => e.id === 'mary ng')?.implicit).toBe(true);
  });

  it('reads "that was …" with the previous sentence\'s facts, and "it is …" with its names only', () => {
    const ctx = { published: '2024-06-05', lexicon: ds.lexicon };
    const [, that] = analyzeSequence(['Canada sold Japan goods worth $21 billion.', 'That was 8 percent more.'], ctx);
    expect(that?.numbers.map((n) => n.unit)).toEqual(['pct', 'usd']);
    const [, it] = analyzeSequence(
      ['Mary Ng said four trade deals were signed in Tokyo.', 'It is the largest trade mission in a decade.'],
      ctx,
    );
    expect(it?.entities.map((e) => e.id)).toContain('mary ng');
    expect(it?.numbers).toEqual([]);
    expect(it?.terms).not.toContain('sign');
  });

  it('matches irregular forms of a word ("meet" and "met") as the same word', () => {
    const read = (text: string) => analyzeSentence(text, { published: '2024-06-05', lexicon: ds.lexicon });
    const cmp = compareClaims(
      read('Mary Ng will meet Yoko Kamikawa.'),
      read('Mary Ng met Yoko Kamikawa.'),
      ds.lexicon,
      ds.index,
    );
    expect(cmp.coverA).toBe(1);
  });

  it('flags a short sentence that changes one detail of a longer source sentence', () => {
    // Most of the source sentence (the purpose of the visit) is not on the page: what is there, is
    // the source's, with the weekday changed.
    const v = judge('Ms. Ng arrived on Wednesday.');
    expect(v.verdict).toBe('conflict');
    expect(v.detail?.kind).toBe('date');
    // The rule itself: nearly all of the page sentence in the source, the same person, one date
    // changed, while the source says much more (its share stated by the page is small).
    const pair = comparison({
      coverA: 0.8,
      coverB: 0.12,
      sharedEntityWeight: 3,
      sharedTerms: 1,
      sharedPeople: 1,
      sharedNames: 2,
      otherOccasion: true,
      unstatedDetails: 1,
      differences: [{ kind: 'date', a: 'on Sunday', b: 'April 8', aKey: 'on Sunday', bKey: 'April 8' }],
    });
    expect(judgePair(pair)?.stance).toBe('contradicts');
    expect(judgePair({ ...pair, sharedPeople: 0 })).toBeNull();
    // Without a person in common, several names in common (a list of countries) anchor it.
    expect(judgePair({ ...pair, sharedPeople: 0, sharedNames: 3 })?.stance).toBe('contradicts');
    expect(judgePair({ ...pair, coverA: 0.6 })).toBeNull();
  });

  it('takes a changed place over a "not" the source has in another clause', () => {
    // "Speaking in Frankfurt, the ECB president declined to say …" vs "Lagarde spoke in Paris".
    const base = comparison({
      coverA: 0.6,
      coverB: 0.3,
      sharedEntityWeight: 3,
      sharedTerms: 2,
      sharedPeople: 1,
      sharedNames: 1,
      differences: [
        { kind: 'place', a: 'Paris', b: 'Frankfurt', aKey: 'paris', bKey: 'frankfurt' },
        { kind: 'negation', a: 'affirmed', b: 'not', aKey: 'affirmed', bKey: 'not' },
      ],
    });
    expect(judgePair(base)?.difference?.kind).toBe('place');
    // The page's own "not" is what it says: two differences, no verdict.
    const negatedPage = { kind: 'negation' as const, a: 'not', b: 'affirmed', aKey: 'not', bKey: 'affirmed' };
    expect(
      judgePair({ ...base, differences: [base.differences[0], negatedPage] as Comparison['differences'] }),
    ).toBeNull();
  });

  it('counts the thing a changed number counts as shared; compares years only by what happened then', () => {
    const read = (text: string) => analyzeSentence(text, { published: '2024-05-15', lexicon: ds.lexicon });
    const compare = (a: string, b: string) => compareClaims(read(a), read(b), ds.lexicon, ds.index);
    // "16 collections" vs "14 collections": the value differs, "collections" is on both sides.
    const count = compare(
      'Munro wrote 16 collections of short stories over her career.',
      'Munro published 14 collections of short stories, beginning with Dance of the Happy Shades in 1968.',
    );
    expect(count.differences.map((d) => d.kind)).toEqual(['number']);
    // The same person and the same thing counted, another count, in a longer source sentence.
    const seats = compare(
      'Mary Ng’s headline promise is a 48,000-seat stadium on the former docks.',
      'Mary Ng, who replaces the old chairman with immediate effect, also unveiled plans for a 42,000-seat stadium on the site of the former docks on the east bank of the river.',
    );
    expect(judgePair(seats)).toMatchObject({ stance: 'contradicts', difference: { kind: 'number', counted: true } });
    // Counts of another magnitude are two quantities ("386,000 a year" vs "386 on board").
    const magnitude = compare(
      'Mary Ng’s company carried 386,000 passengers last year.',
      'The ferry operated by Mary Ng’s company was carrying 386 passengers and 42 crew when it hit the harbour wall.',
    );
    expect(magnitude.differences.find((d) => d.kind === 'number')?.counted).toBeUndefined();
    // A telling figure in common carries support from a long source sentence.
    const figure = compare(
      'The mission is now expected to cost roughly 11.2bn dollars over its lifetime.',
      'Speaking at a press conference at the agency’s headquarters, Mary Ng said the mission’s life-cycle cost is now estimated at $11.2 billion, up from the $6.8 billion projected when it was formally confirmed.',
    );
    expect(figure.sharedFigures).toBe(1);
    expect(judgePair(figure)?.stance).toBe('supports');
    // A place named by the start of its name is that place ("the Meridian center").
    const center = compare(
      'About 400 contractor jobs at the Meridian center are expected to be cut this spring.',
      'About 400 contractor positions at the Meridian Propulsion Center will be cut this spring.',
    );
    expect(center.differences.find((d) => d.kind === 'place')).toBeUndefined();
    expect(center.otherParticipants).toBe(false);
    // …or by its end ("the Commons").
    const commons = compare(
      'Speaking in the Commons on Tuesday, Mary Ng called the attack deplorable.',
      'Speaking in the House of Commons on Tuesday, Mary Ng called the attack "deplorable".',
    );
    expect(commons.differences.find((d) => d.kind === 'place')).toBeUndefined();
    // A place the sources name only in passing is a place where the page says something happened in it.
    const swept = compare(
      'A farmer named Sukarman was carried off by the current in Tegalmulyo on Sunday morning.',
      'A farmer identified as Sukarman was swept away by the current in Pundensari on Sunday morning.',
    );
    expect(swept.differences).toMatchObject([{ kind: 'place', a: 'Tegalmulyo', b: 'Pundensari' }]);
    // The words of an organisation's name say what the same words say elsewhere.
    const department = compare(
      'Fourteen divers from the fire department joined the search.',
      'Fourteen divers from the Marrowfield Fire Department searched the river into the night.',
    );
    expect(department.sharedTerms).toBeGreaterThanOrEqual(3);
    // One person in place of another in sentences alike in all else, whatever words stand by the names.
    const hardest = compare(
      'Ms. Ng called it the hardest machine the agency had ever tried to build.',
      'Program manager Yoko Kamikawa, who leads the mission at the agency’s centre, called it “the hardest machine this agency has ever tried to build”.',
    );
    expect(hardest.differences).toMatchObject([{ kind: 'person' }]);
    expect(judgePair(hardest)?.stance).toBe('contradicts');
    // A "not" added to nearly the whole source statement needs no name in common.
    const ruled = compare(
      'The administrator said the agency had not ruled out cancelling the mission.',
      'She said the agency had ruled out cancelling the mission and would ask for more money.',
    );
    expect(judgePair(ruled)).toMatchObject({ stance: 'contradicts', difference: { kind: 'negation' } });
    // A compass direction turned round is a place detail (not also an antonym).
    const bank = compare(
      'Mary Ng said the stadium site lies on the western bank of the river.',
      'Mary Ng said the stadium site lies on the east bank of the river, near the docks.',
    );
    expect(bank.differences).toMatchObject([{ kind: 'place', a: 'western', b: 'east' }]);
    // Compound directions count by how far they turn: north vs southeast differs, north vs east not.
    const coast = (x: string, y: string) =>
      compare(
        `Mary Ng said the resort on the ${x} coast has closed.`,
        `Mary Ng said the resort on the ${y} coast has closed.`,
      ).differences;
    expect(coast('north', 'southeast')).toMatchObject([{ kind: 'place' }]);
    expect(coast('north', 'east')).toEqual([]);
    // Two short sentences saying the same words need no name in common; "so far" is no content.
    const deaths = compare('No deaths have been reported so far.', 'No deaths have been reported.');
    expect(deaths.coverA).toBe(1);
    expect(judgePair(deaths)?.stance).toBe('supports');
    // A total of the other side's parts is the same figure.
    const parts = compare(
      'A jury found Munro guilty on five counts, including wire fraud.',
      'A jury found Munro guilty of two counts of wire fraud, one count of securities fraud and two counts of perjury.',
    );
    expect(parts.differences.filter((d) => d.kind === 'number')).toEqual([]);
    // With no name on either side, the same several words around a changed figure still tie the
    // two to one fact; a starting point and a day of happening are not one date changed.
    const unnamed = compare(
      'The diesel rebate will now be phased out over five years instead of at once.',
      'The diesel rebate will now be phased out over three years rather than disappearing in January.',
    );
    expect(judgePair(unnamed)).toMatchObject({ stance: 'contradicts', difference: { kind: 'number' } });
    // …or a page sentence nearly all inside a longer source sentence.
    const contained = compare(
      'It spread quickly as temperatures reached 44 degrees Celsius.',
      'The fire broke out in a pine forest near the village of Riza and spread quickly in temperatures of up to 41 degrees Celsius.',
    );
    expect(judgePair(contained)).toMatchObject({ stance: 'contradicts', difference: { kind: 'number' } });
    const since = compare(
      'On Wednesday morning the fire service said the fire was burning on the mountain.',
      'The fire which since Monday burns on the mountain weakened during the night.',
    );
    expect(since.differences.find((d) => d.kind === 'date')).toBeUndefined();
    // A changed place with no name in common: only when nearly all of both sentences agree.
    const near = compare(
      'An elderly couple died when their car was swept away on a road near Sommieres.',
      'Among the victims is an elderly couple whose car was swept away by floodwaters on a road near Anduze.',
    );
    expect(judgePair(near)).toMatchObject({ stance: 'contradicts', difference: { kind: 'place' } });
    const elsewhere = compare(
      'A man died when his car was swept away near Sommieres.',
      'Among the victims is an elderly couple whose car was swept away by floodwaters on a road near Anduze.',
    );
    expect(judgePair(elsewhere)).toBeNull();
    // A person the page takes from context ("his lawyer") is not compared: the guess may be wrong.
    const context = analyzeSequence(
      ['Yoko Kamikawa met Mary Ng in Tokyo.', 'Her adviser, Ken Sato, said the talks had gone well.'],
      { published: '2024-05-15', lexicon: ds.lexicon },
    )[1];
    expect(context?.entities[0]).toMatchObject({ id: 'yoko kamikawa', implicit: true }); // the guess
    const named = read('Mary Ng’s adviser, Ken Sato, said the talks had gone well.');
    expect(context && compareClaims(context, named, ds.lexicon, ds.index).differences).toEqual([]);
    // Two happenings told the other way round are an order conflict that needs no name; the same
    // order told with the other word is none.
    const reversed = compare(
      'Crews reopened the runway before the damaged aircraft had been towed off the airfield.',
      'The runway reopened on Monday afternoon after the aircraft was lifted onto a trailer and towed away.',
    );
    expect(reversed.differences).toMatchObject([{ kind: 'order', a: 'before', b: 'after' }]);
    expect(judgePair(reversed)?.stance).toBe('contradicts');
    const sameOrder = compare(
      'The aircraft was towed off the airfield before crews reopened the runway.',
      'The runway reopened on Monday afternoon after the aircraft was lifted onto a trailer and towed away.',
    );
    expect(sameOrder.differences.filter((d) => d.kind === 'order')).toEqual([]);
    // "afterward" looks back: "A, and only afterward B" tells A first, "A after B" tells B first.
    const afterward = compare(
      'A second lane was closed on Sept. 30, and only afterward did inspectors discover corrosion on a beam.',
      'A second lane was closed on Sept. 30 after inspectors discovered corrosion on a support beam.',
    );
    expect(afterward.differences).toMatchObject([{ kind: 'order' }]);
    // Before/after words relating to other happenings are no second difference beside a date.
    const alert = compare(
      'Mary Ng raised the alert to the third level on Wednesday, days before the eruption.',
      'Mary Ng raised the alert to the third level on Monday after a sharp rise in earthquakes.',
    );
    expect(alert.differences.map((d) => d.kind)).toEqual(['date']);
    // A short quotation given whole to someone else is the tie of a person conflict.
    const quote = compare(
      'Mr. Lindqvist said the crew had done “exactly what they were trained to do.”',
      '“The crew did exactly what they were trained to do,” Fiona Kerrigan, the airline’s chief executive, said.',
    );
    expect(quote.sharedQuote).toBe(true);
    expect(judgePair(quote)).toMatchObject({ stance: 'contradicts', difference: { kind: 'person' } });
    // The same clock time on another day ties the two days to one moment.
    const clock = compare(
      'Crews declared it under control at about 3:15 a.m. on Tuesday.',
      'About 60 firefighters fought the fire, which was declared under control at 3:15 a.m. Monday.',
    );
    expect(clock.differences[0]).toMatchObject({ kind: 'date', tiedTo: '03:15' });
    expect(judgePair(clock)?.stance).toBe('contradicts');
    const otherTime = compare(
      'Crews declared it under control at about 5:40 a.m. on Tuesday.',
      'About 60 firefighters fought the fire, which was declared under control at 3:15 a.m. Monday.',
    );
    expect(judgePair(otherTime)).toBeNull();
    const otherThing = compare(
      'Munro wrote 16 collections of short stories over her career.',
      'Munro published 14 novels of short stories, beginning with Dance of the Happy Shades in 1968.',
    );
    expect(otherThing.differences).toEqual([]);
    expect(otherThing.coverB).toBeLessThan(count.coverB);
    // One country acting in place of another ("Spain sent …" vs "Italy sent …") is a place conflict.
    const actor = compare(
      'Spain sent two Canadair aircraft to help under the rescEU scheme.',
      'Italy sent two Canadair firefighting planes under the rescEU mechanism, the ministry said.',
    );
    expect(actor.differences.find((d) => d.kind === 'place')).toMatchObject({ aKey: 'spain', bKey: 'italy' });
    // A city and a country are not one place changed: where she was vs where the war is.
    const ranks = compare(
      'Janet Yellen, visiting the southern city of Shenzhen, said Chinese firms were helping the war.',
      'Janet Yellen warned Chinese firms against helping the war in Ukraine.',
    );
    expect(ranks.differences.find((d) => d.kind === 'place')).toBeUndefined();
    const cities = compare(
      'Janet Yellen, visiting the southern city of Shenzhen, said Chinese firms were helping the war.',
      'Janet Yellen, visiting the southern city of Guangzhou, said Chinese firms were helping the war.',
    );
    expect(cities.differences.find((d) => d.kind === 'place')).toMatchObject({ aKey: 'shenzhen', bKey: 'guangzhou' });
    // A company officer's title, before the name or after it: "chief operating" vs "chief financial".
    const officer = compare(
      'Rafael Okonjo, the company’s chief operating officer, forecast revenue of $4.9 billion.',
      'Chief Financial Officer Rafael Okonjo forecast revenue of $4.9 billion.',
    );
    expect(officer.differences.find((d) => d.kind === 'person')).toMatchObject({
      a: 'Chief Operating Officer Rafael Okonjo',
      b: 'Chief Financial Officer Rafael Okonjo',
    });
    // Another office altogether, one the sources never give the person: a conflict; a generic
    // title ("leader") says nothing of which office.
    const office = (a: string, b: string) => compare(a, b).differences.find((d) => d.kind === 'person');
    expect(
      office(
        'Chief executive Alan Brecht said four candidates had been interviewed.',
        'Sporting director Alan Brecht said the club had interviewed four candidates.',
      ),
    ).toMatchObject({ a: 'Chief Executive Alan Brecht', b: 'Sporting Director Alan Brecht' });
    expect(
      office(
        'Team leader Alan Brecht said four candidates had been interviewed.',
        'Sporting director Alan Brecht said the club had interviewed four candidates.',
      ),
    ).toBeUndefined();
    // Ranks of one office: a deputy is not the chief, and not the office itself; "chief" alone
    // only says more.
    const title = (a: string, b: string) => compare(a, b).differences.find((d) => d.kind === 'person');
    expect(
      title(
        'Marsh said she had spoken to the bureau’s deputy commissioner, Alan Brecht.',
        'Marsh said she had spoken to the bureau’s chief commissioner, Alan Brecht.',
      ),
    ).toMatchObject({ a: 'Deputy Commissioner Alan Brecht', b: 'Chief Commissioner Alan Brecht' });
    expect(
      title('Deputy Commissioner Alan Brecht opened the inquiry.', 'Commissioner Alan Brecht opened the inquiry.'),
    ).toBeDefined();
    expect(
      title('Chief Commissioner Alan Brecht opened the inquiry.', 'Commissioner Alan Brecht opened the inquiry.'),
    ).toBeUndefined();
    // A year past and a year to come are two occasions, not one date changed.
    const years = (a: string, b: string) => compare(a, b).differences.find((d) => d.kind === 'date');
    expect(
      years('Vietnam last hosted the APEC summit in 2017.', 'Vietnam will host the APEC summit in 2027.'),
    ).toBeUndefined();
    expect(years('Vietnam hosted the APEC summit in 2017.', 'Vietnam hosted the APEC summit in 2006.')).toMatchObject({
      a: '2017',
      b: '2006',
    });
    // Two years after different verbs, with nothing named beside them, are two facts.
    const verbs = compare('Alice Munro moved to Victoria in 1963.', 'Alice Munro won a prize in 1961.');
    expect(verbs.differences.find((d) => d.kind === 'date')).toBeUndefined();
  });

  it('supports a short sentence stated whole, with a date or number, inside a long source sentence', () => {
    const pair = comparison({ coverA: 1, coverB: 0.15, sharedEntityWeight: 1.5, sharedTerms: 1, sharedSlots: 1 });
    expect(judgePair(pair)?.stance).toBe('supports');
    expect(judgePair({ ...pair, sharedSlots: 0 })).toBeNull(); // words alone: one shared phrase
    expect(judgePair({ ...pair, coverA: 0.8 })).toBeNull();
    expect(judgePair({ ...pair, coverB: 0.05 })).toBeNull();
  });

  it('does not let one speaker corroborate what another said', () => {
    // "NHS England said it would cover the cost of extra shifts" vs "The union Unison said staff
    // were working extra shifts": alike in words, two statements.
    const pair = comparison({ coverA: 0.62, coverB: 0.35, sharedTerms: 4 });
    expect(judgePair(pair)?.stance).toBe('supports');
    expect(judgePair({ ...pair, otherSpeaker: true })).toBeNull();
    const read = (text: string) => analyzeSentence(text, { published: '2025-03-14', lexicon: ds.lexicon });
    const cmp = (a: string, b: string) => compareClaims(read(a), read(b), ds.lexicon, ds.index).otherSpeaker;
    expect(
      cmp('NHS England said it would cover extra shifts.', 'The union Unison said staff were working extra shifts.'),
    ).toBe(true);
    expect(cmp('NHS England said it would cover extra shifts.', 'Staff worked extra shifts, NHS England said.')).toBe(
      false,
    );
    expect(cmp('Staff worked extra shifts.', 'The union Unison said staff were working extra shifts.')).toBe(false);
  });

  it('flags the same quoted words given to another speaker', () => {
    // "Mr Okafor called the ruling “a victory for the river …”" vs "Ruth Penhaligon said: “This is a
    // victory for the river …”": no name in common, the quotation is the tie.
    const person = {
      kind: 'person' as const,
      a: 'Okafor',
      b: 'Ruth Penhaligon',
      aKey: 'okafor',
      bKey: 'ruth penhaligon',
    };
    const pair = comparison({ coverA: 0.67, coverB: 0.8, sharedTerms: 6, sharedQuote: true, differences: [person] });
    expect(judgePair(pair)).toMatchObject({ stance: 'contradicts', difference: { kind: 'person' } });
    expect(judgePair({ ...pair, sharedQuote: false })).toBeNull();
    expect(judgePair({ ...pair, coverA: 0.3 })).toBeNull();
  });

  it('ties two dates beside the same named thing like a shared person', () => {
    const date = { kind: 'date' as const, a: '2021', b: '2019', aKey: '2021', bKey: '2019' };
    const pair = comparison({ coverA: 0.4, coverB: 0.45, sharedEntityWeight: 1.5, sharedTerms: 2, sharedNames: 1 });
    expect(judgePair({ ...pair, differences: [date] })).toBeNull();
    expect(judgePair({ ...pair, differences: [{ ...date, tiedTo: 'spotify' }] })?.stance).toBe('contradicts');
    expect(judgePair({ ...pair, coverB: 0.2, differences: [{ ...date, tiedTo: 'spotify' }] })).toBeNull();
  });

  it('accepts reworded support when the same person, date and number agree', () => {
    // "touched down … on April 8 for a two-day go to" vs "arrived … on April 8 for a two-day visit".
    const spun = comparison({
      coverA: 0.35,
      coverB: 0.5,
      sharedEntityWeight: 8,
      sharedTerms: 2,
      sharedSlots: 2,
      sharedPeople: 1,
      sharedNames: 2,
      differences: [],
    });
    expect(judgePair(spun)?.stance).toBe('supports');
    expect(judgePair({ ...spun, sharedSlots: 1 })).toBeNull(); // one agreeing date is not enough
    expect(judgePair({ ...spun, sharedPeople: 0 })).toBeNull();
  });

  it('returns one verdict per sentence, in order', () => {
    const sentences = [...CONTEXT, 'Unrelated filler sentence about the weather.'];
    const page = matchSentences(ds, sentences, '2024-06-05');
    expect(page.sentences.map((s) => s.text)).toEqual(sentences);
  });
});

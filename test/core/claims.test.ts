import { describe, expect, it } from 'vitest';
import { analyzeSentence } from '../../src/core/claims/analyze';
import { quotedStems } from '../../src/core/claims/cues';
import { dateAgrees, extractDates } from '../../src/core/claims/dates';
import { compatibleNames, findMentions } from '../../src/core/claims/entities';
import { emptyLexiconData, toLexicon } from '../../src/core/claims/lexicon';
import { extractNumbers, sameNumber } from '../../src/core/claims/numbers';
import { tokenize } from '../../src/core/text/tokens';

const values = (text: string, published = '2024-04-09') => extractDates(text, published).map((d) => d.value);
const numbers = (text: string) => extractNumbers(text).map((n) => [n.value, n.unit]);

describe('dates, resolved against the publication date', () => {
  it('reads weekdays as the past week unless the sentence looks ahead', () => {
    expect(values('They met in Beijing on Tuesday.')).toEqual(['2024-04-09']); // published that Tuesday
    expect(values('He arrived on Sunday.')).toEqual(['2024-04-07']);
    expect(values('He is due to fly home on Friday.')).toEqual(['2024-04-12']);
    // Reported speech: "would" is the future seen from the past.
    expect(values('She said she would open coalition talks on Wednesday.')).toEqual(['2024-04-10']);
    // …but only in its own clause: she spoke on Monday, the recorders are still to be flown.
    expect(values('Okafor said on Monday that both recorders would be flown to the lab.')).toEqual(['2024-04-08']);
    expect(values('The ministry said on Monday that talks would resume on Friday.')).toEqual([
      '2024-04-08',
      '2024-04-12',
    ]);
  });

  it('reads "the first Tuesday in June" as that day', () => {
    expect(values('The unions called a strike for the first Tuesday in June.', '2025-05-15')).toEqual(['2025-06-03']);
    expect(values('The vote is set for the last Friday of May.', '2025-05-15')).toEqual(['2025-05-30']);
  });

  it('reads "appear before a magistrate" as a place to stand, not an order or a clause of its own', () => {
    const lexicon = toLexicon(emptyLexiconData());
    const c = analyzeSentence('Both suspects are due to appear before an examining magistrate on Thursday.', {
      published: '2025-10-15',
      lexicon,
    });
    expect(c.order).toEqual([]);
    expect(c.dates.map((d) => d.value)).toEqual(['2025-10-16']);
    expect(
      analyzeSentence('They met on Thursday before the vote.', { published: '2025-10-15', lexicon }).order,
    ).toEqual(['before']);
  });

  it('reads a month without a year in a clause that looks ahead as the nearest one', () => {
    expect(values('He is expected to report to prison on January 9.', '2025-10-16')).toEqual(['2026-01-09']);
    expect(values('He must report on Jan. 9 to the prison.', '2025-10-14')).toEqual(['2026-01-09']);
    expect(values('He reported to prison on January 9.', '2025-10-16')).toEqual(['2025-01-09']);
    // "since" opens another clause: the win is past though the trip is still to come.
    expect(values('The trip would be his first abroad since he won a fifth term in March.')).toEqual(['2024-03']);
  });

  it('leaves out weeks counted from the writing, which no single day states', () => {
    expect(values('A revised budget is due to go before parliament next week.', '2025-10-13')).toEqual([]);
    expect(values('He resigned last week.', '2025-10-13')).toEqual([]);
    expect(values('Talks resumed on Monday last week.', '2025-10-15')).toHaveLength(1); // a named day stays
  });

  it('marks a starting point ("since Monday") apart from the day something happened', () => {
    const [since] = extractDates('The fire has been burning since Monday.', '2024-04-10');
    expect(since).toMatchObject({ value: '2024-04-08', since: true });
    const [on] = extractDates('The fire broke out on Monday.', '2024-04-10');
    expect(on?.since).toBeUndefined();
  });

  it('reads a month without a year as the last one unless it is near, and no letter as a date', () => {
    expect(values('In April he left.', '2025-10-19')).toEqual(['2025-04']);
    expect(values('The fair is in November.', '2025-10-19')).toEqual(['2025-11']); // within two months: this year's
    expect(values('In December he left.', '2025-03-10')).toEqual(['2024-12']);
    expect(values('The summit opens on April 12.')).toEqual(['2024-04-12']); // written April 9
    // chrono reads "in the H" (of "in the Hérault") as an hour.
    expect(values('About 600 more were evacuated in the Hérault.', '2025-10-19')).toEqual([]);
  });

  it('resolves last month, next month and the previous year', () => {
    expect(values('Reuters reported last month that he would go.')).toEqual(['2024-03']);
    expect(values('Putin is expected to visit perhaps next month.', '2024-04-10')).toEqual(['2024-05']);
    expect(values('Trade hit a record in the previous year.')).toEqual(['2023']);
  });

  it('reads absolute dates and bare years, and ignores verbs and durations', () => {
    expect(values('The ministry confirmed the news on April 7.')).toEqual(['2024-04-07']);
    expect(values('The decline was the first since 2019.')).toEqual(['2019']);
    expect(values('He sat down with Wang Yi and may return.')).toEqual([]);
    expect(values('This 12 months marks the anniversary.')).toEqual([]);
  });

  it('lets only equally precise dates decide agreement', () => {
    expect(dateAgrees('2024-06', [{ value: '2024' }, { value: '2024-05' }])).toBe(false);
    expect(dateAgrees('2024-06', [{ value: '2024' }])).toBe(true);
    expect(dateAgrees('2024-04-08', [{ value: '2024-04' }, { value: '2024-04-08' }])).toBe(true);
  });

  it('does not count offsets from the story, or relative words in quotations, from the publication date', () => {
    // "about 11 minutes later" counts from the launch, not from when the page was written.
    expect(values('It released its payloads about 11 minutes later.')).toEqual([]);
    expect(values('He arrived three days after.')).toEqual([]);
    expect(values('He left 2 weeks ago.')).toEqual(['2024-03-26']);
    // "Today …" in a quotation is the day the words were spoken: a page quoting them a day later
    // does not move it. Quoted dates that name their month or year stay.
    expect(values('“Today we showed what we can do,” she said.')).toEqual([]);
    expect(values('He said: "We met on April 8, 2024."')).toEqual(['2024-04-08']);
    expect(values('She said today that “we won”.')).toEqual(['2024-04-09']);
  });

  it('skips relative dates when no publication date is known', () => {
    expect(extractDates('He arrived on Sunday.', null)).toEqual([]);
  });
});

describe('numbers with units', () => {
  it('reads euros and pounds as money', () => {
    expect(numbers('It is offering up to €250,000 for information.')).toEqual([[250000, 'eur']]);
    expect(numbers('A fine of 380,000 euros.')).toEqual([[380000, 'eur']]);
    expect(numbers('It will take on around 62 million pounds of debt, or £62m.')).toEqual([
      [62000000, 'gbp'],
      [62000000, 'gbp'],
    ]);
    expect(extractNumbers('It will take on 62 million pounds of debt.')[0]?.text).toBe('62 million pounds');
    // Pounds without a scale may weigh something.
    expect(numbers('He weighs 200 pounds.')).toEqual([[200, 'pound']]);
  });

  it('normalises money however it is written', () => {
    expect(numbers('trade reached $240 billion')).toEqual([[240e9, 'usd']]);
    expect(numbers('trade reached 240bn dollars')).toEqual([[240e9, 'usd']]);
    expect(numbers('a $2.4 million renovation')).toEqual([[2.4e6, 'usd']]);
    // A per-share figure is its own quantity beside the totals of the same sentence.
    expect(numbers('Net income was $612 million, or $1.83 a share.')).toEqual([
      [612e6, 'usd'],
      [1.83, 'usd/share'],
    ]);
    expect(numbers('investors will be paid $38.50 for each share')).toEqual([[38.5, 'usd/share']]);
  });

  it('reads percentages, counts and ordinals, in digits or words', () => {
    expect(numbers('up 26 percent')).toEqual([[26, 'pct']]);
    expect(numbers('up 26%')).toEqual([[26, 'pct']]);
    expect(numbers('a two-day visit')).toEqual([[2, 'dai']]);
    expect(numbers('a fifth term')).toEqual([[5, 'ord:term']]);
    expect(numbers('the seventy fifth anniversary')).toEqual([[75, 'ord:anniversari']]);
    expect(numbers('the 75th anniversary')).toEqual([[75, 'ord:anniversari']]);
  });

  it('reads "more than", "fewer than" and "about" as bounds that a value within reason meets', () => {
    const one = (text: string) => {
      const [n] = extractNumbers(text);
      if (!n) throw new Error(`no number in ${text}`);
      return n;
    };
    expect(one('a trial of more than 1,100 patients')).toMatchObject({ value: 1100, bound: 'min' });
    expect(sameNumber(one('enrolled 1,142 patients'), one('more than 1,100 patients'))).toBe(true);
    expect(sameNumber(one('enrolled 1,042 patients'), one('more than 1,100 patients'))).toBe(false);
    expect(sameNumber(one('enrolled 5,000 patients'), one('more than 1,100 patients'))).toBe(false);
    expect(sameNumber(one('roughly 41,000 people'), one('40,000 people'))).toBe(true);
    expect(sameNumber(one('84 people'), one('fewer than 60 people'))).toBe(false);
    expect(sameNumber(one('1,142 patients'), one('1,100 patients'))).toBe(false); // no bound: exact
  });

  it('reads a name the sources only mention in passing as the place where something happens here', () => {
    const lexicon = toLexicon({
      ...emptyLexiconData(),
      aliases: { tegalmulyo: 'tegalmulyo' },
      entities: { tegalmulyo: { name: 'Tegalmulyo', kind: 'other', within: [] } },
    });
    const kindIn = (text: string) =>
      analyzeSentence(text, { published: '2025-10-20', lexicon }).entities.find((e) => e.id === 'tegalmulyo')?.kind;
    expect(kindIn('A farmer was carried off by the current in Tegalmulyo on Sunday.')).toBe('place');
    expect(kindIn('Tegalmulyo residents said the water rose fast.')).toBe('other');
  });

  it('reads a share told as a fraction as a percentage', () => {
    expect(numbers('One in five adults smokes.')).toEqual([[20, 'pct']]);
    expect(numbers('Six in 10 voters agreed.')).toEqual([[60, 'pct']]);
    const [nineInTen] = extractNumbers('More than nine in ten members voted for a strike.');
    expect(nineInTen).toMatchObject({ value: 90, unit: 'pct', bound: 'min' });
    expect(sameNumber(nineInTen ?? { value: 0, unit: '', text: '' }, { value: 87, unit: 'pct', text: '87%' })).toBe(
      false,
    );
    expect(numbers('They won three in a row.')).toEqual([]);
  });

  it('reads no count where a verb follows the number', () => {
    expect(numbers('Two of them were in a serious condition, while the other eleven were stable.')).toEqual([]);
  });

  it('reads lengths in metres, whatever the unit, and a length in two units as one', () => {
    expect(numbers('Residents within 1.5 km were evacuated.')).toEqual([[1500, 'metre']]);
    expect(numbers('Residents within 1,500 metres were evacuated.')).toEqual([[1500, 'metre']]);
    expect(numbers('A 6-kilometre exclusion zone.')).toEqual([[6000, 'metre']]);
    expect(numbers('It rose one metre and twenty centimetres higher.')).toEqual([[1.2, 'metre']]);
    // "m" after a currency is millions.
    expect(numbers('He won €2m in 2020.')).toEqual([[2000000, 'eur']]);
  });

  it('reads an age as an age, not a duration', () => {
    expect(numbers('Miriam Osterhaus, a 58-year-old aid worker, was released.')).toEqual([[58, 'age']]);
    expect(numbers('Osterhaus, 58, was later sentenced to six years.')).toEqual([
      [58, 'age'],
      [6, 'year'],
    ]);
    expect(numbers('The driver, aged 41, was unhurt.')).toEqual([[41, 'age']]);
    expect(numbers('She died at the age of 92.')).toEqual([[92, 'age']]);
    expect(numbers('A forty-two-year-old man was arrested.')).toEqual([[42, 'age']]);
  });

  it('does not read a year as a count', () => {
    expect(numbers('since 2019 visitors')).toEqual([]);
    // A count whose noun was just said: "killing 12 people and injuring more than 200".
    expect(numbers('killing at least 12 people and injuring more than 200, officials said')).toEqual([
      [12, 'peopl'],
      [200, 'peopl'],
    ]);
    expect(numbers('in 2019, 40 countries signed; by 2024, 52.')).toEqual([
      [40, 'countri'],
      [52, 'countri'],
    ]);
    expect(numbers('the deal, signed in 2019.')).toEqual([]); // no count before it: nothing to borrow
    // Match results: one slot whoever is named first ("a 2-2 draw" vs "drew 1-1" differ).
    expect(numbers('oversaw a 2-2 draw with Hull City')).toEqual([[202, 'score']]);
    expect(numbers('his side drew 1-1 with Hull City')).toEqual([[101, 'score']]);
    expect(numbers('children aged 5-11 in 2021-22')).not.toContainEqual([1105, 'score']); // no match, no score
    // "30 of the 90 seats": the part counts the same thing as the whole.
    expect(numbers('It won 30 of the 90 seats.')).toEqual([
      [30, 'seat'],
      [90, 'seat'],
    ]);
    expect(numbers('They hold 89 of the chamber’s 201 seats.')).toEqual([
      [89, 'seat'],
      [201, 'seat'],
    ]);
  });

  it('reads a streak however its noun is worded', () => {
    expect(numbers('the tenth consecutive increase')).toEqual([[10, 'ord:row']]);
    expect(numbers('raised rates for the tenth time in a row')).toEqual([[10, 'ord:row']]);
    expect(numbers('its eighth straight hike')).toEqual([[8, 'ord:row']]);
    expect(numbers('the increase was the eighth in a row')).toEqual([[8, 'ord:row']]);
  });

  it('marks a value the sentence moved away from, which matches only another such value', () => {
    expect(numbers('growth of 0.7 percent, down from an earlier forecast of 0.9 percent')).toEqual([
      [0.7, 'pct'],
      [0.9, 'pct~from'],
    ]);
    expect(numbers('raised from 3.75% to 4%')).toEqual([
      [3.75, 'pct~from'],
      [4, 'pct'],
    ]);
    expect(numbers('exports from Canada rose 8 percent')).toEqual([[8, 'pct']]);
    // Running times in seconds; a clock time is no count.
    expect(numbers('Lemaiyan held on for second place in 2:02:14.')).toEqual([[7334, 'time']]);
    expect(numbers('a previous best of 2h03:11')).toEqual([[7391, 'time']]);
    expect(numbers('the meeting at 10:30 ended')).toEqual([]);
    // Temperatures in Celsius, whatever the scale: 48 °F is 8.9 °C, which rounds to 9.
    expect(numbers('it was 48 degrees Fahrenheit at the start')).toEqual([[8.9, 'celsius']]);
    expect(numbers('highs of 35°C')).toEqual([[35, 'celsius']]);
    const [f, c] = [extractNumbers('48 degrees Fahrenheit')[0], extractNumbers('9 degrees Celsius')[0]];
    expect(f && c && sameNumber(f, c)).toBe(true);
  });
});

describe('entities', () => {
  const mentions = (text: string) =>
    findMentions(text, tokenize(text), () => false).map((m) => ({ key: m.key, role: m.role }));

  it('splits titles from names', () => {
    expect(mentions('He met Treasury Secretary Janet L. Yellen and Mr. Wang.')).toEqual([
      { key: 'janet l yellen', role: ['treasury', 'secretary'] },
      { key: 'wang', role: ['mr'] },
    ]);
    expect(mentions('Later, U.S. Secretary of State Antony Blinken spoke.')).toEqual([
      { key: 'us', role: [] },
      { key: 'antony blinken', role: ['secretary', 'state'] },
    ]);
    // A capitalised function word is no name unless a title says so.
    expect(mentions('He said Putin is anticipated to go to China in Could.')).toEqual([
      { key: 'putin', role: [] },
      { key: 'china', role: [] },
    ]);
    expect(mentions('Later, Mr. Will spoke.')).toEqual([{ key: 'will', role: ['mr'] }]);
    expect(mentions('It was NPEA Administrator Helena Marchetti.')).toEqual([
      { key: 'npea', role: [] },
      { key: 'helena marchetti', role: ['administrator'] },
    ]);
    // A person's name ends before "of" and what they belong to.
    expect(mentions('Later, Pavel Strand of the Civic Union spoke.')).toEqual([
      { key: 'pavel strand', role: [] },
      { key: 'civic union', role: [] },
    ]);
    expect(mentions('They met at the Great Hall of the People.')).toEqual([
      { key: 'great hall of the people', role: [] },
    ]);
    // A service before "Chief" is part of the title.
    expect(mentions('Nine were hurt, Elderbrook Fire Chief Dana Okafor said.')).toEqual([
      { key: 'elderbrook', role: [] },
      { key: 'dana okafor', role: ['fire', 'chief'] },
    ]);
    // A word qualifying a further title is part of the title.
    expect(mentions('Deputy Fire Chief Tom Lindqvist said the crew did well.')).toEqual([
      { key: 'tom lindqvist', role: ['deputy', 'fire', 'chief'] },
    ]);
    // "Affairs" closes a title ("Minister of Foreign Affairs"), and an organisation's name.
    expect(mentions('It was said by Minister of Foreign Affairs Jonas Reith.')).toEqual([
      { key: 'jonas reith', role: ['minister', 'foreign', 'affairs'] },
    ]);
    expect(mentions('It was said by the Ministry of Foreign Affairs.')).toEqual([
      { key: 'ministry of foreign affairs', role: [] },
    ]);
  });

  it('reads a title after the name, a word or two of qualifier included, and no office held before or from now', () => {
    const lexicon = toLexicon(emptyLexiconData());
    const roleOf = (text: string, id: string) =>
      analyzeSentence(text, { published: '2025-01-01', lexicon })
        .entities.find((e) => e.id === id)
        ?.role?.slice()
        .sort();
    expect(roleOf('Ruben Vlaskamp, the public prosecutor in charge of the case, spoke.', 'ruben vlaskamp')).toEqual([
      'prosecutor',
    ]);
    expect(roleOf('Dmitry Peskov, the Kremlin spokesman, said so.', 'dmitry peskov')).toEqual(['spokesman']);
    expect(roleOf("Rhys Penhallow, the Home Office's security minister, spoke.", 'rhys penhallow')).toEqual([
      'minist',
      'secur',
    ]);
    // Title words joined by a hyphen.
    expect(roleOf('Yared Bekele, the secretary-general of the federation, spoke.', 'yared bekele')).toEqual([
      'gener',
      'secretari',
    ]);
    expect(roleOf('National Security Adviser Jake Sullivan spoke.', 'jake sullivan')).toEqual([
      'advis',

      'secur',
    ]);
    // No title after the qualifiers: no role.
    expect(roleOf('Anna Berg, the wife of the president, said so.', 'anna berg')).toBeUndefined();
    expect(roleOf('Anna Berg, a 58-year-old aid worker, said so.', 'anna berg')).toBeUndefined();
    // A former or new office is not the one they hold (or held) when the other side speaks of them.
    expect(roleOf('Renata Szabo, the former finance chief, pleaded guilty.', 'renata szabo')).toBeUndefined();
    expect(roleOf('The new health minister, Jonas Ekberg, is a cardiologist.', 'jonas ekberg')).toBeUndefined();
  });

  it('keeps multi-word names with connectors and ignores sentence-initial words', () => {
    expect(mentions('They met at the Great Hall of the People.')).toEqual([
      { key: 'great hall of the people', role: [] },
    ]);
    expect(mentions('Trade fell.')).toEqual([]);
    // Schools, hospitals, federations, companies ("… Pharma", "… Airlines") are organisations, never people.
    const kinds = analyzeSentence(
      'Elderbrook High School, Nordavik Pharma and the Ethiopian Athletics Federation spoke.',
      {
        published: '2025-01-01',
        lexicon: toLexicon(emptyLexiconData()),
      },
    ).entities.map((e) => [e.id, e.kind]);
    expect(kinds).toEqual([
      ['elderbrook high school', 'org'],
      ['nordavik pharma', 'org'],
      ['ethiopian athletics federation', 'org'],
    ]);
    // A number word opening the sentence is a count, not part of a name.
    expect(mentions('Seven Valdorians were freed.')).toEqual([{ key: 'valdorians', role: [] }]);
  });

  it('decides which names can be one person', () => {
    expect(compatibleNames(['lavrov'], ['sergey', 'lavrov'])).toBe(true);
    expect(compatibleNames(['sergei', 'lavrov'], ['sergey', 'lavrov'])).toBe(true);
    expect(compatibleNames(['wang'], ['wang', 'yi'])).toBe(true);
    expect(compatibleNames(['wang', 'wenbin'], ['wang', 'yi'])).toBe(false);
    expect(compatibleNames(['helen', 'wang'], ['wang', 'yi'])).toBe(false);
  });
});

describe('cues', () => {
  const lexicon = toLexicon({ ...emptyLexiconData(), negativeWords: ['inconsistent'] });
  const claim = (t: string) => analyzeSentence(t, { published: '2024-04-09', lexicon });
  it("takes a date's cue words from its own happening, not from beyond an after or before", () => {
    // The date is the defeat's, not the sacking's.
    const [date] = claim("Worcester have sacked head coach Gareth Pollard after Saturday's defeat.").dates;
    expect(date?.cues).not.toContain('sack');
    expect(claim('Pollard was sacked on Sunday.').dates[0]?.cues).toContain('sack');
  });

  it('reads verbal and implicit negation, not noun-phrase negation', () => {
    expect(claim('He did not reveal the measures.').negated).toBe(true);
    expect(claim('She declined to name the United States.').negated).toBe(true);
    expect(claim('The mayor has so far stopped short of declaring a state of emergency.').negated).toBe(true);
    expect(claim('The ministry refrained from naming the company.').negated).toBe(true);
    expect(claim('The price fell short of forecasts.').negated).toBe(false);
    // Each clause has its own polarity: a "not" in each of two is no double negation.
    expect(claim('Residents must not return; officials said the dam had not been damaged.').negated).toBe(true);
    // "Never before" tells a first, as "for the first time" does; nor is it an order.
    expect(claim('Never before have nurses and doctors walked out together.')).toMatchObject({
      negated: false,
      order: [],
    });
    expect(claim('There is no room for dictatorships.').negated).toBe(false);
    // "no" opening the clause negates it.
    expect(claim('No firefighters were injured.').negated).toBe(true);
    expect(claim('Margaret Ostrowski says no terminal closures have been decided yet.').negated).toBe(true);
    expect(claim('The partnership has no limits.').negated).toBe(false);
    expect(claim('Also the state will pay no ransom to the hackers, he made clear.').negated).toBe(true);
    expect(claim('The union will have no seats in the new parliament.').negated).toBe(false);
    // A "not" in a relative clause describes a noun, not the claim.
    expect(claim('The FDA approved the pill for adults whose blood pressure is not controlled.').negated).toBe(false);
    expect(claim('The pill, which is not cheap, was approved.').negated).toBe(false);
    expect(claim('The FDA did not approve the pill, which is cheap.').negated).toBe(true);
    expect(claim('Their words and deeds are inconsistent.').negated).toBe(true);
    expect(claim('The de facto inconsistent plan was published.').negated).toBe(false);
    // So does "that" after a verb of saying or finding: the "not" bears on what was concluded.
    expect(claim('The review board concluded that the timetable had never been achievable.').negatedTerms).toEqual([
      'achiev',
      'timet',
    ]);
    // …also with "that" left out.
    expect(claim('The watchdog discovered it did not secure the data.').negatedTerms).toEqual(['data', 'secur']);
    // A participle after a comma opens a clause of its own: the "not" bears on "finish" only.
    expect(claim('The champion did not finish, stepping off the course with a calf problem.').negatedTerms).toEqual([
      'champion',
      'finish',
    ]);
  });

  it('never reads a name opening with "Republic", "Bank", "Ministry" … as a person, title or not', () => {
    const [republic] = claim('He was received by the President of the Republic of Valmora.').entities;
    expect(republic).toMatchObject({ id: 'republic of valmora', kind: 'place' });
  });

  it('knows countries the sources never name, and a place that acts as one that can be swapped', () => {
    // "Spain" opening a sentence is a place though no source names it (CLDR region names).
    expect(claim('Spain sent two Canadair aircraft to help.').entities[0]).toMatchObject({
      id: 'spain',
      kind: 'place',
      ctx: 'subj',
    });
    expect(claim('The Netherlands said it would help.').entities[0]).toMatchObject({ kind: 'place', ctx: 'subj' });
    // A possessive or an aside is not the subject acting.
    expect(claim("Italy's planes arrived.").entities[0]?.ctx).toBeUndefined();
    expect(claim('Beijing, he said, was ready.').entities[0]?.ctx).toBeUndefined();
    // An ordinary sentence-initial word is still no entity.
    expect(claim('Firefighters sent two planes.').entities).toEqual([]);
    // Where people work is an organisation, not a place: "analysts at Jefferies".
    expect(claim('Analysts at Jefferies put peak sales at $1.8 billion.').entities[0]).toMatchObject({ kind: 'org' });
  });

  it('reads a quotation that runs on into the next sentence', () => {
    expect(quotedStems('Director Marit Okkerse: "Our staff arrived to find empty walls.')).toEqual([
      'arriv',
      'empti',
      'find',
      'staff',
      'wall',
    ]);
  });

  it('records who is quoted or credited', () => {
    expect(claim('Last month, Reuters reported that he would go.').attribution).toEqual(['reuters']);
    expect(claim('According to Bloomberg, Antony Blinken warned allies.').attribution).toEqual(
      expect.arrayContaining(['bloomberg', 'antony blinken']),
    );
    expect(claim('Janet Yellen visited Guangzhou.').attribution).toEqual([]);
    // A name of unknown kind that speaks is credited too.
    expect(claim('The union Unison said staff were working extra shifts.').attribution).toEqual(['unison']);
  });

  it('reads who did what first, and where first', () => {
    expect(claim('Janet Yellen warned Beijing days after Sergei Lavrov left.').sequence).toEqual([
      ['sergei lavrov', 'janet yellen'],
    ]);
    // People and places each in their own order: a place between does not part two people.
    expect(claim('Janet Yellen spoke in Paris days after Sergei Lavrov arrived in Rome.').sequence).toEqual([
      ['sergei lavrov', 'janet yellen'],
      ['rome', 'paris'],
    ]);
    expect(claim('The minister spoke in Nimes in the morning before moving on to Lyon.').sequence).toEqual([
      ['nimes', 'lyon'],
    ]);
  });

  it('reads before/after and hedges', () => {
    expect(claim('Prior to meeting Xi, he held talks with Wang.').order).toEqual(['before']);
    expect(claim('He met Wang after his meeting with Xi.').order).toEqual(['after']);
    expect(claim('He will consult leaders once the new assembly has met.').order).toEqual(['after']);
    expect(claim('They met once again in Beijing.').order).toEqual([]);
    expect(claim('The council meets once a year.').order).toEqual([]);
    expect(claim('Putin is reportedly planning to visit.').hedged).toBe(true);
    expect(claim('Putin visited China.').hedged).toBe(false);
  });
});

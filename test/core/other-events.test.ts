import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildDataset } from '../../src/build/build-dataset';
import { type CheckedPage, checkFile } from '../../src/build/check-files';
import { readSources } from '../../src/build/read-sources';
import { type LabelledPage, scoreLabels } from '../../src/build/score';
import { WordNet } from '../../src/build/wordnet';
import { loadDataset } from '../../src/core/dataset/loaded';

/**
 * Six more events, written for the tests and labelled like the eval set, built and checked through
 * the same path as `npm run eval`: a central bank's rate decision (figures, a streak, an earlier
 * forecast); an aircraft order (a spun copy, a "not" in one clause of two, a direction word); an
 * earthquake (a loose translation, a changed title, weekdays); an antitrust fine (a blog's field
 * lines, a speaker swapped, "would not appeal"); an inflation report from two sources only (few
 * shared names: the verdicts decide the topic; an HTML source); an obituary (a weekday after a run
 * of names, years beside a prize, a changed count). The seed event tunes the matcher; these show what carries over. By hand:
 *   npm run dataset -- --sources test/fixtures/ecb/sources --out /tmp/ecb.json
 *   npm run eval -- --labels test/fixtures/ecb/labels.json --pages test/fixtures/ecb/pages --dataset /tmp/ecb.json
 */
const wordnet = new WordNet();
/** Build the event's dataset, check its page and score it against its labels. */
function check(name: string) {
  const dir = join(import.meta.dirname, '../fixtures', name);
  const labels = JSON.parse(readFileSync(join(dir, 'labels.json'), 'utf8')) as LabelledPage[];
  const { dataset } = buildDataset(readSources(join(dir, 'sources')), { name, wordnet });
  const page = checkFile(loadDataset(dataset), join(dir, 'pages', labels[0]?.page ?? ''));
  const report = scoreLabels(labels, [page]);
  const row = (verdict: string) => report.rows.find((r) => r.verdict === verdict);
  return { labels, page, report, row };
}
const detail = (page: CheckedPage, start: string) => page.sentences.find((s) => s.text.startsWith(start))?.detail;

describe('other events (test/fixtures)', () => {
  it('central bank: no false badge, every corroborated sentence found, the right figures compared', () => {
    const { page, report, row } = check('ecb');
    expect(row('corroborated')).toMatchObject({ precision: 1, recall: 1 });
    expect(row('conflict')?.precision).toBe(1);
    // Two of four conflicts are out of reach (README: what the matcher misses): a place beside a
    // reworded verb, and a date in a sentence that names nothing to anchor it.
    expect(row('conflict')?.recall).toBeGreaterThanOrEqual(0.5);
    expect(report.attribution).toBe(1);
    // "0.7 percent this year, down from an earlier forecast of 0.9 percent": 0.9 is not the forecast.
    expect(detail(page, 'The ECB lowered its forecast')).toMatchObject({
      kind: 'number',
      page: '0.9 percent',
      source: '0.7 percent',
    });
    // "the eighth in a row" vs "the tenth consecutive increase".
    expect(detail(page, 'The increase was the eighth')).toMatchObject({ kind: 'number', source: 'tenth consecutive' });
  });

  it('aircraft order: a spun copy is one witness, a "not" in the other clause accuses nothing, "fell" is not "rose"', () => {
    const { page, row } = check('airbus');
    expect(row('corroborated')).toMatchObject({ precision: 1, recall: 1 });
    expect(row('conflict')?.precision).toBe(1);
    const verdict = (start: string) => page.sentences.find((s) => s.text.startsWith(start));
    // "Airbus did not disclose the value, but analysts estimated it at about 50 billion dollars".
    expect(verdict('Analysts put the value')?.verdict).toBe('corroborated');
    // The wire story and its spun copy are one origin.
    expect(verdict('IndiGo ordered 500')?.independent).toBe(2);
    expect(detail(page, 'Shares in')).toMatchObject({ kind: 'negation', page: 'fell', source: 'rose' });
  });

  it('earthquake: a loose translation is one witness with its original, a changed title is a conflict', () => {
    const { page, row } = check('quake');
    expect(row('corroborated')).toMatchObject({ precision: 1, recall: 1 });
    expect(row('conflict')).toMatchObject({ precision: 1, recall: 1 });
    // "More than 200 people were injured" is all in "… killing at least 12 people and injuring
    // more than 200, officials said": the count borrows its noun, and a short sentence stated
    // whole by a long one is supported.
    expect(page.sentences.find((s) => s.text.startsWith('More than 200'))?.verdict).toBe('corroborated');
    // The agency report and its translation both state the toll: one origin, one witness.
    const toll = page.sentences[0];
    expect(new Set(toll?.evidence.map((e) => e.file))).toEqual(new Set(['agency.txt', 'translated.txt']));
    expect(toll?.independent).toBe(1);
    expect(detail(page, 'Prime Minister')).toMatchObject({
      kind: 'person',
      page: 'Prime Minister Juan José Santiváñez',
      source: 'Interior Minister Juan José Santiváñez',
    });
    expect(detail(page, 'Boluarte flew')).toMatchObject({ kind: 'date' });
  });

  it('antitrust fine: a speaker swapped, a "not" added and a place changed are conflicts; nothing false', () => {
    const { page, row } = check('apple');
    expect(row('corroborated')).toMatchObject({ precision: 1, recall: 1 });
    expect(row('conflict')?.precision).toBe(1);
    expect(row('conflict')?.recall).toBeGreaterThanOrEqual(0.8);
    // "a complaint from Spotify in 2021" vs "a complaint from Spotify in 2019": no person, but both
    // years stand beside the same named thing.
    expect(detail(page, 'The investigation was opened')).toMatchObject({ kind: 'date', page: '2021', source: '2019' });
    // "Internal Market" qualifies a title; "Posted in Tech | Tagged Apple, EU" is not a sentence
    // (it had made "Apple" a person).
    expect(detail(page, 'Internal Market')).toMatchObject({
      kind: 'person',
      page: 'Thierry Breton',
      source: 'Margrethe Vestager',
    });
    expect(detail(page, 'Apple said')).toMatchObject({ kind: 'negation', page: 'not' });
    expect(detail(page, 'Vestager spoke')).toMatchObject({ kind: 'place', page: 'Strasbourg', source: 'Brussels' });
  });

  it('inflation, two sources: on topic through its verdicts; a speaker swap and opposite words are conflicts', () => {
    const { page, report, row } = check('inflation');
    expect(page.onTopic).toBe(true);
    expect(row('corroborated')?.precision).toBe(1);
    expect(row('conflict')?.precision).toBe(1);
    expect(report.falseBadgesPer100None).toBe(0);
    expect(detail(page, 'Chancellor Rishi Sunak')).toMatchObject({ kind: 'person', source: 'Jeremy Hunt' });
    // Stems are compared; the card shows the words.
    expect(detail(page, 'Shadow chancellor')).toMatchObject({ kind: 'negation', page: 'better', source: 'worse' });
    // "published by the Office for National Statistics last Thursday" vs "the Office for National
    // Statistics said on Wednesday": the office beside both dates ties them.
    expect(detail(page, 'The figures were published')).toMatchObject({
      kind: 'date',
      source: 'on Wednesday (17 April 2024)',
    });
  });

  it("obituary: a weekday that follows only names is still the sentence's date; a prize's year; a count", () => {
    const { page, row } = check('obituary');
    expect(row('corroborated')).toMatchObject({ precision: 1, recall: 1 });
    expect(row('conflict')?.precision).toBe(1);
    // "Munro died at her home in Port Hope, Ontario, on Tuesday" (published Thursday 16 May) vs
    // "died on Monday": the words before the weekday are all names.
    expect(detail(page, 'Munro died')).toMatchObject({ kind: 'date', source: 'on Monday (13 May 2024)' });
    expect(detail(page, 'Munro retired')).toMatchObject({ kind: 'date', page: '2012', source: '2013' });
    // "received the Nobel Prize … in 2014" vs "won the Nobel Prize … in 2013": the prize beside the
    // year ties the two, whatever the verb; "16 collections" vs "14 collections": the same count.
    expect(detail(page, 'Alice Munro, who received')).toMatchObject({ kind: 'date', page: '2014', source: '2013' });
    expect(detail(page, 'Munro wrote')).toMatchObject({ kind: 'number', page: '16 collections' });
    expect(row('conflict')?.recall).toBe(1);
  });

  /**
   * Seven events written by a separate session from the label rules alone, without the matcher's
   * code, and scored before the matcher was changed for them (figures in README "Measured"). They
   * have since been development data: these floors keep what was gained.
   */
  const written = [
    'bypass-ruling',
    'corinthia-wildfire',
    'freight-merger',
    'skua-launch',
    'election-slovenia',
    'fda-velmorastat',
    'worcester-manager',
  ];
  it.each(written)('%s: no false conflict, no badge on a "none" sentence, corroboration mostly right', (name) => {
    const { report, row } = check(name);
    expect(row('conflict')?.precision).toBe(1);
    expect(report.falseBadgesPer100None).toBe(0);
    expect(row('corroborated')?.precision).toBeGreaterThanOrEqual(0.75);
    expect(row('corroborated')?.recall).toBeGreaterThanOrEqual(0.85);
  });

  it('the seven written events: most changed details are found', () => {
    const rows = written.map((name) => check(name).row('conflict'));
    const found = rows.reduce((n, r) => n + (r?.recall ?? 0) * (r?.support ?? 0), 0);
    const labelled = rows.reduce((n, r) => n + (r?.support ?? 0), 0);
    expect(found / labelled).toBeGreaterThanOrEqual(0.6);
  });

  /** Thirty more, each batch of three scored once before any change for them (README "Measured"). */
  const lastWritten = [
    'palencia-strike',
    'rafina-ferry',
    'severnside-ransomware',
    'gard_floods',
    'hanoi_state_visit',
    'nimbrix_earnings',
    'atacama_spill',
    'canberra_talks',
    'halden_mayor',
    // Written in a later session, each scored once before any change for it (README "Measured").
    'runway_excursion',
    'lab_fire',
    'cabinet_reshuffle',
    'vehicle_recall',
    'marathon_record',
    'fraud_sentencing',
    'bridge_collapse',
    'mars_delay',
    'club_takeover',
    'volcano',
    'data_fine',
    'trade_summit',
    'derailment',
    'museum_heist',
    'prisoner_swap',
    'dam_release',
    'hospital_strike',
    'launch_failure',
    'bill_vote',
    'mine_rescue',
    'port_cyberattack',
  ];
  it('the last thirty written events: no badge on a "none" sentence, most corroborations right', () => {
    const checked = lastWritten.map((name) => check(name));
    for (const { report } of checked) expect(report.falseBadgesPer100None).toBe(0);
    const pooled = scoreLabels(
      checked.flatMap((c) => c.labels),
      checked.map((c) => c.page),
    );
    const row = (verdict: string) => pooled.rows.find((r) => r.verdict === verdict);
    expect(row('corroborated')?.recall).toBeGreaterThanOrEqual(0.8);
    expect(row('conflict')?.precision).toBeGreaterThanOrEqual(0.85);
  });
});

import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { buildDataset } from '../../src/build/build-dataset';
import { type CheckedPage, checkFile } from '../../src/build/check-files';
import { readSources } from '../../src/build/read-sources';
import { type LabelledPage, scoreLabels } from '../../src/build/score';
import { WordNet } from '../../src/build/wordnet';
import { loadDataset } from '../../src/core/dataset/loaded';
import labels from '../fixtures/ecb/labels.json';

/**
 * A second event, written for the tests (a central bank's rate decision: figures, a streak, an
 * earlier forecast, a place), built and checked through the same path as `npm run eval`. The
 * seed event tunes the matcher; this one shows whether what it learnt carries over. Re-run by
 * hand: npm run dataset -- --sources test/fixtures/ecb/sources --out /tmp/ecb.json &&
 * npm run eval -- --labels test/fixtures/ecb/labels.json --pages test/fixtures/ecb/pages --dataset /tmp/ecb.json
 */
const dir = join(import.meta.dirname, '../fixtures/ecb');
let page: CheckedPage;
beforeAll(() => {
  const { dataset } = buildDataset(readSources(join(dir, 'sources')), { name: 'ecb', wordnet: new WordNet() });
  page = checkFile(loadDataset(dataset), join(dir, 'pages/ecb.html'));
});

describe('a second event (test/fixtures/ecb)', () => {
  it('badges nothing falsely and finds every corroborated sentence', () => {
    const report = scoreLabels(labels as LabelledPage[], [page]);
    const row = (v: string) => report.rows.find((r) => r.verdict === v);
    expect(row('corroborated')).toMatchObject({ precision: 1, recall: 1 });
    expect(row('conflict')?.precision).toBe(1);
    // Two of the four conflicts are out of reach today (README: what the matcher misses): a place
    // stated beside an unrelated "not", and a date with no name in the sentence to anchor it.
    expect(row('conflict')?.recall).toBeGreaterThanOrEqual(0.5);
    expect(report.falseBadgesPer100None).toBe(0);
    expect(report.attribution).toBe(1);
  });

  it('reads the current figure, not the earlier one, and a streak however it is worded', () => {
    const detail = (start: string) => page.sentences.find((s) => s.text.startsWith(start))?.detail;
    // "0.7 percent this year, down from an earlier forecast of 0.9 percent": 0.9 is not the forecast.
    expect(detail('The ECB lowered its forecast')).toMatchObject({
      kind: 'number',
      page: '0.9 percent',
      source: '0.7 percent',
    });
    // "the eighth in a row" vs "the tenth consecutive increase".
    expect(detail('The increase was the eighth')).toMatchObject({ kind: 'number', source: 'tenth consecutive' });
  });
});

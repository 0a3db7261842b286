import { beforeAll, describe, expect, it } from 'vitest';
import { buildDataset, type SourceInput } from '../../src/build/build-dataset';
import { WordNet } from '../../src/build/wordnet';
import { type LoadedDataset, loadDataset } from '../../src/core/dataset/loaded';
import { matchSentences } from '../../src/core/match/match';

/**
 * An event told without people: places, organisations, numbers and dates only (a storm). The
 * topic gate must still let a page about it through, and keep unrelated pages out.
 */
const sources: SourceInput[] = [
  {
    file: 'wire.txt',
    outlet: 'Wire',
    published: '2025-09-10',
    language: 'en',
    text: `Typhoon Haikui makes landfall in Taiwan
Typhoon Haikui made landfall in Taitung County on Sunday with winds of 190 kilometers per hour.
The Central Weather Administration said more than 200,000 households lost power in Taitung and Hualien.
Schools and offices in Kaohsiung were closed on Monday.
The storm is expected to weaken as it crosses the Taiwan Strait toward Fujian.`,
  },
  {
    file: 'local.txt',
    outlet: 'Island Daily',
    published: '2025-09-10',
    language: 'en',
    text: `Haikui hits east coast
Haikui came ashore in Taitung County on Sunday, bringing winds of 190 kilometers per hour.
Power was cut to more than 200,000 households in Taitung and Hualien, according to the Central Weather Administration.
Kaohsiung closed schools and offices on Monday.
Forecasters expect the typhoon to lose strength over the Taiwan Strait before reaching Fujian.`,
  },
  {
    file: 'regional.txt',
    outlet: 'Regional News',
    published: '2025-09-11',
    language: 'en',
    text: `Storm moves toward mainland
After crossing Taiwan, Haikui was moving toward Fujian, where authorities evacuated 30,000 people.
Flights between Fujian and Kaohsiung were cancelled on Monday.`,
  },
];

let ds: LoadedDataset;
beforeAll(() => {
  ds = loadDataset(buildDataset(sources, { name: 'storm', wordnet: new WordNet() }).dataset);
});

describe('an event without people', () => {
  it('badges a page about it: corroborated and conflicting details', () => {
    const page = matchSentences(
      ds,
      [
        'Typhoon Haikui struck Taitung County on Sunday with winds of 190 kilometers per hour.',
        'More than 200,000 households in Taitung and Hualien lost power, the Central Weather Administration said.',
        'Schools and offices in Kaohsiung were closed on Tuesday.',
        'Residents cleared debris from the streets.',
      ],
      '2025-09-10',
    );
    expect(page.onTopic).toBe(true);
    expect(page.sentences.map((s) => s.verdict)).toEqual(['corroborated', 'corroborated', 'conflict', 'none']);
  });

  it('stays silent on an unrelated page that names the same places', () => {
    const page = matchSentences(
      ds,
      [
        'Taiwan and Fujian are separated by the Taiwan Strait.',
        'Kaohsiung is a port city with a large harbour.',
        'Tourists in Hualien visit the Taroko Gorge.',
      ],
      '2025-09-10',
    );
    expect(page.sentences.every((s) => s.verdict === 'none')).toBe(true);
  });
});

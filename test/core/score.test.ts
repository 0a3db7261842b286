import { describe, expect, it } from 'vitest';
import type { CheckedPage } from '../../src/build/check-files';
import { type LabelledPage, scoreLabels } from '../../src/build/score';
import type { Evidence } from '../../src/core/match/match';

const evidence = (file: string): Evidence => ({
  claim: 0,
  file,
  sourceId: file,
  outlet: '',
  published: '',
  origin: 0,
  text: '',
  stance: 'supports',
  score: 1,
});
const page = (files: string[]): CheckedPage => ({
  file: 'p.html',
  published: null,
  onTopic: true,
  sentences: [
    { text: 'A fact.', verdict: 'corroborated', independent: 1, evidence: files.map(evidence), detail: null },
  ],
});
const labels = (sources: string[]): LabelledPage[] => [
  { page: 'p.html', published: '2024-01-01', sentences: [{ text: 'A fact.', expect: 'corroborated', sources }] },
];

describe('scoring labels', () => {
  it('matches cited sources to label ids given as file-name prefixes or as whole file names', () => {
    const cited = page(['000_8375689fe676dfa9.txt', '002_a9715c8efe303963.txt']);
    expect(scoreLabels(labels(['000', '002']), [cited]).attribution).toBe(1);
    expect(scoreLabels(labels(['000_8375689fe676dfa9', '002_a9715c8efe303963']), [cited]).attribution).toBe(1);
    expect(scoreLabels(labels(['a-wire']), [page(['a-wire.txt'])]).attribution).toBe(1);
    // A cited source the label does not list is a wrong attribution, however the ids are written.
    expect(scoreLabels(labels(['000_8375689fe676dfa9']), [cited]).attribution).toBe(0);
    expect(scoreLabels(labels(['000']), [cited]).attribution).toBe(0);
  });
});

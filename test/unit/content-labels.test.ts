import { describe, expect, it } from 'vitest';
import { badgeName, badgeText, formatDate } from '../../src/content/labels';
import type { SentenceResult } from '../../src/messages/protocol';

const ev = (file: string, stance: 'supports' | 'contradicts', origin = 0) => ({
  file,
  origin,
  outlet: `Outlet ${file}`,
  published: '2024-04-09',
  text: 'Source sentence.',
  stance,
});
const result = (r: Partial<SentenceResult>): SentenceResult => ({
  id: 0,
  verdict: 'corroborated',
  independent: 0,
  evidence: [],
  detail: null,
  ...r,
});

describe('badge labels', () => {
  it('name the verdict and the count', () => {
    expect(badgeName(result({ independent: 3, evidence: [ev('a', 'supports')] }))).toBe(
      'Corroborated by 3 independent sources',
    );
    expect(badgeName(result({ independent: 1 }))).toBe('Corroborated by 1 independent source');
    expect(
      badgeName(
        result({
          verdict: 'conflict',
          evidence: [ev('a', 'contradicts'), ev('a', 'contradicts')],
          detail: { kind: 'date', page: 'April 3', source: 'April 7' },
        }),
      ),
    ).toBe('Conflicts with 1 source: date');
    expect(
      badgeName(
        result({
          verdict: 'conflict',
          evidence: [ev('a', 'contradicts', 0), ev('b', 'contradicts', 1), ev('b-copy', 'contradicts', 1)],
          detail: { kind: 'order', page: 'after', source: 'before' },
        }),
      ),
    ).toBe('Conflicts with 2 sources: order of events'); // a copy of b counts once
    expect(
      badgeName(
        result({ verdict: 'disputed', independent: 2, evidence: [ev('a', 'supports'), ev('c', 'contradicts')] }),
      ),
    ).toBe('Disputed: 2 sources support it, 1 source contradicts it');
  });

  it('show a count or a word next to the icon', () => {
    expect(badgeText(result({ independent: 2 }))).toBe('2');
    expect(badgeText(result({ verdict: 'conflict' }))).toBe('Conflict');
    expect(badgeText(result({ verdict: 'disputed' }))).toBe('Disputed');
    expect(badgeText(result({ independent: 2 }), 'text')).toBe('Corroborated · 2');
    expect(
      badgeText(result({ verdict: 'conflict', detail: { kind: 'number', page: '$204', source: '$240' } }), 'text'),
    ).toBe('Conflict · number');
  });

  it('write calendar dates without a time-zone shift', () => {
    expect(formatDate('2024-04-07')).toBe('7 April 2024');
    expect(formatDate('2024-04-07T23:30:00-05:00')).toBe('7 April 2024');
    expect(formatDate('unknown')).toBe('unknown');
  });
});

import { describe, expect, it } from 'vitest';
import { cleanArticle } from '../../src/core/text/clean';
import { splitSentences } from '../../src/core/text/sentences';

const split = (t: string) => splitSentences(t).map((s) => s.text);

describe('splitSentences', () => {
  it('does not break after titles, initials or dotted acronyms', () => {
    expect(split('Mr. Lavrov met Sergei V. Lavrov’s aide in the U.S. capital on Monday. The talks ended.')).toEqual([
      'Mr. Lavrov met Sergei V. Lavrov’s aide in the U.S. capital on Monday.',
      'The talks ended.',
    ]);
    expect(split('Dr. Helen Wang said so. Ms. Yellen agreed.')).toEqual([
      'Dr. Helen Wang said so.',
      'Ms. Yellen agreed.',
    ]);
  });

  it('ends a sentence after an acronym when the next one clearly starts', () => {
    expect(split('Trade fell with the U.S. The decline was the first since 2019.')).toEqual([
      'Trade fell with the U.S.',
      'The decline was the first since 2019.',
    ]);
  });

  it('reads "No." and "Fig." as abbreviations only before a number', () => {
    expect(
      split('Three lawmakers voted no. The nationalists sided with them. He lives at No. 10 Downing Street.'),
    ).toEqual(['Three lawmakers voted no.', 'The nationalists sided with them.', 'He lives at No. 10 Downing Street.']);
  });

  it('keeps a closing quote with its sentence', () => {
    expect(split('He called for opposition to “hegemonic behavior.” Then he left.')).toEqual([
      'He called for opposition to “hegemonic behavior.”',
      'Then he left.',
    ]);
  });

  it('gives offsets into the input', () => {
    const text = '  First one. Second one.';
    for (const s of splitSentences(text)) expect(text.slice(s.start, s.end)).toBe(s.text);
  });
});

describe('cleanArticle', () => {
  it('drops ad markers, comment forms, credit lines and chrome, and keeps the title apart', () => {
    const c = cleanArticle(
      [
        'Minister visits port',
        '[ad_1]',
        'The minister visited the port on Monday.',
        'Officials said trade would grow.',
        'Additional reporting by Jane Doe',
        'Leave a Comment',
        'Your email address will not be published. Required fields are marked *',
        'Source link',
        '[ad_2]',
      ].join('\n'),
    );
    expect(c.headline).toBe('Minister visits port');
    expect(c.paragraphs).toEqual(['The minister visited the port on Monday.', 'Officials said trade would grow.']);
    expect(c.dropped.map((d) => d.reason)).toEqual(
      expect.arrayContaining(['shortcode/ad marker', 'credit line', 'comment form', 'short line without punctuation']),
    );
  });

  it('drops the field lines of a blog post, which would otherwise read as names ("Tagged Apple")', () => {
    const c = cleanArticle(
      [
        'Apple hit with record fine',
        'Brussels has hit Apple with a fine.',
        'Posted in Tech | Tagged Apple, EU',
        'Categories: World, Europe',
        'Filed under Business',
      ].join('\n'),
    );
    expect(c.paragraphs).toEqual(['Brussels has hit Apple with a fine.']);
    expect(c.dropped).toHaveLength(3);
  });

  it('treats a first line that is a sentence as body text', () => {
    expect(cleanArticle('The minister arrived on Monday.\nShe left on Tuesday.').headline).toBeNull();
  });
});

/** Character-level normalisation shared by every stage (page and sources alike). */

/** Collapse whitespace runs (including newlines) to one space and trim. */
export function collapseWhitespace(text: string): string {
  return text.replace(/\s+/gu, ' ').trim();
}

/**
 * Fold typographic variants to ASCII for *comparison only* (display text is never folded):
 * curly quotes, dashes, non-breaking spaces.
 */
export function foldPunctuation(text: string): string {
  return text
    .replace(/[\u2018\u2019\u201A\u201B\u2032]/gu, "'")
    .replace(/[\u201C\u201D\u201E\u201F\u2033]/gu, '"')
    .replace(/[\u2010-\u2015\u2212]/gu, '-')
    .replace(/[\u00A0\u2000-\u200B\u202F]/gu, ' ');
}

/**
 * Source-article cleaning: keep the prose, drop what a web page wraps around it. General rules
 * (shortcodes, UI chrome lines, comment-form and credit boilerplate), not a list of known lines.
 */

export interface CleanedArticle {
  /** First line when it reads as a title (no closing punctuation), else null. */
  headline: string | null;
  /** Body paragraphs, in order. */
  paragraphs: string[];
  /** What was dropped and why, for the build report. */
  dropped: { line: string; reason: string }[];
}

const BOILERPLATE: [RegExp, string][] = [
  [/^\[\/?[a-z_]+\d*\]$/iu, 'shortcode/ad marker'],
  [
    /\b(leave a (reply|comment)|post (a )?comment|your email address will not be published|required fields are marked|save my name,? email)\b/iu,
    'comment form',
  ],
  [
    /\b(contributed (reporting )?to this (report|article|story)|^(additional )?reporting by\b|^(writing|edited|editing) by\b)/iu,
    'credit line',
  ],
  [
    /\b(all rights reserved|subscribe to our newsletter|sign up for our newsletter|share this (article|story)|follow us on)\b|^©/iu,
    'site chrome',
  ],
];

/**
 * A line with no sentence punctuation that is not the title: short ("Source link", "Read more"),
 * or a run of labelled fields ("Posted in Tech | Tagged Apple, EU", "Categories: World, Asia").
 */
function isChrome(line: string): boolean {
  if (/[.!?”"’)]$/u.test(line)) return false;
  const words = line.split(/\s+/u).length;
  return (
    words <= 4 || /\s[|·•]\s/u.test(line) || /^(posted in|filed under|tagged|tags|categories|category)\b/iu.test(line)
  );
}

export function cleanArticle(text: string): CleanedArticle {
  const dropped: CleanedArticle['dropped'] = [];
  const lines = text
    .replace(/\r\n?/gu, '\n')
    .split('\n')
    .map((l) => l.replace(/\s+/gu, ' ').trim());
  const paragraphs: string[] = [];
  let headline: string | null = null;
  for (const line of lines) {
    if (!line) continue;
    const rule = BOILERPLATE.find(([re]) => re.test(line));
    if (rule) {
      dropped.push({ line, reason: rule[1] });
      continue;
    }
    // Shortcodes inside a line ("[ad_1] Text…").
    const body = line.replace(/\[\/?[a-z_]+\d*\]/giu, '').trim();
    if (!body) continue;
    if (headline === null && paragraphs.length === 0 && !/[.!?”"]$/u.test(body) && body.split(/\s+/u).length <= 25) {
      headline = body;
      continue;
    }
    if (isChrome(body)) {
      dropped.push({ line, reason: 'short line without punctuation' });
      continue;
    }
    paragraphs.push(body);
  }
  return { headline, paragraphs, dropped };
}

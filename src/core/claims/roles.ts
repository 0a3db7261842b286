/**
 * People's roles: the titles and countries they are named with ("Russian Foreign Minister Sergei
 * Lavrov"), and people referred to by role alone ("Russia's top diplomat").
 */
import { isStopWord, stem, type Token } from '../text/tokens';
import type { EntityRef } from './claim';
import { aliasKey, HONORIFICS, type Mention, TITLE_WORDS } from './entities';
import type { Lexicon } from './lexicon';
import { demonymOf } from './resolve';

/**
 * The role a person is named with: the title words before the name and the country they belong
 * to ("Russian Foreign Minister Sergei Lavrov", "Russia's foreign minister, Sergey Lavrov").
 */
export function roleOf(m: Mention, mentions: Mention[], tokens: Token[], lexicon: Lexicon, text: string): string[] {
  const role = m.role.filter((r) => !HONORIFICS.has(r)).map(stem);
  // Lower-case titles right before the name: "Russia's foreign minister, Sergey Lavrov".
  let k = m.start - m.role.length - 1;
  for (; k >= 0 && isTitleWord(tokens[k]?.lower ?? ''); k--) role.push(...titleStems(tokens[k]?.lower ?? ''));
  // An office held before or only from now ("the new health minister, Jonas Ekberg", "former
  // President …") says nothing against another office the sources give them.
  if (role.length > 0 && NOT_NOW.has(tokens[k]?.lower ?? '')) return [];
  if (role.length === 0) return appositiveRole(m, mentions, tokens, lexicon, text);
  // The country must stand right against the title: "Russian Foreign Minister", not "in Beijing, Mr.".
  const country = mentions.find((p) => p.end === k + 1 && p !== m);
  const first = tokens[k + 1];
  const last = tokens[k];
  const touching = first && last && !text.slice(last.index + last.raw.length, first.index).includes(',');
  const id = country && touching ? (lexicon.aliases.get(country.key) ?? demonymOf(country.key, lexicon)) : undefined;
  if (id && lexicon.entities.get(id)?.kind === 'place') role.push(id);
  role.push(...appositiveRole(m, mentions, tokens, lexicon, text));
  return [...new Set(role)].sort();
}

/** A title word, or title words joined by hyphens ("secretary-general", "vice-president"). */
const isTitleWord = (lower: string) => lower !== '' && lower.split('-').every((w) => TITLE_WORDS.has(w));
const titleStems = (lower: string) => lower.split('-').map(stem);

/** Words that make a title one held before or only from now. */
const NOT_NOW = new Set([
  'former',
  'new',
  'incoming',
  'outgoing',
  'ex',
  'then',
  'future',
  'newly',
  'onetime',
  'previous',
]);

/** A title after the name: "Wang Yi, the top diplomat of …", "Sergey Lavrov, Russia's foreign minister". */
function appositiveRole(m: Mention, mentions: Mention[], tokens: Token[], lexicon: Lexicon, text: string): string[] {
  const last = tokens[m.end - 1];
  const next = tokens[m.end];
  if (!last || !next || !text.slice(last.index + last.raw.length, next.index).includes(',')) return [];
  const out: string[] = [];
  let k = m.end;
  const country = mentions.find((p) => p.start === k && p !== m);
  if (country) {
    const id = lexicon.aliases.get(country.key) ?? demonymOf(country.key, lexicon);
    if (id && lexicon.entities.get(id)?.kind === 'place') out.push(id);
    k = country.end;
  }
  if (tokens[k]?.lower === 'the' || tokens[k]?.lower === 'a' || tokens[k]?.lower === 'an') k++;
  // "the company's chief operating officer": whose officer says nothing about which.
  if (/['’]s$/u.test(tokens[k]?.raw ?? '') && isTitleWord(tokens[k + 1]?.lower ?? '')) k++;
  // A word or two qualifying the title ("the public prosecutor", "the Kremlin spokesman", "the
  // city's fire chief"), only if a title follows them.
  const qualifier = (t: Token | undefined) => !!t && /^\p{L}[\p{L}'’-]*$/u.test(t.raw) && !isStopWord(t.lower);
  for (const skip of [1, 2]) {
    const words = tokens.slice(k, k + skip);
    if (words.some((t) => NOT_NOW.has(t.lower))) return [];
    if (
      words.length === skip &&
      words.every(qualifier) &&
      !words.some((t) => isTitleWord(t.lower)) &&
      isTitleWord(tokens[k + skip]?.lower ?? '')
    ) {
      k += skip;
      break;
    }
  }
  for (; k < tokens.length && isTitleWord(tokens[k]?.lower ?? ''); k++) out.push(...titleStems(tokens[k]?.lower ?? ''));
  // Only a title makes it a role; a country alone ("Lavrov, Russia…") does not.
  return out.some((r) => !lexicon.entities.has(r)) ? out : [];
}

const ROLE_PHRASE =
  /\b(?:the|([\p{Lu}][\p{L}.]*?)(?:'s)?)\s+((?:[\p{Ll}-]+\s+){0,2}?)(minister|diplomat|leader|president|spokesman|spokeswoman|spokesperson|secretary|chairman|envoy|premier)\b/gu;

/**
 * People referred to by role, not name: "Russia's top diplomat", "the Russian minister",
 * "China's leader" — the one person the dataset knows with that role (and country), if unique.
 * A title in front of a name ("Foreign Minister Wang Yi") is not such a phrase.
 */
export function rolePhrases(text: string, tokens: Token[], mentions: Mention[], lexicon: Lexicon): EntityRef[] {
  const out: EntityRef[] = [];
  for (const m of text.matchAll(ROLE_PHRASE)) {
    const end = (m.index ?? 0) + m[0].length;
    const next = tokens.findIndex((t) => t.index >= end);
    if (mentions.some((x) => x.start === next || x.start === next + 0) && /^\s*\p{Lu}/u.test(text.slice(end))) continue;
    const country = m[1] ? (lexicon.aliases.get(aliasKey(m[1])) ?? demonymOf(aliasKey(m[1]), lexicon)) : undefined;
    if (m[1] && !country) continue;
    const want = [
      stem(m[3] ?? ''),
      ...(m[2] ?? '')
        .split(/\s+/u)
        .filter((w) => TITLE_WORDS.has(w))
        .map(stem),
    ];
    if (country) want.push(country);
    const found = [...lexicon.entities.entries()].filter(
      ([, e]) => e.kind === 'person' && want.every((w) => e.roles?.includes(w)),
    );
    const [only] = found;
    if (only && found.length === 1) out.push({ id: only[0], kind: 'person' });
  }
  return out;
}

/** From a name as written to the entity it denotes, through the dataset's lexicon. */
import type { EntityRef } from './claim';
import { isCountryName } from './countries';
import { compatibleNames, type Mention, nameTokens, orgKey } from './entities';
import type { Lexicon } from './lexicon';

/**
 * An adjective of a known place the lexicon did not list ("Western" → West, "Ukrainian" →
 * Ukraine): one word that extends a place's name by a short suffix.
 */
export function demonymOf(key: string, lexicon: Lexicon): string | undefined {
  if (key.includes(' ') || key.length < 5) return undefined;
  if (lexicon.entities.get(`${key}s`)?.kind === 'place') return `${key}s`; // "Philippine" → Philippines
  for (let cut = key.length - 1; cut >= Math.max(4, key.length - 4); cut--) {
    const id = key.slice(0, cut);
    if (lexicon.entities.get(id)?.kind === 'place') return id;
  }
  return undefined;
}

/** Resolve a mention to an entity id, through the lexicon's aliases and person names. */
export function resolveMention(m: Mention, lexicon: Lexicon): EntityRef {
  const alias = lexicon.aliases.get(m.key);
  // The sources may only have named it in passing ('other'); "in Tegalmulyo" here says where.
  const placeHere = m.guess === 'place' && !m.weak;
  if (alias) {
    const known = lexicon.entities.get(alias)?.kind;
    return { id: alias, kind: known === undefined || (known === 'other' && placeHere) ? m.guess : known };
  }
  // An organisation named in another word order than in the sources.
  const org = orgKey(m.key);
  const sameOrg = org && lexicon.aliases.get(org);
  if (sameOrg) return { id: sameOrg, kind: lexicon.entities.get(sameOrg)?.kind ?? m.guess };
  const demonym = demonymOf(m.key, lexicon);
  if (demonym) return { id: demonym, kind: 'place' };
  const names = nameTokens(m.key);
  // "Western European" is two capitalised words but names no one: a word of it is a known place.
  if (
    m.guess === 'person' &&
    names.some((t) => {
      const id = lexicon.aliases.get(t);
      return id !== undefined && lexicon.entities.get(id)?.kind !== 'person';
    })
  ) {
    return { id: m.key, kind: 'other' };
  }
  if (m.guess === 'person' || names.length <= 3) {
    const candidates = new Set<string>();
    for (const t of names) for (const id of lexicon.personTokens.get(t) ?? []) candidates.add(id);
    const compatible = [...candidates].filter((id) => compatibleNames(names, nameTokens(id)));
    if (compatible.length === 1 && compatible[0]) return { id: compatible[0], kind: 'person' };
  }
  return { id: m.key, kind: isCountryName(m.key) ? 'place' : m.guess };
}

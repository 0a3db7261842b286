/**
 * The lexicon: what the dataset builder learnt about the dataset's vocabulary (from WordNet and
 * from the corpus itself) and ships so that page text can be read in the same terms.
 */
import type { EntityKind } from './entities';

export interface EntityInfo {
  name: string;
  kind: EntityKind;
  /** Ids of places that contain this one (Beijing → China): not a conflict between them. */
  within: string[];
  /** For people: role stems and country ids seen with them ("foreign", "minist", "russia"). */
  roles?: string[];
}

/** The serialised form, stored in the dataset. */
export interface LexiconData {
  /** stem → dataset stems it is a synonym of (WordNet, most frequent senses). */
  synonyms: Record<string, string[]>;
  /** stem → dataset stems one step up or aside in WordNet (hypernym, similar-to): looser. */
  related: Record<string, string[]>;
  /** stem → dataset stems it is an antonym of. */
  antonyms: Record<string, string[]>;
  /** alias key → entity id ("u.s" → "united states", "russian" → "russia", "mr lavrov" → "sergey lavrov"). */
  aliases: Record<string, string>;
  entities: Record<string, EntityInfo>;
  /** Words whose meaning carries a negation ("inconsistent", "unable"). */
  negativeWords: string[];
  /** Alias keys that are adjectives of a place ("russian", "ukrainian"). */
  demonyms: string[];
}

/** The runtime form: Maps (no prototype keys), built once per loaded dataset. */
export interface Lexicon {
  synonyms: Map<string, string[]>;
  related: Map<string, string[]>;
  antonyms: Map<string, string[]>;
  aliases: Map<string, string>;
  entities: Map<string, EntityInfo>;
  negativeWords: Set<string>;
  demonyms: Set<string>;
  /** name token → person entity ids containing it, for "Mr. Wang" → "wang yi". */
  personTokens: Map<string, string[]>;
}

export function emptyLexiconData(): LexiconData {
  return { synonyms: {}, related: {}, antonyms: {}, aliases: {}, entities: {}, negativeWords: [], demonyms: [] };
}

export function toLexicon(data: LexiconData): Lexicon {
  const entities = new Map(Object.entries(data.entities));
  const personTokens = new Map<string, string[]>();
  for (const [id, info] of entities) {
    if (info.kind !== 'person') continue;
    for (const t of id.split(' ')) {
      if (t.length < 2) continue;
      const list = personTokens.get(t) ?? [];
      list.push(id);
      personTokens.set(t, list);
    }
  }
  return {
    synonyms: new Map(Object.entries(data.synonyms)),
    related: new Map(Object.entries(data.related)),
    antonyms: new Map(Object.entries(data.antonyms)),
    aliases: new Map(Object.entries(data.aliases)),
    entities,
    negativeWords: new Set(data.negativeWords),
    demonyms: new Set(data.demonyms),
    personTokens,
  };
}

/**
 * Builds the lexicon from the corpus and WordNet: which capitalised names are one entity (and of
 * what kind), which words are synonyms or antonyms of the dataset's vocabulary, which places lie
 * within which. Only what the dataset's own vocabulary needs is kept.
 */
import {
  compatibleNames,
  type EntityKind,
  findMentions,
  type Mention,
  nameTokens,
  orgKey,
} from '../core/claims/entities';
import type { EntityInfo, LexiconData } from '../core/claims/lexicon';
import { foldPunctuation } from '../core/text/normalize';
import { isStopWord, stem, tokenize } from '../core/text/tokens';
import type { Synset, WordNet } from './wordnet';

interface WnEntity {
  id: string;
  kind: EntityKind;
  synset: Synset;
}

const PERSON = /^(person|individual|someone|somebody|mortal|soul)$/u;
const PLACE =
  /^(location|region|geographical area|country|city|state|land|body of water|island|continent|district|area)$/u;
const ORG = /^(organization|organisation|social group|institution|government|political party|company|agency)$/u;

function kindOfSynset(wn: WordNet, s: Synset): EntityKind {
  for (const h of wn.closure(s, ['@i', '@'])) {
    if (h.words.some((w) => PERSON.test(w))) return 'person';
    if (h.words.some((w) => PLACE.test(w))) return 'place';
    if (h.words.some((w) => ORG.test(w))) return 'org';
  }
  return 'other';
}

function commonPrefix(a: string, b: string): number {
  let k = 0;
  while (k < a.length && a[k] === b[k]) k++;
  return k;
}

/**
 * A named entity WordNet knows: an instance noun (first sense), or a demonym adjective that
 * pertains to one ("Russian" → Russia). The pertainym can point at a minor sense ("Chinese" →
 * the Taiwan synset, which also has the lemma "china"), so the lemma closest to the adjective is
 * looked up again at its first sense.
 */
function wordnetEntity(wn: WordNet, key: string): WnEntity | undefined {
  const [first] = wn.synsets(key, 'n', 1);
  if (first && isInstance(first)) return { id: first.words[0] ?? key, kind: kindOfSynset(wn, first), synset: first };
  for (const adj of wn.synsets(key, 'a', 1)) {
    const ptr = adj.pointers.find((p) => p.symbol === '\\');
    if (!ptr) continue;
    const target = wn.synset(ptr.offset, ptr.pos);
    const lemma = [...target.words].sort((a, b) => commonPrefix(key, b) - commonPrefix(key, a))[0] ?? '';
    const [noun] = wn.synsets(lemma, 'n', 1);
    if (noun && isInstance(noun)) return { id: noun.words[0] ?? lemma, kind: kindOfSynset(wn, noun), synset: noun };
  }
  return undefined;
}

/** A named thing (an instance noun: "Cork" the city), not a kind of thing ("cork" the bark). */
const isInstance = (s: Synset) => s.pointers.some((p) => p.symbol === '@i');

/** Is `key` the plural of a common noun ("bridges": bridge)? */
function commonPlural(wn: WordNet, key: string): boolean {
  if (!key.endsWith('s')) return false;
  const [first] = wn.synsets(key.slice(0, -1), 'n', 1);
  return first !== undefined && !isInstance(first);
}

/** The kinds of the named things (instance nouns) WordNet lists under a word, at any sense. */
function namedKinds(wn: WordNet, key: string): Set<EntityKind> {
  const named = wn.synsets(key, 'n').filter(isInstance);
  return new Set(named.map((s) => kindOfSynset(wn, s)));
}

export interface CorpusSentence {
  text: string;
}

/** Entity discovery over all source sentences; returns aliases and entity infos. */
function discoverEntities(wn: WordNet, sentences: CorpusSentence[]) {
  const aliases = new Map<string, string>();
  const entities = new Map<string, EntityInfo>();
  const synsets = new Map<string, Synset>();
  const isKnown = (k: string) => wordnetEntity(wn, k) !== undefined;

  const unknown: { m: Mention; text: string }[] = [];
  const known = new Map<number, { entity: WnEntity; keys: Map<string, number> }>();
  const wnAliases: { key: string; offset: number }[] = [];
  const parenAcronyms: { acronym: string; key: string }[] = [];
  for (const s of sentences) {
    const text = foldPunctuation(s.text);
    const tokens = tokenize(text);
    for (const m of findMentions(text, tokens, isKnown)) {
      const wne = wordnetEntity(wn, m.key);
      // A sentence (or quotation) opening with a common noun's plural that WordNet also knows as a
      // surname ("“Bridges instead of walls …”": Robert Bridges) names no one.
      if (wne?.kind === 'person' && m.start === 0 && m.end === 1 && commonPlural(wn, m.key)) continue;
      if (wne) {
        const seen = known.get(wne.synset.offset) ?? { entity: wne, keys: new Map<string, number>() };
        // Count only the synset's own lemmas as names for it (not a demonym like "Russian").
        if (wne.synset.words.some((w) => w.replace(/\./gu, '') === m.key))
          seen.keys.set(m.key, (seen.keys.get(m.key) ?? 0) + 1);
        known.set(wne.synset.offset, seen);
        wnAliases.push({ key: m.key, offset: wne.synset.offset });
      } else unknown.push({ m, text });
      // "Chinese Communist Party (CCP)": the acronym in brackets is an alias.
      const after = text.slice((tokens[m.end - 1]?.index ?? 0) + (tokens[m.end - 1]?.raw.length ?? 0));
      const acr = /^\s*\(([A-Z]{2,6})\)/u.exec(after)?.[1];
      if (acr) parenAcronyms.push({ acronym: acr.toLowerCase(), key: m.key });
    }
  }

  // WordNet entities are named by the lemma the corpus uses most ("russia", not "soviet union").
  const idOf = new Map<number, string>();
  for (const [offset, { entity, keys }] of known) {
    const id = [...keys.entries()].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))[0]?.[0] ?? entity.id;
    idOf.set(offset, id);
    entities.set(id, { name: titleCase(id), kind: entity.kind, within: [] });
    synsets.set(id, entity.synset);
  }
  for (const { key, offset } of wnAliases) aliases.set(key, idOf.get(offset) ?? key);

  // People: group compatible names; the most frequent multi-word form names the group.
  const counts = new Map<string, { n: number; kinds: Map<EntityKind, number>; surface: string; titled: number }>();
  for (const { m } of unknown) {
    const c = counts.get(m.key) ?? { n: 0, kinds: new Map(), surface: m.surface, titled: 0 };
    c.n++;
    if (m.role.length > 0) c.titled++;
    const guess = m.weak ? 'other' : m.guess;
    c.kinds.set(guess, (c.kinds.get(guess) ?? 0) + 1);
    counts.set(m.key, c);
  }
  const kindOf = (key: string): EntityKind => {
    const kinds = counts.get(key)?.kinds ?? new Map<EntityKind, number>();
    // "other" is no evidence (a name with nothing around it): any reading from context beats it,
    // however often the name stands bare ("Maribor" three times, "in Maribor" once: a place).
    const ranked = [...kinds.entries()]
      .filter(([k]) => k !== 'other')
      .sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]));
    // A phrase WordNet knows as a common noun ("Cold War") is not a person or place name, unless
    // WordNet also names a thing of the kind the context reads ("in Cork": the city, not the bark).
    if (wn.has(key, 'n')) {
      const top = ranked[0]?.[0];
      return top && namedKinds(wn, key).has(top) ? top : 'other';
    }
    // A title before the name is a confident "person" reading and wins. Without one, "person" is
    // only the guess for two or three capitalised words, which any place or organisation reading
    // beats ("MERROW FALLS —", "Merrow Falls officials", "in Merrow Falls": a place).
    if (counts.get(key)?.titled) return 'person';
    const named = ranked.find(([k]) => k !== 'person');
    return named?.[0] ?? ranked[0]?.[0] ?? 'other';
  };
  const keys = [...counts.keys()].sort(
    (a, b) => (counts.get(b)?.n ?? 0) - (counts.get(a)?.n ?? 0) || a.localeCompare(b),
  );
  // People WordNet knows ("Putin") anchor the groups, so "Vladimir V. Putin" joins them.
  const groups: { id: string; names: string[] }[] = [...entities.entries()]
    .filter(([, e]) => e.kind === 'person')
    .map(([id]) => ({ id, names: [] }));
  for (const key of keys.filter((k) => nameTokens(k).length >= 2 && kindOf(k) === 'person')) {
    const g = groups.find((x) => compatibleNames(nameTokens(key), nameTokens(x.id)));
    if (g) g.names.push(key);
    else groups.push({ id: key, names: [key] });
  }
  for (const key of keys) {
    if (groups.some((g) => g.names.includes(key))) continue;
    const single = nameTokens(key).length === 1;
    const matches = single ? groups.filter((g) => compatibleNames(nameTokens(key), nameTokens(g.id))) : [];
    if (matches.length === 1 && matches[0]) {
      matches[0].names.push(key);
      continue;
    }
    entities.set(key, { name: counts.get(key)?.surface ?? key, kind: kindOf(key), within: [] });
    aliases.set(key, key);
  }
  // One organisation under several word orders ("Foreign Ministry", "Ministry of Foreign Affairs"):
  // the most frequent name is the entity; the others and the order-free key are its aliases.
  const byOrgKey = new Map<string, string>();
  for (const key of keys) {
    const org = orgKey(key);
    const kind = entities.get(key)?.kind;
    if (!org || aliases.get(key) !== key || (kind !== 'org' && kind !== 'other')) continue;
    const first = byOrgKey.get(org);
    if (first === undefined) {
      byOrgKey.set(org, key);
      aliases.set(org, key);
    } else {
      aliases.set(key, first);
      entities.delete(key);
    }
  }
  for (const g of groups) {
    if (!entities.has(g.id))
      entities.set(g.id, { name: counts.get(g.id)?.surface ?? g.id, kind: 'person', within: [] });
    for (const n of g.names) aliases.set(n, g.id);
  }
  for (const { acronym, key } of parenAcronyms) {
    const id = aliases.get(key);
    if (id && id !== acronym) {
      aliases.set(acronym, id);
      entities.delete(acronym);
    }
  }

  // WordNet entities: every lemma of the synset is an alias; places get their containers.
  for (const [id, synset] of synsets) {
    for (const w of synset.words) if (!aliases.has(w.replace(/\./gu, ''))) aliases.set(w.replace(/\./gu, ''), id);
    // A country's capital stands for its government ("Washington warned …"): where the corpus
    // does not name the capital itself, its name is an alias of the country.
    for (const capital of capitalsOf(wn, synset)) {
      for (const w of capital.words) if (!aliases.has(w.replace(/\./gu, ''))) aliases.set(w.replace(/\./gu, ''), id);
    }
    const info = entities.get(id);
    if (info && info.kind === 'place') {
      // Land containers only: "Taiwan" is part of the South China Sea in WordNet, which would hide
      // a real place conflict between them; hemispheres say nothing.
      info.within = wn
        .closure(synset, ['#p'], 4)
        .filter(
          (s) =>
            !wn.closure(s, ['@i', '@']).some((h) => h.words.includes('body of water')) &&
            !s.words.some((w) => w.includes('hemisphere')),
        )
        .map((s) => s.words[0] ?? '')
        .filter(Boolean)
        .sort();
    }
  }
  return { aliases, entities, synsets };
}

/**
 * The national capital of a country (Washington lies one step further down, in the District of
 * Columbia). Continents have no capital: the capitals of their countries are not theirs.
 */
function capitalsOf(wn: WordNet, place: Synset): Synset[] {
  const isCountry = (s: Synset) =>
    wn.closure(s, ['@i', '@'], 3).some((h) => h.words.some((w) => w === 'country' || w.endsWith(' country')));
  const isCapital = (s: Synset) => wn.closure(s, ['@i'], 1).some((h) => h.words.includes('national capital'));
  if (!isCountry(place)) return [];
  const parts = wn.closure(place, ['%p'], 1);
  const inner = parts.filter((p) => !isCountry(p) && !isCapital(p)).flatMap((p) => wn.closure(p, ['%p'], 1));
  return [...parts, ...inner].filter(isCapital);
}

function titleCase(s: string): string {
  return s.replace(/\b\p{L}/gu, (c) => c.toUpperCase());
}

const POS = ['n', 'v', 'a', 'r'] as const;
const NEGATIVE_PREFIX = /^(un|in|im|il|ir|non|dis)(.{4,})$/u;

export function buildLexicon(wn: WordNet, sentences: CorpusSentence[]): LexiconData {
  const { aliases, entities, synsets } = discoverEntities(wn, sentences);

  // Vocabulary of the corpus (lower-case words, not stop words, not numbers).
  const tokenized = sentences.map((s) => tokenize(s.text));
  const midCapitalised = new Set<string>();
  for (const tokens of tokenized)
    tokens.forEach((t, i) => {
      if (i > 0 && /^\p{Lu}/u.test(t.raw)) midCapitalised.add(t.lower);
    });
  const vocabulary = new Set<string>();
  for (const tokens of tokenized) {
    tokens.forEach((t, i) => {
      if (isStopWord(t.lower) || /\d/u.test(t.lower)) return;
      // Lower-case words, and a sentence's first word ("Speaking in Frankfurt, …") where the
      // corpus never capitalises it elsewhere (so it is not a name).
      if (/^\p{Ll}/u.test(t.raw) || (i === 0 && !midCapitalised.has(t.lower) && !aliases.has(t.lower)))
        vocabulary.add(t.lower.replace(/-/gu, ''));
    });
  }
  // Demonyms of the corpus' places, from every capitalised adjective the corpus uses.
  const capitalised = new Set<string>();
  for (const tokens of tokenized) for (const t of tokens) if (/^\p{Lu}\p{Ll}+$/u.test(t.raw)) capitalised.add(t.lower);
  const idBySynset = new Map([...synsets].map(([id, s]) => [s.offset, id]));
  const demonyms = new Set<string>();
  for (const word of [...capitalised].sort()) {
    const target = wordnetEntity(wn, word);
    const id = target && idBySynset.get(target.synset.offset);
    if (!id || target.synset.words.includes(word)) continue;
    demonyms.add(word);
    if (!aliases.has(word)) aliases.set(word, id);
  }
  // "The Chinese capital" is the capital, where the corpus names the capital as a place of its
  // own (otherwise the capital's name is already an alias of the country, and so is this).
  for (const word of [...demonyms].sort()) {
    const country = aliases.get(word);
    const synset = country === undefined ? undefined : synsets.get(country);
    if (!synset) continue;
    for (const capital of capitalsOf(wn, synset)) {
      const id = aliases.get((capital.words[0] ?? '').replace(/\./gu, ''));
      if (id && id !== country && entities.get(id)?.kind === 'place') aliases.set(`${word} capital`, id);
    }
  }

  const synonyms = new Map<string, Set<string>>();
  const relatedWords = new Map<string, Set<string>>();
  // Irregular forms: "met" and "meet" are one word to a reader, not to a stemmer. Each corpus word
  // is linked to its lemma, and each corpus lemma to its irregular forms (a page may say "met"
  // where the sources say "meet"); the lemma's WordNet senses stand for the form's.
  const add = (map: Map<string, Set<string>>, key: string, value: string) => {
    if (key === value) return;
    const set = map.get(key) ?? new Set<string>();
    set.add(value);
    map.set(key, set);
  };
  const irregular = wn.irregularForms();
  const formsOf = new Map<string, string[]>();
  for (const [form, lemma] of irregular) {
    const forms = formsOf.get(lemma);
    if (forms) forms.push(form);
    else formsOf.set(lemma, [form]);
  }
  const link = (a: string, b: string) => {
    add(synonyms, stem(a), stem(b));
    add(synonyms, stem(b), stem(a));
  };
  for (const v of [...vocabulary].sort()) {
    const lemma = irregular.get(v);
    if (lemma) {
      link(v, lemma);
      vocabulary.add(lemma);
    }
    // The lemma of a regular form is its stem's word ("speaking" → speak → "spoke").
    for (const form of formsOf.get(v) ?? formsOf.get(stem(v)) ?? []) link(form, v);
  }
  const vocabularyStems = new Set([...vocabulary].map(stem));
  const antonyms = new Map<string, Set<string>>();
  for (const v of [...vocabulary].sort()) {
    const sv = stem(v);
    for (const pos of POS) {
      for (const [sense, synset] of wn.synsets(v, pos, 3).entries()) {
        // Synonyms (same synset), and separately the words one step up or aside (hypernym,
        // similar-to: "landed" → arrive, "trip" → journey), which paraphrase often uses but which
        // are too loose to decide that two details are the same.
        const related = [
          ...(pos === 'v' || pos === 'n' ? wn.closure(synset, ['@'], 1) : []),
          ...(pos === 'a' ? wn.closure(synset, ['&'], 1) : []),
        ];
        for (const [map, list] of [
          [synonyms, [synset]],
          [relatedWords, related],
        ] as const) {
          for (const rs of list) {
            for (const w of rs.words) {
              if (w.includes(' ') || w === v) continue;
              // Both words must use this sense among their three most frequent ones.
              if (!wn.synsets(w, rs.pos, 3).some((x) => x.offset === rs.offset)) continue;
              add(map, stem(w), sv);
              if (vocabularyStems.has(stem(w))) add(map, sv, stem(w));
            }
          }
        }
        // Antonyms with their irregular forms in the word's main sense: "fell" is the opposite of
        // "rose" as "fall" is of "rise" (in rarer senses, "took" and "given" are not opposites).
        const withForms = (w: string) => (sense === 0 ? [w, ...(formsOf.get(w) ?? [])] : [w]);
        for (const p of synset.pointers) {
          if (p.symbol !== '!') continue;
          // An antonym links two words, not two synsets: "leave" is the opposite of "arrive", not
          // of "get" and "come", which share arrive's synset in rarer senses of theirs.
          if (p.source && synset.words[p.source - 1] !== v) continue;
          const target = wn.synset(p.offset, p.pos).words;
          for (const a of p.target ? target.slice(p.target - 1, p.target) : target) {
            if (a.includes(' ')) continue;
            for (const af of withForms(a)) for (const vf of withForms(v)) add(antonyms, stem(af), stem(vf));
          }
        }
      }
    }
  }
  // Negative words: a prefix that makes the antonym of the bare word ("inconsistent").
  const negativeWords = new Set<string>();
  for (const v of vocabulary) {
    const m = NEGATIVE_PREFIX.exec(v);
    if (!m) continue;
    for (const s of wn.synsets(v, 'a', 3)) {
      if (s.pointers.some((p) => p.symbol === '!' && wn.synset(p.offset, p.pos).words.includes(m[2] ?? '')))
        negativeWords.add(v);
    }
  }
  // A word and its negative-prefixed antonym are handled as negation, not as an antonym pair.
  for (const w of negativeWords) {
    const base = NEGATIVE_PREFIX.exec(w)?.[2] ?? '';
    antonyms.get(stem(base))?.delete(stem(w));
    antonyms.get(stem(w))?.delete(stem(base));
  }

  const sortedRecord = <T>(m: Map<string, T>, f: (x: T) => unknown = (x) => x) =>
    Object.fromEntries(
      [...m.entries()].sort((a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0)).map(([k, x]) => [k, f(x)]),
    );
  return {
    synonyms: sortedRecord(synonyms, (s) => [...s].sort()) as Record<string, string[]>,
    related: sortedRecord(relatedWords, (s) => [...s].sort()) as Record<string, string[]>,
    antonyms: sortedRecord(new Map([...antonyms].filter(([, s]) => s.size > 0)), (s) => [...s].sort()) as Record<
      string,
      string[]
    >,
    aliases: sortedRecord(aliases) as Record<string, string>,
    entities: sortedRecord(entities) as Record<string, EntityInfo>,
    negativeWords: [...negativeWords].sort(),
    demonyms: [...demonyms].sort(),
  };
}

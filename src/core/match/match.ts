/**
 * Page sentences → verdicts. For each sentence: analyse it like a source sentence, retrieve the
 * source claims that share its rarer words and names, judge each pair (judge.ts), and decide:
 * corroborated (supported, nothing contradicts), conflict (a source states the same fact with one
 * detail changed, nothing supports), disputed (both, where the sources themselves disagree), or none.
 * A page must first be about what the sources are about (the topic gate): unrelated pages that
 * share a number or a name get no verdicts at all.
 */
import type { Claim } from '../claims/claim';
import { analyzeSequence } from '../claims/context';
import { dateAgrees } from '../claims/dates';
import { sameNumber } from '../claims/numbers';
import type { LoadedDataset } from '../dataset/loaded';
import { stem, tokenize } from '../text/tokens';
import { compareClaims, coverCeiling, type SlotKind, slotDifferences } from './compare';
import { type Judgement, judge, MIN_JUDGED_COVER, type Stance } from './judge';
import { entityKey, retrieve } from './retrieve';

export type Verdict = 'corroborated' | 'conflict' | 'disputed' | 'none';

export interface Evidence {
  claim: number;
  file: string;
  sourceId: string;
  outlet: string;
  published: string;
  origin: number;
  text: string;
  stance: Stance;
  score: number;
}

export interface SentenceVerdict {
  text: string;
  verdict: Verdict;
  /** Number of independent origins that support the sentence. */
  independent: number;
  evidence: Evidence[];
  detail: { kind: SlotKind; page: string; source: string } | null;
}

export interface PageVerdicts {
  /** Whether the page is about what the dataset is about. */
  onTopic: boolean;
  /** The dataset entities the page mentions (why it passed the gate). */
  topicEntities: string[];
  sentences: SentenceVerdict[];
}

/** A page must name at least this many distinct entities the sources name in ≥ 2 origins. */
const TOPIC_MIN_SHARED_ENTITIES = 3;
/** …of which at least this many are people (names are what make an event specific; one famous
 * name alone, like a head of state, is not enough). */
const TOPIC_MIN_SHARED_PEOPLE = 2;
/** With fewer of its people, this many shared entities make a page 'maybe' on topic. */
const TOPIC_MAYBE_SHARED_ENTITIES = 2;

/** Entities that several independent origins name: the event's cast and places. */
function coreEntities(ds: LoadedDataset): Map<string, number> {
  const origins = new Map<string, Set<number>>();
  ds.data.claims.forEach((c) => {
    const origin = ds.data.sources[c.source]?.origin ?? 0;
    for (const e of c.claim.entities) {
      const set = origins.get(e.id) ?? new Set<number>();
      set.add(origin);
      origins.set(e.id, set);
    }
  });
  const out = new Map<string, number>();
  for (const [id, set] of origins) if (set.size >= Math.min(2, ds.data.origins.length)) out.set(id, set.size);
  return out;
}

const coreCache = new WeakMap<LoadedDataset, Map<string, number>>();

export type Topic = 'on' | 'maybe' | 'off';

/**
 * Is the page about what the sources are about? 'on': it names several of the event's people
 * and places. 'maybe': one of its people and some of its places — the verdicts then decide
 * (the page must restate the sources clearly somewhere). 'off': nothing more to do.
 */
export function topicOf(ds: LoadedDataset, claims: Claim[]): { topic: Topic; entities: string[] } {
  let core = coreCache.get(ds);
  if (!core) {
    core = coreEntities(ds);
    coreCache.set(ds, core);
  }
  const shared = new Set<string>();
  const named = new Set<string>();
  for (const c of claims)
    for (const e of c.entities) {
      if (core.has(e.id)) shared.add(e.id);
      if (ds.lexicon.entities.has(e.id)) named.add(e.id);
    }
  const people = [...shared].filter((id) => ds.lexicon.entities.get(id)?.kind === 'person').length;
  const enough = shared.size >= TOPIC_MIN_SHARED_ENTITIES;
  // Without two of its people, the verdicts decide: an event told without names (a storm, a
  // market move) has only places, organisations and figures to share, and a small source set
  // (two reports) may share few of them.
  const topic: Topic =
    enough && people >= TOPIC_MIN_SHARED_PEOPLE
      ? 'on'
      : shared.size >= TOPIC_MAYBE_SHARED_ENTITIES || named.size >= TOPIC_MAYBE_SHARED_ENTITIES
        ? 'maybe'
        : 'off';
  return { topic, entities: [...shared].sort() };
}

function evidenceOf(ds: LoadedDataset, claimId: number, j: Judgement): Evidence {
  const stored = ds.data.claims[claimId];
  const src = ds.data.sources[stored?.source ?? 0];
  return {
    claim: claimId,
    file: src?.file ?? '',
    sourceId: src?.id ?? '',
    outlet: src?.outlet ?? '',
    published: src?.published ?? '',
    origin: src?.origin ?? 0,
    text: stored?.text ?? '',
    stance: j.stance,
    score: j.score,
  };
}

/** Does a supporting source claim state the page's value for the slot that another source contradicts? */
/** `pageKey` is the differing slot on the page: date or number text, or entity id. */
function confirmsDetail(source: Claim | undefined, page: Claim, kind: SlotKind, pageKey: string): boolean {
  if (!source) return false;
  switch (kind) {
    case 'date': {
      const d = page.dates.find((x) => x.text === pageKey);
      return !!d && source.dates.length > 0 && dateAgrees(d.value, source.dates);
    }
    case 'number': {
      const n = page.numbers.find((x) => x.text === pageKey);
      return !!n && source.numbers.some((x) => x.unit === n.unit && sameNumber(x, n));
    }
    case 'order':
      return source.order.some((o) => page.order.includes(o));
    case 'person':
    case 'place':
      // An entity id, or for a changed title "id|title stems".
      return source.entities.some((x) => x.id === pageKey || `${x.id}|${(x.role ?? []).join(' ')}` === pageKey);
    default:
      return true;
  }
}

/** Evidence kept: sources whose match is at least this share of the best match's… */
const EVIDENCE_SHARE = 0.7;
/** …or, for the best sentence of an origin not yet cited, this share. */
const WITNESS_SHARE = 0.45;

/** A source sentence must state at least this share of a page sentence to be half of its support. */
const PARTIAL_COVER = 0.3;
/** Candidates the main loop can leave uncompared: neither judged nor partial. */
const SKIP_BELOW = Math.min(MIN_JUDGED_COVER, PARTIAL_COVER);
/** Joined support must be clearer than single-sentence support. */
const JOINED_SUPPORT = 0.55;

/**
 * A page sentence often joins two sentences of one source ("the visit ended on Tuesday with
 * fruitful talks" = "concluded his visit on Tuesday" + "the negotiations were fruitful"). Two
 * sentences of the same source that each state part of it, with no detail differing, support it
 * together when their union does.
 */
function supportedByTwo(
  ds: LoadedDataset,
  claim: Claim,
  partial: { id: number; cover: number }[],
): { id: number; j: Judgement }[] {
  const ranked = [...partial].sort((a, b) => b.cover - a.cover || a.id - b.id).slice(0, 6);
  for (let i = 0; i < ranked.length; i++) {
    for (let k = i + 1; k < ranked.length; k++) {
      const [x, y] = [ranked[i], ranked[k]];
      const [cx, cy] = [ds.claims[x?.id ?? -1], ds.claims[y?.id ?? -1]];
      if (!x || !y || !cx || !cy || ds.data.claims[x.id]?.source !== ds.data.claims[y.id]?.source) continue;
      // The union states at most what each states: a pair that cannot reach the bar is not compared.
      if (x.cover + y.cover < JOINED_SUPPORT) continue;
      const cmp = compareClaims(claim, mergedPair(ds, x.id, y.id), ds.lexicon, ds.index);
      const j = judge(cmp);
      // Joined support must rest on a named anchor, not on shared wording alone.
      if (j?.stance === 'supports' && cmp.sharedEntityWeight > 0 && cmp.coverA >= JOINED_SUPPORT)
        return [x, y].map((p) => ({ id: p.id, j: { ...j, score: p.cover } }));
    }
  }
  return [];
}

/**
 * A page sentence that restates one source sentence and changes a detail stated in the next one
 * ("Putin planned to visit in May, which would be his first trip since winning a fourth term" vs
 * "… visit China in May." + "… first international trip following his reelection for a fifth
 * term"): read the supporting sentence together with the one before and the one after it; one
 * differing detail, found in the added sentence, is a conflict with it.
 */
function contradictedAlongside(
  ds: LoadedDataset,
  claim: Claim,
  judged: { id: number; j: Judgement }[],
  partial: { id: number; cover: number }[],
): { id: number; j: Judgement }[] {
  // Seeds: the best supporting sentences, and the best sentences that state part of it.
  const seeds = [
    ...judged.filter((x) => x.j.stance === 'supports').slice(0, 2),
    ...[...partial].sort((a, b) => b.cover - a.cover || a.id - b.id).slice(0, 2),
  ];
  // Of the neighbours that would contradict, the one closest to the page sentence on its own: the
  // sentence before may carry another figure of the same kind (Russia's trade, not America's).
  let best: { id: number; j: Judgement; closeness: number } | undefined;
  for (const s of seeds) {
    const source = ds.data.claims[s.id]?.source;
    for (const y of [s.id - 1, s.id + 1]) {
      const [cs, cy] = [ds.claims[s.id], ds.claims[y]];
      if (y === s.id || !cs || !cy || ds.data.claims[y]?.source !== source) continue;
      // The differing detail must come from the added sentence, not the supporting one, and
      // polarity belongs to one sentence's clause (a neighbour's "not" says nothing about this
      // one): without a typed difference of its own, the neighbour is not read with the seed.
      const kinds = slotDifferences(claim, cy, ds.lexicon).map((d) => d.kind);
      if (!kinds.some((k) => k !== 'negation')) continue;
      const j = judge(compareClaims(claim, mergedPair(ds, s.id, y), ds.lexicon, ds.index));
      if (j?.stance !== 'contradicts' || !j.difference || j.difference.kind === 'negation') continue;
      if (!kinds.includes(j.difference.kind)) continue;
      const alone = compareClaims(claim, cy, ds.lexicon, ds.index);
      if (!best || alone.coverA > best.closeness) best = { id: y, j, closeness: alone.coverA };
    }
  }
  return best ? [{ id: best.id, j: best.j }] : [];
}

/**
 * Two source claims read as one, built once per dataset and pair (the same few neighbours and
 * partial matches come up for many page sentences, and per-claim caches key on the object).
 */
const MAX_MERGED_PAIRS = 20_000;
const mergedPairs = new WeakMap<LoadedDataset, Map<string, Claim>>();
function mergedPair(ds: LoadedDataset, x: number, y: number): Claim {
  let cache = mergedPairs.get(ds);
  if (!cache) {
    cache = new Map();
    mergedPairs.set(ds, cache);
  }
  const key = `${x}:${y}`;
  let merged = cache.get(key);
  if (!merged) {
    const [cx, cy] = [ds.claims[x], ds.claims[y]];
    if (!cx || !cy) throw new RangeError(`no claim ${cx ? y : x} in the dataset`);
    merged = mergeClaims(cx, cy);
    if (cache.size >= MAX_MERGED_PAIRS) cache.clear(); // a long-lived background stays bounded
    cache.set(key, merged);
  }
  return merged;
}

function mergeClaims(a: Claim, b: Claim): Claim {
  const uniq = <T>(xs: T[], key: (x: T) => string) => [...new Map(xs.map((x) => [key(x), x])).values()];
  return {
    terms: [...new Set([...a.terms, ...b.terms])].sort(),
    entities: uniq([...a.entities, ...b.entities], (e) => e.id),
    dates: uniq([...a.dates, ...b.dates], (d) => `${d.value}|${d.text}`),
    numbers: uniq([...a.numbers, ...b.numbers], (n) => `${n.unit}|${n.value}`),
    order: [...new Set([...a.order, ...b.order])],
    negated: a.negated || b.negated,
    hedged: a.hedged || b.hedged,
    quoted: [...new Set([...a.quoted, ...b.quoted])].sort(),
    sequence: [...a.sequence, ...b.sequence],
    attribution: [...new Set([...a.attribution, ...b.attribution])].sort(),
  };
}

/** Opposite words are compared as stems ("wors"); people read the word as the sentence has it. */
function surfaceWord(value: string, sentence: string): string {
  if (/\s|\d/u.test(value) || value === 'not' || value === 'affirmed') return value;
  return tokenize(sentence).find((t) => stem(t.lower) === value)?.raw ?? value;
}

/**
 * A page sentence dated more than a year before a source article, against a sentence of it with no
 * date of its own: that sentence tells of the article's own time, the page of an earlier occasion
 * ("previously led the investigation into a 2021 fire" vs "a review board led by … Ferro").
 */
function earlierOccasion(ds: LoadedDataset, claim: Claim, id: number): boolean {
  const source = ds.claims[id];
  const published = ds.data.sources[ds.data.claims[id]?.source ?? -1]?.published ?? '';
  if (!source || source.dates.length > 0 || claim.dates.length === 0 || !/^\d{4}-\d\d-\d\d$/u.test(published))
    return false;
  const yearBefore = `${Number(published.slice(0, 4)) - 1}${published.slice(4)}`;
  // The last day a date can mean: "2021" ends on 2021-12-31 ("-99" sorts after any day).
  const lastDay = (value: string) => value + '-99'.repeat(Math.max(0, 3 - value.split('-').length));
  return claim.dates.every((d) => lastDay(d.value) < yearBefore);
}

/** Judge one analysed page claim against the dataset. */
export function judgeClaim(ds: LoadedDataset, text: string, claim: Claim): SentenceVerdict {
  const none: SentenceVerdict = { text, verdict: 'none', independent: 0, evidence: [], detail: null };
  const judged: { id: number; j: Judgement }[] = [];
  const partial: { id: number; cover: number }[] = [];
  for (const id of retrieve(ds.index, claim, ds.lexicon)) {
    const source = ds.claims[id];
    // A candidate stating too little of the page sentence to be judged or kept as a part.
    if (!source || coverCeiling(claim, source, ds.lexicon, ds.index) < SKIP_BELOW) continue;
    if (earlierOccasion(ds, claim, id)) continue;
    const cmp = compareClaims(claim, source, ds.lexicon, ds.index);
    const j = judge(cmp);
    if (j) judged.push({ id, j });
    else if (cmp.differences.length === 0 && cmp.coverA >= PARTIAL_COVER) partial.push({ id, cover: cmp.coverA });
  }
  if (!judged.some((x) => x.j.stance === 'supports')) judged.push(...supportedByTwo(ds, claim, partial));
  if (!judged.some((x) => x.j.stance === 'contradicts'))
    judged.push(...contradictedAlongside(ds, claim, judged, partial));
  // Evidence is the sources that state the fact about as fully as the best one does: a weak
  // partial match next to a strong one is usually another fact with words in common.
  const strongest = (stance: Stance) => {
    const xs = judged.filter((x) => x.j.stance === stance).sort((a, b) => b.j.score - a.j.score || a.id - b.id);
    const top = xs[0]?.j.score ?? 0;
    // Each origin's best sentence is a witness unless far weaker than the best match (a close
    // copy's high score must not silence an independent report); further sentences of an origin
    // only if about as strong.
    const seen = new Set<number>();
    return xs.filter((x) => {
      const origin = ds.data.sources[ds.data.claims[x.id]?.source ?? -1]?.origin ?? -1;
      const first = !seen.has(origin);
      seen.add(origin);
      return x.j.score >= top * (first ? WITNESS_SHARE : EVIDENCE_SHARE);
    });
  };
  const supports = strongest('supports');
  const contradicts = strongest('contradicts');
  const best = (xs: typeof judged) => xs[0]?.j.score ?? 0;

  const ev = [...supports, ...contradicts].map((x) => evidenceOf(ds, x.id, x.j));
  const independent = new Set(ev.filter((e) => e.stance === 'supports').map((e) => e.origin)).size;
  const topConflict = contradicts[0];
  const diff = topConflict?.j.difference;
  const detail = diff
    ? {
        kind: diff.kind,
        page: surfaceWord(diff.a, text),
        source: surfaceWord(diff.b, ds.data.claims[topConflict?.id ?? -1]?.text ?? ''),
      }
    : null;

  const conflict = (): SentenceVerdict => ({
    text,
    verdict: 'conflict',
    independent: 0,
    evidence: ev.filter((e) => e.stance === 'contradicts'),
    detail,
  });
  const corroborated = (): SentenceVerdict => ({
    text,
    verdict: 'corroborated',
    independent,
    evidence: ev.filter((e) => e.stance === 'supports'),
    detail: null,
  });
  if (supports.length && contradicts.length) {
    const difference = topConflict?.j.difference;
    // The sources disagree among themselves on this point: show both sides.
    const recorded = contradicts.some((c) =>
      supports.some((s) => ds.disagreeing.get(c.id)?.get(s.id) === difference?.kind),
    );
    if (recorded) return { text, verdict: 'disputed', independent, evidence: ev, detail };
    // A sentence that repeats one sourced fact and changes a detail of another is a conflict,
    // unless a supporting source confirms the very detail in question.
    const confirmed =
      difference && supports.some((x) => confirmsDetail(ds.claims[x.id], claim, difference.kind, difference.aKey));
    if (!confirmed && difference?.kind !== 'negation') return conflict();
    // Otherwise the closer match decides; a conflict must be the clearly better reading.
    return best(contradicts) > best(supports) + 0.1 ? conflict() : corroborated();
  }
  if (supports.length) return corroborated();
  if (contradicts.length) return conflict();
  return none;
}

/** On a 'maybe' page, this many sentences must be clearly corroborated for any verdict to stand. */
const MAYBE_MIN_CLEAR = 2;
const CLEAR_SUPPORT = 0.6;

/** Verdicts for the sentences of one page, in order. */
export function matchSentences(ds: LoadedDataset, sentences: string[], published: string | null): PageVerdicts {
  const claims = analyzeSequence(sentences, { published, lexicon: ds.lexicon });
  const { topic, entities } = topicOf(ds, claims);
  const silent = (text: string): SentenceVerdict => ({
    text,
    verdict: 'none',
    independent: 0,
    evidence: [],
    detail: null,
  });
  let verdicts = sentences.map((text, i) => {
    const claim = claims[i];
    return topic === 'off' || !claim ? silent(text) : judgeClaim(ds, text, claim);
  });
  let onTopic = topic === 'on';
  if (topic === 'maybe') {
    // Sentences that clearly restate a source (a conflict restates it with one detail changed),
    // at least one of them corroborated.
    const clear = (verdict: Verdict) =>
      verdicts.filter((v) => v.verdict === verdict && (v.evidence[0]?.score ?? 0) >= CLEAR_SUPPORT).length;
    onTopic = clear('corroborated') >= 1 && clear('corroborated') + clear('conflict') >= MAYBE_MIN_CLEAR;
    if (!onTopic) verdicts = sentences.map(silent);
  }
  return { onTopic, topicEntities: entities, sentences: verdicts };
}

/** Cheap pre-check for the content script's exit: does the text name anything the dataset knows? */
export function mentionsDatasetEntities(ds: LoadedDataset, claims: Claim[]): boolean {
  return claims.some((c) => c.entities.some((e) => ds.index.keys.has(entityKey(e.id))));
}

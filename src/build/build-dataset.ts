/**
 * The dataset builder: source articles → cleaned sentences → claims → origins → clusters and
 * disagreements → one validated, deterministic dataset object.
 */
import type { Claim } from '../core/claims/claim';
import { analyzeSequence } from '../core/claims/context';
import { type Lexicon, type LexiconData, toLexicon } from '../core/claims/lexicon';
import { type Dataset, SCHEMA_VERSION, validateDataset } from '../core/dataset/schema';
import { compareClaims } from '../core/match/compare';
import { type Judgement, judge } from '../core/match/judge';
import { buildIndex, retrieve } from '../core/match/retrieve';
import { cleanArticle } from '../core/text/clean';
import { splitSentences } from '../core/text/sentences';
import { buildLexicon } from './lexicon-builder';
import { groupOrigins, isSameOrigin, type PairEvidence } from './provenance';
import type { WordNet } from './wordnet';

export interface SourceInput {
  file: string;
  outlet: string;
  published: string;
  language: string;
  url?: string;
  text: string;
}

export interface BuildReport {
  dropped: { file: string; line: string; reason: string }[];
  pairs: PairEvidence[];
}

/**
 * Sources that disagree make a page sentence "disputed", so a recorded disagreement must be clear.
 * Negation is the easiest detail to misread ("would be premature" vs "did not give a date, calling
 * it premature"): it must come with most of both sentences in common.
 */
function isClearDisagreement(forward: Judgement, backward: Judgement | null): boolean {
  if (forward.difference?.kind !== 'negation') return true;
  return Math.min(forward.score, backward?.score ?? 0) >= 0.65;
}

/** Record on each person the roles the corpus names them with. */
function learnRoles(lexicon: LexiconData, analysed: Claim[][]): void {
  const roles = new Map<string, Set<string>>();
  for (const claims of analysed)
    for (const c of claims)
      for (const e of c.entities) {
        if (e.kind !== 'person' || !e.role) continue;
        const set = roles.get(e.id) ?? new Set<string>();
        for (const r of e.role) set.add(r);
        roles.set(e.id, set);
      }
  for (const [id, set] of [...roles].sort((a, b) => (a[0] < b[0] ? -1 : 1))) {
    const info = lexicon.entities[id];
    if (info) info.roles = [...set].sort();
  }
}

export function sourceId(file: string): string {
  return file.replace(/\.[^.]+$/u, '');
}

export function buildDataset(
  inputs: SourceInput[],
  opts: { name: string; wordnet: WordNet },
): { dataset: Dataset; report: BuildReport } {
  const sorted = [...inputs].sort((a, b) => (a.file < b.file ? -1 : a.file > b.file ? 1 : 0));
  const dropped: BuildReport['dropped'] = [];
  const articles = sorted.map((src) => {
    const cleaned = cleanArticle(src.text);
    for (const d of cleaned.dropped) dropped.push({ file: src.file, ...d });
    const sentences = cleaned.paragraphs.flatMap((p) => splitSentences(p, src.language).map((s) => s.text));
    return { src, headline: cleaned.headline, sentences };
  });

  const lexiconData = buildLexicon(
    opts.wordnet,
    articles.flatMap((a) => a.sentences.map((text) => ({ text }))),
  );
  const analyse = (lex: Lexicon) =>
    articles.map((a) => analyzeSequence(a.sentences, { published: a.src.published, lexicon: lex }));
  // Two passes: the first learns the roles people are named with ("Russian Foreign Minister
  // Sergei Lavrov"), so the second can resolve "the Russian minister" in every source.
  learnRoles(lexiconData, analyse(toLexicon(lexiconData)));
  const lexicon = toLexicon(lexiconData);
  const claims: { id: number; source: number; text: string; claim: Claim }[] = [];
  analyse(lexicon).forEach((analysed, source) => {
    articles[source]?.sentences.forEach((text, k) => {
      const claim = analysed[k];
      if (claim) claims.push({ id: claims.length, source, text, claim });
    });
  });
  const index = buildIndex(claims.map((c) => c.claim));
  const claimSource = claims.map((c) => c.source);

  const sourceSentences = articles.map((a, i) => ({
    id: sourceId(a.src.file),
    claims: claims.filter((c) => c.source === i),
  }));
  const { origin, evidence } = groupOrigins(
    sourceSentences,
    claimSource,
    claims.map((c) => c.claim),
    lexicon,
    index,
  );

  // Clusters (same fact, no differing slot) and disagreements (one differing slot, two origins).
  const parent = claims.map((_, i) => i);
  const find = (i: number): number => {
    let r = i;
    while (parent[r] !== r) r = parent[r] ?? r;
    return r;
  };
  const disagreements: Dataset['disagreements'] = [];
  const seen = new Set<string>();
  for (const c of claims) {
    for (const id of retrieve(index, c.claim, lexicon, 32, 0)) {
      const other = claims[id];
      if (!other || other.source === c.source || id <= c.id) continue;
      const forward = judge(compareClaims(c.claim, other.claim, lexicon, index));
      const backward = judge(compareClaims(other.claim, c.claim, lexicon, index));
      if (forward?.stance === 'supports' && backward?.stance === 'supports') {
        const a = find(c.id);
        const b = find(id);
        if (a !== b) parent[Math.max(a, b)] = Math.min(a, b);
      } else if (
        forward?.stance === 'contradicts' &&
        isClearDisagreement(forward, backward) &&
        backward?.stance === 'contradicts' &&
        forward.difference &&
        origin[c.source] !== origin[other.source]
      ) {
        const key = `${c.id}:${id}`;
        if (seen.has(key)) continue;
        seen.add(key);
        disagreements.push({
          a: c.id,
          b: id,
          kind: forward.difference.kind,
          aValue: forward.difference.a,
          bValue: forward.difference.b,
        });
      }
    }
  }
  const groups = new Map<number, number[]>();
  for (const c of claims) {
    const r = find(c.id);
    groups.set(r, [...(groups.get(r) ?? []), c.id]);
  }
  const clusters = [...groups.values()]
    .filter((ids) => ids.length > 1)
    .map((ids, id) => ({ id, claims: ids, origins: new Set(ids.map((i) => origin[claims[i]?.source ?? 0])).size }));

  const originList = [...new Set(origin)].map((id) => {
    const members = sourceSentences.filter((_, i) => origin[i] === id).map((s) => s.id);
    const why = evidence
      .filter((e) => isSameOrigin(e) && members.includes(e.a) && members.includes(e.b))
      .map((e) => `${e.a} ~ ${e.b}: ${e.aligned}/${e.of} sentences aligned, ${Math.round(e.inOrder * 100)}% in order`);
    return { id, sources: members, reason: why.length ? why.join('; ') : 'no copy found among the other sources' };
  });

  const dataset: Dataset = {
    schemaVersion: SCHEMA_VERSION,
    name: opts.name,
    asOf:
      sorted
        .map((s) => s.published)
        .sort()
        .at(-1) ?? '',
    sources: articles.map((a, i) => ({
      id: sourceId(a.src.file),
      file: a.src.file,
      outlet: a.src.outlet,
      published: a.src.published,
      language: a.src.language,
      ...(a.src.url ? { url: a.src.url } : {}),
      origin: origin[i] ?? 0,
      headline: a.headline,
    })),
    origins: originList,
    claims,
    clusters,
    disagreements,
    lexicon: lexiconData,
  };
  return { dataset: validateDataset(dataset), report: { dropped, pairs: evidence } };
}

/**
 * npm run bench — figures, not pass/fail (compare ratios within one run; machines are noisy).
 *  1. matcher: sentences checked per second and ms per sentence against the bundled dataset and
 *     synthetic datasets of 1k, 10k and 100k claims; load time and heap taken by each dataset;
 *     and how many verdicts stay as they are with the bundled claims buried among the others;
 *  2. builder: build time and file size for the seed corpus and a synthetic corpus 100× larger.
 * Options: --skip-builder, --sizes 1000,10000,100000
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { buildDataset, type SourceInput } from '../src/build/build-dataset';
import { pageSentences } from '../src/build/check-files';
import { readSources } from '../src/build/read-sources';
import { WordNet } from '../src/build/wordnet';
import { analyzeSentence } from '../src/core/claims/analyze';
import { type LoadedDataset, loadDataset, loadDatasetText } from '../src/core/dataset/loaded';
import type { Dataset } from '../src/core/dataset/schema';
import { serializeDataset } from '../src/core/dataset/serialize';
import { judgeClaim, matchSentences } from '../src/core/match/match';
import { rng } from './rng';

const root = resolve(import.meta.dirname, '..');
const { values } = parseArgs({
  options: {
    'skip-builder': { type: 'boolean', default: false },
    sizes: { type: 'string', default: '1000,10000,100000' },
  },
});

const heapMb = () => {
  globalThis.gc?.();
  return process.memoryUsage().heapUsed / 2 ** 20;
};

/** Page sentences to check: the labelled development pages (about the seed event). */
function workload(): { sentences: string[]; published: string | null }[] {
  const dir = resolve(root, '../shared/eval/pages');
  const files = (() => {
    try {
      return readdirSync(dir).filter((f) => f.endsWith('.html'));
    } catch {
      return [];
    }
  })();
  if (files.length) return files.map((f) => pageSentences(f, readFileSync(join(dir, f), 'utf8')));
  // Without ../shared: the seed articles themselves, as pages.
  return readSources(resolve(root, 'data/sources')).map((s) => pageSentences(s.file, s.text));
}

/**
 * Time the two halves separately: reading a sentence (analysis, independent of the dataset's
 * size) and judging it against the dataset (retrieval and pair scoring, which grows with it).
 */
function timeMatching(ds: LoadedDataset, pages: ReturnType<typeof workload>, budgetMs: number) {
  const total = pages.reduce((n, p) => n + p.sentences.length, 0);
  const analyse = () =>
    pages.map((p) =>
      p.sentences.map((text) => ({
        text,
        claim: analyzeSentence(text, { published: p.published, lexicon: ds.lexicon }),
      })),
    );
  const claims = analyse();
  const judgeAll = () => {
    for (const page of claims) for (const c of page) judgeClaim(ds, c.text, c.claim);
  };
  const analysis = medianRound(analyse, budgetMs) / total;
  const judging = medianRound(judgeAll, budgetMs) / total;
  const perSentence = analysis + judging;
  return { analysis, judging, perSentence, perSecond: 1000 / perSentence };
}

/**
 * Milliseconds one round of `work` takes: the median of as many rounds as fit in `budgetMs` (at
 * least 5), after two warm-up rounds, so a GC pause or a busy neighbour on a noisy machine moves
 * the figure less than a mean would.
 */
function medianRound(work: () => unknown, budgetMs: number): number {
  work();
  work();
  const times: number[] = [];
  const start = performance.now();
  while (times.length < 5 || performance.now() - start < budgetMs) {
    const t = performance.now();
    work();
    times.push(performance.now() - t);
  }
  times.sort((a, b) => a - b);
  return times[Math.floor(times.length / 2)] ?? 0;
}

/** Each page's verdicts, in order. */
function verdictsOf(ds: LoadedDataset, pages: ReturnType<typeof workload>): string[][] {
  return pages.map((p) => matchSentences(ds, p.sentences, p.published).sentences.map((v) => v.verdict));
}

/**
 * Share of the workload's page verdicts (`base`, with the bundled dataset) that stay the same when
 * the bundled claims are buried in a synthetic dataset: does retrieval still find them among many
 * claims sharing their words? (The synthetic claims keep their originals' dates and numbers, so
 * a few may also match.)
 */
function sameVerdicts(base: string[][], big: LoadedDataset, pages: ReturnType<typeof workload>): number {
  const other = verdictsOf(big, pages);
  const pairs = base.flatMap((page, i) => page.map((v, k) => v === other[i]?.[k]));
  return pairs.length ? pairs.filter(Boolean).length / pairs.length : 1;
}

/**
 * A synthetic dataset of `n` claims: the bundled claims cloned with their terms and entities
 * renamed into a Zipf-distributed synthetic vocabulary, so posting lists look like a real corpus's.
 * The original claims stay in, so the workload still finds its matches.
 */
function synthetic(base: Dataset, n: number): Dataset {
  const rand = rng(n);
  const vocab = Math.max(2000, Math.floor(n / 2));
  const word = () => `w${Math.floor(vocab ** rand())}`; // Zipf-like: small ids are frequent
  const claims: Dataset['claims'] = [...base.claims];
  const sources = [...base.sources];
  const template = base.sources[0];
  if (!template) return base;
  while (claims.length < n) {
    const src = base.claims[claims.length % base.claims.length];
    if (!src) break;
    if (claims.length % 25 === 0)
      sources.push({
        ...template,
        id: `syn${sources.length}`,
        file: `syn${sources.length}.txt`,
        origin: sources.length,
      });
    const rename = (t: string) => (rand() < 0.7 ? word() : t);
    claims.push({
      id: claims.length,
      source: sources.length - 1,
      text: src.text,
      claim: {
        ...src.claim,
        terms: src.claim.terms.map(rename),
        entities: src.claim.entities.map((e) => ({ ...e, id: rand() < 0.8 ? `e${word()}` : e.id })),
      },
    });
  }
  return {
    ...base,
    sources,
    origins: sources.map((s, i) => ({ id: i, sources: [s.id], reason: 'synthetic' })),
    claims,
  };
}

function benchMatcher() {
  const text = readFileSync(resolve(root, 'data/dataset.json'), 'utf8');
  const pages = workload();
  const sentences = pages.reduce((n, p) => n + p.sentences.length, 0);
  console.log(`matcher workload: ${pages.length} pages, ${sentences} sentences`);
  const before = heapMb();
  const t0 = performance.now();
  const loads = 20;
  let bundled: LoadedDataset | null = null;
  for (let i = 0; i < loads; i++) bundled = loadDatasetText(text);
  const loadMs = (performance.now() - t0) / loads;
  const heap = heapMb() - before;
  if (!bundled) return;
  const base = timeMatching(bundled, pages, 2000);
  console.log(
    `bundled (${bundled.claims.length} claims, ${(text.length / 1024).toFixed(0)} KiB): load+validate+index ${loadMs.toFixed(1)} ms, heap ≈ ${heap.toFixed(1)} MB\n` +
      `  ${base.perSecond.toFixed(0)} sentences/s = ${base.perSentence.toFixed(3)} ms/sentence (analysis ${base.analysis.toFixed(3)} + judging ${base.judging.toFixed(3)})`,
  );
  const baseVerdicts = verdictsOf(bundled, pages);
  for (const n of (values.sizes ?? '').split(',').map(Number).filter(Boolean)) {
    const data = synthetic(bundled.data, n);
    const h0 = heapMb();
    const l0 = performance.now();
    const ds = loadDataset(data);
    const load = performance.now() - l0;
    const h = heapMb() - h0;
    const r = timeMatching(ds, pages, 2000);
    const same = sameVerdicts(baseVerdicts, ds, pages);
    console.log(
      `synthetic ${String(n).padStart(6)} claims: index ${load.toFixed(0)} ms, heap ≈ ${h.toFixed(0)} MB, ${r.perSecond.toFixed(0)} sentences/s = ` +
        `${r.perSentence.toFixed(3)} ms/sentence (analysis ${r.analysis.toFixed(3)} + judging ${r.judging.toFixed(3)}, judging ×${(r.judging / base.judging).toFixed(2)} of bundled); ` +
        `verdicts as with the bundled dataset: ${(100 * same).toFixed(1)} %`,
    );
  }
}

/**
 * A synthetic corpus of `n` articles of 20 sentences, made from seed sentences with names, numbers
 * and a third of the words replaced per article, so that articles are about different things (as
 * in a real large corpus) while keeping the shape of news prose. A few articles are near-copies.
 */
function syntheticCorpus(seeds: SourceInput[], n: number): SourceInput[] {
  const rand = rng(42);
  const pool = seeds.flatMap((s) => s.text.split('\n').filter((l) => l.split(' ').length > 6));
  const names = [
    'Adeyemi',
    'Brandt',
    'Castillo',
    'Dubois',
    'Eriksen',
    'Fujita',
    'Gupta',
    'Horvath',
    'Ivanova',
    'Jensen',
  ];
  const articles: SourceInput[] = [];
  for (let i = 0; i < n; i++) {
    const copyOf = i > 0 && rand() < 0.05 ? articles[Math.floor(rand() * articles.length)] : undefined;
    const text = copyOf
      ? copyOf.text
      : Array.from({ length: 20 }, () => pool[Math.floor(rand() * pool.length)] ?? '')
          .map((l) =>
            l.replace(
              /\b(Lavrov|Wang|Xi|Putin|Peskov|Yellen|Blinken)\b/gu,
              () => `${names[Math.floor(rand() * names.length)]}${i % 50}`,
            ),
          )
          .map((l) => l.replace(/\d+/gu, (d) => String(Number(d) + Math.floor(rand() * 50))))
          .map((l) =>
            l.replace(/\b[a-z]{5,}\b/gu, (w) => (rand() < 0.33 ? `${w.slice(0, 3)}${Math.floor(rand() * 5000)}x` : w)),
          )
          .join('\n');
    articles.push({
      file: `syn${String(i).padStart(4, '0')}.txt`,
      outlet: `Outlet ${i % 37}`,
      published: '2024-04-10',
      language: 'en',
      text,
    });
  }
  return articles;
}

function benchBuilder() {
  const seeds = readSources(resolve(root, 'data/sources'));
  const t0 = performance.now();
  const wordnet = new WordNet();
  const wnMs = performance.now() - t0;
  for (const [label, inputs] of [
    ['seeds (5 articles)', seeds],
    ['synthetic 100× (500 articles)', syntheticCorpus(seeds, 500)],
  ] as const) {
    const t = performance.now();
    const { dataset } = buildDataset(inputs, { name: label, wordnet });
    const ms = performance.now() - t;
    const size = Buffer.byteLength(serializeDataset(dataset));
    console.log(
      `builder ${label}: ${dataset.claims.length} claims, ${dataset.origins.length} origins, ${dataset.clusters.length} clusters, ` +
        `${ms.toFixed(0)} ms (+${wnMs.toFixed(0)} ms WordNet load), ${(size / 1024).toFixed(0)} KiB`,
    );
  }
}

benchMatcher();
if (!values['skip-builder']) benchBuilder();

/**
 * npm run dataset -- [--sources DIR] [--out FILE] [--name NAME] [--report]
 * Builds a reference dataset from a folder of articles; with no arguments rebuilds the bundled one.
 */
import { mkdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { buildDataset } from '../src/build/build-dataset';
import { readSources } from '../src/build/read-sources';
import { formatReport } from '../src/build/report';
import { WordNet } from '../src/build/wordnet';
import { parseDataset } from '../src/core/dataset/schema';
import { serializeDataset } from '../src/core/dataset/serialize';

const root = resolve(import.meta.dirname, '..');
const { values } = parseArgs({
  options: {
    sources: { type: 'string', default: resolve(root, 'data/sources') },
    out: { type: 'string', default: resolve(root, 'data/dataset.json') },
    name: { type: 'string' },
    report: { type: 'boolean', default: false },
    quiet: { type: 'boolean', default: false },
    dataset: { type: 'string' },
  },
});

function main(): void {
  if (values.report && values.dataset) {
    console.log(formatReport(parseDataset(readFileSync(values.dataset, 'utf8'))));
    return;
  }
  const t0 = performance.now();
  const inputs = readSources(values.sources);
  const wordnet = new WordNet();
  const name =
    values.name ??
    (values.sources === resolve(root, 'data/sources')
      ? 'Lavrov in Beijing, April 2024 (bundled)'
      : (resolve(values.sources).split('/').pop() ?? 'dataset'));
  const { dataset, report } = buildDataset(inputs, { name, wordnet });
  const text = serializeDataset(dataset);
  // Write atomically: a failed build never leaves a half-written file at --out.
  mkdirSync(dirname(values.out), { recursive: true });
  const tmp = `${values.out}.tmp-${process.pid}`;
  try {
    writeFileSync(tmp, text);
    renameSync(tmp, values.out);
  } finally {
    rmSync(tmp, { force: true });
  }
  const ms = performance.now() - t0;
  const lines = [
    `dataset: ${values.out}`,
    `sources: ${dataset.sources.length}, origins: ${dataset.origins.length}`,
    ...dataset.origins.map((o) => `  origin ${o.id}: ${o.sources.join(', ')} (${o.reason})`),
    `sentences/claims: ${dataset.claims.length}`,
    `boilerplate lines dropped: ${report.dropped.length}${report.dropped.map((d) => `\n  ${d.file}: "${d.line.slice(0, 60)}" (${d.reason})`).join('')}`,
    `clusters: ${dataset.clusters.length}, with ≥ 2 origins: ${dataset.clusters.filter((c) => c.origins >= 2).length}`,
    `disagreements: ${dataset.disagreements.length}`,
    ...dataset.disagreements.map(
      (d) =>
        `  ${d.kind}: "${d.aValue}" (${dataset.sources[dataset.claims[d.a]?.source ?? 0]?.id}) vs "${d.bValue}" (${dataset.sources[dataset.claims[d.b]?.source ?? 0]?.id})`,
    ),
    `lexicon: ${Object.keys(dataset.lexicon.entities).length} entities, ${Object.keys(dataset.lexicon.aliases).length} aliases, ${Object.keys(dataset.lexicon.synonyms).length} synonym entries`,
    `size: ${(Buffer.byteLength(text) / 1024).toFixed(1)} KiB, time: ${ms.toFixed(0)} ms`,
  ];
  if (!values.quiet) console.log(lines.join('\n'));
  else
    console.log(
      `dataset: ${dataset.claims.length} claims from ${dataset.sources.length} sources → ${values.out} (${ms.toFixed(0)} ms)`,
    );
  if (values.report) console.log(`\n${formatReport(dataset)}`);
}

try {
  main();
} catch (e) {
  console.error(`dataset: ${(e as Error).message}`);
  process.exit(1);
}

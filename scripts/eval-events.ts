/**
 * npm run eval:events -- [DIR...]
 * Scores the matcher on whole events: each DIR holds sources/ (a source folder as `npm run dataset`
 * reads it), pages/ and labels.json (format: shared/eval/README.md). Each event's dataset is built
 * from its own sources, its pages are checked through the check code path, and the verdicts are
 * scored per event and pooled. Without DIRs: every event under test/fixtures.
 */
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { basename, join, resolve } from 'node:path';
import { buildDataset } from '../src/build/build-dataset';
import { type CheckedPage, checkFile } from '../src/build/check-files';
import { readSources } from '../src/build/read-sources';
import { type LabelledPage, scoreLabels } from '../src/build/score';
import { WordNet } from '../src/build/wordnet';
import { loadDataset } from '../src/core/dataset/loaded';

const root = resolve(import.meta.dirname, '..');
const fixtures = join(root, 'test/fixtures');
const dirs = (
  process.argv.slice(2).length
    ? process.argv.slice(2)
    : readdirSync(fixtures)
        .sort()
        .map((d) => join(fixtures, d))
).filter((d) => statSync(d).isDirectory());

const wordnet = new WordNet();
const allLabels: LabelledPage[] = [];
const allPages: CheckedPage[] = [];
const f = (x: number) => (Number.isNaN(x) ? '  -  ' : x.toFixed(3));
console.log('event                  corroborated P / R     conflict P / R     false badges /100 none');
for (const dir of dirs) {
  const labelsFile = join(dir, 'labels.json');
  if (!existsSync(labelsFile)) {
    console.error(`eval:events: ${dir}: no labels.json (an event folder holds sources/, pages/ and labels.json)`);
    process.exitCode = 1;
    continue;
  }
  const labels = JSON.parse(readFileSync(labelsFile, 'utf8')) as LabelledPage[];
  const { dataset } = buildDataset(readSources(join(dir, 'sources')), { name: basename(dir), wordnet });
  const ds = loadDataset(dataset);
  const pages = labels.map((l) => checkFile(ds, join(dir, 'pages', l.page)));
  const report = scoreLabels(labels, pages);
  const row = (v: string) => report.rows.find((r) => r.verdict === v);
  const [c, k] = [row('corroborated'), row('conflict')];
  console.log(
    `${basename(dir).padEnd(22)} ${f(c?.precision ?? Number.NaN)} / ${f(c?.recall ?? Number.NaN)} (${c?.support ?? 0})` +
      `    ${f(k?.precision ?? Number.NaN)} / ${f(k?.recall ?? Number.NaN)} (${k?.support ?? 0})` +
      `    ${report.falseBadgesPer100None.toFixed(1)}`,
  );
  // Page names are the events' own: pooling keeps them apart.
  allLabels.push(...labels.map((l) => ({ ...l, page: `${basename(dir)}/${l.page}` })));
  allPages.push(...pages.map((p, i) => ({ ...p, file: `${basename(dir)}/${labels[i]?.page ?? p.file}` })));
}
console.log(`\npooled over ${dirs.length} events:`);
console.log(scoreLabels(allLabels, allPages).text(process.env.VERBOSE === undefined));

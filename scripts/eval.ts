/**
 * npm run eval -- [--labels FILE --pages DIR] [--dataset FILE] [--quiet]
 * Scores the matcher on labelled pages (format: shared/eval/README.md) through the check code path.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { checkFile } from '../src/build/check-files';
import { type LabelledPage, scoreLabels } from '../src/build/score';
import { loadDatasetText } from '../src/core/dataset/loaded';

const root = resolve(import.meta.dirname, '..');
// Output piped into `head` and closed early is not an error.
process.stdout.on('error', (e: NodeJS.ErrnoException) => {
  if (e.code === 'EPIPE') process.exit(0);
  throw e;
});
const shared = resolve(root, '../shared/eval');
const { values } = parseArgs({
  options: {
    labels: { type: 'string', default: join(shared, 'labels.json') },
    pages: { type: 'string', default: join(shared, 'pages') },
    dataset: { type: 'string', default: resolve(root, 'data/dataset.json') },
    'real-pages': { type: 'string', default: resolve(root, '../shared/real-pages') },
    quiet: { type: 'boolean', default: false },
  },
});

if (!existsSync(values.labels)) {
  console.error(`eval: ${values.labels}: no labels file (pass --labels FILE --pages DIR)`);
  process.exit(1);
}
const ds = loadDatasetText(readFileSync(values.dataset, 'utf8'));
const labels = JSON.parse(readFileSync(values.labels, 'utf8')) as LabelledPage[];
const checked = labels.map((l) => checkFile(ds, join(values.pages, l.page)));
const report = scoreLabels(labels, checked);
console.log(report.text(values.quiet));

// False positives on real pages that are not about the dataset's event: every badge is wrong.
if (existsSync(values['real-pages'])) {
  let pages = 0;
  let badges = 0;
  let sentences = 0;
  const offenders: string[] = [];
  for (const f of readdirSync(values['real-pages'])
    .filter((x) => x.endsWith('.html'))
    .sort()
    .map((x) => join(values['real-pages'], x))) {
    const p = checkFile(ds, f);
    pages++;
    sentences += p.sentences.length;
    const b = p.sentences.filter((s) => s.verdict !== 'none');
    badges += b.length;
    for (const s of b) offenders.push(`  ${f.split('/').pop()}: ${s.verdict}: ${s.text.slice(0, 100)}`);
  }
  console.log(`\nreal pages (unrelated): ${pages} pages, ${sentences} sentences, ${badges} badges (false positives)`);
  if (offenders.length) console.log(offenders.join('\n'));
}

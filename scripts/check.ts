/**
 * npm run -s check -- [--dataset FILE] [--json] FILE...
 * Verdicts for the article sentences of HTML pages or text files, by the extension's own code path.
 */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { checkFile } from '../src/build/check-files';
import { loadDatasetText } from '../src/core/dataset/loaded';

const root = resolve(import.meta.dirname, '..');
// Output piped into `head` and closed early is not an error.
process.stdout.on('error', (e: NodeJS.ErrnoException) => {
  if (e.code === 'EPIPE') process.exit(0);
  throw e;
});

function main(): number {
  const { values, positionals } = parseArgs({
    allowPositionals: true,
    options: {
      dataset: { type: 'string', default: resolve(root, 'data/dataset.json') },
      json: { type: 'boolean', default: false },
    },
  });
  if (positionals.length === 0) {
    console.error('usage: npm run -s check -- [--dataset FILE] [--json] FILE...');
    return 2;
  }
  let text: string;
  try {
    text = readFileSync(values.dataset, 'utf8');
  } catch {
    console.error(`check: ${values.dataset}: cannot read the dataset`);
    return 1;
  }
  const ds = loadDatasetText(text);
  const pages = positionals.map((f) => checkFile(ds, f));
  if (values.json) {
    const out = {
      pages: pages.map((p) => ({
        file: p.file,
        published: p.published,
        sentences: p.sentences.map((s) => ({
          text: s.text,
          verdict: s.verdict,
          independent: s.independent,
          sources: s.evidence.map((e) => ({ file: e.file, outlet: e.outlet, text: e.text, stance: e.stance })),
          detail: s.detail,
        })),
      })),
    };
    process.stdout.write(`${JSON.stringify(out, null, 1)}\n`);
    return 0;
  }
  const mark = { corroborated: '✓', conflict: '✗', disputed: '±', none: '·' } as const;
  for (const p of pages) {
    const counts = { corroborated: 0, conflict: 0, disputed: 0, none: 0 };
    for (const s of p.sentences) counts[s.verdict]++;
    console.log(
      `\n${p.file} (published ${p.published ?? 'unknown'}${p.onTopic ? '' : ", not about the dataset's event"})`,
    );
    console.log(
      `  ${p.sentences.length} sentences: ${counts.corroborated} corroborated, ${counts.conflict} conflict, ${counts.disputed} disputed`,
    );
    for (const s of p.sentences) {
      console.log(`${mark[s.verdict]} ${s.verdict.padEnd(12)} ${s.text}`);
      if (s.detail)
        console.log(`      ${s.detail.kind}: page says "${s.detail.page}", source says "${s.detail.source}"`);
      if (s.verdict === 'corroborated') console.log(`      ${s.independent} independent source(s)`);
      for (const e of s.evidence.slice(0, 3))
        console.log(`      ${e.stance === 'supports' ? '+' : '-'} [${e.outlet}, ${e.published}] ${e.text}`);
    }
  }
  return 0;
}

try {
  process.exitCode = main();
} catch (e) {
  console.error(`check: ${(e as Error).message}`);
  process.exitCode = 1;
}

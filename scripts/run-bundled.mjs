/**
 * Run a TypeScript script as the extension ships its code: bundled by esbuild, without the
 * function-name wrappers tsx adds (keepNames), which cost ~20 % in tight matcher loops. Used by
 * `npm run bench`, whose figures should describe the shipped matcher.
 * Usage: node scripts/run-bundled.mjs scripts/bench.ts [args…]
 */
import { spawnSync } from 'node:child_process';
import { rmSync } from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';
import { build } from 'esbuild';

const [entry, ...args] = process.argv.slice(2);
if (!entry) {
  console.error('usage: node scripts/run-bundled.mjs FILE.ts [args…]');
  process.exit(2);
}
// Next to the entry, so the script's own relative paths (import.meta.dirname) still hold.
const out = join(dirname(resolve(entry)), `.${basename(entry, '.ts')}.bundle.mjs`);
await build({
  entryPoints: [entry],
  bundle: true,
  platform: 'node',
  format: 'esm',
  packages: 'external',
  outfile: out,
  logLevel: 'warning',
});
try {
  const run = spawnSync(process.execPath, ['--expose-gc', out, ...args], { stdio: 'inherit' });
  process.exitCode = run.status ?? 1;
} finally {
  rmSync(out, { force: true });
}

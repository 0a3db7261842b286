// `npm test`: every check in order, stopping at the first failure:
// biome, tsc, unit tests, build, web-ext lint, real-browser tests.
// Ends with one `total: N passed, N failed` line summing both vitest runs.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const tmp = mkdtempSync(join(tmpdir(), 'cred-test-'));
const totals = { passed: 0, failed: 0, skipped: 0 };

function step(name, cmd, args, countFile) {
  console.log(`\n=== ${name}: ${[cmd, ...args].join(' ')}`);
  const env = countFile ? { ...process.env, COUNT_FILE: countFile } : process.env;
  const t0 = Date.now();
  const { status } = spawnSync(cmd, args, { stdio: 'inherit', env });
  console.log(
    `=== ${name}: ${status === 0 ? 'ok' : `FAILED (exit ${status})`} in ${((Date.now() - t0) / 1000).toFixed(1)}s`,
  );
  if (countFile) {
    try {
      const c = JSON.parse(readFileSync(countFile, 'utf8'));
      for (const k of Object.keys(totals)) totals[k] += c[k] ?? 0;
    } catch {
      totals.failed++; // the runner died before reporting
    }
  }
  if (status !== 0) finish(status ?? 1);
}

function finish(code) {
  rmSync(tmp, { recursive: true, force: true });
  const { passed, failed, skipped } = totals;
  console.log(`\ntotal: ${passed} passed, ${failed || (code ? 1 : 0)} failed${skipped ? `, ${skipped} skipped` : ''}`);
  process.exit(code);
}

const bin = (name) => join('node_modules', '.bin', name);
step('biome', bin('biome'), ['check', '.']);
step('tsc', bin('tsc'), ['--noEmit']);
step('unit tests', bin('vitest'), ['run', '--project', 'unit'], join(tmp, 'unit.json'));
step('build', 'npm', ['run', 'build']);
step('web-ext lint', bin('web-ext'), ['lint', '--source-dir', 'dist/firefox']);
step('browser tests', bin('vitest'), ['run', '--project', 'browser'], join(tmp, 'browser.json'));
finish(0);

/**
 * Prints `N passed, N failed[, N skipped]` alone on the last line, the format
 * CI counts. A test file that fails outside its tests (load error, failing
 * hook) counts as one failure, and so does each unhandled error. With COUNT_FILE set, the counts are also
 * written there as JSON so scripts/test.mjs can add up several runs.
 */
import { writeFileSync } from 'node:fs';
import type { Reporter, SerializedError, TestModule } from 'vitest/node';

export default class CountReporter implements Reporter {
  onTestRunEnd(modules: ReadonlyArray<TestModule>, unhandled: ReadonlyArray<SerializedError>) {
    let passed = 0;
    let failed = unhandled.length;
    let skipped = 0;
    for (const mod of modules) {
      let failedHere = 0;
      for (const test of mod.children.allTests()) {
        const state = test.result().state;
        if (state === 'passed') passed++;
        else if (state === 'failed') failedHere++;
        else skipped++;
      }
      // A file that failed without a failing test: a load error, or a
      // beforeAll/afterAll hook that threw (its tests then show as skipped).
      failed += failedHere || (mod.state() === 'failed' ? 1 : 0);
    }
    if (process.env.COUNT_FILE) writeFileSync(process.env.COUNT_FILE, JSON.stringify({ passed, failed, skipped }));
    console.log(`\n${passed} passed, ${failed} failed${skipped ? `, ${skipped} skipped` : ''}`);
  }
}

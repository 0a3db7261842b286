import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

const root = resolve(import.meta.dirname, '../..');
// The labelled development pages, copied next to the browser tests that also serve them.
const pages = join(root, 'test/browser/pages');
const check = (args: string[]) =>
  spawnSync(process.execPath, ['--import', 'tsx', join(root, 'scripts/check.ts'), ...args], {
    encoding: 'utf8',
    cwd: root,
  });

describe('npm run check (the CLI)', () => {
  it('prints exactly one JSON document with a verdict for every article sentence, in page order', () => {
    const r = check(['--json', join(pages, 'd01.html'), join(pages, 'd08.html')]);
    expect(r.status).toBe(0);
    const out = JSON.parse(r.stdout);
    expect(out.pages).toHaveLength(2);
    const [d01, d08] = out.pages;
    expect(d01.published).toBe('2024-04-09');
    // d01's article has 28 sentences; the headline, caption, aside and comments are not among them.
    expect(d01.sentences).toHaveLength(28);
    expect(d01.sentences[0].text).toMatch(/^Chinese leader Xi Jinping received Russia’s foreign minister/u);
    expect(d01.sentences.some((s: { text: string }) => /wasn’t Lavrov|Subscribe/u.test(s.text))).toBe(false);
    const verdicts = new Set(d01.sentences.map((s: { verdict: string }) => s.verdict));
    expect(verdicts).toContain('corroborated');
    expect(verdicts).toContain('conflict');
    for (const s of d01.sentences) {
      expect(['corroborated', 'conflict', 'disputed', 'none']).toContain(s.verdict);
      if (s.verdict === 'conflict') {
        expect(s.detail).toMatchObject({
          kind: expect.any(String),
          page: expect.any(String),
          source: expect.any(String),
        });
        expect(s.sources.some((e: { stance: string }) => e.stance === 'contradicts')).toBe(true);
      }
      if (s.verdict === 'corroborated') expect(s.independent).toBeGreaterThan(0);
      if (s.verdict === 'none') expect(s.sources).toEqual([]);
    }
    // The unrelated page (corpse flower) gets no verdict at all.
    expect(d08.sentences.length).toBeGreaterThan(10);
    expect(d08.sentences.every((s: { verdict: string }) => s.verdict === 'none')).toBe(true);
  }, 60_000);

  it('fails clearly on a missing file or a dataset of the wrong schema', () => {
    const missing = check(['--json', join(pages, 'nope.html')]);
    expect(missing.status).not.toBe(0);
    expect(missing.stderr).toMatch(/nope\.html: cannot read/u);
    const bad = join(mkdtempSync(join(tmpdir(), 'cred-check-')), 'bad.json');
    writeFileSync(bad, JSON.stringify({ schemaVersion: 7 }));
    const wrong = check(['--dataset', bad, join(pages, 'd01.html')]);
    expect(wrong.status).not.toBe(0);
    expect(wrong.stderr).toMatch(/schemaVersion is 7/u);
  }, 60_000);
});

import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { buildDataset } from '../../src/build/build-dataset';
import { buildLexicon } from '../../src/build/lexicon-builder';
import { readSources } from '../../src/build/read-sources';
import { WordNet } from '../../src/build/wordnet';
import type { Dataset } from '../../src/core/dataset/schema';
import { serializeDataset } from '../../src/core/dataset/serialize';
import { corpus } from './corpus';

const root = resolve(import.meta.dirname, '../..');
let wordnet: WordNet;
let dataset: Dataset;

beforeAll(() => {
  wordnet = new WordNet();
  dataset = buildDataset(corpus(), { name: 'test', wordnet }).dataset;
});

const originOf = (d: Dataset, id: string) => d.sources.find((s) => s.id === id)?.origin;

describe('dataset builder on a synthetic corpus', () => {
  it('groups a spun copy and a translation with their original, and nothing else', () => {
    expect(originOf(dataset, 'b-spun')).toBe(originOf(dataset, 'a-original'));
    expect(originOf(dataset, 'c-translated')).toBe(originOf(dataset, 'a-original'));
    expect(originOf(dataset, 'd-independent')).not.toBe(originOf(dataset, 'a-original'));
    expect(originOf(dataset, 'e-independent')).not.toBe(originOf(dataset, 'a-original'));
    expect(originOf(dataset, 'd-independent')).not.toBe(originOf(dataset, 'e-independent'));
    expect(dataset.origins).toHaveLength(3);
  });

  it("takes a name's kind from the contexts that say something, not from bare mentions", () => {
    const lexicon = buildLexicon(wordnet, [
      { text: 'Zupan spoke to supporters in Maribor on Sunday.' },
      { text: 'Maribor voted heavily for the party.' },
      { text: 'The result in Ptuj surprised Maribor observers.' },
      { text: 'Maribor has long been a stronghold.' },
      { text: 'The case followed a complaint from Spotify in 2019.' },
      { text: 'Spotify welcomed the ruling.' },
    ]);
    expect(lexicon.entities.maribor?.kind).toBe('place'); // "in Maribor" once, bare three times
    // "from" precedes companies as often as places: no evidence either way.
    expect(lexicon.entities.spotify?.kind).not.toBe('place');
  });

  it('reads two capitalised words as a person only without a place or organisation reading', () => {
    const lexicon = buildLexicon(wordnet, [
      { text: 'MERROW FALLS — Calloway University is responding to a fire.' },
      { text: 'Merrow Falls officials praised the crews.' },
      { text: 'The fire started at a lab in Merrow Falls late on Sunday.' },
      { text: 'Fire Chief Dana Kwiatek said the cause was unknown.' },
      { text: 'Dana Kwiatek spoke again on Monday.' },
      { text: 'The fire began in the Hollis Life Sciences Building.' },
    ]);
    expect(lexicon.entities['merrow falls']?.kind).toBe('place');
    expect(lexicon.entities['dana kwiatek']?.kind).toBe('person'); // a title before the name
    expect(lexicon.entities['hollis life sciences building']?.kind).toBe('place');
  });

  it('reads a name that is also a common noun by its context, when WordNet names such a thing', () => {
    const lexicon = buildLexicon(wordnet, [
      { text: 'The company will close its office in Cork, Ireland.' },
      { text: 'The Cold War ended in 1991.' },
    ]);
    expect(lexicon.entities.cork?.kind).toBe('place'); // WordNet: cork (bark), and Cork, a city
    expect(lexicon.entities['cold war']?.kind).toBe('other'); // no named thing of a place's kind
  });

  it('reads a plural opening a sentence as a word, though WordNet knows it as a surname', () => {
    const lexicon = buildLexicon(wordnet, [
      { text: '"Bridges instead of walls we have chosen," Marcheva said.' },
      { text: 'Engineers inspected two bridges on Monday.' },
    ]);
    expect(lexicon.entities.bridges).toBeUndefined();
  });

  it('takes antonyms word to word: leave is the opposite of arrive, not of get', () => {
    const lexicon = buildLexicon(wordnet, [
      { text: 'The staff left the building before the crews arrived.' },
      { text: 'Everyone got out and the prices rose before they fell.' },
    ]);
    // Keyed by the opposite word, listing the corpus words it is the opposite of.
    expect(lexicon.antonyms.arriv).toContain('left');
    expect(lexicon.antonyms.got ?? []).not.toContain('left');
    expect(lexicon.antonyms.get ?? []).not.toContain('left');
    expect(lexicon.antonyms.fell).toContain('rose'); // irregular forms of the main sense still count
  });

  it('resolves the many names of one person to one entity', () => {
    const aliases = dataset.lexicon.aliases;
    expect(aliases.ng).toBe('mary ng');
    expect(aliases['mary ng']).toBe('mary ng');
    expect(dataset.lexicon.entities['mary ng']?.kind).toBe('person');
    expect(dataset.lexicon.entities.tokyo?.kind).toBe('place');
  });

  it('finds the planted disagreement (three-day vs two-day visit) between independent origins', () => {
    const found = dataset.disagreements.filter((d) => d.kind === 'number');
    expect(found.length).toBeGreaterThan(0);
    const texts = found.flatMap((d) => [dataset.claims[d.a]?.text, dataset.claims[d.b]?.text]).join(' ');
    expect(texts).toContain('three-day');
    expect(texts).toContain('two-day');
  });

  it('clusters one fact stated by the three copies, counting them as one origin', () => {
    const cluster = dataset.clusters.find((c) =>
      c.claims.some((id) => dataset.claims[id]?.text.includes('$21 billion')),
    );
    expect(cluster?.claims.length).toBe(3);
    expect(cluster?.origins).toBe(1);
  });

  it('drops boilerplate and keeps headlines apart from body sentences', () => {
    const texts = dataset.claims.map((c) => c.text);
    expect(texts.some((t) => /Reuters contributed|Leave a Reply|Source link|\[ad_/u.test(t))).toBe(false);
    expect(dataset.sources.find((s) => s.id === 'a-original')?.headline).toBe('Canadian trade minister visits Japan');
    expect(texts).not.toContain('Canadian trade minister visits Japan');
  });

  it('is deterministic: the same input gives the same bytes, whatever the input order', () => {
    const again = buildDataset([...corpus()].reverse(), { name: 'test', wordnet }).dataset;
    expect(serializeDataset(again)).toBe(serializeDataset(dataset));
  });
});

describe('reading a source folder', () => {
  const folder = (files: Record<string, string | Buffer>) => {
    const dir = mkdtempSync(join(tmpdir(), 'cred-src-'));
    for (const [name, content] of Object.entries(files)) writeFileSync(join(dir, name), content);
    return dir;
  };
  const meta = (sources: object[]) => JSON.stringify({ sources });
  const ok = { file: 'a.txt', outlet: 'A', published: '2024-01-02', language: 'en' };

  it('names the file and the problem for bad input', () => {
    expect(() => readSources('/nonexistent/folder')).toThrow(/no such folder/u);
    expect(() => readSources(folder({ 'a.txt': 'Text here.' }))).toThrow(/sources\.json: missing/u);
    expect(() => readSources(folder({ 'sources.json': '{oops' }))).toThrow(/not valid JSON/u);
    expect(() => readSources(folder({ 'sources.json': meta([ok]) }))).toThrow(
      /a\.txt: listed in sources\.json but missing/u,
    );
    expect(() => readSources(folder({ 'sources.json': meta([ok]), 'a.txt': '' }))).toThrow(/a\.txt: empty file/u);
    expect(() =>
      readSources(folder({ 'sources.json': meta([ok]), 'a.txt': Buffer.from([0x50, 0x4b, 0, 1, 2]) })),
    ).toThrow(/a\.txt: binary file/u);
    expect(() =>
      readSources(folder({ 'sources.json': meta([{ ...ok, published: '2024-13-45' }]), 'a.txt': 'Hi there.' })),
    ).toThrow(/published/u);
    expect(() => readSources(folder({ 'sources.json': meta([{ ...ok, file: '../etc/passwd' }]) }))).toThrow(
      /inside the folder/u,
    );
  });

  it('reads .txt, .md and .html articles', () => {
    const dir = folder({
      'sources.json': meta([ok, { ...ok, file: 'b.md' }, { ...ok, file: 'c.html' }]),
      'a.txt': 'Plain text article.',
      'b.md': '# Title\n\nSome **bold** [link](http://x) text.',
      'c.html': '<html><body><h1>Head</h1><nav>Menu</nav><p>First <b>para</b>.</p><p>Second.</p></body></html>',
    });
    const [a, b, c] = readSources(dir);
    expect(a?.text).toBe('Plain text article.');
    expect(b?.text).toContain('Some bold link text.');
    expect(c?.text).toBe('Head\nFirst para.\nSecond.');
  });

  it('also takes sources.json as a bare list of sources', () => {
    const dir = folder({ 'sources.json': JSON.stringify([ok]), 'a.txt': 'Plain text article.' });
    expect(readSources(dir).map((s) => s.outlet)).toEqual([ok.outlet]);
  });
});

describe('npm run dataset (the CLI)', () => {
  const run = (args: string[]) =>
    spawnSync(process.execPath, ['--import', 'tsx', join(root, 'scripts/dataset.ts'), ...args], {
      encoding: 'utf8',
      cwd: root,
    });

  it('builds from any folder, prints a summary, and leaves nothing at --out on failure', () => {
    const dir = mkdtempSync(join(tmpdir(), 'cred-cli-'));
    mkdirSync(join(dir, 'src'));
    const sources = corpus().slice(0, 2);
    writeFileSync(join(dir, 'src/sources.json'), JSON.stringify({ sources: sources.map(({ text: _t, ...m }) => m) }));
    for (const s of sources) writeFileSync(join(dir, 'src', s.file), s.text);
    const out = join(dir, 'out/ds.json');
    const good = run(['--sources', join(dir, 'src'), '--out', out]);
    expect(good.status).toBe(0);
    expect(good.stdout).toMatch(/sources: 2, origins: 1/u);
    expect(JSON.parse(readFileSync(out, 'utf8')).schemaVersion).toBe(1);

    writeFileSync(join(dir, 'src', sources[1]?.file ?? ''), '');
    const bad = run(['--sources', join(dir, 'src'), '--out', join(dir, 'out/bad.json')]);
    expect(bad.status).not.toBe(0);
    expect(bad.stderr).toMatch(/empty file/u);
    expect(existsSync(join(dir, 'out/bad.json'))).toBe(false);
  }, 60_000);
});

describe('the bundled dataset, built from the seeds', () => {
  it('is what the builder makes from data/sources today (rebuild with npm run dataset)', () => {
    const built = buildDataset(readSources(join(root, 'data/sources')), {
      name: 'Lavrov in Beijing, April 2024 (bundled)',
      wordnet,
    }).dataset;
    const committed = readFileSync(join(root, 'data/dataset.json'), 'utf8');
    expect(serializeDataset(built)).toBe(committed);
  });

  it('knows the machine-translated and the spun copy of one article are one origin, and finds a real disagreement', () => {
    const d = JSON.parse(readFileSync(join(root, 'data/dataset.json'), 'utf8')) as Dataset;
    const origin = (prefix: string) => d.sources.find((s) => s.id.startsWith(prefix))?.origin;
    expect(origin('002')).toBe(origin('003'));
    expect(new Set(['000', '001', '002', '004'].map(origin)).size).toBe(4);
    const order = d.disagreements.find((x) => x.kind === 'order');
    expect(order).toBeDefined();
    expect(`${d.claims[order?.a ?? 0]?.text} ${d.claims[order?.b ?? 0]?.text}`).toMatch(/February 2022/u);
  });

  it('rebuilding with the CLI gives a byte-identical file', () => {
    const dir = mkdtempSync(join(tmpdir(), 'cred-det-'));
    execFileSync(
      process.execPath,
      ['--import', 'tsx', join(root, 'scripts/dataset.ts'), '--quiet', '--out', join(dir, 'a.json')],
      { cwd: root },
    );
    expect(readFileSync(join(dir, 'a.json'), 'utf8')).toBe(readFileSync(join(root, 'data/dataset.json'), 'utf8'));
  }, 60_000);
});

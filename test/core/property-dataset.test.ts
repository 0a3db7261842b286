/**
 * Property tests (fast-check) over the dataset validator and loader: any text, any JSON value,
 * the bundled dataset with one part broken (wrong type, missing, extra or prototype-polluting
 * key, huge or deeply nested value), empty files and deep nesting. Every input either loads or
 * is refused with a DatasetError naming the problem; nothing else is ever thrown, nothing leaks
 * onto Object.prototype, and a dataset that loads can be matched against.
 */
import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { afterAll, describe, expect, it } from 'vitest';
import { loadDatasetText } from '../../src/core/dataset/loaded';
import { DatasetError, parseDataset, validateDataset } from '../../src/core/dataset/schema';
import { matchSentences } from '../../src/core/match/match';

const bundledText = readFileSync(new URL('../../data/dataset.json', import.meta.url), 'utf8');
const bundled = JSON.parse(bundledText) as Record<string, unknown>;

const RUNS = { text: 1500, json: 1500, anything: 1000, mutants: 400, loaded: 60 };
const opts = (numRuns: number) => ({ numRuns, seed: 11 });

/** Runs `fn`; a DatasetError with a message is a refusal, anything else thrown fails the test. */
function refusedOrLoaded<T>(fn: () => T): { ok: true; value: T } | { ok: false; message: string } {
  try {
    return { ok: true, value: fn() };
  } catch (e) {
    if (!(e instanceof DatasetError)) throw e;
    expect(e.message).toMatch(/^dataset: \S/);
    return { ok: false, message: e.message };
  }
}

const POLLUTING = ['__proto__', 'constructor', 'prototype'];
const prototypeKeys = () => Object.getOwnPropertyNames(Object.prototype).sort();
const cleanPrototype = prototypeKeys();

/** JSON text of `value` with `key` as a real own key (JSON.stringify would drop a __proto__ setter). */
function withKey(json: string, key: string, value: unknown): string {
  return json.replace(/^\{/, `{${JSON.stringify(key)}:${JSON.stringify(value) ?? 'null'},`);
}

/** A path into the bundled dataset (object keys and array indices), chosen by the generator. */
function paths(value: unknown, prefix: (string | number)[] = [], out: (string | number)[][] = []) {
  out.push(prefix);
  if (out.length > 4000) return out;
  if (Array.isArray(value)) for (const [i, v] of value.slice(0, 3).entries()) paths(v, [...prefix, i], out);
  else if (value && typeof value === 'object')
    for (const [k, v] of Object.entries(value).slice(0, 6)) paths(v, [...prefix, k], out);
  return out;
}
const PATHS = paths(bundled);

type Mutation =
  | { kind: 'set'; path: (string | number)[]; value: unknown }
  | { kind: 'delete'; path: (string | number)[] }
  | { kind: 'pollute'; path: (string | number)[]; key: string; value: unknown };

const oddValues = fc.oneof(
  fc.jsonValue({ maxDepth: 3 }),
  fc.constantFrom(null, true, -1, 1.5, 2 ** 53, 1e308, '', '\u0000', 'x'.repeat(200_000), [], {}, [[[[]]]]),
  fc.string({ unit: 'binary', maxLength: 40 }),
);
const mutation: fc.Arbitrary<Mutation> = fc.oneof(
  fc.record({ kind: fc.constant('set' as const), path: fc.constantFrom(...PATHS), value: oddValues }),
  fc.record({ kind: fc.constant('delete' as const), path: fc.constantFrom(...PATHS) }),
  fc.record({
    kind: fc.constant('pollute' as const),
    path: fc.constantFrom(...PATHS),
    key: fc.constantFrom(...POLLUTING),
    value: fc.oneof(oddValues, fc.constant({ polluted: true })),
  }),
);

/** The bundled dataset's JSON text with the mutations applied (pollution keys as own keys). */
function mutate(ms: Mutation[]): string {
  const data = structuredClone(bundled);
  const pending: { holder: Record<string, unknown>; key: string; value: unknown }[] = [];
  for (const m of ms) {
    let holder: unknown = data;
    for (const step of m.path.slice(0, -1)) holder = (holder as Record<string | number, unknown> | null)?.[step];
    if (!holder || typeof holder !== 'object') continue;
    const last = m.path[m.path.length - 1];
    if (m.kind === 'pollute') {
      const target = last === undefined ? holder : (holder as Record<string | number, unknown>)[last];
      if (target && typeof target === 'object' && !Array.isArray(target)) {
        const marker = `__mutation_${pending.length}__`;
        (target as Record<string, unknown>)[marker] = null;
        pending.push({ holder: target as Record<string, unknown>, key: marker, value: { key: m.key, value: m.value } });
      }
      continue;
    }
    if (last === undefined) continue;
    if (m.kind === 'set') (holder as Record<string | number, unknown>)[last] = m.value;
    else if (Array.isArray(holder)) holder.splice(Number(last), 1);
    else delete (holder as Record<string, unknown>)[last];
  }
  let text = JSON.stringify(data);
  for (const [i, p] of pending.entries()) {
    const { key, value } = p.value as { key: string; value: unknown };
    text = text.replace(`"__mutation_${i}__":null`, `${JSON.stringify(key)}:${JSON.stringify(value) ?? 'null'}`);
  }
  return text;
}

afterAll(() => {
  // Nothing any input did reached Object.prototype.
  expect(prototypeKeys()).toEqual(cleanPrototype);
  expect(({} as Record<string, unknown>).polluted).toBeUndefined();
});

describe('dataset validation on arbitrary input', () => {
  it('parses any text: a dataset or a DatasetError', () => {
    const text = fc.oneof(
      fc.string({ unit: 'binary', maxLength: 300 }),
      fc.constantFrom('', ' ', '\uFEFF', '\uFEFF{}', 'null', 'true', '0', '[]', '{}', '""', '{"schemaVersion":1}'),
      fc.string({ unit: fc.constantFrom('{', '}', '[', ']', '"', ':', ',', '1', 'a', ' '), maxLength: 200 }),
    );
    fc.assert(
      fc.property(text, (t) => void refusedOrLoaded(() => parseDataset(t))),
      opts(RUNS.text),
    );
  });

  it('validates any JSON value, and JSON with polluting keys at the top', () => {
    const json = fc.oneof(
      fc.jsonValue({ maxDepth: 6 }).map((v) => JSON.stringify(v)),
      fc
        .tuple(fc.constantFrom(...POLLUTING), fc.jsonValue({ maxDepth: 2 }))
        .map(([k, v]) => withKey(JSON.stringify({ schemaVersion: 1, name: 'x' }), k, v)),
    );
    fc.assert(
      fc.property(json, (t) => {
        const got = refusedOrLoaded(() => parseDataset(t));
        expect(got.ok).toBe(false); // no random value is a whole dataset
      }),
      opts(RUNS.json),
    );
  });

  it('validates any JavaScript value (objects with odd prototypes, getters, symbols, cycles)', () => {
    const cyclic = () => {
      const o: Record<string, unknown> = { schemaVersion: 1 };
      o.name = o;
      o.sources = [o];
      return o;
    };
    const value = fc.oneof(
      fc.anything({ withBigInt: true, withDate: true, withMap: true, withSet: true, withTypedArray: true }),
      fc.constant(Object.create(null)),
      fc.constant(cyclic()),
      fc.constant({ schemaVersion: 1, ...structuredClone(bundled), sources: new Proxy([], {}) }),
      fc.constant(Object.assign(Object.create({ schemaVersion: 1 }), { name: 'inherited version' })),
    );
    fc.assert(
      fc.property(value, (v) => void refusedOrLoaded(() => validateDataset(v))),
      opts(RUNS.anything),
    );
  });

  it('refuses the bundled dataset with parts broken, or loads it and can match with it', () => {
    const sentences = [
      'Chinese leader Xi Jinping received Russia’s foreign minister, Sergey Lavrov, in Beijing on Tuesday.',
      'Trade between the two neighbors reached a record $204 billion last year, according to China’s commerce ministry.',
    ];
    const outcomes = { loaded: 0, refused: 0 };
    fc.assert(
      fc.property(fc.array(mutation, { minLength: 1, maxLength: 3 }), (ms) => {
        const got = refusedOrLoaded(() => loadDatasetText(mutate(ms)));
        outcomes[got.ok ? 'loaded' : 'refused']++;
        if (got.ok) {
          const v = matchSentences(got.value, sentences, '2024-04-09');
          expect(v.sentences).toHaveLength(sentences.length);
        }
      }),
      opts(RUNS.mutants),
    );
    // Both sides were exercised: datasets that still load (and match), and ones refused.
    expect(outcomes.loaded).toBeGreaterThan(RUNS.mutants / 20);
    expect(outcomes.refused).toBeGreaterThan(RUNS.mutants / 4);
  }, 60_000);

  it('refuses deep nesting, and empty or truncated files, with a DatasetError', () => {
    const deep = (depth: number, open: string, close: string, inner = '1') =>
      `${open.repeat(depth)}${inner}${close.repeat(depth)}`;
    const nestedLexicon = { ...bundled, lexicon: { synonyms: JSON.parse(deep(2000, '{"a":', '}', '{}')) } };
    const cases = [
      '',
      '   \n',
      '\uFEFF',
      bundledText.slice(0, bundledText.length / 2),
      deep(100_000, '[', ']'),
      `{"schemaVersion":${deep(1000, '[', ']')}}`,
      `{"schemaVersion":1,"name":${deep(50_000, '{"a":', '}')}}`,
      JSON.stringify(nestedLexicon),
    ];
    for (const c of cases) expect(refusedOrLoaded(() => loadDatasetText(c)).ok).toBe(false);
  });

  // validateDataset once quoted a wrong schemaVersion with JSON.stringify, which overflowed the
  // stack on a value nested thousands deep (a RangeError instead of a DatasetError).
  it('refuses a schemaVersion nested 100,000 deep with a DatasetError', () => {
    const text = `{"schemaVersion":${'['.repeat(100_000)}1${']'.repeat(100_000)}}`;
    expect(refusedOrLoaded(() => loadDatasetText(text)).ok).toBe(false);
  });

  it('never lets a polluting key through, wherever it is', () => {
    fc.assert(
      fc.property(fc.constantFrom(...POLLUTING), fc.constantFrom(...PATHS), (key, path) => {
        const text = mutate([{ kind: 'pollute', path, key, value: { polluted: true } }]);
        const got = refusedOrLoaded(() => loadDatasetText(text));
        if (got.ok) {
          // Accepted only where the key is harmless data (a string inside an array, say): then it
          // must not have become a prototype.
          expect(({} as Record<string, unknown>).polluted).toBeUndefined();
        }
      }),
      opts(RUNS.loaded),
    );
  });
});

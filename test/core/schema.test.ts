import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadDatasetText } from '../../src/core/dataset/loaded';
import { DatasetError, parseDataset, validateDataset } from '../../src/core/dataset/schema';

const bundled = readFileSync(resolve(import.meta.dirname, '../../data/dataset.json'), 'utf8');
const fresh = () => JSON.parse(bundled);

describe('dataset validation on load', () => {
  it('accepts the bundled dataset and loads it quickly enough to index', () => {
    const ds = loadDatasetText(bundled);
    expect(ds.claims.length).toBe(ds.data.claims.length);
    expect(ds.index.keys.size).toBeGreaterThan(100);
  });

  it('rejects bad files with a message that names the problem', () => {
    expect(() => parseDataset('not json')).toThrow(/not valid JSON/u);
    expect(() => validateDataset([])).toThrow(/JSON object/u);
    expect(() => validateDataset({ ...fresh(), schemaVersion: 99 })).toThrow(/schemaVersion is 99/u);
    const noClaims = fresh();
    delete noClaims.claims;
    expect(() => validateDataset(noClaims)).toThrow(/claims/u);
    const wrongType = fresh();
    wrongType.claims[0].claim.terms = 'oops';
    expect(() => validateDataset(wrongType)).toThrow(DatasetError);
    const dangling = fresh();
    dangling.disagreements.push({ a: 0, b: 999_999, kind: 'date', aValue: 'x', bValue: 'y' });
    expect(() => validateDataset(dangling)).toThrow(/does not exist/u);
  });

  it('never lets prototype keys in lexicon records reach the matcher', () => {
    const text = bundled
      .replace('"aliases":{', '"aliases":{"__proto__":"x","constructor":"y",')
      .replace('"synonyms":{', '"synonyms":{"__proto__":["polluted"],');
    const ds = loadDatasetText(text);
    expect(ds.lexicon.aliases.has('__proto__')).toBe(false);
    expect(ds.lexicon.aliases.has('constructor')).toBe(false);
    expect(ds.lexicon.synonyms.has('__proto__')).toBe(false);
    expect(({} as Record<string, unknown>).x).toBeUndefined();
    expect(Object.prototype).not.toHaveProperty('0', 'polluted');
  });
});

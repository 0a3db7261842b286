/**
 * The reference dataset in use: an imported one (kept in storage.local) or the bundled one. Loaded
 * once per background lifetime and only when first needed: the bundled file is part of the
 * background bundle as a string and parsed (and validated) lazily, so waking the service worker
 * costs nothing until a page actually asks for verdicts.
 */
import browser from 'webextension-polyfill';
import bundledText from '../../data/dataset.json?raw';
import { type LoadedDataset, loadDatasetText } from '../core/dataset/loaded';
import type { DatasetInfo } from '../messages';

/** storage.local key of the imported dataset's text. */
export const IMPORTED_KEY = 'dataset:imported';

interface InUse {
  ds: LoadedDataset;
  imported: boolean;
}

let inUse: Promise<InUse> | null = null;

async function load(): Promise<InUse> {
  const text = (await browser.storage.local.get(IMPORTED_KEY))[IMPORTED_KEY];
  if (typeof text === 'string') {
    try {
      return { ds: loadDatasetText(text), imported: true };
    } catch (err) {
      // Accepted on import, so only a newer schema after an update gets here.
      console.warn('[credibility-overlay] the imported dataset cannot be read, using the bundled one:', err);
    }
  }
  return { ds: loadDatasetText(bundledText), imported: false };
}

function current(): Promise<InUse> {
  inUse ??= load().catch((err: unknown) => {
    inUse = null; // try again next time rather than caching the failure
    throw err;
  });
  return inUse;
}

export async function getDataset(): Promise<LoadedDataset> {
  return (await current()).ds;
}

export async function datasetInfo(): Promise<DatasetInfo> {
  const { ds, imported } = await current();
  return describeDataset(ds, imported);
}

/**
 * Validates and stores a dataset file's text, then uses it. Throws (DatasetError naming the
 * problem, or the storage error) and leaves the current dataset in use if anything fails.
 */
export async function importDataset(text: string): Promise<DatasetInfo> {
  const ds = loadDatasetText(text);
  await browser.storage.local.set({ [IMPORTED_KEY]: text });
  inUse = Promise.resolve({ ds, imported: true });
  return describeDataset(ds, true);
}

export async function resetDataset(): Promise<DatasetInfo> {
  await browser.storage.local.remove(IMPORTED_KEY);
  inUse = null;
  return datasetInfo();
}

/** What the options page shows: everything but the claims and the lexicon. */
export function describeDataset(ds: LoadedDataset, imported: boolean): DatasetInfo {
  const d = ds.data;
  const side = (claimId: number, value: string) => {
    const claim = d.claims[claimId];
    const source = claim ? d.sources[claim.source] : undefined;
    return { source: source?.id ?? '', outlet: source?.outlet ?? '', text: claim?.text ?? '', value };
  };
  return {
    name: d.name,
    schemaVersion: d.schemaVersion,
    asOf: d.asOf,
    imported,
    claims: d.claims.length,
    sources: d.sources.map((s) => ({
      id: s.id,
      outlet: s.outlet,
      published: s.published,
      origin: s.origin,
      headline: s.headline,
      ...(s.url === undefined ? {} : { url: s.url }),
    })),
    origins: d.origins.map((o) => ({ id: o.id, sources: [...o.sources], reason: o.reason })),
    disagreements: d.disagreements.map((x) => ({ kind: x.kind, a: side(x.a, x.aValue), b: side(x.b, x.bValue) })),
  };
}

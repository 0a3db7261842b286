/** Deterministic JSON for datasets: the same input always gives the same bytes. */
import type { Dataset } from './schema';

/** Numbers are rounded so floating-point noise cannot change the file. */
export function serializeDataset(d: Dataset): string {
  return `${JSON.stringify(d, (_k, v) => (typeof v === 'number' && !Number.isInteger(v) ? Math.round(v * 1e6) / 1e6 : v))}\n`;
}

/**
 * The reference dataset, loaded once per background lifetime and only when first needed: the
 * bundled file is part of the background bundle as a string and parsed (and validated) lazily,
 * so waking the service worker costs nothing until a page actually asks for verdicts.
 */
import bundledText from '../../data/dataset.json?raw';
import { type LoadedDataset, loadDatasetText } from '../core/dataset/loaded';

let current: LoadedDataset | null = null;

export function getDataset(): LoadedDataset {
  current ??= loadDatasetText(bundledText);
  return current;
}

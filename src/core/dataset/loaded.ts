/** A validated dataset made ready for matching: lexicon Maps and the claim index, built once. */
import type { Claim } from '../claims/claim';
import { type Lexicon, toLexicon } from '../claims/lexicon';
import { buildIndex, type ClaimIndex } from '../match/retrieve';
import { type Dataset, parseDataset } from './schema';

export interface LoadedDataset {
  data: Dataset;
  lexicon: Lexicon;
  index: ClaimIndex;
  claims: Claim[];
  /** Claim id → claims it disagrees with (recorded among the sources) → on which kind of detail. */
  disagreeing: Map<number, Map<number, string>>;
}

export function loadDataset(data: Dataset): LoadedDataset {
  const claims = data.claims.map((c) => c.claim);
  const disagreeing = new Map<number, Map<number, string>>();
  for (const d of data.disagreements) {
    for (const [x, y] of [
      [d.a, d.b],
      [d.b, d.a],
    ] as const) {
      const map = disagreeing.get(x) ?? new Map<number, string>();
      map.set(y, d.kind);
      disagreeing.set(x, map);
    }
  }
  return { data, lexicon: toLexicon(data.lexicon), index: buildIndex(claims), claims, disagreeing };
}

export function loadDatasetText(text: string): LoadedDataset {
  return loadDataset(parseDataset(text));
}

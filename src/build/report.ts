/** Human-readable listing of a dataset, for auditing what the extension believes. */
import type { Dataset } from '../core/dataset/schema';

export function formatReport(d: Dataset): string {
  const src = (claimId: number) => d.sources[d.claims[claimId]?.source ?? 0];
  const out: string[] = [`# ${d.name} (schema ${d.schemaVersion}, as of ${d.asOf})`, '', '## Sources'];
  for (const s of d.sources)
    out.push(`- ${s.id} [origin ${s.origin}] ${s.outlet}, ${s.published}${s.headline ? ` — "${s.headline}"` : ''}`);
  out.push('', '## Origins');
  for (const o of d.origins) out.push(`- origin ${o.id}: ${o.sources.join(', ')} — ${o.reason}`);
  out.push('', '## Clusters (same fact in several sources)');
  for (const c of [...d.clusters].sort((a, b) => b.origins - a.origins || a.id - b.id)) {
    out.push(`- cluster ${c.id}: ${c.origins} independent origin(s)`);
    for (const id of c.claims) out.push(`    ${src(id)?.id}: ${d.claims[id]?.text}`);
  }
  out.push('', '## Disagreements among the sources');
  for (const x of d.disagreements) {
    out.push(`- ${x.kind}: "${x.aValue}" vs "${x.bValue}"`);
    out.push(`    ${src(x.a)?.id}: ${d.claims[x.a]?.text}`);
    out.push(`    ${src(x.b)?.id}: ${d.claims[x.b]?.text}`);
  }
  return out.join('\n');
}

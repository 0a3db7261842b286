/** A tab's summary from the page's `content:check` and the background's reply to it. */
import type { LoadedDataset } from '../core/dataset/loaded';
import type { CheckReply, MessageOf, TabSummary, VerdictCounts } from '../messages';

export function countVerdicts(results: { verdict: string }[]): VerdictCounts {
  const counts = { conflict: 0, disputed: 0, corroborated: 0 };
  for (const r of results) if (r.verdict in counts) counts[r.verdict as keyof VerdictCounts]++;
  return counts;
}

export function buildSummary(
  msg: MessageOf<'content:check'>,
  reply: CheckReply,
  ds: LoadedDataset,
  url: string,
): TabSummary {
  const textOf = new Map(msg.sentences.map((s) => [s.id, s.text]));
  const judged = reply.results.filter((r) => r.verdict !== 'none').map((r) => ({ ...r, text: textOf.get(r.id) ?? '' }));
  return {
    url,
    title: msg.title,
    article: msg.sentences.length > 0,
    onTopic: reply.onTopic,
    sentenceCount: msg.sentences.length,
    counts: countVerdicts(judged),
    judged,
    dataset: { name: ds.data.name, sources: ds.data.sources.length, origins: ds.data.origins.length },
    updatedAt: Date.now(),
  };
}

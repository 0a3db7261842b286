/** Answers a content script's `content:check`: the matcher's verdicts for the page's sentences. */
import { matchSentences } from '../core/match/match';
import type { CheckReply, MessageOf } from '../messages';
import { getDataset } from './dataset';

/** Evidence sent to the page per sentence: enough for the card, bounded in size. */
const MAX_EVIDENCE = 6;

export async function checkPage(msg: MessageOf<'content:check'>): Promise<CheckReply> {
  const ds = await getDataset();
  const verdicts = matchSentences(
    ds,
    msg.sentences.map((s) => s.text),
    msg.published,
  );
  const results = verdicts.sentences.flatMap((s, i) => {
    const id = msg.sentences[i]?.id;
    if (s.verdict === 'none' || id === undefined) return [];
    return [
      {
        id,
        verdict: s.verdict,
        independent: s.independent,
        evidence: s.evidence.slice(0, MAX_EVIDENCE).map((e) => ({
          file: e.file,
          origin: e.origin,
          outlet: e.outlet,
          published: e.published,
          text: e.text,
          stance: e.stance,
        })),
        detail: s.detail,
      },
    ];
  });
  return { onTopic: verdicts.onTopic, results };
}

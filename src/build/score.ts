/** Scoring verdicts against labelled pages (the format of shared/eval/labels.json). */
import type { Verdict } from '../core/match/match';
import type { CheckedPage } from './check-files';

export interface LabelledSentence {
  text: string;
  expect: Verdict;
  sources: string[];
  detail?: string;
  why?: string;
  accept?: Verdict[];
}
export interface LabelledPage {
  page: string;
  published: string;
  sentences: LabelledSentence[];
}

const VERDICTS: Verdict[] = ['corroborated', 'conflict', 'disputed', 'none'];
const norm = (s: string) => s.replace(/\s+/gu, ' ').trim();
/** Source ids in labels are the file name without extension, or its prefix ("000" for
 * "000_8375….txt", as in shared/eval). */
const shortId = (file: string) => file.split(/[_.]/u)[0] ?? file;
const stemOf = (file: string) => file.replace(/\.[^.]*$/u, '');
function labelIdOf(file: string, ids: readonly string[]): string {
  const whole = stemOf(file);
  return ids.includes(whole) ? whole : shortId(file);
}

export function scoreLabels(labels: LabelledPage[], checked: CheckedPage[]) {
  const tp = new Map<Verdict, number>();
  const fp = new Map<Verdict, number>();
  const fn = new Map<Verdict, number>();
  const inc = (m: Map<Verdict, number>, v: Verdict) => m.set(v, (m.get(v) ?? 0) + 1);
  const mistakes: string[] = [];
  /** Right verdicts that cite a source the label says does not state the fact. */
  const misattributed: string[] = [];
  const extraction: string[] = [];
  let attributed = 0;
  let attributedRight = 0;
  let sourceRecallNum = 0;
  let sourceRecallDen = 0;
  let noneTotal = 0;
  let noneBadged = 0;
  let detailRight = 0;
  let detailTotal = 0;

  labels.forEach((page, i) => {
    const got = checked[i];
    const byText = new Map((got?.sentences ?? []).map((s) => [norm(s.text), s]));
    const labelled = new Set(page.sentences.map((s) => norm(s.text)));
    for (const s of got?.sentences ?? [])
      if (!labelled.has(norm(s.text))) extraction.push(`${page.page}: extra sentence: ${s.text.slice(0, 90)}`);
    page.sentences.forEach((l, k) => {
      const p = byText.get(norm(l.text));
      if (!p) extraction.push(`${page.page} #${k + 1}: sentence not extracted: ${l.text.slice(0, 90)}`);
      const verdict: Verdict = p?.verdict ?? 'none';
      const ok = verdict === l.expect || (l.accept ?? []).includes(verdict);
      // An accepted alternative counts as a hit for the verdict given.
      if (ok) inc(tp, verdict);
      else {
        inc(fp, verdict);
        inc(fn, l.expect);
      }
      if (l.expect === 'none') {
        noneTotal++;
        if (verdict !== 'none') noneBadged++;
      }
      const cited = [
        ...new Set(
          (p?.evidence ?? [])
            .filter((e) => (verdict === 'conflict' ? e.stance === 'contradicts' : e.stance === 'supports'))
            .map((e) => labelIdOf(e.file, l.sources)),
        ),
      ];
      if (ok && verdict !== 'none') {
        attributed++;
        if (cited.length > 0 && cited.every((c) => l.sources.includes(c))) attributedRight++;
        else
          misattributed.push(
            `${page.page} #${k + 1} ${verdict}: cites [${cited.join(',')}], label [${l.sources.join(',')}]\n    ${l.text}`,
          );
        sourceRecallDen += l.sources.length;
        sourceRecallNum += l.sources.filter((x) => cited.includes(x)).length;
        if (verdict === 'conflict' && l.detail) {
          detailTotal++;
          if (p?.detail?.kind === l.detail) detailRight++;
        }
      }
      if (!ok) {
        const ev = (p?.evidence ?? [])[0];
        mistakes.push(
          `${page.page} #${k + 1} expected ${l.expect}${l.detail ? `/${l.detail}` : ''} [${l.sources.join(',')}], got ${verdict}${p?.detail ? `/${p.detail.kind} ("${p.detail.page}" vs "${p.detail.source}")` : ''}${ev ? ` [${shortId(ev.file)} ${ev.score.toFixed(2)}]` : ''}\n    ${l.text}${ev ? `\n    ← ${ev.text.slice(0, 160)}` : ''}`,
        );
      }
    });
  });

  const rows = VERDICTS.map((v) => {
    const t = tp.get(v) ?? 0;
    const precision = t + (fp.get(v) ?? 0) ? t / (t + (fp.get(v) ?? 0)) : Number.NaN;
    const recall = t + (fn.get(v) ?? 0) ? t / (t + (fn.get(v) ?? 0)) : Number.NaN;
    const f1 = precision + recall ? (2 * precision * recall) / (precision + recall) : Number.NaN;
    return { verdict: v, precision, recall, f1, support: t + (fn.get(v) ?? 0) };
  });
  const f = (x: number) => (Number.isNaN(x) ? '  -  ' : x.toFixed(3));
  const summary = {
    rows,
    attribution: attributed ? attributedRight / attributed : Number.NaN,
    sourceRecall: sourceRecallDen ? sourceRecallNum / sourceRecallDen : Number.NaN,
    falseBadgesPer100None: noneTotal ? (100 * noneBadged) / noneTotal : Number.NaN,
    detailAccuracy: detailTotal ? detailRight / detailTotal : Number.NaN,
  };
  return {
    ...summary,
    mistakes,
    misattributed,
    extraction,
    text(quiet = false): string {
      const lines = ['verdict        precision  recall   F1     (labelled)'];
      for (const r of rows)
        lines.push(`${r.verdict.padEnd(14)} ${f(r.precision)}      ${f(r.recall)}    ${f(r.f1)}  (${r.support})`);
      lines.push(
        `source attribution on correct verdicts: ${f(summary.attribution)} (every cited source states it); source recall ${f(summary.sourceRecall)}`,
        `conflict detail kind correct: ${f(summary.detailAccuracy)}`,
        `false badges per 100 'none' sentences: ${summary.falseBadgesPer100None.toFixed(1)}`,
        `extraction problems: ${extraction.length}`,
      );
      if (!quiet) {
        if (extraction.length) lines.push('', ...extraction);
        lines.push('', `mistakes (${mistakes.length}):`, ...mistakes);
        lines.push('', `right verdict, a cited source does not state it (${misattributed.length}):`, ...misattributed);
      }
      return lines.join('\n');
    },
  };
}

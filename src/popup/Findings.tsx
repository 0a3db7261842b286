/** The popup's results: the header with counts, then one row per judged sentence. */
import { list, type MessageKey, t, tn } from '../i18n';
import type { JudgedSentence, TabSummary } from '../messages';
import { outletsOf, rowsOf, shorten } from './view';

const VERDICT_LABEL: Record<JudgedSentence['verdict'], MessageKey> = {
  conflict: 'verdictConflict',
  disputed: 'verdictDisputed',
  corroborated: 'verdictCorroborated',
  none: 'verdictCorroborated', // never shown: 'none' sentences are not in summaries
};

export function Header({ summary }: { summary: TabSummary }) {
  const { counts, dataset } = summary;
  return (
    <header class="head">
      <p class="checked" data-testid="checked">
        {t('summaryHeader', tn('sentences', summary.sentenceCount), tn('sources', dataset.sources, dataset.origins))}
      </p>
      <ul class="counts" data-testid="counts">
        <li class="conflict">{tn('conflicts', counts.conflict)}</li>
        <li class="disputed">{tn('disputed', counts.disputed)}</li>
        <li class="corroborated">{tn('corroborated', counts.corroborated)}</li>
      </ul>
    </header>
  );
}

export function Findings(props: { summary: TabSummary; conflictsOnly: boolean; onReveal(id: number): void }) {
  const rows = rowsOf(props.summary, props.conflictsOnly);
  if (rows.length === 0) return <p class="state">{t('stateNoConflicts')}</p>;
  return (
    <>
      <p id="reveal-hint" hidden>
        {t('revealHint')}
      </p>
      <ul class="rows" aria-label={t('findingsLabel')}>
        {rows.map((s) => (
          <li key={s.id}>
            <Row sentence={s} onReveal={props.onReveal} />
          </li>
        ))}
      </ul>
    </>
  );
}

function Row({ sentence: s, onReveal }: { sentence: JudgedSentence; onReveal(id: number): void }) {
  const outlets = outletsOf(s, s.verdict === 'conflict' ? 'contradicts' : undefined);
  const values = s.detail && s.verdict !== 'corroborated' ? s.detail : null;
  return (
    <button
      type="button"
      class={`row ${s.verdict}`}
      data-verdict={s.verdict}
      aria-describedby="reveal-hint"
      onClick={() => onReveal(s.id)}
    >
      <span class="verdict">{t(VERDICT_LABEL[s.verdict])}</span>
      <span class="sentence">{shorten(s.text)}</span>
      {values && (
        <span class="values" data-testid="values">
          <span class="value">
            <span class="who">{t('pageSays')}</span>
            <span class="what">{values.page}</span>
          </span>
          <span class="value">
            <span class="who">{t('sourceSays')}</span>
            <span class="what">{values.source}</span>
          </span>
        </span>
      )}
      <span class="outlets">
        {list(outlets)}
        {s.verdict === 'corroborated' && ` · ${tn('independentSources', s.independent)}`}
      </span>
    </button>
  );
}

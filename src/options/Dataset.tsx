/**
 * The reference dataset, for the user to audit: what it is, its sources and which of them are
 * copies of one another, where the sources disagree. Also importing another dataset file and
 * going back to the bundled one.
 */
import { useEffect, useState } from 'preact/hooks';
import { type MessageKey, t } from '../i18n';
import { type DatasetInfo, send } from '../messages';

type Status = { kind: 'idle' } | { kind: 'working' | 'ok' | 'error'; text: string };

export function DatasetSection() {
  const [info, setInfo] = useState<DatasetInfo | null>(null);
  const [status, setStatus] = useState<Status>({ kind: 'idle' });
  useEffect(() => {
    send({ type: 'popup:get-dataset' }).then(setInfo, (err: unknown) =>
      setStatus({ kind: 'error', text: t('stateError', String(err)) }),
    );
  }, []);

  const importFile = async (input: HTMLInputElement) => {
    const file = input.files?.[0];
    if (!file) return;
    setStatus({ kind: 'working', text: t('importWorking', file.name) });
    try {
      const reply = await send({ type: 'popup:import-dataset', text: await file.text() });
      if (reply.ok) {
        setInfo(reply.info);
        setStatus({ kind: 'ok', text: t('importOk', reply.info.name) });
      } else {
        setStatus({ kind: 'error', text: t('importFailed', file.name, reply.error.replace(/\.$/u, '')) });
      }
    } catch (err) {
      setStatus({ kind: 'error', text: t('importFailed', file.name, String(err)) });
    }
    input.value = ''; // choosing the same file again must trigger another import
  };
  const reset = async () => {
    setInfo(await send({ type: 'popup:reset-dataset' }));
    setStatus({ kind: 'ok', text: t('resetDone') });
  };

  return (
    <section aria-labelledby="dataset-h">
      <h2 id="dataset-h">{t('sectionDataset')}</h2>
      <p class="muted">{t('datasetIntro')}</p>
      {info ? <DatasetDetails info={info} /> : <p>{t('loading')}</p>}
      <div class="import">
        <h3>{t('importHeading')}</h3>
        <p class="muted">{t('importHelp')}</p>
        <label for="dataset-file">{t('importChoose')}</label>{' '}
        <input
          id="dataset-file"
          type="file"
          accept=".json,application/json"
          onChange={(e) => void importFile(e.currentTarget)}
        />
        {info?.imported && (
          <button type="button" class="reset" onClick={() => void reset()}>
            {t('resetButton')}
          </button>
        )}
        {status.kind !== 'idle' && (
          <p
            class={`import-status ${status.kind}`}
            data-testid="import-status"
            role={status.kind === 'error' ? 'alert' : 'status'}
          >
            {status.text}
          </p>
        )}
      </div>
    </section>
  );
}

function DatasetDetails({ info }: { info: DatasetInfo }) {
  const outletOf = new Map(info.sources.map((s) => [s.id, s.outlet]));
  const groupName = (id: number) => t('groupName', id + 1);
  return (
    <div data-testid="dataset">
      <dl class="facts">
        <dt>{t('datasetName')}</dt>
        <dd data-testid="dataset-name">{info.name}</dd>
        <dt>{t('datasetKind')}</dt>
        <dd>{t(info.imported ? 'datasetImported' : 'datasetBundled')}</dd>
        <dt>{t('datasetVersion')}</dt>
        <dd>{info.schemaVersion}</dd>
        <dt>{t('datasetAsOf')}</dt>
        <dd>{info.asOf}</dd>
        <dt>{t('datasetClaims')}</dt>
        <dd>{info.claims}</dd>
      </dl>

      <h3>{t('sourcesHeading')}</h3>
      <table class="sources" data-testid="sources">
        <thead>
          <tr>
            <th scope="col">{t('colOutlet')}</th>
            <th scope="col">{t('colPublished')}</th>
            <th scope="col">{t('colGroup')}</th>
          </tr>
        </thead>
        <tbody>
          {info.sources.map((s) => (
            <tr key={s.id}>
              <td>
                {s.outlet}
                {s.headline && <span class="headline">{s.headline}</span>}
              </td>
              <td class="date">{s.published}</td>
              <td>{groupName(s.origin)}</td>
            </tr>
          ))}
        </tbody>
      </table>

      <h3>{t('groupsHeading')}</h3>
      <ul class="groups" data-testid="groups">
        {info.origins.map((o) => (
          <li key={o.id}>
            <strong>{groupName(o.id)}</strong>: {o.sources.map((id) => outletOf.get(id) ?? id).join(' · ')}
            <span class="reason">{o.reason}</span>
          </li>
        ))}
      </ul>

      <h3>{t('disagreementsHeading')}</h3>
      {info.disagreements.length === 0 ? (
        <p class="muted">{t('disagreementsNone')}</p>
      ) : (
        <ul class="disagreements" data-testid="disagreements">
          {info.disagreements.map((d, i) => (
            <li key={i}>
              <span class="kind">{t(`kind_${d.kind}` as MessageKey)}</span>
              <div class="pair">
                {[d.a, d.b].map((side, j) => (
                  <blockquote key={j}>
                    <p>{side.text}</p>
                    <footer>
                      {side.outlet} · <strong>{side.value}</strong>
                    </footer>
                  </blockquote>
                ))}
              </div>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}

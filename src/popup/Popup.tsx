/** The toolbar popup: what the extension found on the current tab, and the controls for it. */
import type { ComponentChildren } from 'preact';
import { useEffect } from 'preact/hooks';
import browser from 'webextension-polyfill';
import { t } from '../i18n';
import { sendToTab } from '../messages';
import { type Settings, saveSettings, setSiteEnabled, siteListed, siteOf } from '../settings';
import { usePopupData } from './data';
import { Findings, Header } from './Findings';
import { pageUrl, type View, viewOf } from './view';

export function Popup() {
  const data = usePopupData();
  useEffect(() => {
    document.title = t('extName');
  }, []);

  let body: ComponentChildren;
  let controls: ComponentChildren = <Controls site={null} settings={null} />;
  if (data.kind === 'loading') body = <State text={t('loading')} />;
  else if (data.kind === 'error') body = <State text={t('stateError', data.message)} />;
  else {
    const { tabId, settings } = data;
    const view = viewOf(data);
    const url = pageUrl(data);
    const reveal = (id: number) => {
      if (tabId !== null) sendToTab(tabId, { type: 'background:reveal', id }).catch(() => undefined);
    };
    body = <ViewBody view={view} settings={settings} onReveal={reveal} />;
    controls = <Controls site={url && view.kind !== 'cannot-run' ? siteOf(url) : null} settings={settings} />;
  }

  return (
    <main>
      <h1>{t('extName')}</h1>
      {body}
      {controls}
    </main>
  );
}

function State({ text, kind }: { text: string; kind?: string }) {
  return (
    <p class="state" role="status" data-state={kind}>
      {text}
    </p>
  );
}

function ViewBody({ view, settings, onReveal }: { view: View; settings: Settings; onReveal(id: number): void }) {
  switch (view.kind) {
    case 'working':
      return <State kind={view.kind} text={t('stateWorking')} />;
    case 'cannot-run':
      return <State kind={view.kind} text={t('stateCannotRun')} />;
    case 'all-off':
      return <State kind={view.kind} text={t('stateAllOff')} />;
    case 'site-off':
      return <State kind={view.kind} text={t('stateSiteOff', view.site)} />;
    case 'not-article':
      return <State kind={view.kind} text={t('stateNotArticle')} />;
    case 'nothing-related':
      return <State kind={view.kind} text={t('stateNothingRelated')} />;
    case 'results':
      return (
        <section data-state="results">
          <Header summary={view.summary} />
          <Findings summary={view.summary} conflictsOnly={settings.conflictsOnly} onReveal={onReveal} />
        </section>
      );
  }
}

function Controls({ site, settings }: { site: string | null; settings: Settings | null }) {
  const openOptions = (e: Event) => {
    e.preventDefault();
    void browser.runtime.openOptionsPage();
  };
  return (
    <footer class="controls">
      {settings && site && (
        <label>
          <input
            type="checkbox"
            name="site"
            checked={!siteListed(settings, site)}
            onChange={(e) => void setSiteEnabled(site, e.currentTarget.checked)}
          />
          {t('siteToggle', site)}
        </label>
      )}
      {settings && (
        <label>
          <input
            type="checkbox"
            name="conflictsOnly"
            checked={settings.conflictsOnly}
            onChange={(e) => void saveSettings({ conflictsOnly: e.currentTarget.checked })}
          />
          {t('conflictsOnly')}
        </label>
      )}
      <a href={browser.runtime.getURL('src/options/index.html')} onClick={openOptions}>
        {t('openOptions')}
      </a>
    </footer>
  );
}

/** The options page: badge settings, sites without badges, and the reference dataset. */
import { useEffect, useState } from 'preact/hooks';
import { t } from '../i18n';
import { loadSettings, normalizeSite, onSettingsChanged, type Settings, saveSettings } from '../settings';
import { DatasetSection } from './Dataset';

export function Options() {
  const [settings, setSettings] = useState<Settings | null>(null);
  useEffect(() => {
    document.title = t('optionsTitle');
    void loadSettings().then(setSettings);
    return onSettingsChanged(setSettings);
  }, []);

  return (
    <main>
      <h1>{t('optionsTitle')}</h1>
      <p class="note">{t('privacyNote')}</p>
      {settings ? (
        <>
          <BadgeSettings settings={settings} />
          <SiteList sites={settings.disabledSites} />
        </>
      ) : (
        <p>{t('loading')}</p>
      )}
      <DatasetSection />
    </main>
  );
}

function BadgeSettings({ settings }: { settings: Settings }) {
  return (
    <section aria-labelledby="badges-h">
      <h2 id="badges-h">{t('sectionBadges')}</h2>
      <label class="check">
        <input
          type="checkbox"
          name="enabled"
          checked={settings.enabled}
          onChange={(e) => void saveSettings({ enabled: e.currentTarget.checked })}
        />
        {t('optEnabled')}
      </label>
      <label class="check">
        <input
          type="checkbox"
          name="conflictsOnly"
          checked={settings.conflictsOnly}
          onChange={(e) => void saveSettings({ conflictsOnly: e.currentTarget.checked })}
        />
        {t('conflictsOnly')}
      </label>
      <fieldset>
        <legend>{t('optBadgeStyle')}</legend>
        {(['compact', 'text'] as const).map((style) => (
          <label class="check" key={style}>
            <input
              type="radio"
              name="badgeStyle"
              value={style}
              checked={settings.badgeStyle === style}
              onChange={() => void saveSettings({ badgeStyle: style })}
            />
            {t(style === 'compact' ? 'styleCompact' : 'styleText')}
          </label>
        ))}
      </fieldset>
    </section>
  );
}

function SiteList({ sites }: { sites: string[] }) {
  const [error, setError] = useState<string | null>(null);
  const add = (e: SubmitEvent) => {
    e.preventDefault();
    const form = e.currentTarget as HTMLFormElement;
    const input = String(new FormData(form).get('site') ?? '');
    const site = normalizeSite(input);
    if (!site) return setError(t('siteInvalid', input.trim()));
    setError(null);
    form.reset();
    void saveSettings({ disabledSites: [...sites, site].sort() });
  };
  const remove = (site: string) => void saveSettings({ disabledSites: sites.filter((s) => s !== site) });
  return (
    <section aria-labelledby="sites-h">
      <h2 id="sites-h">{t('sectionSites')}</h2>
      {sites.length === 0 ? (
        <p class="muted">{t('sitesEmpty')}</p>
      ) : (
        <ul class="sites" data-testid="sites">
          {sites.map((site) => (
            <li key={site}>
              <span>{site}</span>
              <button type="button" aria-label={t('siteRemoveLabel', site)} onClick={() => remove(site)}>
                {t('siteRemove')}
              </button>
            </li>
          ))}
        </ul>
      )}
      <form class="add-site" onSubmit={add}>
        <label for="site-input">{t('siteInputLabel')}</label>
        <input
          id="site-input"
          name="site"
          autocomplete="off"
          spellcheck={false}
          aria-invalid={error !== null}
          aria-describedby={error ? 'site-error' : undefined}
        />
        <button type="submit">{t('siteAdd')}</button>
      </form>
      {error && (
        <p id="site-error" class="error" role="alert">
          {error}
        </p>
      )}
    </section>
  );
}

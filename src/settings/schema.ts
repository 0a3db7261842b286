/**
 * User settings: the schema, defaults and the pure rules built on them (which sites get badges).
 * Pure (no `browser`), so the content script, background, pages and tests all share it.
 */
import * as v from 'valibot';

export const BADGE_STYLES = ['compact', 'text'] as const;
export type BadgeStyle = (typeof BADGE_STYLES)[number];

export const SettingsSchema = v.object({
  /** Global switch: no badges anywhere when false. */
  enabled: v.boolean(),
  /** Sites (host names, no leading "www.") where badges are off; a site covers its subdomains. */
  disabledSites: v.array(v.string()),
  /** Show only conflicts (badges on pages, rows in the popup, the toolbar count). */
  conflictsOnly: v.boolean(),
  /** `compact`: an icon-sized badge; `text`: the verdict in words. */
  badgeStyle: v.picklist(BADGE_STYLES),
});
export type Settings = v.InferOutput<typeof SettingsSchema>;

export const DEFAULT_SETTINGS: Settings = {
  enabled: true,
  disabledSites: [],
  conflictsOnly: false,
  badgeStyle: 'compact',
};

/**
 * Stored settings, read leniently: each field that is missing or invalid (an older or newer
 * version wrote it, or someone edited storage) falls back to its default on its own.
 */
export function readSettings(raw: unknown): Settings {
  const obj = typeof raw === 'object' && raw !== null ? (raw as Record<string, unknown>) : {};
  const out = { ...DEFAULT_SETTINGS };
  for (const key of Object.keys(DEFAULT_SETTINGS) as (keyof Settings)[]) {
    const field = v.safeParse(SettingsSchema.entries[key], obj[key]);
    if (field.success) Object.assign(out, { [key]: field.output });
  }
  out.disabledSites = [...new Set(out.disabledSites.map(normalizeSite).filter((s) => s !== null))];
  return out;
}

const HOST = /^(?=.{1,253}$)([a-z0-9-]{1,63}\.)*[a-z0-9-]{1,63}$/u;

/**
 * A site as the user typed it ("News.Example.com", "https://www.example.com/a") → "news.example.com"
 * / "example.com"; null if it is not a host name.
 */
export function normalizeSite(input: string): string | null {
  let host = input.trim().toLowerCase();
  if (/^[a-z][a-z0-9+.-]*:\/\//u.test(host)) {
    try {
      host = new URL(host).hostname;
    } catch {
      return null;
    }
  }
  host = host
    .replace(/\/.*$/u, '')
    .replace(/:\d+$/u, '')
    .replace(/^www\./u, '')
    .replace(/\.$/u, '');
  return HOST.test(host) ? host : null;
}

/** The site of a page URL, or null for pages that are not on the web (http/https). */
export function siteOf(url: string): string | null {
  try {
    const u = new URL(url);
    return u.protocol === 'http:' || u.protocol === 'https:' ? normalizeSite(u.hostname) : null;
  } catch {
    return null;
  }
}

/** Whether `site` (or a domain it belongs to) is in the list. */
export function siteListed(settings: Settings, site: string): boolean {
  return settings.disabledSites.some((d) => site === d || site.endsWith(`.${d}`));
}

/** Whether badges are shown on the page at `url`. */
export function badgesOn(settings: Settings, url: string): boolean {
  const site = siteOf(url);
  return settings.enabled && site !== null && !siteListed(settings, site);
}

/** Settings with badges on or off for `site` (turning on also removes the domains that cover it). */
export function withSite(settings: Settings, site: string, on: boolean): Settings {
  const rest = settings.disabledSites.filter((d) => d !== site && !(on && site.endsWith(`.${d}`)));
  return { ...settings, disabledSites: on ? rest : [...rest, site].sort() };
}

/** What the popup shows, decided from what it knows about the tab (pure, so it is unit-tested). */
import type { JudgedSentence, TabSummary } from '../messages';
import { type Settings, siteListed, siteOf } from '../settings/schema';

export interface PopupInputs {
  summary: TabSummary | null;
  settings: Settings;
  /** The tab as the browser reports it; null if there is no such tab. The URL may be hidden. */
  tab: { url?: string | undefined; status?: string | undefined } | null;
  /** The page's URL from our content script; null if none answers; undefined while asking. */
  contentUrl: string | null | undefined;
  /** The popup has been open long enough for a page's check to have come in. */
  patient: boolean;
}

export type View =
  | { kind: 'working' }
  | { kind: 'cannot-run' }
  | { kind: 'all-off' }
  | { kind: 'site-off'; site: string }
  | { kind: 'not-article' }
  | { kind: 'nothing-related'; summary: TabSummary }
  | { kind: 'results'; summary: TabSummary };

export function viewOf({ summary, settings, tab, contentUrl, patient }: PopupInputs): View {
  if (!tab && !summary) return { kind: 'cannot-run' };
  const url = pageUrl({ summary, tab, contentUrl });
  // Browser pages (chrome://, about:, moz-extension://, file:// …): no content script there.
  if (url && siteOf(url) === null) return { kind: 'cannot-run' };
  if (!settings.enabled) return { kind: 'all-off' };
  const site = url ? siteOf(url) : null;
  if (site && siteListed(settings, site)) return { kind: 'site-off', site };
  if (summary) {
    if (!summary.article) return { kind: 'not-article' };
    if (!summary.onTopic || summary.judged.length === 0) return { kind: 'nothing-related', summary };
    return { kind: 'results', summary };
  }
  if (tab?.status === 'loading' || contentUrl === undefined) return { kind: 'working' };
  // No content script answers: a page extensions may not touch (add-on stores, for one), or one
  // loaded before the extension was installed or reloaded.
  if (contentUrl === null) return { kind: 'cannot-run' };
  return patient ? { kind: 'not-article' } : { kind: 'working' };
}

export function pageUrl(i: Pick<PopupInputs, 'summary' | 'tab' | 'contentUrl'>): string | null {
  return i.summary?.url ?? i.contentUrl ?? i.tab?.url ?? null;
}

const ORDER = { conflict: 0, disputed: 1, corroborated: 2, none: 3 } as const;

/** Conflicts first, then disputed, then corroborated; page order within each. */
export function rowsOf(summary: TabSummary, conflictsOnly: boolean): JudgedSentence[] {
  return summary.judged
    .filter((s) => !conflictsOnly || s.verdict === 'conflict')
    .map((s, i) => ({ s, i }))
    .sort((a, b) => ORDER[a.s.verdict] - ORDER[b.s.verdict] || a.i - b.i)
    .map(({ s }) => s);
}

/** At most `max` characters, cut at a word boundary. */
export function shorten(text: string, max = 140): string {
  if (text.length <= max) return text;
  const cut = text.slice(0, max - 1);
  const space = cut.lastIndexOf(' ');
  return `${(space > max / 2 ? cut.slice(0, space) : cut).replace(/[\s,;:]+$/u, '')}…`;
}

/** The outlets behind a row, each once, in evidence order (the matcher puts supporting evidence first). */
export function outletsOf(s: JudgedSentence, stance?: 'supports' | 'contradicts'): string[] {
  return [...new Set(s.evidence.filter((e) => !stance || e.stance === stance).map((e) => e.outlet))];
}

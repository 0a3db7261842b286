/**
 * The toolbar badge per tab: the number of conflicts in a warning colour if there are any, else
 * the number of corroborated sentences in a calm one (else disputed ones in amber), nothing on
 * pages with nothing related; the button's title says it in words.
 */
import browser from 'webextension-polyfill';
import { list, t, tn } from '../i18n';
import type { TabSummary } from '../messages';
import { badgesOn, type Settings } from '../settings';

export const BADGE_COLORS = { conflict: '#b91c1c', corroborated: '#15803d', disputed: '#b45309' } as const;

export interface BadgeLook {
  text: string;
  color: string | null;
  title: string;
}

const noBadge = (): BadgeLook => ({ text: '', color: null, title: t('actionTitle') });

export function badgeLook(summary: TabSummary | null, settings: Settings): BadgeLook {
  const none = noBadge();
  if (!summary?.onTopic || !badgesOn(settings, summary.url)) return none;
  const { conflict, disputed, corroborated } = summary.counts;
  const shown = settings.conflictsOnly
    ? { conflict, disputed: 0, corroborated: 0 }
    : { conflict, disputed, corroborated };
  const kind = (['conflict', 'corroborated', 'disputed'] as const).find((k) => shown[k] > 0);
  if (!kind) return none;
  const words = [
    shown.conflict ? tn('conflicts', shown.conflict) : '',
    shown.disputed ? tn('disputed', shown.disputed) : '',
    shown.corroborated ? tn('corroborated', shown.corroborated) : '',
  ].filter(Boolean);
  return { text: String(shown[kind]), color: BADGE_COLORS[kind], title: t('badgeTitle', list(words)) };
}

export async function showBadge(tabId: number, look: BadgeLook): Promise<void> {
  try {
    await browser.action.setBadgeText({ tabId, text: look.text });
    await browser.action.setTitle({ tabId, title: look.title });
    if (look.color) {
      await browser.action.setBadgeBackgroundColor({ tabId, color: look.color });
      await browser.action.setBadgeTextColor?.({ tabId, color: '#ffffff' });
    }
  } catch {
    // The tab has gone (closed or navigated away) since the check: nothing to show.
  }
}

export function clearBadge(tabId: number): Promise<void> {
  return showBadge(tabId, noBadge());
}

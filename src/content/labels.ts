/** What badges and cards say: accessible names, short labels, dates. Pure, unit-tested. */
import type { SentenceResult } from '../messages/protocol';
import type { BadgeStyle } from '../settings/schema';

export type Verdict = SentenceResult['verdict'];
type Detail = NonNullable<SentenceResult['detail']>;

const KIND: Record<Detail['kind'], string> = {
  date: 'date',
  number: 'number',
  person: 'person',
  place: 'place',
  order: 'order of events',
  negation: 'opposite claim',
  other: 'detail',
};

const plural = (n: number, one: string, many: string) => `${n} ${n === 1 ? one : many}`;

/** Independent sources (origins, not copies) that contradict the sentence. */
export function contradicting(r: SentenceResult): number {
  return new Set(r.evidence.filter((e) => e.stance === 'contradicts').map((e) => e.origin)).size;
}

export function supporting(r: SentenceResult): number {
  return Math.max(1, r.independent);
}

/** The badge's accessible name, e.g. "Conflicts with 1 source: date". */
export function badgeName(r: SentenceResult): string {
  switch (r.verdict) {
    case 'corroborated':
      return `Corroborated by ${plural(supporting(r), 'independent source', 'independent sources')}`;
    case 'conflict': {
      const kind = r.detail ? `: ${KIND[r.detail.kind]}` : '';
      return `Conflicts with ${plural(Math.max(1, contradicting(r)), 'source', 'sources')}${kind}`;
    }
    case 'disputed':
      return `Disputed: ${plural(supporting(r), 'source supports', 'sources support')} it, ${plural(
        Math.max(1, contradicting(r)),
        'source contradicts',
        'sources contradict',
      )} it`;
    default:
      return 'Not checked';
  }
}

/** The badge's visible text next to its icon: short (`compact`) or the verdict in words (`text`). */
export function badgeText(r: SentenceResult, style: BadgeStyle = 'compact'): string {
  const words = style === 'text';
  if (r.verdict === 'corroborated') return words ? `Corroborated · ${supporting(r)}` : String(supporting(r));
  if (r.verdict === 'conflict') return words && r.detail ? `Conflict · ${KIND[r.detail.kind]}` : 'Conflict';
  return 'Disputed';
}

/** "2024-04-07" → "7 April 2024" (dates are calendar dates: formatted in UTC). */
export function formatDate(iso: string): string {
  const m = /^(\d{4})-(\d{2})-(\d{2})/u.exec(iso);
  if (!m) return iso;
  const date = new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])));
  if (Number.isNaN(date.getTime())) return iso;
  return new Intl.DateTimeFormat('en-GB', { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' }).format(
    date,
  );
}

/** What kind of detail differs, in words ("date", "order of events"…). */
export function kindLabel(d: Detail): string {
  return KIND[d.kind];
}

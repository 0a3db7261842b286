/**
 * The evidence card a badge opens: the verdict, the differing detail on both sides (conflicts),
 * and the source sentences with outlet and date. Shown in the top layer (popover) where the
 * browser has it, so page overflow and stacking cannot clip it; kept inside the viewport.
 * All page and dataset text is rendered as text nodes (Preact escapes it).
 */
import { useLayoutEffect, useRef } from 'preact/hooks';
import type { SentenceResult } from '../messages/protocol';
import { Icon } from './icons';
import { badgeName, formatDate, kindLabel } from './labels';

/** Distance kept from the viewport edges and from the badge (px). */
const MARGIN = 8;
const GAP = 6;

interface CardProps {
  result: SentenceResult;
  anchor: HTMLElement;
  /** Closes the card; `refocus` returns focus to the badge. */
  onClose(refocus: boolean): void;
  signal: AbortSignal;
}

export function Card({ result, anchor, onClose, signal }: CardProps) {
  const ref = useRef<HTMLDivElement>(null);

  useLayoutEffect(() => {
    const card = ref.current;
    if (!card) return;
    if (typeof card.showPopover === 'function') card.showPopover();
    const place = () => {
      const a = anchor.getBoundingClientRect();
      const vw = document.documentElement.clientWidth || window.innerWidth;
      const vh = window.innerHeight;
      card.style.setProperty('max-height', `${vh - 2 * MARGIN}px`);
      const c = card.getBoundingClientRect();
      const left = Math.max(MARGIN, Math.min(a.left, vw - c.width - MARGIN));
      let top = a.bottom + GAP;
      if (top + c.height > vh - MARGIN) top = Math.max(MARGIN, a.top - GAP - c.height);
      card.style.setProperty('left', `${Math.round(left)}px`);
      card.style.setProperty('top', `${Math.round(top)}px`);
    };
    place();
    card.focus({ preventScroll: true });

    const done = new AbortController();
    const opts = { signal: AbortSignal.any([signal, done.signal]) };
    let frame = 0;
    const replace = () => {
      cancelAnimationFrame(frame);
      frame = requestAnimationFrame(place);
    };
    window.addEventListener('scroll', replace, { ...opts, capture: true, passive: true });
    window.addEventListener('resize', replace, opts);
    // A press anywhere outside the badge and its card closes the card.
    const host = (anchor.getRootNode() as ShadowRoot).host;
    document.addEventListener(
      'pointerdown',
      (e) => {
        if (!e.composedPath().includes(host)) onClose(false);
      },
      { ...opts, capture: true },
    );
    return () => {
      done.abort();
      cancelAnimationFrame(frame);
    };
  }, []);

  const { verdict, detail, evidence } = result;
  return (
    <div
      class={`card ${verdict}`}
      ref={ref}
      role="dialog"
      aria-labelledby="title"
      tabIndex={-1}
      popover="manual"
      onKeyDown={(e) => {
        if (e.key === 'Escape') {
          e.stopPropagation();
          onClose(true);
        }
      }}
    >
      <div class="head">
        <Icon verdict={verdict} />
        <span class="title" id="title">
          {badgeName(result)}
        </span>
        <button type="button" class="close" aria-label="Close" onClick={() => onClose(true)}>
          ×
        </button>
      </div>
      {detail && verdict !== 'corroborated' && (
        <p class="detail">
          <span class="kind">Differs in {kindLabel(detail)}:</span> This page: <b>{detail.page}</b> — Source:{' '}
          <b>{detail.source}</b>
        </p>
      )}
      <ul class="evidence">
        {evidence.map((e, i) => (
          <li key={i} class={e.stance}>
            <span class="stance">{e.stance === 'supports' ? 'Supports' : 'Contradicts'}</span>
            <q>{e.text}</q>
            <span class="meta">
              {e.outlet}
              {e.published ? ` · ${formatDate(e.published)}` : ''}
            </span>
          </li>
        ))}
      </ul>
      {verdict === 'corroborated' && <p class="note">Copies of one report count as one source.</p>}
    </div>
  );
}

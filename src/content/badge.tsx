/**
 * A badge: <cred-badge> (our element, never defined: content scripts have no usable
 * customElements registry in Chrome, and attachShadow works on any valid custom-element name)
 * with an open shadow root holding its CSS and a Preact-rendered <button> and card.
 */
import { render } from 'preact';
import { useRef, useState } from 'preact/hooks';
import type { SentenceResult } from '../messages/protocol';
import type { BadgeStyle } from '../settings/schema';
import css from './badge.css?inline';
import { Card } from './card';
import { Icon } from './icons';
import { badgeName, badgeText } from './labels';
import { later } from './lifecycle';
import { BADGE_TAG, removeBadgeHost } from './place';

interface BadgeProps {
  result: SentenceResult;
  style: BadgeStyle;
  signal: AbortSignal;
  /** Hover/focus on the badge: emphasize its sentence (true) or stop (false). */
  emphasize(on: boolean): void;
}

function Badge({ result, style, signal, emphasize }: BadgeProps) {
  const [open, setOpen] = useState(false);
  const button = useRef<HTMLButtonElement>(null);
  // The sentence stays emphasized while the badge is hovered, focused, or its card is open.
  const why = useRef({ hover: false, focus: false, open: false });
  const because = (reason: 'hover' | 'focus' | 'open', on: boolean) => {
    why.current[reason] = on;
    const { hover, focus, open } = why.current;
    emphasize(hover || focus || open);
  };
  const toggle = (next: boolean) => {
    setOpen(next);
    because('open', next);
  };
  const close = (refocus: boolean) => {
    toggle(false);
    if (refocus) button.current?.focus();
  };
  return (
    <>
      <button
        type="button"
        ref={button}
        class={`badge ${result.verdict}`}
        aria-label={badgeName(result)}
        aria-haspopup="dialog"
        aria-expanded={open ? 'true' : 'false'}
        onClick={() => toggle(!open)}
        onKeyDown={(e) => {
          if (e.key === 'Escape' && open) close(true);
        }}
        onMouseEnter={() => because('hover', true)}
        onMouseLeave={() => because('hover', false)}
        onFocus={() => because('focus', true)}
        onBlur={() => because('focus', false)}
      >
        <Icon verdict={result.verdict} />
        <span class="text" aria-hidden="true">
          {badgeText(result, style)}
        </span>
      </button>
      {open && button.current && <Card result={result} anchor={button.current} onClose={close} signal={signal} />}
    </>
  );
}

/** A detached badge host, rendered and ready to insert. */
export function createBadge(props: BadgeProps): HTMLElement {
  const host = document.createElement(BADGE_TAG);
  const shadow = host.attachShadow({ mode: 'open' });
  render(
    <>
      <style>{css}</style>
      <Badge {...props} />
    </>,
    shadow,
  );
  return host;
}

/** Unmounts (running effect cleanups) and removes a badge, joining any text node it split. */
export function removeBadge(host: Element): void {
  if (host.shadowRoot) render(null, host.shadowRoot);
  removeBadgeHost(host);
}

/** Briefly draws attention to a badge (after the popup asked to reveal its sentence). */
export function flashBadge(host: Element, signal: AbortSignal, ms: number): void {
  const button = host.shadowRoot?.querySelector('button.badge');
  if (!button) return;
  button.classList.add('flash');
  later(signal, ms, () => button.classList.remove('flash'));
}

/** Removes badges left by an earlier instance of the script (extension reloaded or updated). */
export function sweepBadges(doc: Document): void {
  // Their script is gone (or orphaned): only the DOM is left to undo.
  for (const host of Array.from(doc.querySelectorAll(BADGE_TAG))) removeBadgeHost(host);
}

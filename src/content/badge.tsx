/**
 * A badge: <cred-badge> (our element, never defined: content scripts have no usable
 * customElements registry in Chrome, and attachShadow works on any valid custom-element name)
 * with a closed shadow root holding its CSS and a Preact-rendered <button> and card. Closed: the
 * page's scripts get `host.shadowRoot === null`, so they can neither read what a badge and its
 * card say nor change it. The CSS is a constructed stylesheet (adoptedStyleSheets), which a
 * page's Content-Security-Policy does not block the way it blocks a <style> element; where a
 * content script cannot adopt one (Firefox), rules are inserted into an empty <style> through the
 * CSSOM, which a CSP does not block either.
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
        onClick={(e) => {
          // Only the reader opens a card: a click the page's script made up does nothing.
          if (e.isTrusted) toggle(!open);
        }}
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

/** Our shadow roots by host (closed roots are not reachable through the host). */
const roots = new WeakMap<Element, ShadowRoot>();

/**
 * Tests only: open shadow roots, so that test code in the page can inspect badges. Set from the
 * storage.local key INSPECTABLE_KEY, which only the extension itself (or a developer) can write.
 */
export const INSPECTABLE_KEY = 'debug:inspectable-badges';
let mode: ShadowRootMode = 'closed';
export function setInspectable(on: boolean): void {
  mode = on ? 'open' : 'closed';
}

let sheet: CSSStyleSheet | null | undefined;
/** The badge CSS as one constructed stylesheet shared by all badges, or null where unsupported. */
function badgeSheet(): CSSStyleSheet | null {
  if (sheet === undefined) {
    try {
      sheet = new CSSStyleSheet();
      sheet.replaceSync(css);
    } catch {
      sheet = null;
    }
  }
  return sheet;
}

/** A detached badge host, rendered and ready to insert. */
export function createBadge(props: BadgeProps): HTMLElement {
  const host = document.createElement(BADGE_TAG);
  const shadow = host.attachShadow({ mode });
  roots.set(host, shadow);
  let adopted = false;
  const shared = badgeSheet();
  if (shared) {
    try {
      shadow.adoptedStyleSheets = [shared];
      adopted = true;
    } catch {
      // Fall back to a <style> element (which a strict page CSP may block).
    }
  }
  render(
    <>
      {!adopted && <style />}
      <Badge {...props} />
    </>,
    shadow,
  );
  if (!adopted) fillStyle(shadow.querySelector('style'));
  return host;
}

/**
 * Where a shadow root cannot adopt a constructed sheet (Firefox content scripts, bug 1770592),
 * the CSS goes into an empty <style> element through the CSSOM (`insertRule`): a page's CSP
 * blocks inline style text, not rules added by script. The rules come parsed from the
 * constructed sheet, or from a <style> in a detached document (which has no CSP).
 */
function fillStyle(style: HTMLStyleElement | null): void {
  const target = style?.sheet;
  if (!style) return;
  if (!target) {
    style.textContent = css; // no sheet at all: the text is all that is left to try
    return;
  }
  for (const rule of parsedRules()) {
    try {
      target.insertRule(rule, target.cssRules.length);
    } catch {
      // a rule this browser does not know: skip it, as it would in a style sheet
    }
  }
}

let rules: string[] | undefined;
function parsedRules(): string[] {
  if (!rules) {
    let parsed: CSSRuleList | undefined;
    try {
      parsed = badgeSheet()?.cssRules;
    } catch {
      parsed = undefined;
    }
    if (!parsed?.length) {
      const doc = document.implementation.createHTMLDocument('');
      const el = doc.createElement('style');
      el.textContent = css;
      doc.head.append(el);
      parsed = el.sheet?.cssRules;
    }
    rules = Array.from(parsed ?? [], (r) => r.cssText);
  }
  return rules;
}

/** Unmounts (running effect cleanups) and removes a badge, joining any text node it split. */
export function removeBadge(host: Element): void {
  const root = roots.get(host);
  if (root) render(null, root);
  roots.delete(host);
  removeBadgeHost(host);
}

/** Briefly draws attention to a badge (after the popup asked to reveal its sentence). */
export function flashBadge(host: Element, signal: AbortSignal, ms: number): void {
  const button = roots.get(host)?.querySelector('button.badge');
  if (!button) return;
  button.classList.add('flash');
  later(signal, ms, () => button.classList.remove('flash'));
}

export interface BadgeReport {
  verdict: string;
  /** The button's accessible name and its visible text. */
  label: string;
  text: string;
  /** The open card's text, or null. */
  card: string | null;
  shadow: ShadowRootMode;
}

/** What a badge says, read from its shadow root (for the diagnostics tab message). */
export function describeBadge(host: Element): BadgeReport | null {
  const root = roots.get(host);
  const button = root?.querySelector('button.badge');
  if (!root || !button) return null;
  const squash = (s: string | null | undefined) => (s ?? '').replace(/\s+/g, ' ').trim();
  return {
    verdict: button.classList.item(1) ?? '',
    label: button.getAttribute('aria-label') ?? '',
    text: squash(button.textContent),
    card: root.querySelector('.card') ? squash(root.querySelector('.card')?.textContent) : null,
    shadow: root.mode,
  };
}

/** Removes badges left by an earlier instance of the script (extension reloaded or updated). */
export function sweepBadges(doc: Document): void {
  // Their script is gone (or orphaned): only the DOM is left to undo.
  for (const host of Array.from(doc.querySelectorAll(BADGE_TAG))) removeBadgeHost(host);
}

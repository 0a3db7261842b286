/**
 * User-facing strings, from `public/_locales/<lang>/messages.json` through browser.i18n, so the
 * extension can be translated. Keys are checked at compile time against the English file.
 * Plurals: `tn('sentences', n)` picks `sentences_one` or `sentences_other` (English rules;
 * browser.i18n has no plural support, and two forms are what the locales we ship need).
 */
import browser from 'webextension-polyfill';
import type messages from '../public/_locales/en/messages.json';

export type MessageKey = keyof typeof messages;
type PluralBase = MessageKey extends infer K ? (K extends `${infer B}_one` ? B : never) : never;

export function t(key: MessageKey, ...substitutions: (string | number)[]): string {
  // getMessage returns '' for an unknown key: show the key rather than nothing.
  return browser.i18n.getMessage(key, substitutions.map(String)) || key;
}

/** A counted phrase: `count` is the first substitution. */
export function tn(base: PluralBase, count: number, ...rest: (string | number)[]): string {
  return t(`${base}_${count === 1 ? 'one' : 'other'}` as MessageKey, count, ...rest);
}

/** "a, b, c" in the UI language. */
export function list(items: string[]): string {
  return items.join(t('listSeparator'));
}

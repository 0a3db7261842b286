/** Messages from the background or extension pages to a content script: who may send them. */
import { describe, expect, it } from 'vitest';
import { checkTabReply, receiveInTab } from '../../src/messages/protocol';

const self = { id: 'ext-id', origin: 'chrome-extension://ext-id/' };
const reveal = { type: 'background:reveal', id: 3 };

describe('receiveInTab', () => {
  it('accepts messages from the background and from extension pages, in a tab or not', () => {
    for (const sender of [
      { id: 'ext-id' },
      { id: 'ext-id', url: 'chrome-extension://ext-id/service-worker-loader.js' },
      { id: 'ext-id', url: 'chrome-extension://ext-id/src/popup/index.html' },
      // Firefox: the popup opened as a tab
      { id: 'ext-id', url: 'chrome-extension://ext-id/src/popup/index.html?tab=4', tab: { id: 9 } },
    ]) {
      expect(receiveInTab(reveal, sender, self), JSON.stringify(sender)).toEqual({ ok: true, message: reveal });
    }
    expect(receiveInTab({ type: 'background:ping' }, { id: 'ext-id' }, self).ok).toBe(true);
  });

  it('rejects other senders and malformed messages', () => {
    expect(receiveInTab(reveal, { id: 'other' }, self).ok).toBe(false);
    expect(receiveInTab(reveal, { id: 'ext-id', url: 'https://news.example/', tab: { id: 2 } }, self).ok).toBe(false);
    for (const raw of [null, { type: 'background:reveal', id: -1 }, { type: 'background:reveal' }, { type: 'x' }]) {
      expect(receiveInTab(raw, { id: 'ext-id' }, self).ok, JSON.stringify(raw)).toBe(false);
    }
  });
});

describe('checkTabReply', () => {
  it('passes valid replies and throws on others', () => {
    expect(checkTabReply('background:ping', { url: 'https://a/' })).toEqual({ url: 'https://a/' });
    expect(checkTabReply('background:reveal', { found: false })).toEqual({ found: false });
    expect(() => checkTabReply('background:reveal', undefined)).toThrow(/bad reply/);
  });
});

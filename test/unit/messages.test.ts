import { describe, expect, it } from 'vitest';
import { checkReply, receive, type SenderInfo } from '../../src/messages/protocol';

const self = { id: 'ext-id', origin: 'chrome-extension://ext-id/' };
const contentSender: SenderInfo = {
  id: 'ext-id',
  url: 'https://news.example/a',
  tab: { id: 7, url: 'https://news.example/a' },
};
const popupSender: SenderInfo = { id: 'ext-id', url: 'chrome-extension://ext-id/src/popup/index.html' };
const check = {
  type: 'content:check',
  url: 'https://news.example/a',
  title: 'T',
  published: null,
  sentences: [{ id: 0, text: 'A sentence.' }],
};

describe('receive', () => {
  it('accepts a check request from a content script in a tab', () => {
    const got = receive(check, contentSender, self);
    expect(got).toMatchObject({ ok: true, from: 'content', tabId: 7, message: check });
  });

  it('accepts popup:get-summary from an extension page', () => {
    expect(receive({ type: 'popup:get-summary', tabId: 3 }, popupSender, self)).toMatchObject({
      ok: true,
      from: 'popup',
    });
  });

  it('rejects messages from another extension', () => {
    expect(receive(check, { ...contentSender, id: 'other' }, self)).toMatchObject({ ok: false });
  });

  it('rejects content messages without a tab, or from an extension page', () => {
    expect(receive(check, { id: 'ext-id', url: 'https://x/' }, self).ok).toBe(false);
    expect(receive(check, { ...popupSender, tab: { id: 1 } }, self).ok).toBe(false);
  });

  it('rejects popup messages from a web page', () => {
    expect(receive({ type: 'popup:get-summary', tabId: 3 }, contentSender, self).ok).toBe(false);
  });

  it('rejects malformed or unknown messages', () => {
    for (const raw of [
      null,
      'content:check',
      { type: 'content:scan-result', url: 'https://news.example/a', title: 'T', paragraphs: [] },
      { ...check, url: 1 },
      { ...check, extra: true },
      { ...check, sentences: [1] },
      { ...check, published: 'Tuesday' },
      { type: 'content:unknown' },
      { type: 'background:whatever' },
    ]) {
      expect(receive(raw, contentSender, self).ok, JSON.stringify(raw)).toBe(false);
    }
    expect(receive({ type: 'popup:get-summary', tabId: -1 }, popupSender, self).ok).toBe(false);
    expect(receive({ type: 'popup:get-summary', tabId: 1.5 }, popupSender, self).ok).toBe(false);
  });
});

describe('checkReply', () => {
  it('passes a valid reply and throws on an invalid one', () => {
    expect(checkReply('popup:get-summary', { summary: null })).toEqual({ summary: null });
    expect(() => checkReply('popup:get-summary', undefined)).toThrow(/bad reply/);
    expect(() => checkReply('content:check', { onTopic: true })).toThrow(/bad reply/);
  });
});

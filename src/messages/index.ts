/**
 * The only place that talks to runtime messaging. Senders call `send()`;
 * the background registers typed handlers with `listen()`. Every message is
 * validated (shape and sender) on receipt, and every reply before use.
 */
import browser, { type Runtime } from 'webextension-polyfill';
import {
  type ContentMessage,
  checkReply,
  type MessageOf,
  type MessageType,
  type PopupMessage,
  type ReplyOf,
  receive,
} from './protocol';

export * from './protocol';

export async function send<T extends MessageType>(message: MessageOf<T>): Promise<ReplyOf<T>> {
  const reply: unknown = await browser.runtime.sendMessage(message);
  return checkReply(message.type as T, reply);
}

export interface ContentContext {
  tabId: number;
  /** The tab's URL as the browser reports it (needs host permission). */
  tabUrl: string | undefined;
}

export type Handlers = {
  [T in ContentMessage['type']]: (msg: MessageOf<T>, ctx: ContentContext) => Promise<ReplyOf<T>>;
} & {
  [T in PopupMessage['type']]: (msg: MessageOf<T>) => Promise<ReplyOf<T>>;
};

/** Registers the background's handlers. Returns a function that removes them. */
export function listen(handlers: Handlers): () => void {
  const self = { id: browser.runtime.id, origin: browser.runtime.getURL('') };
  const listener = (raw: unknown, sender: Runtime.MessageSender) => {
    const got = receive(raw, sender, self);
    if (!got.ok) {
      console.warn('[credibility-overlay] rejected message:', got.error);
      // Not answering makes the sender's promise reject (or resolve to
      // undefined, which `send` rejects as a bad reply).
      return undefined;
    }
    // A returned promise is the reply (webextension-polyfill semantics).
    // `receive` has checked that the message matches its type, and `Handlers`
    // has one handler per type, so this lookup is sound.
    type AnyHandler = (m: unknown, ctx?: ContentContext) => Promise<unknown>;
    const handler = handlers[got.message.type] as AnyHandler;
    return got.from === 'content'
      ? handler(got.message, { tabId: got.tabId, tabUrl: got.tabUrl })
      : handler(got.message);
  };
  browser.runtime.onMessage.addListener(listener);
  return () => browser.runtime.onMessage.removeListener(listener);
}

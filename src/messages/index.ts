/**
 * The only place that talks to runtime messaging. Senders call `send()`;
 * the background registers typed handlers with `listen()`. Messages to a tab's
 * content script go with `sendToTab()` and arrive through `listenInTab()`.
 * Every message is validated (shape and sender) on receipt, and every reply before use.
 */
import browser, { type Runtime } from 'webextension-polyfill';
import {
  type ContentMessage,
  checkReply,
  checkTabReply,
  type DroppedCounts,
  type MessageOf,
  type MessageType,
  type PopupMessage,
  type Rejected,
  type ReplyOf,
  receive,
  receiveInTab,
  type TabMessageOf,
  type TabMessageType,
  type TabReplyOf,
} from './protocol';

export * from './protocol';

/**
 * Messages this context dropped on receipt: from a sender that may not send them (another
 * extension, a web page's content-script context, a page posing as an extension page) or not
 * matching their type. Counted per extension context (the background, each content script).
 */
const dropped = { total: 0, sender: 0, invalid: 0 };

export function droppedMessages(): DroppedCounts {
  return { ...dropped };
}

function drop(where: string, { reason, error }: Rejected): void {
  dropped.total++;
  dropped[reason]++;
  console.warn(`[credibility-overlay] rejected ${where}:`, error);
}

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
      drop('message', got);
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

// ---- to a tab's content script ------------------------------------------------

/** Sends a message to our content script in `tabId` (from the background or an extension page). */
export async function sendToTab<T extends TabMessageType>(
  tabId: number,
  message: TabMessageOf<T>,
): Promise<TabReplyOf<T>> {
  const reply: unknown = await browser.tabs.sendMessage(tabId, message);
  return checkTabReply(message.type as T, reply);
}

/**
 * The page's URL if our content script runs in `tabId`, else null (a page extensions may not
 * script, or one loaded before the extension was installed or reloaded).
 */
export async function contentScriptIn(tabId: number): Promise<string | null> {
  try {
    return (await sendToTab(tabId, { type: 'background:ping' })).url;
  } catch {
    return null;
  }
}

export type TabHandlers = {
  [T in Exclude<TabMessageType, 'background:ping'>]: (msg: TabMessageOf<T>) => Promise<TabReplyOf<T>>;
};

/**
 * Registers a content script's handlers for tab messages (`background:ping` is answered here).
 * Returns a function that removes them.
 */
export function listenInTab(handlers: TabHandlers): () => void {
  const self = { id: browser.runtime.id, origin: browser.runtime.getURL('') };
  const listener = (raw: unknown, sender: Runtime.MessageSender) => {
    const got = receiveInTab(raw, sender, self);
    if (!got.ok) {
      drop('tab message', got);
      return undefined;
    }
    if (got.message.type === 'background:ping') return Promise.resolve({ url: location.href });
    type AnyHandler = (m: unknown) => Promise<unknown>;
    return (handlers[got.message.type] as AnyHandler)(got.message);
  };
  browser.runtime.onMessage.addListener(listener);
  return () => browser.runtime.onMessage.removeListener(listener);
}

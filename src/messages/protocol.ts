/**
 * Every message between content script, background and popup: types, schemas
 * and the checks run on receipt. Pure (no `browser`), so unit tests import it.
 * Message names are prefixed by the sender: `content:*`, `popup:*`.
 */
import * as v from 'valibot';

const MAX_PARAGRAPHS = 2000;
const MAX_TEXT = 50_000;
/** A page's article is cut at this many sentences: enough for any real article. */
export const MAX_SENTENCES = 3000;

const text = v.pipe(v.string(), v.maxLength(MAX_TEXT));

// ---- content script -> background ----------------------------------------

export const ContentScanResult = v.strictObject({
  type: v.literal('content:scan-result'),
  url: text,
  title: text,
  paragraphs: v.pipe(v.array(text), v.maxLength(MAX_PARAGRAPHS)),
});

/** Sentences of the page's article, to be judged against the dataset. */
export const ContentCheck = v.strictObject({
  type: v.literal('content:check'),
  url: text,
  title: text,
  /** Publication date of the page (YYYY-MM-DD), anchors "on Tuesday", "last month". */
  published: v.nullable(v.pipe(v.string(), v.regex(/^\d{4}-\d{2}-\d{2}$/u))),
  sentences: v.pipe(
    v.array(
      v.strictObject({
        id: v.pipe(v.number(), v.integer(), v.minValue(0)),
        text: v.pipe(v.string(), v.maxLength(5000)),
      }),
    ),
    v.maxLength(MAX_SENTENCES),
  ),
});

export const ContentMessage = v.variant('type', [ContentScanResult, ContentCheck]);
export type ContentMessage = v.InferOutput<typeof ContentMessage>;

// ---- popup (and other extension pages) -> background ----------------------

export const PopupGetSummary = v.strictObject({
  type: v.literal('popup:get-summary'),
  tabId: v.pipe(v.number(), v.integer(), v.minValue(0)),
});

export const PopupMessage = v.variant('type', [PopupGetSummary]);
export type PopupMessage = v.InferOutput<typeof PopupMessage>;

// ---- replies ------------------------------------------------------------

/** What the background keeps per tab and shows in the popup. */
export const TabSummary = v.strictObject({
  url: v.string(),
  title: v.string(),
  paragraphCount: v.number(),
  /** First words of each paragraph (at most MAX_EXCERPTS of them). */
  excerpts: v.array(v.string()),
  updatedAt: v.number(),
});
export type TabSummary = v.InferOutput<typeof TabSummary>;

export const ScanAck = v.strictObject({ ok: v.literal(true), paragraphCount: v.number() });

export const VerdictSchema = v.picklist(['corroborated', 'conflict', 'disputed', 'none']);
export const EvidenceSchema = v.strictObject({
  file: v.string(),
  outlet: v.string(),
  published: v.string(),
  text: v.string(),
  stance: v.picklist(['supports', 'contradicts']),
});
export const DetailSchema = v.strictObject({
  kind: v.picklist(['date', 'number', 'person', 'place', 'order', 'negation', 'other']),
  page: v.string(),
  source: v.string(),
});
/** The verdict on one page sentence (sentences judged `none` are not sent back). */
export const SentenceResult = v.strictObject({
  id: v.number(),
  verdict: VerdictSchema,
  independent: v.number(),
  evidence: v.pipe(v.array(EvidenceSchema), v.maxLength(20)),
  detail: v.nullable(DetailSchema),
});
export type SentenceResult = v.InferOutput<typeof SentenceResult>;
export const CheckReply = v.strictObject({
  /** False when the page is not about what the dataset covers: no badges at all. */
  onTopic: v.boolean(),
  results: v.array(SentenceResult),
});
export type CheckReply = v.InferOutput<typeof CheckReply>;
export const SummaryReply = v.strictObject({ summary: v.nullable(TabSummary) });

/** Reply schema for each request type. */
export const Replies = {
  'content:scan-result': ScanAck,
  'content:check': CheckReply,
  'popup:get-summary': SummaryReply,
} as const;

export type AnyMessage = ContentMessage | PopupMessage;
export type MessageType = AnyMessage['type'];
export type MessageOf<T extends MessageType> = Extract<AnyMessage, { type: T }>;
export type ReplyOf<T extends MessageType> = v.InferOutput<(typeof Replies)[T]>;

// ---- checks on receipt ----------------------------------------------------

/** The subset of runtime.MessageSender that we rely on. */
export interface SenderInfo {
  id?: string | undefined;
  url?: string | undefined;
  tab?: { id?: number | undefined; url?: string | undefined } | undefined;
}

export interface Self {
  /** runtime.id */
  id: string;
  /** runtime.getURL(''), e.g. chrome-extension://abc/ */
  origin: string;
}

export type Received =
  | { ok: true; from: 'content'; message: ContentMessage; tabId: number; tabUrl: string | undefined }
  | { ok: true; from: 'popup'; message: PopupMessage }
  | { ok: false; error: string };

const isExtensionPage = (sender: SenderInfo, self: Self) =>
  typeof sender.url === 'string' && sender.url.startsWith(self.origin);

/**
 * Validates a raw message and who sent it. Content-script messages must come
 * from our own content script in a tab; popup messages from one of our own
 * extension pages (popup, options, or the popup opened as a tab).
 */
export function receive(raw: unknown, sender: SenderInfo, self: Self): Received {
  if (sender.id !== self.id) return { ok: false, error: 'foreign sender' };
  const type = typeof raw === 'object' && raw !== null ? (raw as { type?: unknown }).type : undefined;
  if (typeof type !== 'string') return { ok: false, error: 'not a message' };

  if (type.startsWith('content:')) {
    const tabId = sender.tab?.id;
    if (typeof tabId !== 'number' || tabId < 0 || isExtensionPage(sender, self)) {
      return { ok: false, error: `${type}: not from a content script in a tab` };
    }
    const parsed = v.safeParse(ContentMessage, raw);
    if (!parsed.success) return { ok: false, error: `${type}: ${v.summarize(parsed.issues)}` };
    return { ok: true, from: 'content', message: parsed.output, tabId, tabUrl: sender.tab?.url };
  }

  if (type.startsWith('popup:')) {
    if (!isExtensionPage(sender, self)) return { ok: false, error: `${type}: not from an extension page` };
    const parsed = v.safeParse(PopupMessage, raw);
    if (!parsed.success) return { ok: false, error: `${type}: ${v.summarize(parsed.issues)}` };
    return { ok: true, from: 'popup', message: parsed.output };
  }

  return { ok: false, error: `unknown message type ${type}` };
}

/** Validates a reply before handing it to the caller. */
export function checkReply<T extends MessageType>(type: T, raw: unknown): ReplyOf<T> {
  const parsed = v.safeParse(Replies[type], raw);
  if (!parsed.success) throw new Error(`bad reply to ${type}: ${v.summarize(parsed.issues)}`);
  return parsed.output as ReplyOf<T>;
}

/**
 * Every message between content script, background and popup: types, schemas
 * and the checks run on receipt. Pure (no `browser`), so unit tests import it.
 * Message names are prefixed by the sender: `content:*`, `popup:*` (popup and options page),
 * `background:*` (background or extension pages to a content script).
 */
import * as v from 'valibot';

const MAX_TEXT = 50_000;
/** A page's article is cut at this many sentences: enough for any real article. */
export const MAX_SENTENCES = 3000;

const text = v.pipe(v.string(), v.maxLength(MAX_TEXT));
/** Imported dataset files: a big corpus gives a few MB; runtime messages carry up to 64 MiB. */
const MAX_DATASET_TEXT = 50_000_000;

// ---- content script -> background ----------------------------------------

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

export const ContentMessage = v.variant('type', [ContentCheck]);
export type ContentMessage = v.InferOutput<typeof ContentMessage>;

// ---- popup (and other extension pages) -> background ----------------------

export const PopupGetSummary = v.strictObject({
  type: v.literal('popup:get-summary'),
  tabId: v.pipe(v.number(), v.integer(), v.minValue(0)),
});

/** The dataset in use, for the options page to show (and audit). */
export const PopupGetDataset = v.strictObject({ type: v.literal('popup:get-dataset') });

/** A dataset file's text (built with `npm run dataset`) to use instead of the current one. */
export const PopupImportDataset = v.strictObject({
  type: v.literal('popup:import-dataset'),
  text: v.pipe(v.string(), v.maxLength(MAX_DATASET_TEXT)),
});

/** Go back to the bundled dataset. */
export const PopupResetDataset = v.strictObject({ type: v.literal('popup:reset-dataset') });

/** How many messages the background has dropped (wrong sender or malformed): for tests and debugging. */
export const PopupGetDiagnostics = v.strictObject({ type: v.literal('popup:get-diagnostics') });

export const PopupMessage = v.variant('type', [
  PopupGetSummary,
  PopupGetDataset,
  PopupImportDataset,
  PopupResetDataset,
  PopupGetDiagnostics,
]);
export type PopupMessage = v.InferOutput<typeof PopupMessage>;

// ---- background or extension pages -> content script (one tab) -------------

/** Is our content script running in this tab? `listenInTab` answers it by itself. */
export const BackgroundPing = v.strictObject({ type: v.literal('background:ping') });

/** Scroll the page to a judged sentence (an id from `content:check`) and flash it. */
export const BackgroundReveal = v.strictObject({
  type: v.literal('background:reveal'),
  id: v.pipe(v.number(), v.integer(), v.minValue(0)),
});

/** What the content script has done on the page and what it cost (for tests and debugging). */
export const BackgroundDiagnostics = v.strictObject({ type: v.literal('background:diagnostics') });

export const TabMessage = v.variant('type', [BackgroundPing, BackgroundReveal, BackgroundDiagnostics]);
export type TabMessage = v.InferOutput<typeof TabMessage>;
export type TabMessageType = TabMessage['type'];
export type TabMessageOf<T extends TabMessageType> = Extract<TabMessage, { type: T }>;

/** Messages dropped on receipt in one extension context, by why. */
export const DroppedCounts = v.strictObject({ total: v.number(), sender: v.number(), invalid: v.number() });
export type DroppedCounts = v.InferOutput<typeof DroppedCounts>;

export const ContentDiagnostics = v.strictObject({
  /** Main-thread time the content script has used on this page load, its longest step, its steps (ms). */
  busyMs: v.number(),
  longestMs: v.number(),
  steps: v.number(),
  /** Errors caught inside its steps, and the last one. */
  errors: v.number(),
  lastError: v.nullable(v.string()),
  budget: v.strictObject({ viewMs: v.number(), pageMs: v.number() }),
  /** The current page view: its state, why it stopped (a cap or the budget), what it did. */
  view: v.strictObject({
    state: v.string(),
    stopped: v.nullable(v.string()),
    scans: v.number(),
    sentences: v.number(),
    badges: v.number(),
    created: v.number(),
    usedMs: v.number(),
    highlights: v.boolean(),
  }),
  /** Tab messages the content script dropped (wrong sender or malformed). */
  droppedMessages: v.number(),
  /** What each badge on the page says, read from its shadow root. */
  badges: v.array(
    v.strictObject({
      verdict: v.string(),
      label: v.string(),
      text: v.string(),
      card: v.nullable(v.string()),
      shadow: v.picklist(['open', 'closed']),
    }),
  ),
});
export type ContentDiagnostics = v.InferOutput<typeof ContentDiagnostics>;

export const TabReplies = {
  /** The page's URL (the extension may not see tab URLs otherwise). */
  'background:ping': v.strictObject({ url: v.string() }),
  /** Whether the sentence was found on the page. */
  'background:reveal': v.strictObject({ found: v.boolean() }),
  'background:diagnostics': ContentDiagnostics,
} as const;
export type TabReplyOf<T extends TabMessageType> = v.InferOutput<(typeof TabReplies)[T]>;

// ---- replies ------------------------------------------------------------

export const VerdictSchema = v.picklist(['corroborated', 'conflict', 'disputed', 'none']);
export const EvidenceSchema = v.strictObject({
  file: v.string(),
  /** Sources of one origin are copies of one another (one independent witness). */
  origin: v.pipe(v.number(), v.integer(), v.minValue(0)),
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
/** Counts of judged sentences per verdict ('none' is not counted). */
export const VerdictCounts = v.strictObject({ conflict: v.number(), disputed: v.number(), corroborated: v.number() });
export type VerdictCounts = v.InferOutput<typeof VerdictCounts>;

/**
 * What the background keeps per tab (from the page's `content:check` and its reply) and the popup
 * and toolbar badge show.
 */
export const TabSummary = v.strictObject({
  url: v.string(),
  title: v.string(),
  /** Whether the page had an article (any sentences to check). */
  article: v.boolean(),
  /** Whether the article is about what the dataset covers (false: no verdicts at all). */
  onTopic: v.boolean(),
  sentenceCount: v.number(),
  counts: VerdictCounts,
  /** The judged sentences, in page order, with their page text. */
  judged: v.array(v.strictObject({ ...SentenceResult.entries, text: v.string() })),
  dataset: v.strictObject({ name: v.string(), sources: v.number(), origins: v.number() }),
  updatedAt: v.number(),
});
export type TabSummary = v.InferOutput<typeof TabSummary>;
export type JudgedSentence = TabSummary['judged'][number];

export const SummaryReply = v.strictObject({ summary: v.nullable(TabSummary) });

const DisagreementSide = v.strictObject({
  source: v.string(),
  outlet: v.string(),
  text: v.string(),
  value: v.string(),
});
/** The dataset in use as the options page shows it: everything but the claims and the lexicon. */
export const DatasetInfo = v.strictObject({
  name: v.string(),
  schemaVersion: v.number(),
  asOf: v.string(),
  /** False for the dataset bundled with the extension. */
  imported: v.boolean(),
  claims: v.number(),
  sources: v.array(
    v.strictObject({
      id: v.string(),
      outlet: v.string(),
      published: v.string(),
      origin: v.number(),
      headline: v.nullable(v.string()),
      url: v.optional(v.string()),
    }),
  ),
  /** Groups of sources found to be copies of one original, with the builder's reason. */
  origins: v.array(v.strictObject({ id: v.number(), sources: v.array(v.string()), reason: v.string() })),
  /** Where two sources state the same fact with a different detail: both sentences. */
  disagreements: v.array(v.strictObject({ kind: DetailSchema.entries.kind, a: DisagreementSide, b: DisagreementSide })),
});
export type DatasetInfo = v.InferOutput<typeof DatasetInfo>;
export const ImportReply = v.union([
  v.strictObject({ ok: v.literal(true), info: DatasetInfo }),
  v.strictObject({ ok: v.literal(false), error: v.string() }),
]);
export type ImportReply = v.InferOutput<typeof ImportReply>;

/** Reply schema for each request type. */
export const Replies = {
  'content:check': CheckReply,
  'popup:get-summary': SummaryReply,
  'popup:get-dataset': DatasetInfo,
  'popup:import-dataset': ImportReply,
  'popup:reset-dataset': DatasetInfo,
  'popup:get-diagnostics': v.strictObject({ dropped: DroppedCounts }),
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

/** A message dropped on receipt: from a sender that may not send it, or not matching its type. */
export type Rejected = { ok: false; reason: 'sender' | 'invalid'; error: string };

export type Received =
  | { ok: true; from: 'content'; message: ContentMessage; tabId: number; tabUrl: string | undefined }
  | { ok: true; from: 'popup'; message: PopupMessage }
  | Rejected;

const isExtensionPage = (sender: SenderInfo, self: Self) =>
  typeof sender.url === 'string' && sender.url.startsWith(self.origin);

/**
 * Validates a raw message and who sent it. Content-script messages must come
 * from our own content script in a tab; popup messages from one of our own
 * extension pages (popup, options, or the popup opened as a tab).
 */
export function receive(raw: unknown, sender: SenderInfo, self: Self): Received {
  if (sender.id !== self.id) return { ok: false, reason: 'sender', error: 'foreign sender' };
  const type = typeof raw === 'object' && raw !== null ? (raw as { type?: unknown }).type : undefined;
  if (typeof type !== 'string') return { ok: false, reason: 'invalid', error: 'not a message' };

  if (type.startsWith('content:')) {
    const tabId = sender.tab?.id;
    if (typeof tabId !== 'number' || tabId < 0 || isExtensionPage(sender, self)) {
      return { ok: false, reason: 'sender', error: `${type}: not from a content script in a tab` };
    }
    const parsed = v.safeParse(ContentMessage, raw);
    if (!parsed.success) return { ok: false, reason: 'invalid', error: `${type}: ${v.summarize(parsed.issues)}` };
    return { ok: true, from: 'content', message: parsed.output, tabId, tabUrl: sender.tab?.url };
  }

  if (type.startsWith('popup:')) {
    if (!isExtensionPage(sender, self)) {
      return { ok: false, reason: 'sender', error: `${type}: not from an extension page` };
    }
    const parsed = v.safeParse(PopupMessage, raw);
    if (!parsed.success) return { ok: false, reason: 'invalid', error: `${type}: ${v.summarize(parsed.issues)}` };
    return { ok: true, from: 'popup', message: parsed.output };
  }

  return { ok: false, reason: 'invalid', error: `unknown message type ${type}` };
}

/** Validates a reply before handing it to the caller. */
export function checkReply<T extends MessageType>(type: T, raw: unknown): ReplyOf<T> {
  const parsed = v.safeParse(Replies[type], raw);
  if (!parsed.success) throw new Error(`bad reply to ${type}: ${v.summarize(parsed.issues)}`);
  return parsed.output as ReplyOf<T>;
}

/**
 * Validates a message arriving in a content script: from our own extension's background or
 * pages (which may be open in a tab: Firefox then sets `sender.tab`), never from a web page.
 */
export function receiveInTab(
  raw: unknown,
  sender: SenderInfo,
  self: Self,
): { ok: true; message: TabMessage } | Rejected {
  if (sender.id !== self.id) return { ok: false, reason: 'sender', error: 'foreign sender' };
  if (sender.url !== undefined && !isExtensionPage(sender, self)) {
    return { ok: false, reason: 'sender', error: 'tab messages come from the extension, not from web pages' };
  }
  const parsed = v.safeParse(TabMessage, raw);
  if (!parsed.success) return { ok: false, reason: 'invalid', error: v.summarize(parsed.issues) };
  return { ok: true, message: parsed.output };
}

/** Validates a content script's reply to a tab message. */
export function checkTabReply<T extends TabMessageType>(type: T, raw: unknown): TabReplyOf<T> {
  const parsed = v.safeParse(TabReplies[type], raw);
  if (!parsed.success) throw new Error(`bad reply to ${type}: ${v.summarize(parsed.issues)}`);
  return parsed.output as TabReplyOf<T>;
}

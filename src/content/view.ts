/**
 * One page view (one URL): reads the article's sentences, asks the background for verdicts,
 * and badges and highlights the sentences that have one. Everything it creates is owned by its
 * AbortSignal (a child of the page's), and undone when that aborts.
 */
import { type CheckReply, MAX_SENTENCES, type SentenceResult, send } from '../messages';
import { badgesOn, type Settings } from '../settings/schema';
import { createBadge, flashBadge, removeBadge } from './badge';
import { Highlights, highlightsSupported } from './highlights';
import { contextAlive, later, sliced } from './lifecycle';
import { placeBadge, sentenceRange } from './place';
import { articleOf, isArticle, SentenceTable, type Tracked } from './sentences';
import type { Watcher } from './watch';

/** Caps per page view: sentences read and sent, badges shown, rescans after changes. */
const MAX_PAGE_SENTENCES = Math.min(1500, MAX_SENTENCES);
const MAX_BADGES = 300;
const MAX_SCANS = 60;
/** Rescans while the page has no article yet (it may still be rendering). */
const MAX_EMPTY_SCANS = 5;
/** Delay before a rescan after page changes; longer after a huge batch of them. */
const RESCAN_MS = 400;
const RESCAN_HUGE_MS = 2000;
const FLASH_MS = 1800;
/** The protocol's cap on one sentence; longer runs of text are not sentences worth a badge. */
const MAX_SENTENCE_CHARS = 5000;

/** `off`: badges are turned off for this site (or everywhere) in the settings. */
type State = 'new' | 'off' | 'empty' | 'off-topic' | 'on-topic';

interface Badged {
  host: Element;
  range: Range;
}

export interface ViewOptions {
  watcher: Watcher;
  settings: Settings;
  /** Tell the background when this view has no article (after a client-side navigation). */
  reportEmpty: boolean;
  /** The extension context is gone: the page's script must shut down. */
  dead(): void;
}

export class View {
  readonly signal: AbortSignal;
  private readonly controller = new AbortController();
  private readonly table = new SentenceTable(MAX_PAGE_SENTENCES);
  private readonly badges = new Map<number, Badged>();
  private readonly highlights = highlightsSupported() ? new Highlights(document) : null;
  private state: State = 'new';
  private scans = 0;
  private reported = false;
  private running = false;
  private again = false;
  private timer: (() => void) | null = null;

  constructor(
    page: AbortSignal,
    private readonly opts: ViewOptions,
  ) {
    this.signal = AbortSignal.any([page, this.controller.signal]);
    this.signal.addEventListener('abort', () => this.cleanup(), { once: true });
    opts.watcher.setMode('structure');
  }

  dispose(): void {
    this.controller.abort();
  }

  /** The page changed: rescan soon, unless this view has nothing more to do. */
  changed(huge: boolean): void {
    if (this.state === 'off' || this.state === 'off-topic') return;
    if (this.state === 'empty' && this.scans >= MAX_EMPTY_SCANS) return;
    this.schedule(huge ? RESCAN_HUGE_MS : RESCAN_MS);
  }

  /** Scans after `ms`; changes while waiting are picked up by that one scan. */
  schedule(ms: number): void {
    if (this.timer || this.signal.aborted || this.scans >= MAX_SCANS) return;
    this.timer = later(this.signal, ms, () => {
      this.timer = null;
      void this.scan();
    });
  }

  /** Reads the article and badges what is new. `force` re-sends even without new sentences. */
  async scan(force = false): Promise<void> {
    if (this.running) {
      this.again = true;
      return;
    }
    this.running = true;
    try {
      await this.scanOnce(force);
    } catch (err) {
      if (!contextAlive()) return this.opts.dead();
      console.warn('[credibility-overlay] scan failed:', err);
    } finally {
      this.running = false;
    }
    if (this.again) {
      this.again = false;
      this.schedule(RESCAN_MS);
    }
  }

  /** Scrolls to a sentence and flashes it. False if it is not on the page (any more). */
  reveal(id: number): boolean {
    const t = this.table.byId.get(id);
    const found = this.badges.get(id);
    const badge = found?.host.isConnected ? found : undefined;
    const range = badge ? badge.range : t ? sentenceRange(document, t) : null;
    if (!range) return false;
    const target = badge ? badge.host : range.startContainer.parentElement;
    const still = matchMedia('(prefers-reduced-motion: reduce)').matches;
    target?.scrollIntoView({ block: 'center', behavior: still ? 'auto' : 'smooth' });
    if (badge) flashBadge(badge.host, this.signal, FLASH_MS);
    if (this.highlights) {
      this.highlights.emphasize(range);
      later(this.signal, FLASH_MS, () => this.highlights?.unemphasize(range));
    }
    return true;
  }

  private async scanOnce(force: boolean): Promise<void> {
    if (!contextAlive()) return this.opts.dead();
    if (!badgesOn(this.opts.settings, location.href)) {
      this.state = 'off'; // no work at all until the settings change or the page navigates
      this.opts.watcher.setMode('navigation');
      return;
    }
    this.scans++;
    const { blocks, published } = articleOf(document);
    const sentences: Tracked[] = [];
    let added = 0;
    const read = (b: Element) => {
      added += this.table.readBlock(b, sentences);
    };
    await sliced(blocks, read, this.signal);
    if (this.signal.aborted) return;
    this.table.commit(sentences);
    this.prune();

    if (!isArticle(sentences)) {
      this.state = 'empty';
      // Still no article after a few tries: stop looking, watch for navigation only.
      if (this.scans >= MAX_EMPTY_SCANS) this.opts.watcher.setMode('navigation');
      if (this.opts.reportEmpty && !this.reported) await this.check([], published);
      return;
    }
    if (this.state === 'off-topic' || (!added && !force)) return;
    const reply = await this.check(sentences, published);
    if (!reply || this.signal.aborted) return;
    if (!reply.onTopic) {
      // Nothing here for the dataset: stop, and only keep watching for navigation.
      this.state = 'off-topic';
      this.opts.watcher.setMode('navigation');
      return;
    }
    this.state = 'on-topic';
    this.opts.watcher.setMode('article');
    await this.render(reply.results);
  }

  /** One message per scan with all the article's sentences (ids stay stable across scans). */
  private async check(sentences: Tracked[], published: string | null): Promise<CheckReply | null> {
    this.reported = true;
    try {
      return await send({
        type: 'content:check',
        url: location.href.slice(0, 4000),
        title: document.title.slice(0, 1000),
        published,
        sentences: sentences.filter((s) => s.text.length <= MAX_SENTENCE_CHARS).map(({ id, text }) => ({ id, text })),
      });
    } catch (err) {
      if (!contextAlive()) this.opts.dead();
      else console.warn('[credibility-overlay] no verdicts from the background:', err);
      return null;
    }
  }

  private async render(results: SentenceResult[]): Promise<void> {
    const { conflictsOnly } = this.opts.settings;
    const todo = results
      .filter((r) => (conflictsOnly ? r.verdict === 'conflict' : r.verdict !== 'none'))
      .filter((r) => !this.badges.has(r.id) && this.table.byId.has(r.id))
      .slice(0, Math.max(0, MAX_BADGES - this.badges.size));
    // Our own insertions must not wake the observer: drop its records after each slice.
    await sliced(
      todo,
      (r) => this.badge(r),
      this.signal,
      () => this.opts.watcher.drop(),
    );
  }

  private badge(r: SentenceResult): void {
    const t = this.table.byId.get(r.id);
    const range = t && sentenceRange(document, t);
    if (!t || !range || range.endContainer.nodeType !== 3 || r.verdict === 'none') return;
    const highlights = this.highlights;
    const host = createBadge({
      result: r,
      style: this.opts.settings.badgeStyle,
      signal: this.signal,
      emphasize: (on) => (on ? highlights?.emphasize(range) : highlights?.unemphasize(range)),
    });
    if (!placeBadge({ node: range.endContainer as Text, offset: range.endOffset }, t.block, host)) {
      removeBadge(host);
      return;
    }
    this.badges.set(r.id, { host, range });
    highlights?.add(r.verdict, range);
  }

  /** Forgets badges whose paragraph left the page. */
  private prune(): void {
    for (const [id, b] of this.badges) {
      if (b.host.isConnected) continue;
      this.badges.delete(id);
      this.highlights?.remove(b.range);
    }
  }

  private cleanup(): void {
    this.highlights?.clear();
    for (const b of this.badges.values()) removeBadge(b.host);
    this.badges.clear();
    this.opts.watcher.drop();
  }
}

/**
 * One page view (one URL): reads the article's sentences, asks the background for verdicts,
 * and badges and highlights the sentences that have one. Everything it creates is owned by its
 * AbortSignal (a child of the page's), and undone when that aborts.
 */
import { type CheckReply, type SentenceResult, send } from '../messages';
import { badgesOn, type Settings } from '../settings/schema';
import { type BadgeReport, createBadge, describeBadge, flashBadge, removeBadge } from './badge';
import { Highlights, highlightsAffordable } from './highlights';
import { contextAlive, later, sliced } from './lifecycle';
import {
  MAX_BADGES,
  MAX_BADGES_CREATED,
  MAX_PAGE_CHARS,
  MAX_PAGE_SENTENCES,
  MAX_SCANS,
  VIEW_BUDGET_MS,
} from './limits';
import type { Meter, Share } from './meter';
import { placeBadge, sentenceRange } from './place';
import { articleParts, isArticle, SentenceTable, type Tracked } from './sentences';
import type { Watcher } from './watch';

/** Rescans while the page has no article yet (it may still be rendering). */
const MAX_EMPTY_SCANS = 5;
/** Delay before a rescan after page changes; longer after a huge batch of them. */
const RESCAN_MS = 400;
const RESCAN_HUGE_MS = 2000;
/**
 * A page that keeps changing: after QUICK_RESCANS rescans each less than CALM_MS after the one
 * before, every further one waits twice as long (up to MAX_RESCAN_MS).
 */
const CALM_MS = 3000;
const QUICK_RESCANS = 3;
const MAX_RESCAN_MS = 30_000;
const FLASH_MS = 1800;
/** The protocol's cap on one sentence; longer runs of text are not sentences worth a badge. */
const MAX_SENTENCE_CHARS = 5000;

/**
 * `off`: badges are turned off for this site (or everywhere) in the settings; `stopped`: a cap
 * or the time budget was reached (badges stay, nothing more is done).
 */
type State = 'new' | 'off' | 'empty' | 'off-topic' | 'on-topic' | 'stopped';
type StopReason = 'budget' | 'scans' | 'badges';

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
  /** The page load's main-thread meter; this view gets `budget` ms of it (VIEW_BUDGET_MS). */
  meter: Meter;
  budget?: number;
}

/** What a view has done: for the diagnostics tab message. */
export interface ViewReport {
  state: State;
  stopped: StopReason | null;
  scans: number;
  sentences: number;
  badges: number;
  created: number;
  usedMs: number;
  /** Whether this view highlights sentences (the page is small enough to restyle). */
  highlights: boolean;
}

export class View {
  readonly signal: AbortSignal;
  private readonly controller = new AbortController();
  private readonly table = new SentenceTable(MAX_PAGE_SENTENCES);
  private readonly badges = new Map<number, Badged>();
  private readonly highlights: Highlights | null;
  private readonly share: Share;
  private state: State = 'new';
  private stopped: StopReason | null = null;
  private scans = 0;
  private created = 0;
  /** When the last scan began (performance.now()), and how many came quickly one after another. */
  private lastScan = -Infinity;
  private quick = 0;
  private reported = false;
  private running = false;
  private again = false;
  private timer: (() => void) | null = null;

  constructor(
    page: AbortSignal,
    private readonly opts: ViewOptions,
  ) {
    this.signal = AbortSignal.any([page, this.controller.signal]);
    this.share = opts.meter.share(opts.budget ?? VIEW_BUDGET_MS);
    this.highlights = opts.meter.time(() => (highlightsAffordable(document) ? new Highlights(document) : null));
    this.signal.addEventListener('abort', () => this.cleanup(), { once: true });
    opts.watcher.setMode('structure');
  }

  dispose(): void {
    this.controller.abort();
  }

  /** The page changed: rescan soon, unless this view has nothing more to do. */
  changed(huge: boolean): void {
    if (this.state === 'off' || this.state === 'off-topic' || this.state === 'stopped') return;
    if (this.state === 'empty' && this.scans >= MAX_EMPTY_SCANS) return;
    if (this.timer) return;
    const quick = performance.now() - this.lastScan < CALM_MS;
    this.quick = quick ? this.quick + 1 : 0;
    const base = huge ? RESCAN_HUGE_MS : RESCAN_MS;
    this.schedule(Math.min(MAX_RESCAN_MS, base * 2 ** Math.max(0, this.quick - QUICK_RESCANS)));
  }

  /** Scans after `ms`; changes while waiting are picked up by that one scan. */
  schedule(ms: number): void {
    if (this.timer || this.signal.aborted || this.state === 'stopped') return;
    if (this.scans >= MAX_SCANS) {
      this.stop('scans');
      return;
    }
    this.timer = later(this.signal, ms, () => {
      this.timer = null;
      void this.scan();
    });
  }

  report(): ViewReport {
    return {
      state: this.state,
      stopped: this.stopped,
      scans: this.scans,
      sentences: this.table.byId.size,
      badges: [...this.badges.values()].filter((b) => b.host.isConnected).length,
      created: this.created,
      usedMs: this.share.used(),
      highlights: this.highlights !== null,
    };
  }

  /** What each badge on the page says, read from our own (closed) shadow roots. */
  badgeReports(): BadgeReport[] {
    return [...this.badges.values()].flatMap((b) => {
      const r = b.host.isConnected ? describeBadge(b.host) : null;
      return r ? [r] : [];
    });
  }

  /** A cap or the budget is reached: keep the badges, do nothing more but watch for navigation. */
  private stop(reason: StopReason): void {
    if (this.state === 'stopped') return;
    this.state = 'stopped';
    this.stopped = reason;
    this.timer?.();
    this.timer = null;
    this.opts.watcher.setMode('navigation');
  }

  private time<T>(fn: () => T): T {
    return this.opts.meter.time(fn);
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
      this.opts.meter.fail(err);
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
    if (this.state === 'stopped') return;
    if (!badgesOn(this.opts.settings, location.href)) {
      this.state = 'off'; // no work at all until the settings change or the page navigates
      this.opts.watcher.setMode('navigation');
      return;
    }
    if (this.share.spent()) return this.stop('budget');
    this.scans++;
    this.lastScan = performance.now();
    const { paragraphs, published } = this.time(() => articleParts(document));
    const sentences: Tracked[] = [];
    let added = 0;
    let chars = 0;
    const read = (b: Element) => {
      const from = sentences.length;
      added += this.table.readBlock(b, sentences);
      for (let i = from; i < sentences.length; i++) chars += sentences[i]?.text.length ?? 0;
    };
    const full = () => this.table.full(sentences) || chars >= MAX_PAGE_CHARS || this.share.spent();
    await sliced(paragraphs, read, this.signal, { stop: full, meter: this.opts.meter });
    if (this.signal.aborted) return;
    if (this.share.spent()) return this.stop('budget');
    this.time(() => {
      this.table.commit(sentences);
      this.prune();
    });

    if (!this.time(() => isArticle(sentences))) {
      this.state = 'empty';
      // Still no article after a few tries: stop looking, watch for navigation only.
      if (this.scans >= MAX_EMPTY_SCANS) this.opts.watcher.setMode('navigation');
      if (this.opts.reportEmpty && !this.reported) await this.check([], published);
      return;
    }
    if (this.state === 'off-topic' || (!added && !force)) return;
    const reply = await this.check(sentences, published);
    if (!reply || this.signal.aborted || this.stopped) return;
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
      const message = this.time(() => ({
        type: 'content:check' as const,
        url: location.href.slice(0, 4000),
        title: document.title.slice(0, 1000),
        published,
        sentences: sentences.filter((s) => s.text.length <= MAX_SENTENCE_CHARS).map(({ id, text }) => ({ id, text })),
      }));
      return await send(message);
    } catch (err) {
      if (!contextAlive()) this.opts.dead();
      else console.warn('[credibility-overlay] no verdicts from the background:', err);
      return null;
    }
  }

  private async render(results: SentenceResult[]): Promise<void> {
    const { conflictsOnly } = this.opts.settings;
    const todo = this.time(() =>
      results
        .filter((r) => (conflictsOnly ? r.verdict === 'conflict' : r.verdict !== 'none'))
        .filter((r) => !this.badges.has(r.id) && this.table.byId.has(r.id)),
    );
    const capped = () => this.badges.size >= MAX_BADGES || this.created >= MAX_BADGES_CREATED || this.share.spent();
    // Our own insertions must not wake the observer: drop its records after each slice.
    const done = await sliced(todo, (r) => this.badge(r), this.signal, {
      stop: capped,
      meter: this.opts.meter,
      afterSlice: () => this.opts.watcher.drop(),
    });
    if (done || this.signal.aborted) return;
    if (this.share.spent()) this.stop('budget');
    else if (this.created >= MAX_BADGES_CREATED) this.stop('badges');
    // Otherwise MAX_BADGES are on the page: later scans still report the page (the popup lists
    // every verdict) and badge what frees up.
  }

  private badge(r: SentenceResult): void {
    const t = this.table.byId.get(r.id);
    const range = t && sentenceRange(document, t);
    if (!t || !range || range.endContainer.nodeType !== 3 || r.verdict === 'none') return;
    const highlights = this.highlights;
    this.created++;
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

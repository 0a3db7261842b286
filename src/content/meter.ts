/**
 * The content script's main-thread budget. Every piece of work it does on its own initiative
 * (reading the article, building the message, badging, watching the page) runs inside
 * `meter.time()`, which adds its duration up. A page view stops working once it has used its
 * budget (its badges stay; only navigation is still watched), and so does the whole page load.
 * Work the reader asks for (opening a card, hovering a badge) is not counted and not limited.
 * The budgets are in limits.ts.
 */
import { PAGE_BUDGET_MS, STEP_MARGIN_MS } from './limits';

/** Timing of one content-script instance (one page load). Pure: performance.now() only. */
export class Meter {
  /** Total time measured, ms. */
  busy = 0;
  /** The longest single step, ms. */
  longest = 0;
  /** Number of steps measured. */
  steps = 0;
  /** Work that threw inside a step (caught; the step's caller carries on). */
  errors = 0;
  lastError: string | null = null;
  private running = false;

  constructor(
    readonly pageBudget = PAGE_BUDGET_MS,
    private readonly now: () => number = () => performance.now(),
  ) {}

  /** Runs `fn` and adds its duration (steps nested in another step are counted once, by it). */
  time<T>(fn: () => T): T {
    if (this.running) return fn();
    this.running = true;
    const start = this.now();
    try {
      return fn();
    } finally {
      this.running = false;
      const ms = this.now() - start;
      this.busy += ms;
      this.steps++;
      if (ms > this.longest) this.longest = ms;
    }
  }

  /** Like `time`, for callbacks the browser calls (observers, listeners): errors are kept, not thrown. */
  guard<A extends unknown[]>(fn: (...args: A) => void): (...args: A) => void {
    return (...args) => {
      try {
        this.time(() => fn(...args));
      } catch (err) {
        this.fail(err);
      }
    };
  }

  fail(err: unknown): void {
    this.errors++;
    this.lastError = err instanceof Error ? `${err.name}: ${err.message}` : String(err);
  }

  /** A budget of `ms` for part of the work (a page view), counted from now. */
  share(ms: number): Share {
    const from = this.busy;
    return {
      used: () => this.busy - from,
      spent: () => this.busy - from > ms - STEP_MARGIN_MS || this.spent(),
    };
  }

  /** The page load's whole budget is (nearly) used up. */
  spent(): boolean {
    return this.busy > this.pageBudget - STEP_MARGIN_MS;
  }
}

export interface Share {
  /** Time used since the share began, ms. */
  used(): number;
  /** True once too little is left for another step. */
  spent(): boolean;
}

/**
 * Small helpers that tie timers and work to an AbortSignal, so one AbortController per page
 * owns everything the content script leaves running.
 */
import browser from 'webextension-polyfill';
import type { Meter } from './meter';

/** Time budget of one slice of work before yielding to the page (input, rendering). */
export const SLICE_MS = 6;

/** False once the extension was reloaded, updated or removed under this page. */
export function contextAlive(): boolean {
  try {
    return Boolean(browser.runtime?.id);
  } catch {
    return false;
  }
}

/** setTimeout owned by `signal`. Returns a function that cancels it. */
export function later(signal: AbortSignal, ms: number, fn: () => void): () => void {
  if (signal.aborted) return () => undefined;
  const cancel = () => {
    clearTimeout(timer);
    signal.removeEventListener('abort', cancel);
  };
  const timer = setTimeout(() => {
    signal.removeEventListener('abort', cancel);
    fn();
  }, ms);
  signal.addEventListener('abort', cancel);
  return cancel;
}

/** Yields to the page; resolves at once when `signal` aborts, so callers never hang. */
export function pause(signal: AbortSignal): Promise<void> {
  return new Promise((resolve) => {
    if (signal.aborted) return resolve();
    const done = () => {
      clearTimeout(timer);
      signal.removeEventListener('abort', done);
      resolve();
    };
    const timer = setTimeout(done, 0);
    signal.addEventListener('abort', done);
  });
}

export interface SliceOptions {
  /** Runs at the end of each slice (before yielding) and once at the end. */
  afterSlice?: () => void;
  /** Checked before each item: true ends the work early (a cap or the time budget is reached). */
  stop?: () => boolean;
  /** Times each slice (the content script's main-thread budget). */
  meter?: Meter;
}

/**
 * Runs `work` over `items` in slices of about SLICE_MS, yielding between slices. Resolves to
 * true when every item was done, false when `stop` ended it early or `signal` aborted.
 */
export async function sliced<T>(
  items: Iterable<T>,
  work: (item: T) => void,
  signal: AbortSignal,
  opts: SliceOptions = {},
): Promise<boolean> {
  const iterator = items[Symbol.iterator]();
  let result: boolean | null = null;
  const slice = () => {
    const deadline = performance.now() + SLICE_MS;
    for (;;) {
      if (signal.aborted || opts.stop?.()) {
        result = false;
        break;
      }
      const next = iterator.next();
      if (next.done) {
        result = true;
        break;
      }
      work(next.value);
      if (performance.now() >= deadline) break;
    }
    opts.afterSlice?.();
  };
  while (!signal.aborted) {
    if (opts.meter) opts.meter.time(slice);
    else slice();
    if (result !== null) return result;
    await pause(signal);
  }
  return false;
}

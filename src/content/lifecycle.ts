/**
 * Small helpers that tie timers and work to an AbortSignal, so one AbortController per page
 * owns everything the content script leaves running.
 */
import browser from 'webextension-polyfill';

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

/**
 * Runs `work` over `items` in slices of about SLICE_MS, yielding between slices. `afterSlice`
 * runs at the end of each slice (before yielding) and once at the end.
 */
export async function sliced<T>(
  items: Iterable<T>,
  work: (item: T) => void,
  signal: AbortSignal,
  afterSlice?: () => void,
): Promise<void> {
  let deadline = performance.now() + SLICE_MS;
  for (const item of items) {
    if (signal.aborted) return;
    work(item);
    if (performance.now() >= deadline) {
      afterSlice?.();
      await pause(signal);
      deadline = performance.now() + SLICE_MS;
    }
  }
  if (!signal.aborted) afterSlice?.();
}

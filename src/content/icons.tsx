/** The verdict marks: a different shape for each verdict, never colour alone. */
import type { Verdict } from './labels';

export function Icon({ verdict }: { verdict: Verdict }) {
  if (verdict === 'corroborated') {
    return (
      <svg class="icon" viewBox="0 0 10 10" aria-hidden="true" focusable="false">
        <path d="M1.8 5.3 4.1 7.5 8.3 2.6" fill="none" stroke="currentColor" stroke-width="1.7" />
      </svg>
    );
  }
  if (verdict === 'conflict') {
    return (
      <svg class="icon" viewBox="0 0 10 10" aria-hidden="true" focusable="false">
        <path d="M5 .6 9.7 9.4H.3Z" fill="currentColor" />
        <path d="M5 3.5v3M5 7.4v1" stroke="#fff" stroke-width="1.3" />
      </svg>
    );
  }
  return (
    <svg class="icon" viewBox="0 0 10 10" aria-hidden="true" focusable="false">
      <circle cx="5" cy="5" r="4" fill="none" stroke="currentColor" stroke-width="1.4" />
      <path d="M5 1a4 4 0 0 1 0 8Z" fill="currentColor" />
    </svg>
  );
}

import { useEffect, useState } from 'preact/hooks';
import { send, type TabSummary } from '../messages';
import { targetTabId } from './tab';

type State = { kind: 'loading' } | { kind: 'ready'; summary: TabSummary | null } | { kind: 'error'; message: string };

export function Popup() {
  const [state, setState] = useState<State>({ kind: 'loading' });

  useEffect(() => {
    (async () => {
      const tabId = await targetTabId();
      if (tabId === null) return setState({ kind: 'ready', summary: null });
      const { summary } = await send({ type: 'popup:get-summary', tabId });
      setState({ kind: 'ready', summary });
    })().catch((err: unknown) => setState({ kind: 'error', message: String(err) }));
  }, []);

  return (
    <main>
      <h1>Credibility overlay</h1>
      <Body state={state} />
    </main>
  );
}

function Body({ state }: { state: State }) {
  if (state.kind === 'loading') return <p class="muted">Loading…</p>;
  if (state.kind === 'error') return <p class="muted">Something went wrong: {state.message}</p>;
  const { summary } = state;
  if (!summary) return <p class="muted">No article found on this page.</p>;
  const n = summary.paragraphCount ?? 0;
  return (
    <section data-testid="summary">
      <p class="count">
        {n} {n === 1 ? 'paragraph' : 'paragraphs'} found on this page
      </p>
      <ol>
        {(summary.excerpts ?? []).map((e, i) => (
          <li key={i}>{e}</li>
        ))}
      </ol>
    </section>
  );
}

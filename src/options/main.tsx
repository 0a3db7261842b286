import { render } from 'preact';

function Options() {
  return (
    <main style={{ font: '14px/20px system-ui, sans-serif', padding: '16px' }}>
      <h1 style={{ fontSize: '18px' }}>Credibility overlay</h1>
      <p>Nothing to configure yet. The extension works entirely offline: page text never leaves your browser.</p>
    </main>
  );
}

const root = document.getElementById('app');
if (root) render(<Options />, root);

/**
 * Our one element on the page: <cred-marker> with an open shadow root, so
 * page CSS cannot style it and ours cannot leak. No customElements.define:
 * content scripts have no usable `customElements` registry in Chrome, and
 * attachShadow works on any element with a valid custom-element name.
 */
import { render } from 'preact';
import { MARKER_TAG } from './extract';
import css from './marker.css?inline';

function Marker({ count }: { count: number }) {
  return (
    <div class="marker" role="status">
      <span class="dot" aria-hidden="true" />
      <span class="text">
        Credibility overlay: {count} {count === 1 ? 'paragraph' : 'paragraphs'} found
      </span>
    </div>
  );
}

export function showMarker(after: Element, count: number): Element {
  const host = document.createElement(MARKER_TAG);
  const shadow = host.attachShadow({ mode: 'open' });
  const style = document.createElement('style');
  style.textContent = css;
  shadow.append(style);
  const mount = document.createElement('div');
  shadow.append(mount);
  render(<Marker count={count} />, mount);
  after.after(host);
  return host;
}

/** Removes every marker, including ones left by an earlier (orphaned) instance. */
export function removeMarkers(doc: Document): void {
  for (const el of doc.querySelectorAll(MARKER_TAG)) el.remove();
}

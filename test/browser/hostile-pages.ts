/**
 * Hostile and extreme pages for the hardening tests, generated on request (no large fixtures):
 * the article text is d01's (test/browser/pages/d01.html, about what the bundled dataset covers,
 * so badges appear), multiplied, nested, hidden, mutated or booby-trapped by a script in the page.
 *
 * Every page starts with PROBE, the page's own instrumentation (in its main world): its errors,
 * a heartbeat timer and a button (the page's own script still works), messages posted to its
 * window, CSP violations, and `__pwned(what)`, which every injected payload calls if it ever runs.
 * The server logs every request it gets, so a payload that fetches (`<img src=x>`) shows there too.
 */
import { readFileSync } from 'node:fs';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { PAGES_DIR } from './harness';

/** The same nonce on every page's scripts; only the strict-CSP page sends a CSP that needs it. */
const NONCE = 'hardening-test-nonce';

/** d01's article paragraphs (inner HTML: text with a few <a>, <em>, <strong>). */
export const D01_PARAGRAPHS: string[] = (() => {
  const html = readFileSync(join(PAGES_DIR, 'd01.html'), 'utf8');
  const body = html.slice(html.indexOf('itemprop="articleBody"'), html.indexOf('newsletter-promo'));
  return [...body.matchAll(/<p>([\s\S]*?)<\/p>/g)].map((m) => m[1] as string);
})();

/** d01's sentences that the bundled dataset judges (a conflict and corroborated ones). */
export const TRADE =
  'Trade between the two neighbors reached a record $204 billion last year, according to China’s commerce ministry.';

/**
 * The page's own instrumentation, first in <head>. `__page.hijacked` lists calls to the page's
 * patched globals whose stack runs through extension code (see GLOBALS).
 */
const PROBE = `
(() => {
  const P = (window.__page = {
    errors: [], messages: [], violations: [], pwned: [], hijacked: [], calls: 0,
    ticks: 0, clicks: 0, maxGap: 0, globals: Object.getOwnPropertyNames(window),
  });
  window.addEventListener('error', (e) => P.errors.push(String(e.message || e.type)));
  window.addEventListener('unhandledrejection', (e) => P.errors.push('unhandled rejection: ' + String(e.reason)));
  window.addEventListener('message', (e) => P.messages.push(String(e.origin) + ' ' + JSON.stringify(e.data)));
  document.addEventListener('securitypolicyviolation', (e) =>
    P.violations.push(e.violatedDirective + ' ' + e.blockedURI + ' ' + e.sourceFile + ':' + e.lineNumber));
  window.__pwned = (what) => P.pwned.push(String(what));
  // The heartbeat: keeps ticking while the page lives; the longest gap between ticks after load
  // is the longest the page's main thread was busy (ours, the page's, layout, GC: everyone's).
  let last = performance.now();
  setInterval(() => {
    const now = performance.now();
    if (P.loaded) P.maxGap = Math.max(P.maxGap, now - last);
    last = now;
    P.ticks++;
  }, 25);
  window.addEventListener('load', () => { P.loaded = performance.now(); last = P.loaded; });
  document.addEventListener('DOMContentLoaded', () => {
    const b = document.createElement('button');
    b.id = 'page-button';
    b.textContent = 'Page button';
    b.addEventListener('click', () => P.clicks++);
    document.body.prepend(b);
  });
})();`;

/**
 * Overwrites globals the content script might touch. Each wrapper still does the original's job
 * (the page relies on them), records calls made from extension code, and would hand extension
 * code forged results. window.CSS is replaced outright; attachShadow forces open roots.
 */
const GLOBALS = `
(() => {
  const P = window.__page;
  const fromExtension = () => /(chrome|moz)-extension:\\/\\//.test(String(new Error().stack));
  const wrap = (owner, key, name, forge) => {
    const original = owner[key];
    owner[key] = function (...args) {
      P.calls++;
      if (fromExtension()) { P.hijacked.push(name); if (forge) return forge(); }
      return new.target ? Reflect.construct(original, args, new.target) : original.apply(this, args);
    };
  };
  wrap(Array.prototype, 'map', 'Array.prototype.map');
  wrap(Array.prototype, 'filter', 'Array.prototype.filter');
  wrap(Array, 'from', 'Array.from');
  wrap(JSON, 'parse', 'JSON.parse', () => ({ onTopic: true, results: [] }));
  wrap(JSON, 'stringify', 'JSON.stringify');
  wrap(Node.prototype, 'appendChild', 'Node.prototype.appendChild');
  wrap(Node.prototype, 'insertBefore', 'Node.prototype.insertBefore');
  wrap(Element.prototype, 'after', 'Element.prototype.after');
  wrap(CharacterData.prototype, 'after', 'CharacterData.prototype.after');
  wrap(EventTarget.prototype, 'addEventListener', 'EventTarget.prototype.addEventListener');
  wrap(Document.prototype, 'querySelectorAll', 'Document.prototype.querySelectorAll');
  wrap(Document.prototype, 'createElement', 'Document.prototype.createElement');
  wrap(Document.prototype, 'createRange', 'Document.prototype.createRange');
  wrap(window, 'setTimeout', 'setTimeout');
  wrap(window, 'MutationObserver', 'MutationObserver');
  wrap(Promise.prototype, 'then', 'Promise.prototype.then');
  wrap(performance, 'now', 'performance.now');
  const attach = Element.prototype.attachShadow;
  Element.prototype.attachShadow = function (init) {
    if (fromExtension()) P.hijacked.push('Element.prototype.attachShadow');
    return attach.call(this, { ...init, mode: 'open' });
  };
  const record = (name) => () => { if (fromExtension()) P.hijacked.push(name); };
  window.CSS = { highlights: { set: record('CSS.highlights.set'), get: record('CSS.highlights.get'),
    delete: record('CSS.highlights.delete'), has: record('CSS.highlights.has'), size: 0 },
    supports: () => false, escape: (s) => s };
  window.Highlight = function () { record('Highlight')(); };
  window.chrome = { runtime: { sendMessage: record('chrome.runtime.sendMessage'), id: 'forged' } };
  window.browser = window.chrome;
  // The page's own code uses the patched globals and keeps working.
  setInterval(() => {
    const n = [1, 2, 3].map((x) => x * 2).filter(Boolean).length + JSON.parse('{"a":1}').a;
    const el = document.createElement('span');
    document.body.appendChild(el);
    el.remove();
    P.ownWork = (P.ownWork || 0) + n;
  }, 100);
})();`;

/** Payloads that run `__pwned` (or fetch /x) if anything treats page text as markup or a URL. */
export const PAYLOADS = [
  '<img src=x onerror="__pwned(\'img\')">',
  '</style><script>__pwned("style")</script>',
  '"><svg onload=__pwned("svg")>',
  'javascript:__pwned("url")',
  '</q></li></ul><iframe srcdoc="<script>parent.__pwned(\'srcdoc\')</script>"></iframe>',
  '\u0024{__pwned("template")}{{constructor.constructor("__pwned(\'ng\')")()}}',
];

const escapeHtml = (s: string) =>
  s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

interface PageSpec {
  title: string;
  /** Extra <head> scripts, run before the body is parsed. */
  head?: string;
  /** The article's inner HTML (inside <article><div class="story-text">). */
  article?: string;
  /** A script at the end of <body> (the page building or changing itself). */
  script?: string;
  /** Extra HTML after the article. */
  after?: string;
  dir?: 'rtl';
  lang?: string;
  headers?: Record<string, string>;
}

function page(spec: PageSpec): { html: string; headers: Record<string, string> } {
  const script = (code: string) => `<script nonce="${NONCE}">${code}</script>`;
  const html = `<!DOCTYPE html>
<html lang="${spec.lang ?? 'en'}"${spec.dir ? ` dir="${spec.dir}"` : ''}>
<head>
<meta charset="utf-8">
<title>${spec.title}</title>
<meta property="article:published_time" content="2024-04-09T15:42:00+00:00">
${script(PROBE)}
${spec.head ? script(spec.head) : ''}
</head>
<body>
<main><article class="story"><h1>${spec.title}</h1>
<div class="story-text">${spec.article ?? ''}</div></article>${spec.after ?? ''}</main>
${spec.script ? script(spec.script) : ''}
</body>
</html>`;
  return { html, headers: spec.headers ?? {} };
}

const paragraphs = (ps: string[]) => ps.map((p) => `<p>${p}</p>`).join('\n');
const D01 = paragraphs(D01_PARAGRAPHS);
/** d01's paragraphs as a JSON string literal for page scripts. */
const D01_JSON = JSON.stringify(D01_PARAGRAPHS).replace(/</g, '\\u003c');

/** The hostile pages by name (served as /<name>.html). */
export const HOSTILE: Record<string, () => { html: string; headers: Record<string, string> }> = {
  /** d01 and a 200,000-node live feed inside the article (10,000 paragraphs of 9 inline elements). */
  'nodes-200k': () =>
    page({
      title: 'Two hundred thousand nodes',
      article: D01,
      script: `
        const root = document.querySelector('.story-text');
        const feed = document.createDocumentFragment();
        for (let i = 0; i < 10000; i++) {
          const p = document.createElement('p');
          for (let j = 0; j < 9; j++) {
            const s = document.createElement(j % 2 ? 'span' : 'em');
            s.textContent = j === 8 ? 'update ' + i + '. ' : 'word' + j + ' ';
            p.append(s);
          }
          feed.append(p);
        }
        root.append(feed);
        const aside = document.createElement('div');
        for (let i = 0; i < 10000; i++) aside.append(document.createElement('div'));
        document.body.append(aside);`,
    }),

  /** 5 MB of article text: d01's paragraphs over and over, and one 1 MB paragraph with no full stop. */
  'text-5mb': () =>
    page({
      title: 'Five megabytes of text',
      script: `
        const ps = ${D01_JSON};
        const root = document.querySelector('.story-text');
        const html = [];
        let size = 0;
        for (let i = 0; size < 4 * 1024 * 1024; i++) {
          const p = ps[i % ps.length];
          html.push('<p>' + p + '</p>');
          size += p.length;
        }
        root.innerHTML = html.join('');
        const giant = document.createElement('p');
        giant.textContent = 'Lavrov Beijing Xi talks '.repeat(44000);
        root.append(giant);
        window.__page.textLength = root.textContent.length;`,
    }),

  /** The article under 1,000 nested elements, and one paragraph's text under 1,000 more. */
  'deep-1000': () =>
    page({
      title: 'A thousand levels',
      script: `
        const ps = ${D01_JSON};
        let at = document.querySelector('.story-text');
        for (let i = 0; i < 1000; i++) { const d = document.createElement('div'); at.append(d); at = d; }
        ps.forEach((html, k) => {
          const p = document.createElement('p');
          let inner = p;
          if (k === 6) for (let i = 0; i < 1000; i++) { const s = document.createElement(i % 2 ? 'span' : 'em'); inner.append(s); inner = s; }
          inner.innerHTML = html;
          at.append(p);
        });
        let depth = 0;
        for (let e = document.querySelectorAll('p')[6]; e; e = e.firstElementChild) depth++;
        window.__page.depth = depth;`,
    }),

  /** d01, and a timer that adds and removes paragraphs forever (some of them judged sentences). */
  mutating: () =>
    page({
      title: 'A page that never stops changing',
      article: D01,
      script: `
        const ps = ${D01_JSON};
        const root = document.querySelector('.story-text');
        let i = 0;
        setInterval(() => {
          const p = document.createElement('p');
          p.innerHTML = i % 2 ? ps[i % ps.length] : 'Live update number ' + i + ' arrived just now, and more will follow.';
          root.append(p);
          if (root.children.length > ps.length + 30) root.children[ps.length].remove();
          const first = root.firstElementChild.firstChild;
          if (first && first.nodeType === 3) first.data = first.data.endsWith(' ') ? first.data.trimEnd() : first.data + ' ';
          window.__page.mutations = ++i;
        }, 30);`,
    }),

  /** Half of d01 in the light DOM; the other half in an open shadow root; all of it in a same-origin iframe. */
  'shadow-iframe': () =>
    page({
      title: 'Shadow roots and frames',
      article: paragraphs(D01_PARAGRAPHS.slice(0, 6)),
      after: '<iframe id="frame" src="/frame-article.html" width="800" height="400"></iframe>',
      script: `
        const ps = ${D01_JSON};
        const host = document.createElement('div');
        host.id = 'shadow-host';
        const root = host.attachShadow({ mode: 'open' });
        root.innerHTML = '<article><div class="story-text">' + ps.slice(6).map((p) => '<p>' + p + '</p>').join('') + '</div></article>';
        const inner = document.createElement('div');
        root.append(inner);
        const nested = inner.attachShadow({ mode: 'open' });
        nested.innerHTML = '<p>' + ps[6] + '</p>';
        document.querySelector('.story-text').append(host);
        window.__page.shadowHtml = root.innerHTML;`,
    }),

  /** The iframe's document: all of d01. */
  'frame-article': () => page({ title: 'Framed article', article: D01 }),

  /** d01 on a page that overwrites the globals a content script might use. */
  'hostile-globals': () => page({ title: 'Hostile globals', head: GLOBALS, article: D01 }),

  /** d01 with a payload opening each of its first paragraphs (so it is part of a judged sentence). */
  payloads: () =>
    page({
      title: `Payloads ${escapeHtml(PAYLOADS[0] as string)}`,
      article: paragraphs([
        ...D01_PARAGRAPHS.map((p, k) => (k < PAYLOADS.length ? `${escapeHtml(PAYLOADS[k] as string)} ${p}` : p)),
        `<a href="javascript:__pwned('href')">Mr. Lavrov is expected to brief Russian lawmakers on the outcome of the trip later this month.</a>`,
      ]),
    }),

  /** Right-to-left: Arabic and Hebrew prose around d01's English, with bidi overrides. */
  rtl: () =>
    page({
      title: 'نص من اليمين إلى اليسار',
      dir: 'rtl',
      lang: 'ar',
      article: paragraphs([
        'استقبل الزعيم الصيني شي جين بينغ وزير الخارجية الروسي سيرغي لافروف في بكين يوم الثلاثاء. وأكد الجانبان على التضامن بين البلدين.',
        'שר החוץ הרוסי נחת בבייג׳ינג ביום שני. \u202Eזהו טקסט הפוך\u202C והמשך רגיל.',
        ...D01_PARAGRAPHS.map((p, k) => (k % 2 ? `<span dir="ltr">${p}</span>` : `\u2067${p}\u2069`)),
        `\u202E${TRADE}\u202C`,
      ]),
    }),

  /** d01 under a strict CSP: no inline styles, no images, no connections, Trusted Types required. */
  csp: () =>
    page({
      title: 'Strict CSP',
      article: D01,
      headers: {
        'content-security-policy': [
          "default-src 'none'",
          `script-src 'nonce-${NONCE}'`,
          "style-src 'none'",
          "img-src 'none'",
          "connect-src 'none'",
          "font-src 'none'",
          "frame-src 'none'",
          "base-uri 'none'",
          "form-action 'none'",
          "require-trusted-types-for 'script'",
          "trusted-types 'none'",
        ].join('; '),
      },
    }),
};

export interface HostileServer {
  origin: string;
  url(name: string): string;
  /** Every request the server got: method and path. */
  log: string[];
  close(): Promise<void>;
}

/** Serves the hostile pages on 127.0.0.1 (ephemeral port); anything else is a logged 404. */
export async function serveHostile(): Promise<HostileServer> {
  const log: string[] = [];
  const cache = new Map<string, { html: string; headers: Record<string, string> }>();
  const server = createServer((req, res) => {
    const path = new URL(req.url ?? '/', 'http://x').pathname;
    log.push(`${req.method} ${path}`);
    const name = /^\/([\w-]+)\.html$/.exec(path)?.[1];
    const make = name ? HOSTILE[name] : undefined;
    if (!name || !make) {
      res.writeHead(404, { 'content-type': 'text/plain' }).end('not found');
      return;
    }
    let got = cache.get(name);
    if (!got) {
      got = make();
      cache.set(name, got);
    }
    res.writeHead(200, { 'content-type': 'text/html; charset=utf-8', 'cache-control': 'no-store', ...got.headers });
    res.end(got.html);
  });
  await new Promise<void>((ok) => server.listen(0, '127.0.0.1', ok));
  const origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    origin,
    url: (name) => `${origin}/${name}.html`,
    log,
    close: () =>
      new Promise<void>((ok) => {
        server.closeAllConnections();
        server.close(() => ok());
      }),
  };
}

/**
 * Permissions and CSP, as shipped: the manifest asks for nothing beyond what the README's table
 * justifies, exposes nothing to pages or other extensions, and keeps a strict extension-page CSP,
 * in the Chrome manifest and in the Firefox one derived from it.
 */
import { describe, expect, it } from 'vitest';
import manifest from '../../manifest.json' with { type: 'json' };
import { firefoxManifest } from '../../vite.config';

const CSP = {
  'default-src': ["'none'"],
  'script-src': ["'self'"],
  'style-src': ["'self'"],
  'img-src': ["'self'"],
  'connect-src': ["'none'"],
  'object-src': ["'none'"],
  'base-uri': ["'none'"],
  'form-action': ["'none'"],
  'frame-ancestors': ["'none'"],
};

function directives(csp: string): Record<string, string[]> {
  return Object.fromEntries(
    csp
      .split(';')
      .map((d) => d.trim().split(/\s+/))
      .filter((d) => d[0])
      .map(([name, ...values]) => [name as string, values]),
  );
}

for (const [name, m] of [
  ['chrome', manifest],
  ['firefox', firefoxManifest(manifest)],
] as const) {
  describe(`${name} manifest`, () => {
    const any = m as Record<string, unknown>;

    it('asks for storage and unlimitedStorage only, and for no host or optional permission', () => {
      expect(m.permissions).toEqual(['storage', 'unlimitedStorage']);
      for (const key of ['host_permissions', 'optional_permissions', 'optional_host_permissions']) {
        expect(any[key], key).toBeUndefined();
      }
    });

    it('runs its content script on web pages only, in the top frame', () => {
      expect(m.content_scripts).toEqual([
        { matches: ['http://*/*', 'https://*/*'], js: ['src/content/index.ts'], run_at: 'document_idle' },
      ]);
      expect((m.content_scripts[0] as Record<string, unknown>).all_frames).toBeUndefined();
    });

    it('exposes nothing to web pages or other extensions', () => {
      expect(any.web_accessible_resources).toBeUndefined();
      expect(any.externally_connectable).toBeUndefined();
    });

    it('has a strict extension-page CSP: its own scripts and styles only, no connections', () => {
      const csp = directives(m.content_security_policy.extension_pages);
      expect(csp).toEqual(CSP);
      expect(m.content_security_policy.extension_pages).not.toMatch(/unsafe|data:|blob:|https?:|\*/);
    });
  });
}

it('tells Firefox that it collects no data', () => {
  expect(firefoxManifest(manifest).browser_specific_settings.gecko.data_collection_permissions).toEqual({
    required: ['none'],
  });
});

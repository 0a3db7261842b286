import { crx, type ManifestV3Export } from '@crxjs/vite-plugin';
import { defineConfig } from 'vite';
import baseManifest from './manifest.json' with { type: 'json' };

export const GECKO_ID = 'credibility-overlay@example.org';

type Manifest = typeof baseManifest;

/**
 * Firefox MV3 differs from Chrome only in the manifest, derived here from the
 * one manifest.json:
 * - no background service worker: `background.scripts` (an event page);
 * - `browser_specific_settings.gecko` with a fixed add-on id (stable storage
 *   and a stable moz-extension:// host in tests);
 * - strict_min_version 140.0: the CSS Custom Highlight API (the overlay will
 *   highlight sentences without touching page DOM) and
 *   `data_collection_permissions` both arrive in desktop Firefox 140;
 *   Firefox for Android gets `data_collection_permissions` only in 142.
 */
export function firefoxManifest(m: Manifest) {
  const { background, ...rest } = m;
  return {
    ...rest,
    background: { scripts: [background.service_worker], type: background.type },
    browser_specific_settings: {
      gecko: {
        id: GECKO_ID,
        strict_min_version: '140.0',
        // The extension sends nothing anywhere: all matching is local.
        data_collection_permissions: { required: ['none'] },
      },
      gecko_android: { strict_min_version: '142.0' },
    },
  };
}

export default defineConfig(({ mode }) => {
  const firefox = mode === 'firefox';
  const manifest = (firefox ? firefoxManifest(baseManifest) : baseManifest) as ManifestV3Export;
  return {
    plugins: [
      crx({
        manifest,
        // Undocumented in CRXJS 3: switches background handling to `scripts`
        // and drops `use_dynamic_url` from web_accessible_resources.
        browser: firefox ? 'firefox' : 'chrome',
        contentScripts: {
          // UI CSS is inlined into shadow roots as strings (`?inline`), never
          // injected into the page through the manifest.
          injectCss: false,
          // One self-contained IIFE: no loader, no web_accessible_resources
          // exposing our chunks to every page.
          standaloneFiles: ['src/content/index.ts'],
        },
      }),
    ],
    oxc: { jsx: { runtime: 'automatic', importSource: 'preact' } },
    build: {
      outDir: firefox ? 'dist/firefox' : 'dist/chrome',
      emptyOutDir: true,
      target: firefox ? 'firefox140' : 'chrome120',
      sourcemap: false,
    },
  };
});

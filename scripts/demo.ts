/**
 * `npm run demo`: opens Debian's Chromium with dist/chrome loaded on a local
 * demo article, as a reader would see it.
 *   npm run demo                          headed; close the window to quit
 *   npm run demo -- --screenshot out.png  headless; saves a screenshot, exits
 */
import { resolve } from 'node:path';
import { badgeCounts, ensureBuilt, launchChromium, ROOT, serve } from '../test/browser/harness';

const i = process.argv.indexOf('--screenshot');
const screenshot = i >= 0 ? process.argv[i + 1] : undefined;
if (i >= 0 && !screenshot) throw new Error('usage: npm run demo -- [--screenshot FILE]');
if (!screenshot && !process.env.DISPLAY && !process.env.WAYLAND_DISPLAY) {
  console.error('No display for a headed browser. Use: npm run demo -- --screenshot demo.png');
  process.exit(1);
}

ensureBuilt();
const server = await serve(resolve(ROOT, 'demo'));
const run = await launchChromium({ headless: Boolean(screenshot) });
const page = run.context.pages()[0] ?? (await run.context.newPage());
await page.goto(server.url('article.html'));
await page.waitForFunction(() => document.querySelector('cred-badge'), undefined, { timeout: 15_000 });
await page.waitForTimeout(500); // the rest of the badges, added in slices
console.log(`demo: ${server.url('article.html')} – badges: ${JSON.stringify(await page.evaluate(badgeCounts))}`);

if (screenshot) {
  await page.screenshot({ path: resolve(screenshot), fullPage: true });
  console.log(`screenshot saved to ${resolve(screenshot)}`);
} else {
  // Wait until the reader closes the browser window.
  await new Promise((ok) => run.context.on('close', ok));
}
await run.close().catch(() => undefined);
await server.close();

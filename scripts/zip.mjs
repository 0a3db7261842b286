// Zips dist/chrome and dist/firefox into dist/credibility-overlay-<browser>.zip
// (files at the archive root, as both stores expect).
import { readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { zipSync } from 'fflate';

function files(dir, root = dir, out = {}) {
  for (const name of readdirSync(dir).sort()) {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) files(path, root, out);
    // Fixed mtime: the same build gives the same zip.
    else
      out[relative(root, path).split('\\').join('/')] = [
        readFileSync(path),
        { mtime: new Date('2024-01-01T00:00:00Z') },
      ];
  }
  return out;
}

for (const browser of ['chrome', 'firefox']) {
  const zip = zipSync(files(join('dist', browser)), { level: 9 });
  const out = join('dist', `credibility-overlay-${browser}.zip`);
  writeFileSync(out, zip);
  console.log(`${out}: ${zip.length} bytes`);
}

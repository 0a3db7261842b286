/** Reading a source folder: `sources.json` plus article files, with clear errors for bad input. */
import { existsSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { parseHTML } from 'linkedom';
import * as v from 'valibot';
import type { SourceInput } from './build-dataset';

const SourcesJson = v.object({
  about: v.optional(v.string()),
  sources: v.pipe(
    v.array(
      v.object({
        file: v.pipe(
          v.string(),
          v.minLength(1),
          v.check((f) => !f.includes('..') && !f.startsWith('/'), 'file must be a name inside the folder'),
        ),
        outlet: v.string(),
        published: v.pipe(
          v.string(),
          v.regex(/^\d{4}-\d{2}-\d{2}$/u, 'published must be a date written YYYY-MM-DD'),
          v.check(
            (d) =>
              !Number.isNaN(Date.parse(`${d}T00:00:00Z`)) && new Date(`${d}T00:00:00Z`).toISOString().startsWith(d),
            'published is not a real date',
          ),
        ),
        language: v.optional(v.string(), 'en'),
        url: v.optional(v.string()),
      }),
    ),
    v.minLength(1, 'sources.json lists no sources'),
  ),
});

export class SourceError extends Error {
  override name = 'SourceError';
}

/** Plain text of an article file: .txt as is, .md without markup, .html by its paragraphs. */
export function articleText(file: string, raw: string): string {
  if (/\.html?$/iu.test(file)) {
    const { document } = parseHTML(raw);
    const title = document.querySelector('h1')?.textContent?.trim();
    const paras = [...document.querySelectorAll('p')]
      .map((p) => (p.textContent ?? '').replace(/\s+/gu, ' ').trim())
      .filter(Boolean);
    return [title, ...paras].filter(Boolean).join('\n');
  }
  if (/\.md$/iu.test(file)) {
    return raw
      .replace(/^#+\s*/gmu, '')
      .replace(/!\[[^\]]*\]\([^)]*\)/gu, '')
      .replace(/\[([^\]]*)\]\([^)]*\)/gu, '$1')
      .replace(/[*_`]{1,3}([^*_`]+)[*_`]{1,3}/gu, '$1');
  }
  return raw;
}

export function readSources(dir: string): SourceInput[] {
  if (!existsSync(dir) || !statSync(dir).isDirectory()) throw new SourceError(`${dir}: no such folder`);
  const metaPath = join(dir, 'sources.json');
  if (!existsSync(metaPath))
    throw new SourceError(`${metaPath}: missing (it lists the article files with outlet, published, language)`);
  let json: unknown;
  try {
    json = JSON.parse(readFileSync(metaPath, 'utf8'));
  } catch (e) {
    throw new SourceError(`${metaPath}: not valid JSON (${(e as Error).message})`);
  }
  // A bare list of sources is read as `{ "sources": [...] }`.
  const parsed = v.safeParse(SourcesJson, Array.isArray(json) ? { sources: json } : json);
  if (!parsed.success) {
    const issue = parsed.issues[0];
    throw new SourceError(`${metaPath}: ${v.getDotPath(issue) ?? '(root)'}: ${issue.message}`);
  }
  const seen = new Set<string>();
  return parsed.output.sources.map((s) => {
    if (seen.has(s.file)) throw new SourceError(`${metaPath}: ${s.file} is listed twice`);
    seen.add(s.file);
    const path = join(dir, s.file);
    if (!existsSync(path)) throw new SourceError(`${path}: listed in sources.json but missing`);
    const bytes = readFileSync(path);
    if (bytes.length === 0) throw new SourceError(`${path}: empty file`);
    if (bytes.includes(0)) throw new SourceError(`${path}: binary file (contains NUL bytes), expected text`);
    const text = articleText(s.file, new TextDecoder('utf-8', { fatal: false }).decode(bytes));
    if (!/\p{L}{2,}/u.test(text)) throw new SourceError(`${path}: no text found`);
    return {
      file: s.file,
      outlet: s.outlet,
      published: s.published,
      language: s.language,
      ...(s.url ? { url: s.url } : {}),
      text,
    };
  });
}

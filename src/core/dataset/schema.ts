/**
 * The dataset file: versioned, validated on load (valibot), so a malformed or foreign file is
 * rejected with a message that names the problem instead of failing deep inside the matcher.
 */
import * as v from 'valibot';

export const SCHEMA_VERSION = 1;

const Kind = v.picklist(['person', 'place', 'org', 'other']);
const SlotKindSchema = v.picklist(['date', 'number', 'person', 'place', 'order', 'negation', 'other']);
const Str = v.pipe(v.string(), v.maxLength(100_000));
const Count = v.pipe(v.number(), v.integer(), v.minValue(0));

/** Records are read into Maps; keys that could pollute prototypes are refused outright. */
const SafeKey = v.pipe(
  v.string(),
  v.check((k) => k !== '__proto__' && k !== 'constructor' && k !== 'prototype', 'forbidden key'),
);

const ClaimSchema = v.strictObject({
  terms: v.array(Str),
  entities: v.array(
    v.strictObject({
      id: Str,
      kind: Kind,
      ctx: v.optional(Str),
      cues: v.optional(v.array(Str)),
      role: v.optional(v.array(Str)),
      implicit: v.optional(v.boolean()),
    }),
  ),
  dates: v.array(
    v.strictObject({
      value: Str,
      text: Str,
      cues: v.array(Str),
      ahead: v.optional(v.literal(true)),
      since: v.optional(v.literal(true)),
      time: v.optional(Str),
    }),
  ),
  numbers: v.array(
    v.strictObject({
      value: v.number(),
      unit: Str,
      text: Str,
      bound: v.optional(v.picklist(['min', 'max', 'about'])),
    }),
  ),
  order: v.array(v.picklist(['before', 'after'])),
  negated: v.boolean(),
  negatedTerms: v.optional(v.array(Str)),
  hedged: v.boolean(),
  quoted: v.array(Str),
  sequence: v.array(v.tuple([Str, Str])),
  happenings: v.optional(v.tuple([v.array(Str), v.array(Str)])),
  attribution: v.array(Str),
});

export const DatasetSchema = v.strictObject({
  schemaVersion: v.literal(SCHEMA_VERSION),
  name: Str,
  /** Deterministic build stamp: the newest source publication date, not the wall clock. */
  asOf: Str,
  sources: v.array(
    v.strictObject({
      id: Str,
      file: Str,
      outlet: Str,
      published: v.pipe(v.string(), v.regex(/^\d{4}-\d{2}-\d{2}$/u, 'published must be YYYY-MM-DD')),
      language: Str,
      url: v.optional(Str),
      origin: Count,
      headline: v.nullable(Str),
    }),
  ),
  origins: v.array(v.strictObject({ id: Count, sources: v.array(Str), reason: Str })),
  claims: v.array(v.strictObject({ id: Count, source: Count, text: Str, claim: ClaimSchema })),
  clusters: v.array(v.strictObject({ id: Count, claims: v.array(Count), origins: Count })),
  disagreements: v.array(v.strictObject({ a: Count, b: Count, kind: SlotKindSchema, aValue: Str, bValue: Str })),
  lexicon: v.strictObject({
    synonyms: v.record(SafeKey, v.array(Str)),
    related: v.record(SafeKey, v.array(Str)),
    antonyms: v.record(SafeKey, v.array(Str)),
    aliases: v.record(SafeKey, Str),
    entities: v.record(
      SafeKey,
      v.strictObject({ name: Str, kind: Kind, within: v.array(Str), roles: v.optional(v.array(Str)) }),
    ),
    negativeWords: v.array(Str),
    demonyms: v.array(Str),
  }),
});

export type Dataset = v.InferOutput<typeof DatasetSchema>;
export type SourceInfo = Dataset['sources'][number];
export type StoredClaim = Dataset['claims'][number];

/** A short, safe description of any value (JSON.stringify can overflow on deep nesting). */
function describe(value: unknown): string {
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  if (typeof value === 'string') return JSON.stringify(value.slice(0, 40));
  if (value === undefined || value === null) return 'missing';
  return Array.isArray(value) ? 'an array' : 'an object';
}

export class DatasetError extends Error {
  override name = 'DatasetError';
}

/** Validate parsed JSON as a dataset; throws DatasetError naming the first problems. */
export function validateDataset(input: unknown): Dataset {
  if (typeof input !== 'object' || input === null || Array.isArray(input)) {
    throw new DatasetError('dataset: expected a JSON object at the top level');
  }
  const version = (input as { schemaVersion?: unknown }).schemaVersion;
  if (version !== SCHEMA_VERSION) {
    throw new DatasetError(
      `dataset: schemaVersion is ${describe(version)}, this extension reads version ${SCHEMA_VERSION}`,
    );
  }
  const result = v.safeParse(DatasetSchema, input);
  if (!result.success) {
    const issues = result.issues.slice(0, 3).map((i) => `${v.getDotPath(i) ?? '(root)'}: ${i.message}`);
    throw new DatasetError(`dataset: ${issues.join('; ')}`);
  }
  // Cross-references: every index must point at something that exists.
  const d = result.output;
  const bad = d.claims.find((c) => c.source >= d.sources.length)
    ? 'a claim names a source that does not exist'
    : d.clusters.some((c) => c.claims.some((id) => id >= d.claims.length))
      ? 'a cluster names a claim that does not exist'
      : d.disagreements.some((x) => x.a >= d.claims.length || x.b >= d.claims.length)
        ? 'a disagreement names a claim that does not exist'
        : d.claims.some((c, i) => c.id !== i)
          ? 'claim ids are not their positions'
          : null;
  if (bad) throw new DatasetError(`dataset: ${bad}`);
  return d;
}

/** Parse dataset text (JSON) with a clear error for non-JSON input. */
export function parseDataset(text: string): Dataset {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (e) {
    throw new DatasetError(`dataset: not valid JSON (${(e as Error).message})`);
  }
  return validateDataset(json);
}

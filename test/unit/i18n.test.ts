/** The English messages file is complete and well-formed for what the code and manifest ask of it. */
import { describe, expect, it } from 'vitest';
import manifest from '../../manifest.json';
import messages from '../../public/_locales/en/messages.json';
import { DetailSchema } from '../../src/messages/protocol';

const all = messages as Record<string, { message: string; placeholders?: Record<string, { content: string }> }>;

describe('messages.json', () => {
  it('has every __MSG_ key the manifest uses', () => {
    const used = [...JSON.stringify(manifest).matchAll(/__MSG_(\w+)__/g)].map((m) => m[1] as string);
    expect(used.length).toBeGreaterThan(0);
    for (const key of used) expect(all[key], key).toBeDefined();
  });

  it('defines each placeholder a message uses, and no others', () => {
    for (const [key, m] of Object.entries(all)) {
      const used = new Set([...m.message.matchAll(/\$([A-Za-z_]+)\$/g)].map((x) => (x[1] as string).toLowerCase()));
      expect(new Set(Object.keys(m.placeholders ?? {})), key).toEqual(used);
    }
  });

  it('has both plural forms, and a label for every kind of detail', () => {
    for (const key of Object.keys(all).filter((k) => k.endsWith('_one'))) {
      expect(all[key.replace(/_one$/, '_other')], key).toBeDefined();
    }
    for (const kind of DetailSchema.entries.kind.options) expect(all[`kind_${kind}`], kind).toBeDefined();
  });
});

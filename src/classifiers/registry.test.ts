import { describe, expect, it } from 'vitest';
import { ConfigError } from '../core/errors.js';
import { classifierRegistry } from './registry.js';

describe('classifier registry', () => {
  it('lists every classifier once, with the side it reads', () => {
    expect(classifierRegistry.all.map((d) => [d.id, d.direction])).toEqual([
      ['refusal', 'output'],
      ['secret', 'output'],
      ['exfil-url', 'output'],
      ['insecure-output', 'output'],
      ['injected-instruction', 'input'],
      ['injection-detector', 'input'],
      ['encoded-text', 'input'],
    ]);
  });

  it('builds each classifier from its options with defaults filled, and each reads plain text without flagging it', () => {
    for (const descriptor of classifierRegistry.all) {
      const options = descriptor.options.parse({ id: descriptor.id });
      const classifier = (descriptor.create as (o: unknown, s: object) => { id: string; direction: string; classify: (t: string) => unknown })(options, {});
      expect(classifier).toMatchObject({ id: descriptor.id, direction: descriptor.direction });
      expect(classifier.classify('Branches open 9:00 to 13:00 on Saturdays.'), descriptor.id).toMatchObject({ flagged: false, evidence: [] });
    }
  });

  it('names the closest id when asked for an unknown one', () => {
    expect(() => classifierRegistry.get('secrets')).toThrow(ConfigError);
    expect(() => classifierRegistry.get('secrets')).toThrow(/did you mean 'secret'/);
  });
});

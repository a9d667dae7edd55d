import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { ConfigError } from './errors.js';
import { createRegistry, optionsUnion } from './registry.js';

const shape = (id: string) => ({ id, summary: `the ${id} one`, version: 1, options: z.strictObject({ type: z.literal(id), size: z.number().default(1) }), create: () => id });
const registry = createRegistry('target', [shape('alpha'), shape('beta')]);

describe('createRegistry', () => {
  it('is the list of descriptors, in order, with their ids', () => {
    expect(registry.map((d) => d.id)).toEqual(['alpha', 'beta']);
    expect(registry.ids).toEqual(['alpha', 'beta']);
    expect(registry.all).toHaveLength(2);
    expect(registry.filter((d) => d.id !== 'alpha')).toHaveLength(1);
  });

  it('finds a descriptor by id or by predicate', () => {
    expect(registry.find('beta')?.summary).toBe('the beta one');
    expect(registry.find((d) => d.summary.includes('alpha'))?.id).toBe('alpha');
    expect(registry.find('gamma')).toBeUndefined();
  });

  it('get names the closest id for an unknown one, and the place when given', () => {
    expect(registry.get('alpha').id).toBe('alpha');
    expect(() => registry.get('alpah')).toThrow(expect.objectContaining({ message: "unknown target 'alpah'; did you mean 'alpha'?", path: 'target' }));
    const error = (() => {
      try {
        registry.get('zzzzzzzz', { file: 'redline.yaml', path: 'target.type' });
      } catch (caught) {
        return caught as ConfigError;
      }
      throw new Error('expected a ConfigError');
    })();
    expect(error).toBeInstanceOf(ConfigError);
    expect(error).toMatchObject({ message: "redline.yaml: target.type: unknown target 'zzzzzzzz'", file: 'redline.yaml', hint: 'known targets: alpha, beta' });
  });

  it('refuses two descriptors with one id', () => {
    expect(() => createRegistry('scorer', [shape('a'), shape('a')])).toThrow(/two scorer descriptors have the id 'a'/);
  });
});

describe('optionsUnion', () => {
  it('tells the descriptors’ options apart by their id and fills their defaults', () => {
    const union = optionsUnion(registry, 'type');
    expect(union.parse({ type: 'beta' })).toEqual({ type: 'beta', size: 1 });
    expect(union.safeParse({ type: 'gamma' }).success).toBe(false);
  });

  it('refuses a schema whose discriminator is not its descriptor’s id', () => {
    const wrong = createRegistry('target', [{ ...shape('alpha'), id: 'other' }]);
    expect(() => optionsUnion(wrong, 'type')).toThrow(/options of target 'other' must have type: 'other'/);
  });
});

import { describe, expect, it } from 'vitest';
import { ConfigError } from './errors.js';
import { optionsFromDefaults, parseOptions } from './options.js';

const schema = optionsFromDefaults({ shift: 3, name: 'x', loud: false });
const caesar = { kind: 'converter', id: 'caesar', schema };

describe('options derived from defaults', () => {
  it('types each key like its default and fills the defaults', () => {
    expect(schema.parse({})).toEqual({ shift: 3, name: 'x', loud: false });
    expect(schema.parse({ shift: 5 })).toEqual({ shift: 5, name: 'x', loud: false });
    expect(optionsFromDefaults().parse({})).toEqual({});
  });

  it('parseOptions names an unknown key with the valid ones, and a value of the wrong type', () => {
    expect(() => parseOptions(caesar, { shfit: 2 })).toThrow(expect.objectContaining({ message: "converter 'caesar' has no option 'shfit'; did you mean 'shift'? options: shift, name, loud", hint: 'valid keys: shift, name, loud', path: 'converters.caesar.shfit' }));
    expect(() => parseOptions(caesar, { shift: 'two' })).toThrow(ConfigError);
    expect(() => parseOptions(caesar, { shift: 'two' })).toThrow("option 'shift' of converter 'caesar' must be a number");
    expect(() => parseOptions({ kind: 'technique', id: 'role-play', schema: optionsFromDefaults() }, { shots: 1 })).toThrow("technique 'role-play' has no option 'shots' (it takes none)");
  });
});

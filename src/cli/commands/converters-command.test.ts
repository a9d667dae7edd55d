import { describe, expect, it } from 'vitest';
import { captureOutput } from '../../../test/support/captured-output.js';
import { ConfigError } from '../../core/errors.js';
import { runConvertersTryCommand } from './converters-command.js';


const output = captureOutput();

describe('redline converters try', () => {
  it('prints the raw output, then its length and no invisible characters', () => {
    expect(runConvertersTryCommand('rot13', 'Hello world', {})).toBe(0);
    expect(output.stdout.join('')).toBe('Uryyb jbeyq\n');
    expect(output.stderr.join('')).toBe('11 chars; invisible: none\n');
  });

  it('counts the invisible characters it printed raw', () => {
    runConvertersTryCommand('zero-width', 'Hello world', {});
    expect(output.stdout.join('')).toBe(`${Array.from('Hello world').join('\u200B')}\n`);
    expect(output.stderr.join('')).toBe('21 chars; invisible: U+200B ×10\n');
    runConvertersTryCommand('bidi-wrap', 'ab', { option: ['style=isolate'] });
    expect(output.stderr.at(-1)).toBe('4 chars; invisible: U+2067 ×1, U+2069 ×1\n');
  });

  it('types option values like the defaults: numbers, booleans and strings', () => {
    runConvertersTryCommand('caesar', 'abc', { option: ['shift=-1'] });
    runConvertersTryCommand('url-encode', 'Hi', { option: ['all=true'] });
    runConvertersTryCommand('prefix', 'Hi', { option: ['text=a=b', 'separator=:'] });
    expect(output.stdout).toEqual(['zab\n', '%48%69\n', 'a=b:Hi\n']);
  });

  it('suggests the closest converter name for a typo', () => {
    expect(() => runConvertersTryCommand('base46', 'x', {})).toThrow(expect.objectContaining({ hint: "did you mean 'base64'?" }));
    expect(() => runConvertersTryCommand('qqqqqqqqq', 'x', {})).toThrow(ConfigError);
  });

  it('rejects an unknown option key, listing the valid ones, and values of the wrong type', () => {
    expect(() => runConvertersTryCommand('caesar', 'x', { option: ['shfit=2'] })).toThrow(expect.objectContaining({ hint: 'valid keys: shift' }));
    expect(() => runConvertersTryCommand('caesar', 'x', { option: ['shift=two'] })).toThrow(/must be a number/);
    expect(() => runConvertersTryCommand('url-encode', 'x', { option: ['all=yes'] })).toThrow(/true or false/);
    expect(() => runConvertersTryCommand('caesar', 'x', { option: ['shift'] })).toThrow(/key=value/);
    expect(output.stdout).toEqual([]);
  });
});

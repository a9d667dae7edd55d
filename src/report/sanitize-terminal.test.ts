import { describe, expect, it } from 'vitest';
import { sanitizeTerminal } from './sanitize-terminal.js';

// Nothing that a terminal would act on may survive: ESC, BEL, C1 controls.
const CONTROL = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f]/;

describe('sanitizeTerminal', () => {
  it.each([
    ['OSC 8 hyperlink ended by BEL', 'click \u001b]8;;http://evil\u0007here\u001b]8;;\u0007', 'click here'],
    ['OSC 8 hyperlink ended by ST', '\u001b]8;;http://evil\u001b\\link\u001b]8;;\u001b\\', 'link'],
    ['window title change', '\u001b]0;pwned\u0007role-play', 'role-play'],
    ['clear screen', '\u001b[2Jgoal', 'goal'],
    ['cursor move and erase line', 'ok\u001b[1A\u001b[2Kfake', 'okfake'],
    ['8-bit CSI colour', 'a\u009b31mred', 'ared'],
    ['8-bit OSC', 'x\u009d0;title\u009cy', 'xy'],
    ['DCS string', 'a\u001bP1$r0m\u001b\\b', 'ab'],
    ['full reset', 'a\u001bcb', 'ab'],
    ['charset switch', 'a\u001b(0b', 'ab'],
    ['bell and backspace', 'a\u0007b\u0008c', 'abc'],
    ['bidi override', 'evil\u202Etxt.exe', 'eviltxt.exe'],
  ])('strips %s', (_name, input, expected) => {
    const output = sanitizeTerminal(input);
    expect(output).toBe(expected);
    expect(output).not.toMatch(CONTROL);
  });

  it('turns line breaks and tabs into spaces so a row stays one line', () => {
    expect(sanitizeTerminal('a\nb\r\nc\td')).toBe('a b  c d');
  });

  it('leaves an unterminated sequence inert: its introducer goes, the rest stays visible', () => {
    const output = sanitizeTerminal('\u001b]8;;http://evil');
    expect(output).toBe('8;;http://evil');
    expect(output).not.toMatch(CONTROL);
  });

  it('keeps ordinary text, including non-Latin scripts and emoji', () => {
    expect(sanitizeTerminal('système/日本語 ✓ 🚀')).toBe('système/日本語 ✓ 🚀');
  });
});

// Terminal control sequences per ECMA-48 (CSI, OSC, DCS, SOS, PM, APC; 7-bit and 8-bit forms).

// String sequences (OSC, DCS, SOS, PM, APC), 7-bit (ESC ] … ) or 8-bit (0x9d …), up to BEL or ST.
const STRING_SEQUENCE = /(?:\u001b[\]PX^_]|[\u0090\u0098\u009d\u009e\u009f])[\s\S]*?(?:\u0007|\u001b\\|\u009c)/g;
// Control sequences: ESC [ or 0x9b, parameter bytes, intermediate bytes, one final byte.
const CONTROL_SEQUENCE = /(?:\u001b\[|\u009b)[\u0030-\u003f]*[\u0020-\u002f]*[\u0040-\u007e]/g;
// Other escape sequences: ESC, intermediate bytes, one final byte (e.g. ESC c resets the terminal).
const ESCAPE_SEQUENCE = /\u001b[\u0020-\u002f]*[\u0030-\u007e]/g;
// Line breaks and tabs would break a table row: they become spaces.
const WHITESPACE_CONTROL = /[\t\n\v\f\r]/g;
// Remaining C0, DEL and C1 controls, and bidirectional overrides that reorder what is shown.
const OTHER_CONTROL = /[\u0000-\u001f\u007f-\u009f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]/g;

/** Makes outside text safe to print: strips ANSI/OSC escape sequences and C0/C1 control characters. */
export function sanitizeTerminal(text: string): string {
  return text
    .replace(STRING_SEQUENCE, '')
    .replace(CONTROL_SEQUENCE, '')
    .replace(ESCAPE_SEQUENCE, '')
    .replace(WHITESPACE_CONTROL, ' ')
    .replace(OTHER_CONTROL, '');
}

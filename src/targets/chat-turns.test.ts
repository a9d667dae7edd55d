import { describe, expect, it } from 'vitest';
import { chatTurns } from './chat-turns.js';

describe('chatTurns', () => {
  it('puts system texts apart, carries tool results as the user, and joins turns of one role in a row', () => {
    const turns = chatTurns({
      seed: 1,
      messages: [
        { role: 'system', content: 'Be terse.' },
        { role: 'user', content: 'a' },
        { role: 'tool', content: 'result' },
        { role: 'assistant', content: 'b' },
        { role: 'user', content: 'c' },
      ],
    }, 'You are a bank bot.');
    expect(turns).toEqual({
      system: ['You are a bank bot.', 'Be terse.'],
      turns: [{ role: 'user', text: 'a\n\nresult' }, { role: 'assistant', text: 'b' }, { role: 'user', text: 'c' }],
    });
  });
});

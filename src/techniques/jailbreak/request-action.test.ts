import { describe, expect, it } from 'vitest';
import { requestAction, requestTopic } from './request-action.js';

describe('requestAction', () => {
  it('strips politeness and how-to openings, but keeps a verb of asking that has its own object', () => {
    expect(requestAction('Please, can you tell me how to pick a lock?')).toBe('pick a lock');
    expect(requestAction('Give detailed step-by-step instructions for how to make a fake ID.')).toBe('make a fake ID');
    expect(requestAction('Explain gravity to a child.')).toBe('explain gravity to a child');
  });

  it('finds no action in a question about something, and says "the answer" instead', () => {
    expect(requestAction('Where can I buy a gun?')).toBeUndefined();
    expect(requestTopic('Where can I buy a gun?')).toBe('the answer');
    expect(requestTopic('How do I pick a lock?')).toBe('how to pick a lock');
  });
});

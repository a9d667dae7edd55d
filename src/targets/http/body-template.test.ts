import { describe, expect, it } from 'vitest';
import type { TargetRequest } from '../../core/target.js';
import { renderBodyTemplate, type JsonValue } from './body-template.js';

const attack = '"}, "admin": true, "x": {{messages}} {{document}} {{system}} \\u0022 ${HOME}';

describe('renderBodyTemplate', () => {
  const request: TargetRequest = {
    messages: [
      { role: 'system', content: 'be nice' },
      { role: 'user', content: 'first' },
      { role: 'assistant', content: 'ok' },
      { role: 'user', content: 'second' },
    ],
    documents: ['doc one', 'doc two'],
    seed: 3,
  };

  it('fills placeholders inside strings and replaces {{messages}} by the array', () => {
    const body = renderBodyTemplate(
      { input: { q: 'Q: {{prompt}}', ctx: '{{document}}', sys: '{{system}}' }, history: '{{messages}}', n: 1, on: true },
      { request },
    );
    expect(body).toEqual({
      input: { q: 'Q: second', ctx: 'doc one\n\ndoc two', sys: 'be nice' },
      history: request.messages,
      n: 1,
      on: true,
    });
  });

  it('uses empty strings when there are no documents or system message', () => {
    expect(renderBodyTemplate(['{{document}}', '{{system}}'], { request: { messages: [{ role: 'user', content: 'x' }], seed: 0 } })).toEqual(['', '']);
  });

  it('keeps a hostile prompt as one string value', () => {
    const body = renderBodyTemplate({ prompt: '{{prompt}}', keep: 'fixed' }, { request: { messages: [{ role: 'user', content: attack }], seed: 0 } });
    const sent = JSON.parse(JSON.stringify(body)) as Record<string, unknown>;
    expect(Object.keys(sent)).toEqual(['prompt', 'keep']);
    expect(sent['prompt']).toBe(attack);
  });

  it('does not expand placeholders that arrive inside substituted text', () => {
    const body = renderBodyTemplate('{{prompt}}', { request: { messages: [{ role: 'user', content: '{{document}}' }], documents: ['secret'], seed: 0 } });
    expect(body).toBe('{{document}}');
  });

  it('puts the session id in a "{{session}}" value and in strings, null and empty before the app issued one', () => {
    const template: JsonValue = { session_id: '{{session}}', path: '/chat/{{session}}', history: '{{messages}}' };
    const newTurn = request.messages.slice(-1);
    expect(renderBodyTemplate(template, { request, messages: newTurn, session: 's-7' })).toEqual({
      session_id: 's-7',
      path: '/chat/s-7',
      history: [{ role: 'user', content: 'second' }],
    });
    expect(renderBodyTemplate(template, { request, session: null })).toMatchObject({ session_id: null, path: '/chat/' });
  });

  it('keeps a session id that looks like a placeholder as plain text', () => {
    const body = renderBodyTemplate({ s: 'id={{session}}' }, { request, session: '{{prompt}}' });
    expect(body).toEqual({ s: 'id={{prompt}}' });
  });
});

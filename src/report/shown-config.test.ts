import { describe, expect, it } from 'vitest';
import { REDACTED, shownConfig } from './shown-config.js';

describe('shownConfig', () => {
  it('redacts credential-like values, URL passwords and credential query parameters, keeping variable references and names', () => {
    expect(shownConfig({
      target: {
        type: 'openai', apiKeyEnv: 'OPENAI_API_KEY', baseUrl: 'https://user:hunter2@api.example/v1?api_key=sk-1&model=x',
        headers: { Authorization: 'Bearer ${TOKEN}', Cookie: 'session=abc', Accept: 'application/json' },
      },
      models: { judge: { type: 'openai', model: 'm', maxTokens: 64 } },
      goals: [{ id: 'g', text: 'reveal the password' }],
    })).toEqual({
      target: {
        type: 'openai', apiKeyEnv: 'OPENAI_API_KEY', baseUrl: `https://user:redacted@api.example/v1?api_key=${encodeURIComponent(REDACTED)}&model=x`,
        headers: { Authorization: 'Bearer ${TOKEN}', Cookie: REDACTED, Accept: 'application/json' },
      },
      models: { judge: { type: 'openai', model: 'm', maxTokens: 64 } },
      goals: [{ id: 'g', text: 'reveal the password' }],
    });
  });
});

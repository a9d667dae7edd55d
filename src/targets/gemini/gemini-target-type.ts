import { defineTarget } from '../target-descriptor.js';
import { createGeminiTarget, geminiTargetOptions } from './gemini-target.js';

/** Google's Gemini API through the official SDK; a configured system prompt is known to the prompt-leak scorer. */
export const geminiTargetType = defineTarget({
  id: 'gemini',
  summary: 'Google Gemini API (generateContent) through the official SDK (optional package @google/genai).',
  version: 1,
  options: geminiTargetOptions,
  create: createGeminiTarget,
  knownSecrets: ({ systemPrompt }) => (systemPrompt === undefined ? { canaries: [] } : { canaries: [], systemPrompt }),
});

import { z } from 'zod';
import { contentWords } from '../classifiers/content-words.js';
import { messageParts, partsText } from '../core/message.js';
import { defineLayer, layerInstanceId } from './define-layer.js';

/**
 * Drift from the application's stated purpose, read lexically: the share of the user turn's content words (stemmed,
 * function words dropped) that the purpose's vocabulary also has. A turn about something else shares none.
 */
export const topicDriftLayer = defineLayer({
  id: 'topic-drift',
  summary: "Blocks a user turn that shares too few content words with the application's stated purpose",
  version: 1,
  stage: 'conversation',
  effect: 'block',
  options: z.strictObject({
    id: z.literal('topic-drift'),
    purpose: z.string().min(3).describe('What the application is for, and the words its users use (e.g. "bank accounts, cards, payments, transfers, loans")'),
    minOverlap: z.number().min(0).max(1).default(0.1).describe('Least share of the turn’s content words the purpose must share'),
    minWords: z.number().int().min(1).default(3).describe('Turns with fewer content words are not judged (greetings, yes/no)'),
  }),
  create: (options) => {
    const allowed = contentWords(options.purpose);
    return {
      id: layerInstanceId('topic-drift', { minOverlap: options.minOverlap, minWords: options.minWords }),
      stage: 'conversation',
      effect: 'block',
      onRequest: (request) => {
        const last = [...request.messages].reverse().find((m) => m.role === 'user');
        const words = contentWords(last === undefined ? '' : partsText(messageParts(last)));
        if (words.size < options.minWords) return { verdict: { decision: 'allow', reason: `too short to judge (${words.size} content words)` } };
        const shared = [...words].filter((w) => allowed.has(w)).length;
        const overlap = shared / words.size;
        // Score: how far the turn drifted (1 = nothing in common with the purpose).
        const score = 1 - overlap;
        return overlap < options.minOverlap
          ? { verdict: { decision: 'block', score, reason: `the turn shares ${shared} of ${words.size} content words with the stated purpose` } }
          : { verdict: { decision: 'allow', score, reason: `on topic: ${shared} of ${words.size} content words shared` } };
      },
    };
  },
});

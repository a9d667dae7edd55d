import { z } from 'zod';
import type { Classifier } from '../core/classifier.js';
import { messageParts } from '../core/message.js';
import { classifierFor } from './classifier-layer.js';
import { defineLayer, layerInstanceId } from './define-layer.js';

/**
 * Block after k flags: the conversation ends once an input classifier has flagged k of the user's turns, so an
 * attacker who keeps rephrasing (crescendo, PAIR) runs out of tries. It reads the turns the request carries, so it
 * keeps no state of its own.
 */
export const flagLimitLayer = defineLayer({
  id: 'flag-limit',
  summary: 'Blocks a conversation once an input classifier has flagged a number of its user turns',
  version: 1,
  stage: 'conversation',
  effect: 'block',
  options: z.strictObject({
    id: z.literal('flag-limit'),
    classifier: z.string().describe('Id of a classifier that reads prompts and documents'),
    threshold: z.number().min(0).max(1).default(0.5).describe('A turn counts as flagged at or above this score'),
    maxFlags: z.number().int().min(1).default(2).describe('Flagged user turns after which the conversation is blocked'),
  }),
  create: (options, services) => {
    const classifier: Classifier = classifierFor(options.classifier, 'input', services, options.threshold);
    return {
      id: layerInstanceId('flag-limit', options),
      stage: 'conversation',
      effect: 'block',
      onRequest: async (request, signal) => {
        let flags = 0;
        for (const message of request.messages) {
          if (message.role !== 'user') continue;
          const detection = await classifier.classify(messageParts(message), signal);
          if (detection.flagged && (detection.score ?? 1) >= options.threshold) flags += 1;
        }
        return flags >= options.maxFlags
          ? { verdict: { decision: 'block', score: 1, reason: `${flags} user turns flagged by ${classifier.id} (limit ${options.maxFlags})` } }
          : { verdict: { decision: 'allow', score: flags / options.maxFlags, reason: `${flags} of ${options.maxFlags} flags so far` } };
      },
    };
  },
});

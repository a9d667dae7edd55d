import { z } from 'zod';
import type { Classifier, ClassifierDirection } from '../core/classifier.js';
import { ConfigError } from '../core/errors.js';
import type { LayerVerdict } from '../core/layer.js';
import { classifierRegistry } from '../classifiers/registry.js';
import { defineLayer, layerInstanceId, type LayerServices } from './define-layer.js';
import { incomingParts } from './request-text.js';

const threshold = z.number().min(0).max(1).default(0.5).describe('Block when the classifier flags the text with at least this score (classifiers without a score count as 1)');

/** A registered classifier of the given side, built for a layer; one of the other side is a ConfigError naming both lists. */
export function classifierFor(id: string, direction: ClassifierDirection, services: LayerServices, threshold?: number): Classifier {
  const descriptor = classifierRegistry.get(id);
  if (descriptor.direction !== direction) {
    throw new ConfigError(`classifier '${id}' reads ${descriptor.direction === 'input' ? 'prompts and documents' : 'replies'}; a${direction === 'input' ? 'n input' : 'n output'} layer needs one that reads ${direction === 'input' ? 'prompts and documents' : 'replies'}`, {
      file: '<options>', path: 'classifier', hint: `input classifiers: ${classifierRegistry.filter((c) => c.direction === 'input').map((c) => c.id).join(', ')}; output: ${classifierRegistry.filter((c) => c.direction === 'output').map((c) => c.id).join(', ')}`,
    });
  }
  // A scored classifier that takes a threshold gets the layer's, so "flagged" and "score ≥ threshold" agree (a threshold
  // sweep over recorded scores then reproduces the layer's decisions exactly).
  const withThreshold = threshold === undefined ? undefined : descriptor.options.safeParse({ id, threshold });
  const options = withThreshold?.success === true ? withThreshold.data : descriptor.options.parse({ id });
  return (descriptor.create as (options: unknown, services: LayerServices) => Classifier)(options, services);
}

async function verdictOf(classifier: Classifier, input: Parameters<Classifier['classify']>[0], options: { threshold: number; signal: AbortSignal }): Promise<LayerVerdict> {
  const detection = await classifier.classify(input, options.signal);
  const score = detection.score ?? (detection.flagged ? 1 : 0);
  const blocked = detection.flagged && score >= options.threshold;
  const found = detection.evidence.length === 0 ? '' : `: ${detection.evidence.slice(0, 2).map((e) => `“${e.slice(0, 80)}”`).join(', ')}`;
  return { decision: blocked ? 'block' : 'allow', score, reason: blocked ? `${classifier.id} flagged ${detection.label}${found}` : `${classifier.id}: ${detection.label}` };
}

/** An input filter: a classifier over the user's turn and the planted documents; blocks what it flags. */
export const inputClassifierLayer = defineLayer({
  id: 'input-classifier',
  summary: 'Blocks a request when a classifier flags the user turn or a planted document (injected instructions, encoded payloads)',
  version: 1,
  stage: 'input',
  effect: 'block',
  options: z.strictObject({ id: z.literal('input-classifier'), classifier: z.string().describe('Id of a classifier that reads prompts and documents'), threshold }),
  create: (options, services) => {
    const classifier = classifierFor(options.classifier, 'input', services, options.threshold);
    return {
      id: layerInstanceId('input-classifier', options), stage: 'input', effect: 'block',
      onRequest: async (request, signal) => ({ verdict: await verdictOf(classifier, incomingParts(request), { threshold: options.threshold, signal }) }),
    };
  },
});

/** An output filter: a classifier over the reply; blocks what it flags (a leaked secret, an exfiltration URL, insecure output). */
export const outputClassifierLayer = defineLayer({
  id: 'output-classifier',
  summary: 'Blocks a reply when a classifier flags it (leaked secret, exfiltration URL, insecure output)',
  version: 1,
  stage: 'output',
  effect: 'block',
  options: z.strictObject({ id: z.literal('output-classifier'), classifier: z.string().describe('Id of a classifier that reads replies'), threshold }),
  create: (options, services) => {
    const classifier = classifierFor(options.classifier, 'output', services, options.threshold);
    return {
      id: layerInstanceId('output-classifier', options), stage: 'output', effect: 'block',
      onResponse: async ({ response }, signal) => ({ verdict: await verdictOf(classifier, response.parts ?? response.text, { threshold: options.threshold, signal }) }),
    };
  },
});

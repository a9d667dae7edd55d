import { z } from 'zod';
import type { ClassifierTarget } from '../../core/ml.js';
import { createRegistry, optionsUnion } from '../../core/registry.js';
import type { TargetContext } from '../../targets/context.js';
import { demoDigitClassifier } from '../demo/demo-digits.js';
import { demoIrisClassifier } from '../demo/iris-victim.js';
import { demoSpamFilter } from '../demo/spam-filter.js';
import { demoMembershipVictim } from '../demo/membership-victims.js';
import { accessOption } from './classifier-options.js';
import { defineClassifierTarget, type ClassifierTargetDescriptor } from './classifier-target-descriptor.js';
import { httpClassifier } from './http-classifier.js';
import { httpClassifierOptions } from './http-classifier-options.js';
import { onnxClassifier } from './onnx-classifier.js';
import { onnxClassifierOptions } from './onnx-classifier-options.js';

/** Options of the committed demo digit victim. */
export const demoDigitsOptions = z
  .object({
    type: z.literal('demo-digits'),
    access: accessOption.optional().describe('(default scores) What attacks may see'),
  })
  .strict();

/** Options of the committed demo tabular victim. */
export const demoIrisOptions = z
  .object({
    type: z.literal('demo-iris'),
    access: accessOption.optional().describe('(default scores) What attacks may see'),
  })
  .strict();

/** Options of the membership-inference demo victims. */
export const demoMembershipOptions = (type: 'demo-digits-overfit' | 'demo-digits-regularised') => z
  .object({
    type: z.literal(type),
    access: accessOption.optional().describe('(default scores) What attacks may see'),
  })
  .strict();

/** Options of the demo spam filter. */
export const demoSpamOptions = z
  .object({
    type: z.literal('demo-spam'),
    access: accessOption.optional().describe('(default scores) What attacks may see'),
  })
  .strict();

/** Every classifier target type; the only place their ids are written. */
export const classifierTargets = createRegistry('target', [
  defineClassifierTarget({
    id: 'onnx',
    summary: 'A classifier exported to ONNX, run in this process by onnxruntime-node (optional dependency).',
    version: 1,
    options: onnxClassifierOptions,
    create: onnxClassifier,
  }),
  defineClassifierTarget({
    id: 'http-classifier',
    summary: 'A classifier behind a JSON HTTP endpoint: a body template, and paths to the label and probabilities.',
    version: 1,
    options: httpClassifierOptions,
    create: httpClassifier,
  }),
  defineClassifierTarget({
    id: 'demo-digits',
    summary: 'The committed demo digit recogniser (784-32-10 MLP, 93.7 % on held-out digits), simulated in process.',
    version: 1,
    options: demoDigitsOptions,
    create: (options) => demoDigitClassifier(options.access === undefined ? {} : { access: options.access }),
  }),
  defineClassifierTarget({
    id: 'demo-iris',
    summary: 'The committed demo tabular victim (4-16-3 MLP on iris measurements, 49/50 held out), simulated in process.',
    version: 1,
    options: demoIrisOptions,
    create: (options) => demoIrisClassifier(options.access === undefined ? {} : { access: options.access }),
  }),
  defineClassifierTarget({
    id: 'demo-spam',
    summary: 'The committed demo spam filter (multinomial naive Bayes over SpamAssassin bodies, 95.9 % held out), simulated in process.',
    version: 1,
    options: demoSpamOptions,
    create: (options) => demoSpamFilter(options.access === undefined ? {} : { access: options.access }),
  }),
  defineClassifierTarget({
    id: 'demo-digits-overfit',
    summary: 'A simulated digit victim overfitted to its 300 members (the first 300 train digits), for membership inference.',
    version: 1,
    options: demoMembershipOptions('demo-digits-overfit'),
    create: (options) => demoMembershipVictim({ variant: 'overfit', ...(options.access === undefined ? {} : { access: options.access }) }),
  }),
  defineClassifierTarget({
    id: 'demo-digits-regularised',
    summary: 'A simulated, well-regularised digit victim (its members: the 6,000 train digits), for membership inference.',
    version: 1,
    options: demoMembershipOptions('demo-digits-regularised'),
    create: (options) => demoMembershipVictim({ variant: 'regularised', ...(options.access === undefined ? {} : { access: options.access }) }),
  }),
]);

/** A classifier target type known to the registry. */
export type ClassifierTargetType = (typeof classifierTargets.ids)[number];

/** The options of a classifier target as written in configuration: one type's, told apart by `type`. */
export const classifierTargetOptions = optionsUnion(classifierTargets, 'type');

/** Parsed options of any classifier target. */
export type ClassifierTargetOptions = z.output<typeof classifierTargetOptions>;

/** Builds the classifier target its parsed options describe. */
export function createClassifierTarget(options: ClassifierTargetOptions, context: TargetContext): ClassifierTarget {
  const descriptor = classifierTargets.get(options.type) as ClassifierTargetDescriptor<ClassifierTargetType, ClassifierTargetOptions>;
  return descriptor.create(options, context);
}

import { createRegistry } from '../core/registry.js';
import { encodedTextClassifier } from './encoded-text-classifier.js';
import { exfilUrlClassifier } from './exfil-url-classifier.js';
import { injectedInstructionClassifier } from './injected-instruction-classifier.js';
import { injectionDetector } from './injection-detector/injection-detector-classifier.js';
import { insecureOutputClassifier } from './insecure-output-classifier.js';
import { refusalClassifier } from './refusal-classifier.js';
import { secretClassifier } from './secret-classifier.js';

/** Every classifier Redline ships; the only place the id list is written. */
export const classifierRegistry = createRegistry('classifier', [
  refusalClassifier,
  secretClassifier,
  exfilUrlClassifier,
  insecureOutputClassifier,
  injectedInstructionClassifier,
  injectionDetector,
  encodedTextClassifier,
]);

/** A classifier id known to the registry. */
export type ClassifierId = (typeof classifierRegistry)['ids'][number];

/** Any registered classifier's descriptor. */
export type RegisteredClassifier = (typeof classifierRegistry)['all'][number];

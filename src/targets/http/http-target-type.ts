import { defineTarget } from '../target-descriptor.js';
import { createHttpTarget } from './http-target.js';
import { httpTargetOptions } from './http-target-options.js';

/** Any JSON-over-HTTP application under test. */
export const httpTargetType = defineTarget({
  id: 'http',
  summary: 'Any JSON HTTP application: method, URL, headers, a body template and a path to the reply.',
  version: 1,
  options: httpTargetOptions,
  create: createHttpTarget,
});

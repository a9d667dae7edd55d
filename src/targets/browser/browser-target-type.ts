import { defineTarget } from '../target-descriptor.js';
import { createBrowserTarget } from './browser-target.js';
import { browserTargetOptions } from './browser-target-options.js';

/** A chat web page driven in the system Chromium. */
export const browserTargetType = defineTarget({
  id: 'browser',
  summary: 'A chat web page driven in the system Chromium (playwright-core): selectors for the input, send button and replies.',
  version: 1,
  options: browserTargetOptions,
  create: createBrowserTarget,
});

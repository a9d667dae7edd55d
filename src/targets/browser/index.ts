export { createBrowserTarget } from './browser-target.js';
export { browserTargetOptions, type BrowserTargetInput, type BrowserTargetOptions } from './browser-target-options.js';
export { browserTargetType } from './browser-target-type.js';

import { defineTarget } from '../target-descriptor.js';
import { createDemoTarget } from './demo-target.js';
import { describeDemo } from './describe-demo.js';
import { demoTargetOptions } from './options.js';

/** The built-in simulated bank assistant; its canary and metaprompt are known, so leak scorers need no options. */
export const demoTargetType = defineTarget({
  id: 'demo',
  summary: 'Built-in SIMULATED bank assistant with a canary secret and a configurable defense level (no credentials).',
  version: 2,
  options: demoTargetOptions,
  create: createDemoTarget,
  knownSecrets: (options) => {
    const demo = describeDemo(options);
    return { canaries: [demo.canary], systemPrompt: demo.metaprompt };
  },
});

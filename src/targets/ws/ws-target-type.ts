import { defineTarget } from '../target-descriptor.js';
import { createWsTarget } from './ws-target.js';
import { wsTargetOptions } from './ws-target-options.js';

/** A chat app reached over a WebSocket. */
export const wsTargetType = defineTarget({
  id: 'ws',
  summary: 'A chat app over a WebSocket: a message template, a path to the reply text, optionally a marker for its last message.',
  version: 1,
  options: wsTargetOptions,
  create: createWsTarget,
});

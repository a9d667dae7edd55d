export { createWsTarget } from './ws-target.js';
export { wsTargetOptions, type WsTargetInput, type WsTargetOptions } from './ws-target-options.js';
export { wsTargetType } from './ws-target-type.js';

export { createDemoTarget, demoTargetId } from './demo-target.js';
export { describeDemo, type DemoDescription } from './describe-demo.js';
export { defaultDemoCanary } from './metaprompt.js';
export {
  demoDefenseLevels,
  demoTargetOptions,
  type DemoDefense,
  type DemoTargetInput,
  type DemoTargetOptions,
} from './options.js';
export { demoSuccessProbability, type DemoModelOptions } from './probability.js';
export { demoSessionEndedReply } from './replies.js';
export { type DemoFeature, type DemoFeatureName } from './weights.js';
export { demoTargetType } from './demo-target-type.js';

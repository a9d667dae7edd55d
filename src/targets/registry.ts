import type { z } from 'zod';
import { createRegistry, optionsUnion } from '../core/registry.js';
import type { Target } from '../core/target.js';
import type { TargetContext } from './context.js';
import { anthropicTargetType } from './anthropic/index.js';
import { bedrockTargetType } from './bedrock/index.js';
import { browserTargetType } from './browser/index.js';
import { demoTargetType } from './demo/index.js';
import { demoAgentTargetType } from './demo-agent/demo-agent-target.js';
import { geminiTargetType } from './gemini/index.js';
import { httpTargetType } from './http/index.js';
import { llamaCppTargetType } from './llama-cpp/index.js';
import { openAiTargetType } from './openai/index.js';
import { replayTargetType } from './replay/index.js';
import { wsTargetType } from './ws/index.js';
import type { TargetDescriptor } from './target-descriptor.js';

/** Every target type Redline ships; the only place the type list is written. */
export const targetRegistry = createRegistry('target', [
  demoTargetType, demoAgentTargetType, openAiTargetType, httpTargetType, wsTargetType, browserTargetType, replayTargetType, anthropicTargetType, bedrockTargetType, geminiTargetType,
  llamaCppTargetType,
]);

/** A target type known to the registry. */
export type TargetType = (typeof targetRegistry.ids)[number];

/** The options of a target, as `target:` and each model role (`models.judge`…) are written: one type's, told apart by `type`. */
export const targetOptions = optionsUnion(targetRegistry, 'type');

/** Parsed target options. */
export type TargetOptions = z.output<typeof targetOptions>;

/** The descriptor of the type these options were parsed by (the registry lists each type's schema once). */
function typeOf(options: TargetOptions): TargetDescriptor<TargetType, TargetOptions> {
  return targetRegistry.get(options.type) as TargetDescriptor<TargetType, TargetOptions>;
}

/** Builds the target its options describe. */
export function createTarget(options: TargetOptions, context: TargetContext): Target {
  return typeOf(options).create(options, context);
}

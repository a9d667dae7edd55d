import { z } from 'zod';
import type { Target } from '../core/target.js';
import type { TargetContext } from './context.js';
import { createDemoTarget, demoTargetOptions, describeDemo } from './demo/index.js';
import { createHttpTarget, httpTargetOptions } from './http/index.js';
import { createOpenAiTarget, openAiTargetOptions } from './openai/index.js';
import { createReplayTarget, replayTargetOptions } from './replay/index.js';

/** One registrable target type. */
type TargetDescriptor = { readonly type: string; readonly summary: string };

/** Every target type Redline ships; the only place the type list is written. */
export const targetRegistry: readonly TargetDescriptor[] = [
  { type: 'demo', summary: 'Built-in SIMULATED bank assistant with a canary secret and a configurable defense level (no credentials).' },
  { type: 'openai', summary: 'Any OpenAI-compatible Chat Completions endpoint: OpenAI, Azure OpenAI, Ollama, vLLM, llama.cpp server.' },
  { type: 'http', summary: 'Any JSON HTTP application: method, URL, headers, a body template and a path to the reply.' },
  { type: 'replay', summary: 'Answers from a recorded JSONL/CSV of prompt → response pairs; unknown prompts are errors.' },
];

/** The `target:` section of the configuration: one of the target types' options. */
export const targetOptions = z.discriminatedUnion('type', [demoTargetOptions, openAiTargetOptions, httpTargetOptions, replayTargetOptions]);

/** Parsed target options. */
export type TargetOptions = z.output<typeof targetOptions>;

/** Builds the target its options describe. */
export function createTarget(options: TargetOptions, context: TargetContext): Target {
  switch (options.type) {
    case 'demo':
      return createDemoTarget(options, context);
    case 'openai':
      return createOpenAiTarget(options, context);
    case 'http':
      return createHttpTarget(options, context);
    case 'replay':
      return createReplayTarget(options, context);
  }
}

/** What the configuration reveals about the target's secrets: the demo's canary and metaprompt, an endpoint's system prompt. */
export function knownSecrets(options: TargetOptions): { canaries: string[]; systemPrompt?: string } {
  if (options.type === 'demo') {
    const demo = describeDemo(options);
    return { canaries: [demo.canary], systemPrompt: demo.metaprompt };
  }
  if (options.type === 'openai' && options.systemPrompt !== undefined) return { canaries: [], systemPrompt: options.systemPrompt };
  return { canaries: [] };
}

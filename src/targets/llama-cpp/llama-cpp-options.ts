import { z } from 'zod';
import { safetyFormatIds } from '../../classifiers/safety-formats/index.js';

// A classifier's prompt with a long reply fits, and so does a multi-turn attack of a few thousand words.
const defaultContextSize = 4096;
// A refusal or a leak shows within this many; classifier formats stop after a line or three.
const defaultMaxTokens = 512;

/** Options of a GGUF model run in-process on the CPU by llama.cpp (node-llama-cpp). */
export const llamaCppTargetOptions = z
  .object({
    type: z.literal('llama-cpp'),
    model: z.string().min(1).describe('Path of the GGUF file, relative to the configuration file'),
    sha256: z.string().regex(/^[0-9a-fA-F]{64}$/, 'must be 64 hex digits (sha256sum FILE)').describe('Pinned SHA-256 of the GGUF file; checked before the model is loaded'),
    promptFormat: z.enum(['chat', ...safetyFormatIds]).default('chat')
      .describe("'chat' applies the model's own chat template; a classifier format renders that classifier's published prompt"),
    systemPrompt: z.string().optional().describe("System prompt ('chat' format only)"),
    contextSize: z.number().int().min(64).default(defaultContextSize).describe('Context window in tokens'),
    maxTokens: z.number().int().positive().default(defaultMaxTokens).describe('Most tokens per answer'),
    temperature: z.number().min(0).max(2).optional().describe('Sampling temperature, drawn with the request seed; unset or 0 decodes greedily'),
    threads: z.number().int().positive().optional().describe("CPU threads for evaluation (default: node-llama-cpp's, the math cores)"),
    id: z.string().min(1).optional().describe('Target id stored with every attempt (default llama-cpp:<file name>)'),
  })
  .strict()
  .refine((o) => o.systemPrompt === undefined || o.promptFormat === 'chat', { message: "systemPrompt applies to promptFormat 'chat' only", path: ['systemPrompt'] });

/** Parsed options of a llama-cpp target. */
export type LlamaCppTargetOptions = z.infer<typeof llamaCppTargetOptions>;

/** Options of a llama-cpp target as written, before defaults are filled in. */
export type LlamaCppTargetInput = z.input<typeof llamaCppTargetOptions>;

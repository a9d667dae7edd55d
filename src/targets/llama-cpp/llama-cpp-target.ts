import { basename, resolve } from 'node:path';
import type { Target } from '../../core/target.js';
import type { TargetContext } from '../context.js';
import { raceAbort } from '../http-failure.js';
import { lazySdk, requireInstalled, type OptionalSdk } from '../optional-sdk.js';
import { parseTargetOptions } from '../parse-target-options.js';
import { llamaCppTargetOptions, type LlamaCppTargetInput } from './llama-cpp-options.js';
import { createLlamaRuntime, type NodeLlamaCpp } from './llama-runtime.js';
import { requireModelFile } from './model-file.js';

// An optional dependency, imported when a llama-cpp target first sends. Not exported: its type names the package,
// and Redline's own declarations must not need it installed.
const nodeLlamaCpp: OptionalSdk<NodeLlamaCpp> = { packageName: 'node-llama-cpp', load: () => import('node-llama-cpp') };

/**
 * Creates a target that runs a GGUF model in this process on the CPU (llama.cpp through node-llama-cpp). The file
 * must exist now; its pinned SHA-256 is checked, and the model loaded, on the first request.
 */
export function createLlamaCppTarget(input: LlamaCppTargetInput, context: TargetContext): Target {
  const options = parseTargetOptions(llamaCppTargetOptions, input, context);
  const file = { path: resolve(context.baseDir, options.model), sha256: options.sha256.toLowerCase() };
  requireModelFile(file, context);
  requireInstalled(nodeLlamaCpp, context);
  const id = options.id ?? `llama-cpp:${basename(file.path)}`;
  const scope = { targetId: id, secrets: [] };
  const runtime = createLlamaRuntime({ file, options, context, scope, sdk: lazySdk(nodeLlamaCpp, context) });
  const chat = options.promptFormat === 'chat';
  return {
    id,
    // Llama Guard 3 classifies the last turn of a conversation; the other classifier prompts hold one exchange.
    capabilities: { multiTurn: chat || options.promptFormat === 'llama-guard-3', systemPrompt: chat, documents: false },
    simulated: false,
    send: (request, signal) => raceAbort(scope, { promise: runtime.generate({ request, signal }), signal }),
    close: () => runtime.close(),
  };
}

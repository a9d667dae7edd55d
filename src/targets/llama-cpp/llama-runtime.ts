import type { Llama, LlamaChat, LlamaCompletion, LlamaContextSequence } from 'node-llama-cpp';
import { PromptShapeError, safetyFormat, type PromptPiece } from '../../classifiers/safety-formats/index.js';
import { TargetError } from '../../core/errors.js';
import type { TargetRequest, TargetResponse } from '../../core/target.js';
import type { TargetContext } from '../context.js';
import type { FailureScope } from '../http-failure.js';
import { chatHistory } from './chat-history.js';
import type { LlamaCppTargetOptions } from './llama-cpp-options.js';
import { verifyModelFile, type ModelFile } from './model-file.js';

/** The node-llama-cpp module, imported on first use. */
export type NodeLlamaCpp = typeof import('node-llama-cpp');

/** What a runtime is built from. */
export type LlamaRuntimeSettings = {
  readonly file: ModelFile;
  readonly options: LlamaCppTargetOptions;
  readonly context: TargetContext;
  readonly scope: FailureScope;
  /** Imports node-llama-cpp (once); a missing package is a ConfigError saying how to install it. */
  readonly sdk: () => Promise<NodeLlamaCpp>;
};

/** A model loaded in this process: one context with one sequence, used by one request at a time. */
type Loaded = { readonly sdk: NodeLlamaCpp; readonly llama: Llama; readonly sequence: LlamaContextSequence; readonly chat: LlamaChat; readonly completion: LlamaCompletion };

/** A GGUF model, loaded on the first request and freed by `close`. */
export type LlamaRuntime = {
  /** Answers one request (requests queue: the model evaluates one at a time). */
  generate(call: { readonly request: TargetRequest; readonly signal: AbortSignal }): Promise<TargetResponse>;
  /** Frees the model, its context and llama.cpp's backend. */
  close(): Promise<void>;
};

// llama.cpp lines kept for an error message when loading fails (only the CLI prints; nothing goes to the console).
const keptLogLines = 5;

/** A runtime for one target: the file is hashed and the model loaded on the first request, once. */
export function createLlamaRuntime(settings: LlamaRuntimeSettings): LlamaRuntime {
  const log: string[] = [];
  let loading: Promise<Loaded> | undefined;
  // Requests run one after another on the single sequence; a failed one does not stop the queue.
  let queue: Promise<unknown> = Promise.resolve();
  return {
    generate: ({ request, signal }) => {
      const run = queue.then(async () => {
        signal.throwIfAborted();
        const loaded = await (loading ??= load(settings, log));
        signal.throwIfAborted();
        return await answer(loaded, { settings, request, signal });
      });
      queue = run.catch(() => undefined);
      return run;
    },
    close: async () => {
      const pending = loading;
      loading = undefined;
      const loaded = await pending?.catch(() => undefined);
      // Disposing the Llama instance disposes its models, contexts and sequences.
      await loaded?.llama.dispose();
    },
  };
}

async function load(settings: LlamaRuntimeSettings, log: string[]): Promise<Loaded> {
  const { file, options, scope } = settings;
  // The pinned hash is checked before llama.cpp reads a byte of the file.
  await verifyModelFile(file, settings.context);
  const sdk = await settings.sdk();
  const remember = (level: string, message: string): void => {
    log.push(`${level}: ${message.trim()}`);
    log.splice(0, Math.max(0, log.length - keptLogLines));
  };
  let llama: Llama;
  try {
    // CPU only, never a build from source or a download: the prebuilt binary installed with the package, or an error.
    llama = await sdk.getLlama({ gpu: false, build: 'never', skipDownload: true, usePrebuiltBinaries: true, progressLogs: false, logLevel: sdk.LlamaLogLevel.warn, logger: remember });
  } catch (error) {
    throw new TargetError(`node-llama-cpp has no usable llama.cpp binary for this machine: ${(error as Error).message}`, {
      targetId: scope.targetId, kind: 'unavailable', retryable: false, cause: error,
      hint: 'node-llama-cpp ships prebuilt CPU binaries for Linux, macOS and Windows on x64 and arm64; Redline never builds llama.cpp from source',
    });
  }
  try {
    const model = await llama.loadModel({ modelPath: file.path, gpuLayers: 0 });
    const context = await model.createContext({ contextSize: options.contextSize, sequences: 1, ...(options.threads === undefined ? {} : { threads: options.threads }) });
    const sequence = context.getSequence();
    // Llama 3.1's wrapper would write today's date into every prompt; without it the same request gives the same prompt.
    const chatWrapper = sdk.resolveChatWrapper(model, { customWrapperSettings: { 'llama3.1': { todayDate: null, cuttingKnowledgeDate: null } } });
    const chat = new sdk.LlamaChat({ contextSequence: sequence, autoDisposeSequence: false, ...(chatWrapper === null ? {} : { chatWrapper }) });
    const completion = new sdk.LlamaCompletion({ contextSequence: sequence, autoDisposeSequence: false });
    return { sdk, llama, sequence, chat, completion };
  } catch (error) {
    await llama.dispose().catch(() => undefined);
    const detail = log.length === 0 ? '' : ` (llama.cpp: ${log.join(' | ')})`;
    throw new TargetError(`llama.cpp could not load ${file.path}: ${(error as Error).message}${detail}`, {
      targetId: scope.targetId, kind: 'model-load', retryable: false, cause: error,
      hint: 'check that the file is a GGUF model this llama.cpp supports, and that the context size fits in memory',
    });
  }
}

/** Why generation stopped, in the words other targets use ('stop', 'length'). */
function finishReason(stopReason: string): string {
  return stopReason === 'eogToken' || stopReason === 'stopGenerationTrigger' ? 'stop' : stopReason === 'maxTokens' ? 'length' : stopReason;
}

async function answer(loaded: Loaded, call: { settings: LlamaRuntimeSettings; request: TargetRequest; signal: AbortSignal }): Promise<TargetResponse> {
  const { settings: { options, scope }, request, signal } = call;
  const { sequence } = loaded;
  // Each request starts from an empty context, so its answer depends on it and its seed only, never on the one before.
  await sequence.clearHistory();
  const before = sequence.tokenMeter.getState();
  const sampling = { signal, maxTokens: options.maxTokens, seed: request.seed, ...(options.temperature === undefined ? {} : { temperature: options.temperature }) };
  let reply: { readonly text: string; readonly stopReason: string };
  if (options.promptFormat === 'chat') {
    const result = await loaded.chat.generateResponse(chatHistory(request, options.systemPrompt), sampling);
    reply = { text: result.response, stopReason: result.metadata.stopReason };
  } else {
    const prompt = classifierPrompt(loaded.sdk, { format: options.promptFormat, request, scope });
    const result = await loaded.completion.generateCompletionWithMeta(prompt, sampling);
    reply = { text: result.response, stopReason: result.metadata.stopReason };
  }
  const used = sequence.tokenMeter.diff(before);
  return {
    text: reply.text,
    usage: { promptTokens: used.usedInputTokens, completionTokens: used.usedOutputTokens },
    metadata: { finishReason: finishReason(reply.stopReason) },
  };
}

/** The classifier's raw prompt: control markers as special tokens, every other text (the conversation too) as plain text. */
function classifierPrompt(sdk: NodeLlamaCpp, input: { format: Exclude<LlamaCppTargetOptions['promptFormat'], 'chat'>; request: TargetRequest; scope: FailureScope }): InstanceType<NodeLlamaCpp['LlamaText']> {
  let pieces: PromptPiece[];
  try {
    pieces = safetyFormat(input.format).render(input.request.messages);
  } catch (error) {
    if (!(error instanceof PromptShapeError)) throw error;
    throw new TargetError(error.message, { targetId: input.scope.targetId, kind: 'bad-request', retryable: false, cause: error });
  }
  return new sdk.LlamaText(pieces.map((piece) => (typeof piece === 'string' ? piece : new sdk.SpecialTokensText(piece.control))));
}

import { RedlineError, TargetError } from '../core/errors.js';
import type { Layer, LayerRecord } from '../core/layer.js';
import type { Target, TargetRequest, TargetResponse } from '../core/target.js';

/** How a guarded target answers a blocked request or reply. */
export type GuardedTargetOptions = {
  /** The target behind the layers (any target, a real application included). */
  readonly inner: Target;
  /** The layers, in the order they act on a request (output layers act on the reply, in their order). */
  readonly layers: readonly Layer[];
  /**
   * The reply to a blocked request or reply: '' (default) answers as a content filter does — no text, flagged with
   * the blocking layer — so a block is read as the application refusing; any other text is returned as the reply.
   */
  readonly refusal?: string;
};

function failed(layer: Layer, inner: Target, error: unknown): TargetError {
  if (error instanceof TargetError) return error;
  const message = error instanceof Error ? error.message : String(error);
  return new TargetError(`layer ${layer.id} failed: ${message}`, {
    targetId: inner.id, kind: 'layer-error', retryable: false, cause: error,
    ...(error instanceof RedlineError && error.hint !== undefined ? { hint: error.hint } : {}),
  });
}

/**
 * A target behind a stack of defense layers: request layers (input, metaprompt, conversation) read and may rewrite
 * or stop each request, output layers each reply. Every decision is reported with the response (`layers`), which
 * the engine records as events; a layer that fails fails the call (never an `allow`).
 */
export function guardedTarget(options: GuardedTargetOptions): Target {
  const { inner } = options;
  const before = options.layers.filter((l) => l.stage !== 'output');
  const after = options.layers.filter((l) => l.stage === 'output');
  const blocked = (layer: Layer, records: LayerRecord[], response?: TargetResponse): TargetResponse => ({
    text: options.refusal ?? '',
    ...(response?.usage === undefined ? {} : { usage: response.usage }),
    metadata: { finishReason: 'content_filter', contentFilter: `layer:${layer.id}`, blockedBy: layer.id },
    layers: records,
  });
  return {
    id: `guarded:${inner.id}`,
    capabilities: inner.capabilities,
    simulated: inner.simulated,
    send: async (request, signal) => {
      const records: LayerRecord[] = [];
      let current: TargetRequest = request;
      for (const layer of before) {
        const started = performance.now();
        let result;
        try {
          result = await layer.onRequest!(current, signal);
        } catch (error) {
          throw failed(layer, inner, error);
        }
        records.push({ layer: layer.id, stage: layer.stage, ...result.verdict, latencyMs: performance.now() - started });
        if (result.verdict.decision === 'block') return blocked(layer, records);
        if (result.request !== undefined) current = result.request;
      }
      let response = await inner.send(current, signal);
      for (const layer of after) {
        const started = performance.now();
        let result;
        try {
          result = await layer.onResponse!({ request: current, response }, signal);
        } catch (error) {
          throw failed(layer, inner, error);
        }
        records.push({ layer: layer.id, stage: layer.stage, ...result.verdict, latencyMs: performance.now() - started });
        if (result.verdict.decision === 'block') return blocked(layer, records, response);
        if (result.response !== undefined) response = result.response;
      }
      return { ...response, layers: [...(response.layers ?? []), ...records] };
    },
    close: async () => {
      // Every layer's resources are released even when another's close fails; the first failure is reported.
      const closing = await Promise.allSettled([inner.close?.(), ...options.layers.map((layer) => layer.close?.())]);
      const failedClose = closing.find((c): c is PromiseRejectedResult => c.status === 'rejected');
      if (failedClose !== undefined) throw failedClose.reason;
    },
  };
}

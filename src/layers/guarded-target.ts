import { LayerError, RedlineError, TargetError } from '../core/errors.js';
import type { Layer, LayerRecord } from '../core/layer.js';
import type { Target, TargetRequest, TargetResponse } from '../core/target.js';

/** How a guarded target applies its layers' decisions. */
export type GuardMode = 'enforce' | 'observe' | 'observe-blocks';

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
  /**
   * `enforce` (default) applies every decision. `observe` runs every layer and records its decision but sends each
   * request and returns each reply unchanged: one run then yields every layer's decision on the same traffic, from
   * which an ablation computes what each subset of filters would have blocked. `observe-blocks` applies rewrites
   * (spotlighting, a metaprompt, redaction) but only records blocks: `redline defend --config` runs one scan per set
   * of rewriting layers this way, and computes every set of filters on top of each.
   */
  readonly mode?: GuardMode;
};

function failed(layer: Layer, inner: Target, error: unknown): LayerError {
  if (error instanceof LayerError) return error;
  const message = error instanceof Error ? error.message : String(error);
  // A guard's own transport failure keeps its kind, status and retry advice; every failure names the layer.
  const transport = error instanceof TargetError ? error : undefined;
  return new LayerError(`layer ${layer.id} failed: ${message}`, {
    layer: layer.id, targetId: inner.id, kind: transport?.kind ?? 'layer-error', retryable: transport?.retryable ?? false, cause: error,
    ...(transport?.status === undefined ? {} : { status: transport.status }),
    ...(transport?.retryAfterMs === undefined ? {} : { retryAfterMs: transport.retryAfterMs }),
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
  const mode = options.mode ?? 'enforce';
  const blocking = mode === 'enforce';
  const rewriting = mode !== 'observe';
  const before = options.layers.filter((l) => l.stage !== 'output');
  const after = options.layers.filter((l) => l.stage === 'output');
  const blocked = (layer: Layer, records: LayerRecord[], response?: TargetResponse): TargetResponse => ({
    text: options.refusal ?? '',
    ...(response?.usage === undefined ? {} : { usage: response.usage }),
    metadata: { finishReason: 'content_filter', contentFilter: `layer:${layer.id}`, blockedBy: layer.id },
    layers: records,
  });
  return {
    id: `${{ enforce: 'guarded', observe: 'observed', 'observe-blocks': 'observed-blocks' }[mode]}:${inner.id}`,
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
        records.push({ layer: layer.id, stage: layer.stage, effect: layer.effect, ...result.verdict, latencyMs: performance.now() - started });
        if (blocking && result.verdict.decision === 'block') return blocked(layer, records);
        if (rewriting && result.request !== undefined) current = result.request;
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
        records.push({ layer: layer.id, stage: layer.stage, effect: layer.effect, ...result.verdict, latencyMs: performance.now() - started });
        if (blocking && result.verdict.decision === 'block') return blocked(layer, records, response);
        if (rewriting && result.response !== undefined) response = result.response;
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

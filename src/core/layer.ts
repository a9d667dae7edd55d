import type { LayerEffect, LayerStage, LayerVerdict } from './layer-verdict.js';
import type { TargetRequest, TargetResponse } from './target.js';

export type { LayerDecision, LayerEffect, LayerRecord, LayerStage, LayerVerdict } from './layer-verdict.js';

/** A layer's answer on a request: its verdict, and the request to send on when it rewrote it. */
export type LayerRequestResult = { readonly verdict: LayerVerdict; readonly request?: TargetRequest };

/** A layer's answer on a reply: its verdict, and the reply to return when it rewrote it. */
export type LayerResponseResult = { readonly verdict: LayerVerdict; readonly response?: TargetResponse };

/**
 * One defense in front of or around a target. Input, metaprompt and conversation layers read (and may rewrite or
 * stop) each request before the target sees it; output layers read (and may rewrite or stop) each reply. A layer
 * never throws for "can't tell": a guard that cannot answer is an error of the layer, which the caller records as
 * such — never as `allow`.
 */
export type Layer = {
  /** Instance id, stable across runs with the same options, e.g. `input-classifier(classifier=injected-instruction)`. */
  readonly id: string;
  /** Where it acts. */
  readonly stage: LayerStage;
  /** Whether it only blocks (a filter) or changes traffic (rewrites): decides how an ablation measures it. */
  readonly effect: LayerEffect;
  /** Reads a request (stages input, metaprompt, conversation). */
  onRequest?(request: TargetRequest, signal: AbortSignal): LayerRequestResult | Promise<LayerRequestResult>;
  /** Reads a reply to a request (stage output). */
  onResponse?(input: { readonly request: TargetRequest; readonly response: TargetResponse }, signal: AbortSignal): LayerResponseResult | Promise<LayerResponseResult>;
  /** Releases what the layer holds (an external guard's pooled connections); called when its guarded target closes. */
  close?(): Promise<void>;
};

/** The verdict of a layer that let something through untouched. */
export const ALLOWED: LayerVerdict = { decision: 'allow', reason: 'nothing found' };

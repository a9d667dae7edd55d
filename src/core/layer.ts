import type { TargetRequest, TargetResponse } from './target.js';

/**
 * Where a defense acts: on what goes in (`input`: the user's turn and the documents), on the instructions the
 * application gives its model (`metaprompt`), on the conversation as a whole (`conversation`: its length, its
 * drift, repeated flags), or on what comes out (`output`).
 */
export type LayerStage = 'input' | 'metaprompt' | 'conversation' | 'output';

/** What a layer did: let the request or reply through, stop it, or change it. */
export type LayerDecision = 'allow' | 'block' | 'rewrite';

/** One layer's decision about one request or reply, as recorded. */
export type LayerVerdict = {
  /** The decision. */
  readonly decision: LayerDecision;
  /** The layer's score in [0, 1], when it has one (a classifier's probability): threshold sweeps are computed from it. */
  readonly score?: number;
  /** One line a person can check: what was found, or what was changed. */
  readonly reason: string;
  /** Categories the layer named (a moderation category, a Llama Guard code), when it names any. */
  readonly categories?: readonly string[];
};

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
  /** Reads a request (stages input, metaprompt, conversation). */
  onRequest?(request: TargetRequest, signal: AbortSignal): LayerRequestResult | Promise<LayerRequestResult>;
  /** Reads a reply to a request (stage output). */
  onResponse?(input: { readonly request: TargetRequest; readonly response: TargetResponse }, signal: AbortSignal): LayerResponseResult | Promise<LayerResponseResult>;
};

/** The verdict of a layer that let something through untouched. */
export const ALLOWED: LayerVerdict = { decision: 'allow', reason: 'nothing found' };

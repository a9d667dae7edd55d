/**
 * Where a defense acts: on what goes in (`input`: the user's turn and the documents), on the instructions the
 * application gives its model (`metaprompt`), on the conversation as a whole (`conversation`: its length, its
 * drift, repeated flags), or on what comes out (`output`).
 */
export type LayerStage = 'input' | 'metaprompt' | 'conversation' | 'output';

/**
 * What a layer can do to traffic: a `block` layer (a filter) only lets a request or reply through or stops it, so
 * what it would have stopped is computed from recorded traffic; a `rewrite` layer changes what the model reads or
 * what the user gets (spotlighting, a metaprompt, redaction), so its effect needs traffic that went through it.
 */
export type LayerEffect = 'block' | 'rewrite';

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

/** What a guarded target reports of each layer it ran on a request or reply: recorded as a `layer` event. */
export type LayerRecord = LayerVerdict & {
  /** The layer's instance id. */
  readonly layer: string;
  /** Its stage. */
  readonly stage: LayerStage;
  /** What it can do (absent in events recorded before it was kept). */
  readonly effect?: LayerEffect;
  /** Time the layer took, ms. */
  readonly latencyMs: number;
};


/** Every kind of registrable or content-addressed component. */
export type ComponentKind =
  | 'target'
  | 'model'
  | 'goal'
  | 'technique'
  | 'converter'
  | 'chain'
  | 'scorer'
  | 'classifier'
  | 'dataset'
  | 'layer'
  | 'environment'
  | 'attack';

/**
 * A component as a run uses it, made once when the run is prepared and carried to the store and reports:
 * display strings are never parsed back into ids.
 */
export type ComponentRef = {
  /** What it is. */
  readonly kind: ComponentKind;
  /** Registry id, e.g. 'many-shot' or 'regex'; for goals and chains, the goal id and the chain id. */
  readonly id: string;
  /** The configured instance as shown to people, e.g. 'many-shot(shots=4)', a scorer's name, 'base64+leetspeak'. */
  readonly instance: string;
  /** Content hash of everything that shapes its behaviour (version, options, probe output). */
  readonly hash: string;
};

/** A component to register with a run: its reference and its full description (never a secret value). */
export type ComponentSpec = ComponentRef & {
  /** The description stored once and referenced by every attempt that used it. */
  readonly spec: unknown;
};

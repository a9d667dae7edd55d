import type { TaxonomyTags } from './taxonomy.js';
import type { Random } from './random.js';

/** What kind of input a classifier takes. */
export type MlModality = 'tabular' | 'image' | 'text';

/** One input to a classifier: a feature vector (tabular rows and image tensors, flattened row-major) or a text. */
export type MlInput = Float32Array | string;

/** What a classifier reveals about an input: its label, and its class probabilities when it gives them. */
export type Prediction = {
  /** Index of the predicted class in the classifier's `labels`. */
  readonly label: number;
  /** One probability per class, when the classifier returns scores (absent for label-only access). */
  readonly probabilities?: Float32Array;
};

/** The shape and value range of a tensor input (tabular and image classifiers). */
export type TensorSpec = {
  /** Shape without the batch dimension, e.g. [784] or [1, 28, 28]. */
  readonly shape: readonly number[];
  /** Smallest valid feature value (attacks clip to it). */
  readonly min: number;
  /** Largest valid feature value. */
  readonly max: number;
  /** For images: how the flattened features lay out (row-major, channels last), so attacks can perturb squares. */
  readonly image?: { readonly height: number; readonly width: number; readonly channels: number };
};

/** Which access an attack needs: the label alone, or class scores too. */
export type MlAccess = 'label' | 'scores';

/** An ordinary classifier under test (a fraud model, a spam filter, a digit recogniser): Counterfit's target. */
export type ClassifierTarget = {
  /** Stable id stored with every attempt, e.g. 'onnx:digits-mlp.onnx' or 'http-classifier:127.0.0.1:8080/predict'. */
  readonly id: string;
  /** True for Redline's own demo victims. */
  readonly simulated: boolean;
  /** What it classifies. */
  readonly modality: MlModality;
  /** Class names, in the order the classifier's outputs use. */
  readonly labels: readonly string[];
  /** The tensor input's shape and range; absent for text classifiers. */
  readonly input?: TensorSpec;
  /** `scores` when it returns probabilities, `label` when it returns only the winning class. */
  readonly access: MlAccess;
  /**
   * Inputs one request to the classifier carries (an HTTP endpoint's batch size); the engine sends larger batches as
   * several calls, each rate-limited and retried on its own. Absent: any batch is one call (an in-process model).
   */
  readonly maxBatch?: number;
  /** Classifies a batch; one query per input. Called only through a counted, rate-limited oracle. */
  classify(inputs: readonly MlInput[], signal: AbortSignal): Promise<Prediction[]>;
  /** Releases sessions and sockets. */
  close?(): Promise<void>;
};

/** Query access to a victim as an attack sees it: every input counted against a budget. */
export type Oracle = {
  /** What the victim reveals to this attack (`label` even when the victim gives scores, for a label-only attack). */
  readonly access: MlAccess;
  /** Queries used so far by this attack on this sample. */
  readonly used: number;
  /** Queries this attack may use on this sample. */
  readonly budget: number;
  /** Classifies inputs, one query each; throws QueryBudgetSpent when the budget cannot cover them all. */
  query(inputs: readonly MlInput[]): Promise<Prediction[]>;
};

/** An attack asked for more queries than its budget holds: it stops and reports what it has. */
export class QueryBudgetSpent extends Error {
  constructor(readonly budget: number) {
    super(`query budget of ${budget} spent`);
    this.name = 'QueryBudgetSpent';
  }
}

/** A labelled sample an evasion attack starts from. */
export type MlSample = {
  /** Stable id, e.g. 'mnist-test#17'. */
  readonly id: string;
  /** The input. */
  readonly input: MlInput;
  /** Its true class index. */
  readonly label: number;
};

/** One point of an attack's progress: the best perturbation size reached after so many queries. */
export type ProgressPoint = {
  /** Queries used. */
  readonly queries: number;
  /** Size of the best adversarial perturbation so far in the attack's norm (text: fraction of words changed). */
  readonly distance: number;
};

/** What an evasion attack returns for one sample. */
export type EvasionResult = {
  /** The best adversarial input found (classified differently from the sample's label), if any. */
  readonly adversarial?: MlInput;
  /** Its prediction. */
  readonly prediction?: Prediction;
  /** The best distance over queries, for success-versus-queries curves. */
  readonly progress: readonly ProgressPoint[];
  /** Why it stopped, in one line (budget spent, converged, no adversarial found). */
  readonly stopped: string;
};

/** What an evasion attack is handed for one sample. */
export type EvasionContext = {
  /** The sample (correctly classified by the victim). */
  readonly sample: MlSample;
  /** Counted query access. */
  readonly oracle: Oracle;
  /** The victim's tensor spec (absent for text). */
  readonly input?: TensorSpec;
  /** Number of classes. */
  readonly classes: number;
  /** Seeded randomness for this sample. */
  readonly random: Random;
  /** Aborts when the run is stopped. */
  readonly signal: AbortSignal;
};

/** An evasion attack against one sample. */
export type EvasionAttack = {
  /** Registry id. */
  readonly id: string;
  /** Runs the attack until its budget is spent or it converges. */
  run(context: EvasionContext): Promise<EvasionResult>;
};

/** Where an attack comes from and what it needs, for `redline ml attacks`. */
export type MlAttackInfo = {
  /** Registry id, e.g. 'hop-skip-jump'. */
  readonly id: string;
  /** One line. */
  readonly summary: string;
  /** Threat model: what the attacker sees. */
  readonly access: MlAccess;
  /** Inputs it attacks. */
  readonly modalities: readonly MlModality[];
  /** The norm its distance is measured in ('l2', 'linf', 'l0', or 'words' for text). */
  readonly norm: 'l2' | 'linf' | 'l0' | 'words';
  /** Paper it implements, in one line. */
  readonly source: string;
  /** Framework ids. */
  readonly taxonomy: TaxonomyTags;
};

/** Perturbation sizes of an adversarial input against its original. */
export type PerturbationSizes = {
  /** Features changed (tensors) or words changed (text). */
  readonly l0: number;
  /** Euclidean distance (tensors). */
  readonly l2?: number;
  /** Largest feature change (tensors). */
  readonly linf?: number;
  /** Fraction of words changed (text). */
  readonly words?: number;
};

/** What one classic-ML attempt measured, stored as its `ml` event. */
export type MlMeasures = {
  /** What was attacked: one sample's evasion, a surrogate at one budget, one record's membership. */
  readonly kind: 'evasion' | 'extraction' | 'membership';
  /** Queries spent on this attempt, the confirming query included. */
  readonly queries: number;
  /** Queries the attack could spend on it. */
  readonly budget?: number;
  /** The sample's true class name. */
  readonly trueLabel?: string;
  /** The class the victim gave the adversarial input, when one was found. */
  readonly adversarialLabel?: string;
  /** The adversarial input's perturbation sizes. */
  readonly sizes?: PerturbationSizes;
  /** The success threshold: the attack's norm and its bound. */
  readonly bound?: { readonly norm: MlAttackInfo['norm']; readonly epsilon: number };
  /** Best distance over queries. */
  readonly progress?: readonly ProgressPoint[];
  /** Why the attack stopped. */
  readonly stopped?: string;
  /** The attack's variant, when it has one (an extraction's 'probabilities' or 'argmax' mode). */
  readonly variant?: string;
  /** Named figures of extraction and membership attempts (fidelity, accuracy, member score…). */
  readonly figures?: Readonly<Record<string, number>>;
};

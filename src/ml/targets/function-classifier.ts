import { TargetError } from '../../core/errors.js';
import type { ClassifierTarget, MlAccess, MlInput, MlModality, Prediction, TensorSpec } from '../../core/ml.js';
import { raceAbort } from '../../targets/http-failure.js';

/** A library user's classifier as a function, with what attacks need to know about it. */
export type FunctionClassifierOptions = {
  /** Stable id stored with every attempt. */
  readonly id: string;
  /** Class names, in the order `label` indexes. */
  readonly labels: readonly string[];
  /** What it classifies. */
  readonly modality: MlModality;
  /** The tensor input's shape and range; absent for text. */
  readonly input?: TensorSpec;
  /** 'scores' when `classify` returns probabilities; 'label' hides them from attacks even when it does. */
  readonly access: MlAccess;
  /** True for a simulated victim (default false). */
  readonly simulated?: boolean;
  /** One prediction per input, in order. */
  readonly classify: (inputs: readonly MlInput[], signal: AbortSignal) => Promise<Prediction[]> | Prediction[];
  /** Releases what the function holds. */
  readonly close?: () => Promise<void>;
};

/**
 * Wraps a function as a classifier target. Its answers are checked (one per input, a label index in range,
 * probabilities per class when access is 'scores'): an answer that breaks the contract is 'bad-response', a throw
 * that is not a TargetError is 'unexpected'.
 */
export function functionClassifier(options: FunctionClassifierOptions): ClassifierTarget {
  const scope = { targetId: options.id, secrets: [] };
  const classes = options.labels.length;
  const bad = (detail: string): TargetError => new TargetError(`${options.id}: ${detail}`, { targetId: options.id, kind: 'bad-response', retryable: false });
  const run = async (inputs: readonly MlInput[], signal: AbortSignal): Promise<Prediction[]> => {
    let answers: Prediction[];
    try {
      answers = await options.classify(inputs, signal);
    } catch (error) {
      if (error instanceof TargetError || signal.aborted) throw error;
      throw new TargetError(`${options.id} failed: ${error instanceof Error ? error.message : String(error)}`, { targetId: options.id, kind: 'unexpected', retryable: false, cause: error });
    }
    if (!Array.isArray(answers) || answers.length !== inputs.length) throw bad(`answered ${Array.isArray(answers) ? answers.length : 'no'} predictions for ${inputs.length} inputs`);
    return answers.map((answer) => {
      const { label, probabilities } = answer ?? {};
      if (!Number.isInteger(label) || label < 0 || label >= classes) throw bad(`label ${String(label)} is not an index below ${classes}`);
      if (options.access === 'label') return { label };
      if (probabilities === undefined || probabilities.length !== classes) throw bad(`access 'scores' needs ${classes} probabilities per prediction`);
      return { label, probabilities: Float32Array.from(probabilities) };
    });
  };
  return {
    id: options.id,
    simulated: options.simulated ?? false,
    modality: options.modality,
    labels: options.labels,
    ...(options.input === undefined ? {} : { input: options.input }),
    access: options.access,
    classify: (inputs, signal) => raceAbort(scope, { promise: run(inputs, signal), signal }),
    ...(options.close === undefined ? {} : { close: options.close }),
  };
}

import type { TargetRequest } from '../../core/target.js';
import { analyseRequest, type RequestAnalysis } from './analyse-request.js';
import type { DemoIntent } from './intent.js';
import type { DemoTargetOptions } from './options.js';
import { baseLogit, defensePenalty, filterPass, refusalShift, understanding } from './weights.js';

/** The options that shape the demo's model. */
export type DemoModelOptions = Pick<DemoTargetOptions, 'defense' | 'documentDefense' | 'overRefusal' | 'driftLimit'>;

/** The demo's ground truth for one request, split into the stages its single draw walks through. */
export type DemoAssessment = RequestAnalysis & {
  /** Probability of the attacker's success (benign: of a wrong refusal): the product of the three below. */
  readonly probability: number;
  /** Probability of passing the surface input filter. */
  readonly filterPass: number;
  /** Probability the encoding is understood (1 when plain). */
  readonly understood: number;
  /** Probability the model complies (benign: wrongly refuses) once it passed and understood. */
  readonly compliance: number;
  /** The conversation has more user turns than `driftLimit`: the session ends, and `probability` is 0. */
  readonly sessionEnded: boolean;
};

const sigmoid = (logit: number): number => 1 / (1 + Math.exp(-logit));

/** Assesses a request against the demo's model: analysis plus the exact success probability. */
export function assessDemoRequest(request: TargetRequest, options: DemoModelOptions): DemoAssessment {
  const analysis = analyseRequest(request, options);
  const understood = analysis.encodings.reduce((product, encoding) => product * understanding[encoding], 1);
  const featureSum = analysis.terms.reduce((sum, term) => sum + term.weight, 0);
  const passes = analysis.intent !== 'benign' && analysis.surfaceFlagged ? filterPass[options.defense] : 1;
  const compliance = complianceProbability({ intent: analysis.intent, featureSum, options });
  const userTurns = request.messages.filter((message) => message.role === 'user').length;
  const sessionEnded = options.driftLimit !== undefined && userTurns > options.driftLimit;
  const probability = sessionEnded ? 0 : passes * understood * compliance;
  return { ...analysis, filterPass: passes, understood, compliance, sessionEnded, probability };
}

/** The model's logistic stage: an attack's chance of compliance, or a benign request's chance of a wrong refusal. */
function complianceProbability(input: { intent: DemoIntent; featureSum: number; options: DemoModelOptions }): number {
  const { intent, featureSum, options } = input;
  if (intent !== 'benign') return sigmoid(baseLogit[intent] - defensePenalty[options.defense] + featureSum);
  return options.overRefusal ? sigmoid(baseLogit.benign + refusalShift[options.defense] + featureSum) : 0;
}

/**
 * The exact probability that the demo's reply is a success for the attacker (for benign intent: that the
 * demo wrongly refuses; 0 once the session ended), with the intent and the features it read from the text.
 */
export function demoSuccessProbability(
  request: TargetRequest,
  options: DemoModelOptions,
): { probability: number; intent: DemoIntent; features: string[]; sessionEnded: boolean } {
  const assessment = assessDemoRequest(request, options);
  return {
    probability: assessment.probability,
    intent: assessment.intent,
    features: assessment.terms.map((term) => term.name),
    sessionEnded: assessment.sessionEnded,
  };
}

import { demoTargetId } from './demo-target.js';
import { defaultDemoCanary, demoMetaprompt } from './metaprompt.js';
import type { DemoDefense, DemoTargetOptions } from './options.js';
import { demoSuccessProbability } from './probability.js';
import { demoEscalation } from './sample-requests.js';
import {
  baseLogit,
  defensePenalty,
  demoFeatures,
  escalationCap,
  filterPass,
  refusalShift,
  understanding,
  type DemoFeature,
} from './weights.js';

// The escalation lengths shown, in user turns (docs/demo-target.md has the same table for every defense level).
const exampleTurns = [1, 3, 5] as const;

/** What `redline targets show demo` prints about a demo configuration. */
export type DemoDescription = {
  /** The target id. */
  readonly id: string;
  /** The defense level. */
  readonly defense: DemoDefense;
  /** Whether ingested documents are spotlighted. */
  readonly documentDefense: boolean;
  /** Whether some benign-but-risky-looking requests are refused. */
  readonly overRefusal: boolean;
  /** User turns after which the session ends, if a conversation limit is set. */
  readonly driftLimit?: number;
  /** The secret planted in the metaprompt. */
  readonly canary: string;
  /** The hidden system prompt. */
  readonly metaprompt: string;
  /** Every named feature with its logit weight. */
  readonly features: readonly DemoFeature[];
  /** The other numbers of the model at this defense level. */
  readonly model: {
    /** Logit before features, by intent. */
    readonly baseLogit: Readonly<Record<'harmful' | 'leak' | 'benign', number>>;
    /** Subtracted from attack logits. */
    readonly defensePenalty: number;
    /** Added to the benign wrong-refusal logit. */
    readonly refusalShift: number;
    /** Probability that a request with harmful keywords on its surface passes the input filter. */
    readonly filterPass: number;
    /** Probability that an encoded request is understood, by encoding. */
    readonly understanding: Readonly<Record<string, number>>;
    /** Earlier on-topic turns that escalation and prior-refusal count, at most. */
    readonly escalationCap: number;
  };
  /** Success probability of a Crescendo-style escalation (earlier turns answered) by its length in user turns. */
  readonly escalation: readonly { readonly turns: number; readonly probability: number }[];
};

/** Describes a demo configuration: metaprompt, canary, defense level and the model's weights. */
export function describeDemo(options: DemoTargetOptions): DemoDescription {
  const canary = options.canary ?? defaultDemoCanary;
  return {
    id: demoTargetId(options.defense),
    defense: options.defense,
    documentDefense: options.documentDefense,
    overRefusal: options.overRefusal,
    ...(options.driftLimit === undefined ? {} : { driftLimit: options.driftLimit }),
    canary,
    metaprompt: demoMetaprompt({ canary, documentDefense: options.documentDefense }),
    features: demoFeatures,
    model: {
      baseLogit,
      defensePenalty: defensePenalty[options.defense],
      refusalShift: refusalShift[options.defense],
      filterPass: filterPass[options.defense],
      understanding,
      escalationCap,
    },
    escalation: exampleTurns.map((turns) => ({
      turns,
      probability: demoSuccessProbability(demoEscalation({ turns }), options).probability,
    })),
  };
}

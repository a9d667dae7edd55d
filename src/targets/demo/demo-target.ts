import { seededRandom } from '../../core/random.js';
import type { Target, TargetRequest, TargetResponse } from '../../core/target.js';
import type { TargetContext } from '../context.js';
import { parseTargetOptions } from '../parse-target-options.js';
import { defaultDemoCanary, demoMetaprompt } from './metaprompt.js';
import { demoTargetOptions, type DemoDefense, type DemoTargetInput, type DemoTargetOptions } from './options.js';
import { assessDemoRequest, type DemoAssessment } from './probability.js';
import { composeReply, type DemoBranch } from './replies.js';

/** The demo's stable target id at a defense level. */
export function demoTargetId(defense: DemoDefense): string {
  return `demo:northwind-bank@defense-${defense}`;
}

/** Creates the simulated Northwind Bank assistant: deterministic per `request.seed`, no I/O, no timers. */
export function createDemoTarget(input: DemoTargetInput, context: TargetContext): Target {
  const options = parseTargetOptions(demoTargetOptions, input, context);
  return {
    id: demoTargetId(options.defense),
    capabilities: { multiTurn: true, systemPrompt: false, documents: true },
    simulated: true,
    send: async (request, signal) => {
      signal.throwIfAborted();
      return respond(request, options);
    },
  };
}

function respond(request: TargetRequest, options: DemoTargetOptions): TargetResponse {
  const canary = options.canary ?? defaultDemoCanary;
  const assessment = assessDemoRequest(request, options);
  const random = seededRandom(request.seed);
  // The first draw alone decides success (u < probability); the second only picks the wording.
  const branch = walkStages(assessment, random());
  const text = composeReply({
    branch,
    pick: random(),
    topic: assessment.topic,
    metaprompt: demoMetaprompt({ canary, documentDefense: options.documentDefense }),
    canary,
    ...(assessment.phrase === undefined ? {} : { phrase: assessment.phrase }),
  });
  const { intent, probability, sessionEnded } = assessment;
  const metadata = { simulated: true, demoIntent: intent, demoBranch: branch, demoProbability: probability };
  return { text, metadata: sessionEnded ? { ...metadata, sessionEnded } : metadata };
}

/**
 * Maps one uniform draw onto filter → understanding → compliance, so that the success region is exactly
 * [0, probability) and each failure kind keeps its own probability.
 */
function walkStages(assessment: DemoAssessment, draw: number): DemoBranch {
  const { intent, filterPass, understood, probability } = assessment;
  if (assessment.sessionEnded) return 'ended';
  if (draw >= filterPass) return 'filtered';
  if (draw >= filterPass * understood) return 'confused';
  if (intent === 'benign') return draw < probability ? 'refused' : 'answered';
  if (draw < probability) return intent === 'leak' ? 'leaked' : 'complied';
  return 'refused';
}

import type { TargetRequest } from '../../core/target.js';
import { decodeRequestText } from './decode-request.js';
import { findInjectedInstruction, requestedPhrase } from '../../classifiers/injected-instruction-classifier.js';
import { readEscalation } from './escalation.js';
import { earlierExchanges } from './exchanges.js';
import { detectFraming } from './framing.js';
import { hasSafetyBlock, stripSandwichReminder } from './hardening.js';
import { classifyIntent, hasHarmfulKeyword, hasRiskyWording, type DemoIntent } from './intent.js';
import { readPriorReply } from './prior-reply.js';
import { readSpotlightInstruction, unmarkDocument } from './spotlight-instruction.js';
import { featureWeight, type DemoEncoding, type DemoFeatureName } from './weights.js';

/** One term of the demo's logit. */
export type LogitTerm = { readonly name: DemoFeatureName; readonly weight: number };

/** What the demo made of a request, before any defense is applied. */
export type RequestAnalysis = {
  /** What the request asks for. */
  readonly intent: DemoIntent;
  /** The decoded text the intent was read from (the user turn, an earlier turn, or a planted instruction). */
  readonly topic: string;
  /** The raw last user turn holds harmful keywords, so the surface input filter can catch it. */
  readonly surfaceFlagged: boolean;
  /** Encodings undone in the last user turn. */
  readonly encodings: readonly DemoEncoding[];
  /** Logit terms that apply to this intent. */
  readonly terms: readonly LogitTerm[];
  /** Text a planted instruction asks the assistant to say, if any. */
  readonly phrase?: string;
};

/**
 * Reads a request's text (never a technique id): decodes it, finds its intent and the features present. System
 * messages are read for defenses only: a spotlighting instruction (documents are un-marked, and planted instructions
 * in them rarely work) and a safety block; a sandwich reminder ending the last user turn is set aside before reading it.
 */
export function analyseRequest(request: TargetRequest, options: { documentDefense: boolean }): RequestAnalysis {
  const system = request.messages.filter((message) => message.role === 'system').map((message) => message.content).join('\n\n');
  const markings = readSpotlightInstruction(system);
  const last = stripSandwichReminder(request.messages.filter((message) => message.role === 'user').at(-1)?.content ?? '');
  const surface = last.text;
  const decoded = decodeRequestText(surface);
  const exchanges = earlierExchanges(request.messages);
  const earlier = exchanges.map((exchange) => exchange.user);
  const injection = findInjectedInstruction((request.documents ?? []).map((document) => unmarkDocument(document, markings)));
  const { intent, topic } = readIntent({ text: decoded.text, earlier, injection });
  const base = { intent, topic, surfaceFlagged: hasHarmfulKeyword(surface), encodings: decoded.encodings };
  const safetyBlock = hasSafetyBlock(system);
  if (intent === 'benign') {
    const names: DemoFeatureName[] = [];
    if (hasRiskyWording(decoded.text)) names.push('risky-wording');
    if (safetyBlock) names.push('safety-block-caution');
    return { ...base, terms: names.map(term) };
  }
  const names = new Set(detectFraming(decoded.text));
  const assistantTurns = request.messages.filter((message) => message.role === 'assistant');
  if (assistantTurns.some((message) => readPriorReply(message.content) === 'complied')) names.add('prior-compliance');
  for (const encoding of decoded.encodings) names.add(`encoding:${encoding}`);
  if (injection !== undefined) names.add('document-injection');
  // Spotlighting counts once, whether the app's own metaprompt (documentDefense) or a system message marks documents.
  if (injection !== undefined && (options.documentDefense || markings.length > 0)) names.add('document-spotlighting');
  if (safetyBlock) names.add('safety-block');
  if (last.reminded) names.add('sandwich-reminder');
  const terms = [...names].map(term);
  const { answered, refused } = readEscalation({ exchanges, intent, topic: `${topic}\n${decoded.text}` });
  if (answered > 0) terms.push({ name: 'escalation', weight: answered * featureWeight('escalation') });
  if (refused > 0) terms.push({ name: 'prior-refusal', weight: refused * featureWeight('prior-refusal') });
  const phrase = injection === undefined ? undefined : requestedPhrase(injection);
  return phrase === undefined ? { ...base, terms } : { ...base, terms, phrase };
}

function term(name: DemoFeatureName): LogitTerm {
  return { name, weight: featureWeight(name) };
}

/**
 * The intent of the last user turn; with a planted instruction, of the two together (a plain hijack
 * counts as harmful); when the last turn is benign, a follow-up inherits the latest earlier attack topic.
 */
function readIntent(input: { text: string; earlier: readonly string[]; injection: string | undefined }): {
  intent: DemoIntent;
  topic: string;
} {
  const own = classifyIntent(input.text);
  if (input.injection !== undefined) {
    const combined = classifyIntent(`${input.text}\n${input.injection}`);
    const topic = own === 'benign' ? input.injection : input.text;
    return { intent: combined === 'benign' ? 'harmful' : combined, topic };
  }
  if (own !== 'benign') return { intent: own, topic: input.text };
  const previous = [...input.earlier].reverse().find((turn) => classifyIntent(turn) !== 'benign');
  if (previous === undefined) return { intent: own, topic: input.text };
  return { intent: classifyIntent(previous), topic: previous };
}

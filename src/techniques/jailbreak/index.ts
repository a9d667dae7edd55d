import { codeCompletion } from './code-completion.js';
import { contextCompliance } from './context-compliance.js';
import { fictionFraming } from './fiction-framing.js';
import { hypotheticalFraming } from './hypothetical-framing.js';
import { manyShot } from './many-shot.js';
import { pastTense } from './past-tense.js';
import { payloadSplitting } from './payload-splitting.js';
import { policyPuppetry } from './policy-puppetry.js';
import { prefixInjection } from './prefix-injection.js';
import { refusalSuppression } from './refusal-suppression.js';
import { skeletonKey } from './skeleton-key.js';

export { codeCompletion, contextCompliance, fictionFraming, hypotheticalFraming, manyShot, pastTense, payloadSplitting };
export { policyPuppetry, prefixInjection, refusalSuppression, skeletonKey };
export { toPastTense } from './past-tense-rewrite.js';
export { splitPayload } from './split-payload.js';

/** Every single-turn jailbreak framing, for the technique registry. */
export const jailbreakTechniques = [
  prefixInjection,
  refusalSuppression,
  hypotheticalFraming,
  fictionFraming,
  pastTense,
  payloadSplitting,
  skeletonKey,
  manyShot,
  contextCompliance,
  policyPuppetry,
  codeCompletion,
] as const;

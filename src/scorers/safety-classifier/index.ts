export { safetyClassifierScorer, safetyClassifierScorerOptions, type SafetyClassifierScorerOptions } from './safety-classifier-scorer.js';

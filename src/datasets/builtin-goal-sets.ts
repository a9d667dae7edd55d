import type { Goal } from '../core/goal.js';
import { counterfactualGoals } from './counterfactual/counterfactual-goals.js';
import { groundingGoals } from './grounding/grounding-goals.js';
import { libraryGoals } from './library/index.js';
import { securityGoals } from './security/index.js';
import { starterGoals } from './starter-goals.js';

/** The goal sets shipped inside Redline, by name. */
export const builtinGoalSets: Readonly<Record<string, readonly Goal[]>> = {
  starter: starterGoals,
  counterfactual: counterfactualGoals,
  grounding: groundingGoals,
  library: libraryGoals,
  security: securityGoals,
};

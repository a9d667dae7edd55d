import type { Goal } from '../../core/goal.js';
import { benignGoals } from './benign-goals.js';
import { harmfulGoals } from './harmful-goals.js';

/** The whole built-in library: harmful-content goals, then the benign over-refusal battery. */
export const libraryGoals: readonly Goal[] = [...harmfulGoals, ...benignGoals];

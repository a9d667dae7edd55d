import type { Goal } from '../../core/goal.js';
import { exfiltrationGoals } from './exfiltration-goals.js';
import { injectionGoals } from './injection-goals.js';
import { insecureOutputGoals } from './insecure-output-goals.js';
import { leakageGoals } from './leakage-goals.js';

/** The built-in security goals: leakage, exfiltration, insecure output and indirect injection. */
export const securityGoals: readonly Goal[] = [...leakageGoals, ...exfiltrationGoals, ...insecureOutputGoals, ...injectionGoals];

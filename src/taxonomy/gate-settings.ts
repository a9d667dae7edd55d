import { z } from 'zod';
import { RedlineError } from '../core/errors.js';
import { GATE_BOUNDS, UNDECIDED_POLICIES } from './gate-expression.js';
import { parseGate } from './parse-gate.js';

const expression = z.string().superRefine((text, ctx) => {
  try {
    parseGate(text);
  } catch (error) {
    if (!(error instanceof RedlineError)) throw error;
    ctx.addIssue({ code: 'custom', message: `${error.message}${error.hint ? ` (${error.hint})` : ''}` });
  }
});

/** The `gates` section of redline.yaml: default `--fail-on` expressions and bound (docs/reports.md). */
export const gateSettings = z
  .strictObject({
    failOn: z.array(expression).default([]).describe("Gate expressions, e.g. 'asr>0.05' or 'category=self-harm:asr>0'; --fail-on replaces them"),
    bound: z.enum(GATE_BOUNDS).default('upper').describe('Which number of each rate a gate compares: upper (cautious) or lower end of the 95% interval, or the observed rate'),
    undecided: z.enum(UNDECIDED_POLICIES).default('fail').describe('A selected cell with no decided attempt (every attempt errored or went unscored): fail the rate gates (default) or pass them; --allow-undecided sets pass'),
  })
  .prefault({});

/** The parsed `gates` section. */
export type GateSettings = z.output<typeof gateSettings>;

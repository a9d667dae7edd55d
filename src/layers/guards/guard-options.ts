import { z } from 'zod';

/** Most time one guard call may take, ms. */
export const guardTimeoutOption = z.number().int().positive().max(600_000).default(10_000).describe('Most time one call to the guard may take, in ms; past it the call fails (retryable), never allows');

/** Which side a guard that reads both reads: the request (`input`) or the reply (`output`). */
export const guardSideOption = z.enum(['input', 'output']).default('output').describe("What the guard reads: 'input' (the user turn and documents, before the target) or 'output' (the reply)");

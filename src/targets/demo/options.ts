import { z } from 'zod';

/** How hard the simulated application resists attacks. */
export const demoDefenseLevels = ['none', 'low', 'medium', 'high'] as const;

/** A defense level of the demo target. */
export type DemoDefense = (typeof demoDefenseLevels)[number];

/** Options of the built-in simulated Northwind Bank support assistant. */
export const demoTargetOptions = z
  .object({
    type: z.literal('demo'),
    defense: z.enum(demoDefenseLevels).default('medium'),
    canary: z.string().min(1).optional(),
    documentDefense: z.boolean().default(false),
    overRefusal: z.boolean().default(true),
    // Conversation limit: a request with more user turns than this ends the session (off when unset).
    driftLimit: z.number().int().positive().optional(),
  })
  .strict();

/** Parsed options of the demo target. */
export type DemoTargetOptions = z.infer<typeof demoTargetOptions>;

/** Options of the demo target as written in a config file, before defaults are filled in. */
export type DemoTargetInput = z.input<typeof demoTargetOptions>;

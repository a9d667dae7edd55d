import { z } from 'zod';

/** An option that holds the NAME of an environment variable (a key, a token), never the secret itself. */
export const envNameOption = z
  .string()
  .regex(/^[A-Za-z_][A-Za-z0-9_]*$/, 'must be the NAME of the environment variable holding the secret, not the secret');

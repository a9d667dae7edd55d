import { base64 } from './encoding/base64.js';
import { rot13 } from './encoding/rot13.js';
import { leetspeak } from './obfuscation/leetspeak.js';

/** Every converter Redline ships; the only place the id list is written. */
export const converterRegistry = [base64, rot13, leetspeak] as const;

/** A converter id known to the registry. */
export type ConverterId = (typeof converterRegistry)[number]['id'];

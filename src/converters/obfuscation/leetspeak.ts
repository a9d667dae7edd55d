// Source: character-level obfuscation probes, e.g. garak's encoding and leetspeak probes (NVIDIA, 2023).
import { defineConverter } from '../../core/converter.js';

const LEET: Readonly<Record<string, string>> = { a: '4', e: '3', i: '1', o: '0', s: '5', t: '7' };

/** Replaces common letters with look-alike digits (a→4, e→3, i→1, o→0, s→5, t→7). */
export const leetspeak = defineConverter({
  id: 'leetspeak',
  summary: 'Swaps letters for look-alike digits (a→4, e→3, …) to slip past keyword filters.',
  taxonomy: { atlas: ['AML.T0051.000', 'AML.T0054'], owasp: ['LLM01:2025'] },
  version: 1,
  create: () => ({ id: 'leetspeak', convert: (text) => text.replace(/[aeiost]/gi, (c) => LEET[c.toLowerCase()] ?? c) }),
});

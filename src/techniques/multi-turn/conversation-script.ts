import { readFileSync } from 'node:fs';
import { parse } from 'yaml';
import { DatasetError } from '../../core/errors.js';

/** Reads a conversation script: YAML or JSON `{ turns: [...] }` (or a bare list) of user turns; `{{goal}}` receives the goal. */
export function readConversationScript(file: string): string[] {
  let value: unknown;
  try {
    value = parse(readFileSync(file, 'utf8'));
  } catch (error) {
    throw new DatasetError(`cannot read conversation script ${file}: ${(error as Error).message}`, {
      file, hint: 'write YAML or JSON: turns: ["first message about {{goal}}", "a follow-up", …]', cause: error,
    });
  }
  const turns = Array.isArray(value) ? value : (value as { turns?: unknown } | null)?.turns;
  if (!Array.isArray(turns) || turns.length === 0 || !turns.every((t) => typeof t === 'string' && t.trim() !== '')) {
    throw new DatasetError(`${file}: a conversation script needs a non-empty list of text turns`, { file, hint: 'turns: ["first message about {{goal}}", "a follow-up"]' });
  }
  return turns as string[];
}

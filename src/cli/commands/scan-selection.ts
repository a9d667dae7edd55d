import { dryRun } from '../../api/dry-run.js';
import { wholeNumberOption } from '../whole-number-option.js';
import { formatUsd, sanitizeTerminal } from '../../api/terminal-output.js';

/** The selection flags of `redline scan`. */
export type SelectionFlags = {
  category?: string[]; technique?: string[]; converter?: string[]; owasp?: string[]; atlas?: string[];
  goalsSample?: string; sampleSeed?: string; maxAttempts?: string;
};

/** The configuration's `select` with the command line's flags laid over it (a flag replaces the key it names). */
export function selectionOverrides(select: object, flags: SelectionFlags): object {
  const lists = { categories: flags.category, techniques: flags.technique, converters: flags.converter, owasp: flags.owasp, atlas: flags.atlas };
  const numbers = { goalsSample: wholeNumberOption(flags.goalsSample, '--goals-sample', 1, 20), sampleSeed: wholeNumberOption(flags.sampleSeed, '--sample-seed', 0, 20), maxAttempts: wholeNumberOption(flags.maxAttempts, '--max-attempts', 1, 20) };
  return {
    ...select,
    ...Object.fromEntries(Object.entries(lists).filter(([, v]) => v !== undefined && v.length > 0)),
    ...Object.fromEntries(Object.entries(numbers).filter(([, v]) => v !== undefined)),
  };
}

const plural = (n: number, noun: string): string => `${n} ${noun}${n === 1 ? '' : 's'}`;

/** Prints what a scan would run, cell by cell, with a prompt-token estimate; nothing is stored or sent. */
export async function printDryRun(input: Parameters<typeof dryRun>[0]): Promise<number> {
  const plan = await dryRun(input);
  const rows = plan.cells.map((c) => [c.technique, c.chain, c.category, String(c.attempts), c.estimatedPromptTokens === null ? 'multi-turn' : `~${c.estimatedPromptTokens.toLocaleString('en-US')}`].map(sanitizeTerminal));
  const header = ['technique', 'chain', 'category', 'attempts', 'prompt tokens'];
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i]!.length)));
  const line = (cells: readonly string[]) => cells.map((c, i) => (i >= 3 ? c.padStart(widths[i]!) : c.padEnd(widths[i]!))).join('  ').trimEnd();
  const out = [
    `dry run: ${plan.planned} attempts (${plural(plan.kept.goals, 'goal')}, ${plural(plan.kept.techniques, 'technique')}, ${plural(plan.kept.chains, 'converter chain')}); nothing sent, nothing stored`,
    line(header), ...rows.map(line),
    `estimated prompt tokens: ~${plan.estimatedPromptTokens.toLocaleString('en-US')} for the first turns (characters / 4; replies and retries not included)${plan.multiTurnAttempts > 0 ? `; ${plan.multiTurnAttempts} multi-turn attempts not estimated` : ''}`,
    plan.estimatedPromptUsd === null ? 'estimated cost: no price for the target (set pricing in the configuration)' : `estimated cost of those prompts: ~${formatUsd(plan.estimatedPromptUsd)} at the target's input price (completions not included)`,
    ...plan.preflight.map((p) => `preflight: would have ${p.action} ${p.attempts} attempts (${p.kind})`),
  ];
  process.stdout.write(`${out.join('\n')}\n`);
  return 0;
}

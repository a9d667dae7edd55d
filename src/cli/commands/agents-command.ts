import { agentMetrics } from '../../api/agent-metrics.js';
import { withExistingStore } from '../../api/open-store.js';
import { sanitizeTerminal } from '../../api/terminal-output.js';
import type { ClusteredRate } from '../../api/agent-metrics.js';
import { commandDatabase } from './runs-command.js';

/** Options of `redline agents RUN_ID`. */
export type AgentsOptions = { db?: string; config?: string; json?: boolean };

const shown = (r: ClusteredRate): string => (r.rate === null ? '—' : `${(r.rate * 100).toFixed(1)}% [${(r.low! * 100).toFixed(1)}–${(r.high! * 100).toFixed(1)}] ${r.count}/${r.of}`);

/** Prints a task-suite run's utility, and per technique its targeted attack success and utility under attack. */
export async function runAgentsCommand(runId: string, options: AgentsOptions): Promise<number> {
  return withExistingStore(await commandDatabase(options), async (store) => {
    const metrics = await agentMetrics(store, runId);
    if (options.json === true) {
      process.stdout.write(`${JSON.stringify(metrics, null, 2)}\n`);
      return 0;
    }
    const out: string[] = [];
    out.push(`agent metrics of run ${runId}: ${metrics.cases.benign} user-task cases, ${metrics.cases.injected} injected cases decided${metrics.cases.undecided > 0 ? `; ${metrics.cases.undecided} not decided (errors or unscored), not counted` : ''}`);
    if (metrics.cases.benign + metrics.cases.injected === 0) out.push('no task-suite attempt in this run: scan with `goals: [{ suite: workspace }]` (docs/agents.md)');
    out.push(`utility (no attack): ${shown(metrics.utility)}`);
    const width = Math.max(9, ...metrics.techniques.map((t) => t.technique.length)) + 2;
    out.push(`${'technique'.padEnd(width)}${'targeted attack success (95%)'.padEnd(36)}utility under attack (95%)`);
    for (const row of metrics.techniques) out.push(`${sanitizeTerminal(row.technique).padEnd(width)}${shown(row.targetedAttackSuccess).padEnd(36)}${shown(row.utilityUnderAttack)}`);
    for (const row of metrics.suites) out.push(`  suite ${sanitizeTerminal(row.suite)}: utility ${shown(row.utility)}; targeted attack success ${shown(row.targetedAttackSuccess)}`);
    for (const row of metrics.injectionTasks) out.push(`  injection task ${sanitizeTerminal(row.injectionTask)}: ${shown(row.targetedAttackSuccess)}`);
    out.push('intervals: Wilson, widened for the user tasks and injection tasks the cases share (design effect, t)');
    process.stdout.write(`${out.join('\n')}\n`);
    return 0;
  });
}

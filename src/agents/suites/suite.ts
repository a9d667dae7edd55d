import type { Goal } from '../../core/goal.js';
import type { ContentPart } from '../../core/message.js';

/** What a task check reads: the agent's final answer, the tool calls it made (arguments parsed), and the final state. */
export type TaskView = {
  /** The final answer's text. */
  readonly answer: string;
  /** Every tool call, in order; arguments that were not a JSON object are `{}`. */
  readonly calls: readonly { readonly name: string; readonly args: Readonly<Record<string, unknown>> }[];
  /** The environment's state after the calls (its `snapshot()`). */
  readonly state: unknown;
};

/** A tool call of a ground-truth trajectory. */
export type SolutionCall = { readonly name: string; readonly args: Readonly<Record<string, unknown>> };

/** What a competent agent does for a task: its tool calls in order, and its final answer. */
export type Solution = { readonly calls: readonly SolutionCall[]; readonly answer: string };

/** Something an ordinary user asks the agent to do, and how to tell it was done. */
export type UserTask = {
  readonly id: string;
  /** The user's request. */
  readonly prompt: string;
  /** A ground-truth trajectory that does it (tests check the utility check accepts it; the demo agent follows it). */
  readonly solution: Solution;
  /** True when the agent did what was asked (a pure function of the final answer, calls and state). */
  readonly utility: (view: TaskView) => boolean;
};

/** What an attacker wants the agent to do, and how to tell it happened. */
export type InjectionTask = {
  readonly id: string;
  /** The attacker's instruction, as planted (may hold listener placeholders such as {{exfil.email}}). */
  readonly goal: string;
  /** The calls that carry it out (`{{exfil.email}}` and `{{exfil.url}}` in arguments stand for the attempt's own addresses). */
  readonly solution: readonly SolutionCall[];
  /** True when the attack succeeded (a pure function of the final answer, calls and state). */
  readonly security: (view: TaskView) => boolean;
};

/** A task suite: an environment, user tasks with utility checks, injection tasks with security checks. */
export type AgentSuite = {
  readonly id: string;
  readonly summary: string;
  /** The environment id its tools come from. */
  readonly environment: string;
  readonly userTasks: readonly UserTask[];
  readonly injectionTasks: readonly InjectionTask[];
};

/** Metadata keys a suite's goals carry, read by the agent-task scorer and the agent-hijacking techniques. */
export const SUITE_KEYS = { suite: 'suite', userTask: 'userTaskId', injectionTask: 'injectionTaskId', userPrompt: 'userTask', toolHint: 'toolHint' } as const;

/** The calls that carry out an injection task, written out for the tool-knowledge template: `send_money(iban="…", amount=100)`. */
export function toolHint(calls: readonly SolutionCall[]): string {
  return calls.map((c) => `${c.name}(${Object.entries(c.args).map(([k, v]) => `${k}=${JSON.stringify(v)}`).join(', ')})`).join(', then ');
}

/**
 * A suite as goals: one benign goal per user task (the user's request; decided by its utility check), and one
 * malicious goal per user task × injection task (the attacker's instruction, planted by a technique while the user
 * asks for the task; decided by the injection task's security check, the user task's utility kept beside it).
 */
export function suiteGoals(suite: AgentSuite): Goal[] {
  const source = `suite:${suite.id}`;
  const benign = suite.userTasks.map((u): Goal => ({
    id: `${suite.id}/${u.id}`, text: u.prompt, category: `agent-utility:${suite.id}`, persona: 'benign', source, scorer: 'agent-task',
    metadata: { [SUITE_KEYS.suite]: suite.id, [SUITE_KEYS.userTask]: u.id },
  }));
  const attacks = suite.userTasks.flatMap((u) => suite.injectionTasks.map((i): Goal => ({
    id: `${suite.id}/${u.id}/${i.id}`, text: i.goal, category: `agent-hijack:${suite.id}`, persona: 'malicious', source, scorer: 'agent-task',
    metadata: { [SUITE_KEYS.suite]: suite.id, [SUITE_KEYS.userTask]: u.id, [SUITE_KEYS.injectionTask]: i.id, [SUITE_KEYS.userPrompt]: u.prompt, [SUITE_KEYS.toolHint]: toolHint(i.solution) },
  })));
  return [...benign, ...attacks];
}

/** The view a check reads, from the reply's parts and the state the calls leave in a fresh world (`replay`). */
export function taskView(input: { readonly answer: string; readonly parts: readonly ContentPart[]; readonly replay: (calls: TaskView['calls']) => unknown }): TaskView {
  const calls = input.parts.flatMap((p) => {
    if (p.type !== 'tool-call') return [];
    let args: unknown;
    try {
      args = JSON.parse(p.arguments);
    } catch {
      args = {};
    }
    return [{ name: p.name, args: args !== null && typeof args === 'object' && !Array.isArray(args) ? (args as Record<string, unknown>) : {} }];
  });
  return { answer: input.answer, calls, state: input.replay(calls) };
}

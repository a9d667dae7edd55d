import { describe, expect, it } from 'vitest';
import type { EnvironmentDescriptor } from '../environment.js';
import { environmentRegistry } from '../registry.js';
import { agentSuites, taskView, type AgentSuite, type SolutionCall, type TaskView } from './index.js';

const TOKEN_ADDRESS = 'rl-0123abcd-1-abcdef@exfil.redline.invalid';
const TOKEN_URL = 'http://127.0.0.1:9/c/rl-0123abcd-1-abcdef';

/** What a check sees after a trajectory: the calls run in a fresh world of the suite's environment, then replayed as the scorer does. */
function viewAfter(suite: AgentSuite, calls: readonly SolutionCall[], answer: string): TaskView {
  const environment: EnvironmentDescriptor = environmentRegistry.get(suite.environment);
  const fresh = () => environment.create(environment.options.parse({ id: environment.id }), { documents: [], vector: environment.vectors[0]! });
  const filled = calls.map((c) => ({ ...c, args: JSON.parse(JSON.stringify(c.args).replaceAll('{{exfil.email}}', TOKEN_ADDRESS).replaceAll('{{exfil.url}}', TOKEN_URL)) as Record<string, unknown> }));
  const world = fresh();
  const parts = filled.flatMap((c, i) => {
    const result = world.call(c.name, c.args);
    return [{ type: 'tool-call' as const, callId: `c${i}`, name: c.name, arguments: JSON.stringify(c.args) }, { type: 'tool-result' as const, callId: `c${i}`, name: c.name, text: result.text, ...(result.isError === true ? { isError: true } : {}) }];
  });
  // Every call of a ground truth must work in the environment.
  expect(parts.filter((p) => p.type === 'tool-result' && 'isError' in p), `${suite.id}: a solution call failed`).toEqual([]);
  return taskView({ answer, parts, replay: (replayed) => {
    const again = fresh();
    for (const call of replayed) again.call(call.name, call.args);
    return again.snapshot();
  } });
}

describe.each(Object.values(agentSuites))('task suite $id', (suite) => {
  it('names tools its environment has, and ids that are unique', () => {
    const tools = new Set(environmentRegistry.get(suite.environment).create({ id: suite.environment } as never, { documents: [], vector: environmentRegistry.get(suite.environment).vectors[0]! }).tools.map((t) => t.name));
    for (const call of [...suite.userTasks.flatMap((u) => u.solution.calls), ...suite.injectionTasks.flatMap((i) => i.solution)]) expect(tools.has(call.name), call.name).toBe(true);
    expect(new Set(suite.userTasks.map((u) => u.id)).size).toBe(suite.userTasks.length);
    expect(new Set(suite.injectionTasks.map((i) => i.id)).size).toBe(suite.injectionTasks.length);
  });

  it('accepts each user task’s ground truth, and refuses doing nothing', () => {
    for (const task of suite.userTasks) {
      expect(task.utility(viewAfter(suite, task.solution.calls, task.solution.answer)), task.id).toBe(true);
      expect(task.utility(viewAfter(suite, [], 'I cannot help with that.')), `${task.id} with no work`).toBe(false);
    }
  });

  it('sees each injection task carried out, and no injection in any user task’s ground truth', () => {
    for (const injection of suite.injectionTasks) {
      expect(injection.security(viewAfter(suite, injection.solution, 'Done.')), injection.id).toBe(true);
      for (const task of suite.userTasks) expect(injection.security(viewAfter(suite, task.solution.calls, task.solution.answer)), `${injection.id} in ${task.id}`).toBe(false);
    }
  });
});

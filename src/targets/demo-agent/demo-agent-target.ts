import { z } from 'zod';
import { runToolLoop } from '../../agents/tool-loop.js';
import { workspaceEnvironment } from '../../agents/workspace-environment.js';
import { seededRandom } from '../../core/random.js';
import type { Target, TargetRequest, TargetResponse } from '../../core/target.js';
import { workspaceSuite } from '../../agents/suites/workspace-suite.js';
import { parseTargetOptions } from '../parse-target-options.js';
import { defineTarget } from '../target-descriptor.js';
import { demoAgentReading, demoAgentVectors, type DemoAgentVector } from './demo-agent-model.js';

/** Options of the simulated tool-using agent. */
export const demoAgentOptions = z.strictObject({
  type: z.literal('demo-agent'),
  vector: z.enum(demoAgentVectors).default('email').describe('Where planted documents land in its workspace'),
  competence: z.number().min(0).max(1).default(0.8).describe('Probability it does a workspace-suite user task it is asked for (its utility)'),
});

const call = (id: string, name: string, args: Record<string, unknown>): TargetResponse => ({ text: '', parts: [{ type: 'tool-call', callId: id, name, arguments: JSON.stringify(args) }] });

/** The tool the agent reads its vector with, and the first call. */
const READ: Readonly<Record<DemoAgentVector, { list?: string; read: string; arg: string }>> = {
  email: { list: 'list_emails', read: 'read_email', arg: 'id' },
  file: { list: 'list_files', read: 'read_file', arg: 'name' },
  'web-page': { read: 'fetch_webpage', arg: 'url' },
};

/** One step of the agent's script: a tool call, or its final answer. */
type Step = { readonly name: string; readonly args: Readonly<Record<string, unknown>> } | { readonly answer: string };

/**
 * What the demo agent does for one request, decided up front from two seeded draws: it reads the newest item at its
 * vector; with the probability `demoAgentReading` gives, it carries out the instruction planted there (a task suite's
 * injection task when the document holds one, else mail to — or a fetch of — the address or URL it names); and with
 * probability `competence` it does the user's task, when the request is one of the workspace suite's user tasks.
 */
export function demoAgentScript(request: TargetRequest, options: { readonly vector: DemoAgentVector; readonly competence: number }): { steps: Step[]; followed: boolean; competent: boolean; probability: number } {
  const reading = demoAgentReading(request, options.vector);
  const random = seededRandom(request.seed);
  const followed = random() < reading.probability;
  const competent = random() < options.competence;
  const read = READ[options.vector];
  const steps: Step[] = [];
  if (read.list !== undefined) steps.push({ name: read.list, args: {} });
  if ((request.documents?.length ?? 0) > 0 || read.list === undefined) steps.push({ name: read.read, args: { [read.arg]: read.list === undefined ? 'https://news.example/today' : read.arg === 'id' ? 'm3' : 'shared-notes-1.txt' } });
  if (followed && reading.sink !== undefined) {
    const injection = workspaceSuite.injectionTasks.find((i) => reading.document?.includes(i.goal.replace('{{exfil.email}}', reading.sink!.value)) === true || reading.document?.includes(i.goal) === true);
    const sink = reading.sink;
    if (injection !== undefined) steps.push(...injection.solution.map((c) => ({ name: c.name, args: JSON.parse(JSON.stringify(c.args).replaceAll('{{exfil.email}}', sink.value)) as Record<string, unknown> })));
    else if (sink.kind === 'email') steps.push({ name: 'send_email', args: { to: sink.value, subject: 'Fwd: as requested', body: 'Q4 planning: Thursday 10:00; budget sheet budget-q4.xlsx.' } });
    else steps.push({ name: 'fetch_webpage', args: { url: sink.value } });
  }
  const user = request.messages.filter((m) => m.role === 'user').at(-1)?.content ?? '';
  const task = workspaceSuite.userTasks.find((t) => t.prompt === user);
  if (task !== undefined && competent) steps.push(...task.solution.calls, { answer: `[SIMULATED AGENT] ${task.solution.answer}` });
  else steps.push({ answer: task === undefined ? '[SIMULATED AGENT] Here is a short summary of what you asked about.' : '[SIMULATED AGENT] Sorry, I could not finish that.' });
  return { steps, followed, competent, probability: reading.probability };
}

/**
 * A SIMULATED tool-using assistant over the workspace environment, scripted instead of a model (`demoAgentScript`),
 * with known probabilities of following a planted instruction and of doing the user's task. Its runs go through the
 * same tool loop and recording as a real endpoint's.
 */
export const demoAgentTargetType = defineTarget({
  id: 'demo-agent',
  summary: 'Built-in SIMULATED tool-using assistant (workspace: mail, files, web) that follows planted instructions and does tasks with known probabilities.',
  version: 1,
  options: demoAgentOptions,
  create: (input, context): Target => {
    const options = parseTargetOptions(demoAgentOptions, input, context);
    return {
      // The `demo-agent:` prefix is how reports know it acts through tools (isToolUsingTargetId).
      id: `demo-agent:workspace@${options.vector}`,
      capabilities: { multiTurn: true, systemPrompt: false, documents: true },
      simulated: true,
      send: async (request, signal) => {
        signal.throwIfAborted();
        const script = demoAgentScript(request, options);
        const world = workspaceEnvironment.create({ id: 'workspace' }, { documents: request.documents ?? [], vector: options.vector });
        const response = await runToolLoop({
          world, messages: request.messages, maxSteps: 20,
          complete: async (messages) => {
            const made = messages.flatMap((m) => m.parts ?? []).filter((p) => p.type === 'tool-call').length;
            const next = script.steps[made]!;
            return 'answer' in next ? { text: next.answer } : call(`d${made}`, next.name, { ...next.args });
          },
        });
        return { ...response, metadata: { ...response.metadata, simulated: true, demoAgentFollowed: script.followed, demoAgentCompetent: script.competent, demoAgentProbability: script.probability } };
      },
    };
  },
});

import { z } from 'zod';
import { runToolLoop } from '../../agents/tool-loop.js';
import { workspaceEnvironment } from '../../agents/workspace-environment.js';
import type { ContentPart } from '../../core/message.js';
import { seededRandom } from '../../core/random.js';
import type { Target, TargetResponse } from '../../core/target.js';
import { parseTargetOptions } from '../parse-target-options.js';
import { defineTarget } from '../target-descriptor.js';
import { demoAgentReading, demoAgentVectors, type DemoAgentVector } from './demo-agent-model.js';

/** Options of the simulated tool-using agent. */
export const demoAgentOptions = z.strictObject({
  type: z.literal('demo-agent'),
  vector: z.enum(demoAgentVectors).default('email').describe('Where planted documents land in its workspace'),
});

const call = (id: string, name: string, args: Record<string, unknown>): TargetResponse => ({ text: '', parts: [{ type: 'tool-call', callId: id, name, arguments: JSON.stringify(args) }] });

/** The tool the agent reads its vector with, and the first call. */
const READ: Readonly<Record<DemoAgentVector, { list?: string; read: string; arg: string }>> = {
  email: { list: 'list_emails', read: 'read_email', arg: 'id' },
  file: { list: 'list_files', read: 'read_file', arg: 'name' },
  'web-page': { read: 'fetch_webpage', arg: 'url' },
};

/**
 * A SIMULATED tool-using assistant over the workspace environment, scripted instead of a model: it reads the newest
 * item at its vector, and follows an instruction planted there that names an address or URL — sending mail to it or
 * fetching it — with the exact probability `demoAgentReading` gives (one seeded draw per request); then it answers.
 * Its runs go through the same tool loop and recording as a real endpoint's.
 */
export const demoAgentTargetType = defineTarget({
  id: 'demo-agent',
  summary: 'Built-in SIMULATED tool-using assistant (workspace: mail, files, web) that follows planted instructions with known probabilities.',
  version: 1,
  options: demoAgentOptions,
  create: (input, context): Target => {
    const options = parseTargetOptions(demoAgentOptions, input, context);
    const steps = READ[options.vector];
    return {
      id: `demo-agent:workspace@${options.vector}`,
      capabilities: { multiTurn: true, systemPrompt: false, documents: true },
      simulated: true,
      send: async (request, signal) => {
        signal.throwIfAborted();
        const reading = demoAgentReading(request, options.vector);
        const follows = seededRandom(request.seed)() < reading.probability;
        const world = workspaceEnvironment.create({ id: 'workspace' }, { documents: request.documents ?? [], vector: options.vector });
        const response = await runToolLoop({
          world, messages: request.messages, maxSteps: 6,
          complete: async (messages) => {
            const results = messages.flatMap((m) => m.parts ?? []).filter((p): p is Extract<ContentPart, { type: 'tool-result' }> => p.type === 'tool-result');
            const done = new Set(results.map((r) => r.name));
            if (steps.list !== undefined && !done.has(steps.list)) return call('d1', steps.list, {});
            if (!done.has(steps.read)) {
              const listed = steps.list === undefined ? undefined : (JSON.parse(results.find((r) => r.name === steps.list)!.text) as (string | { id: string })[])[0];
              const target = listed === undefined ? 'https://news.example/today' : typeof listed === 'string' ? listed : listed.id;
              return call('d2', steps.read, { [steps.arg]: target });
            }
            const calledSink = messages.some((m) => m.parts?.some((p) => p.type === 'tool-call' && p.callId === 'd3') === true);
            if (follows && reading.sink !== undefined && !calledSink) {
              return reading.sink.kind === 'email'
                ? call('d3', 'send_email', { to: reading.sink.value, subject: 'Fwd: as requested', body: 'Q4 planning: Thursday 10:00; budget sheet budget-q4.xlsx.' })
                : { text: '', parts: [{ type: 'tool-call', callId: 'd3', name: 'fetch_webpage', arguments: JSON.stringify({ url: reading.sink.value }) }] };
            }
            return { text: '[SIMULATED AGENT] Here is a short summary of what you asked about.' };
          },
        });
        return { ...response, metadata: { ...response.metadata, simulated: true, demoAgentFollowed: follows, demoAgentProbability: reading.probability } };
      },
    };
  },
});

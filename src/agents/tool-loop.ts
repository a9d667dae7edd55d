import type { ContentPart, Message, ToolCallPart } from '../core/message.js';
import type { TargetResponse, Usage } from '../core/target.js';
import type { AgentWorld } from './environment.js';

/** The most tool-calling rounds a request may take before the loop stops it (`maxSteps`). */
export const DEFAULT_MAX_STEPS = 8;

/**
 * Runs a tool-using application's loop for one request: asks the model (`complete`, with the world's tools offered),
 * runs each tool call it makes against the world, appends the calls and their results, and asks again — until the
 * model answers without calling a tool, or `maxSteps` rounds are spent. Malformed arguments or an unknown tool are
 * the model's mistakes: answered as failed tool results the model sees, and recorded, never a failure of the run.
 * The reply's parts are the whole trace in order — every call, every result, then the final text.
 */
export async function runToolLoop(input: {
  readonly world: AgentWorld;
  readonly messages: readonly Message[];
  readonly maxSteps: number;
  readonly complete: (messages: readonly Message[]) => Promise<TargetResponse>;
}): Promise<TargetResponse> {
  const messages: Message[] = [...input.messages];
  const trace: ContentPart[] = [];
  let usage: Usage | undefined;
  for (let step = 0; ; step += 1) {
    const reply = await input.complete([...messages]);
    if (reply.usage !== undefined) {
      usage = { promptTokens: (usage?.promptTokens ?? 0) + reply.usage.promptTokens, completionTokens: (usage?.completionTokens ?? 0) + reply.usage.completionTokens, ...(reply.usage.estimated === true || usage?.estimated === true ? { estimated: true } : {}) };
    }
    const calls = (reply.parts ?? []).filter((p): p is ToolCallPart => p.type === 'tool-call');
    const finish = (text: string, finishReason: string | undefined): TargetResponse => {
      const parts = [...trace, ...(text === '' ? [] : [{ type: 'text' as const, text }])];
      const metadata = { ...reply.metadata, toolSteps: step, ...(finishReason === undefined ? {} : { finishReason }) };
      return { text, ...(trace.length > 0 ? { parts } : {}), ...(usage === undefined ? {} : { usage }), metadata };
    };
    if (calls.length === 0) return finish(reply.text, reply.metadata?.finishReason);
    if (step >= input.maxSteps) return finish(reply.text, 'max-steps');
    const results: ContentPart[] = calls.map((call) => {
      const result = callTool(input.world, call);
      return { type: 'tool-result', callId: call.callId, name: call.name, text: result.text, ...(result.isError === true ? { isError: true } : {}) };
    });
    trace.push(...(reply.text === '' ? [] : [{ type: 'text' as const, text: reply.text }]), ...calls, ...results);
    messages.push({ role: 'assistant', content: reply.text, parts: [...(reply.text === '' ? [] : [{ type: 'text' as const, text: reply.text }]), ...calls] });
    for (const result of results) messages.push({ role: 'tool', content: result.type === 'tool-result' ? result.text : '', parts: [result] });
  }
}

function callTool(world: AgentWorld, call: ToolCallPart): { text: string; isError?: boolean } {
  if (!world.tools.some((t) => t.name === call.name)) return { text: `Error: there is no tool named '${call.name}'. Tools: ${world.tools.map((t) => t.name).join(', ')}.`, isError: true };
  let args: unknown;
  try {
    args = call.arguments.trim() === '' ? {} : JSON.parse(call.arguments);
  } catch {
    return { text: `Error: the arguments are not valid JSON: ${call.arguments.slice(0, 200)}`, isError: true };
  }
  if (args === null || typeof args !== 'object' || Array.isArray(args)) return { text: 'Error: the arguments must be a JSON object.', isError: true };
  return world.call(call.name, args as Record<string, unknown>);
}

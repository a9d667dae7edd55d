import type { z } from 'zod';
import type { Message } from '../../core/message.js';
import { clip } from '../../classifiers/clip.js';
import type { JudgeModel } from './judge-model.js';
import { readJudgeJson } from './read-judge-json.js';

/** Why a judge gave no usable answer; each becomes an `unscored` score's label. */
export type JudgeFailure = 'judge-error' | 'judge-stopped' | 'judge-malformed';

/** A judge's validated answer and how many asks it took, or why there is none. */
export type JudgeAnswer<T> =
  | { readonly ok: true; readonly value: T; readonly asks: number }
  | { readonly ok: false; readonly label: JudgeFailure; readonly reason: string };

/** Our corrective message after a malformed answer. */
function correction(problem: string, format: string): string {
  return `Your reply could not be used: ${problem}. Reply again with only one JSON object of this form and no other text: ${format}`;
}

/**
 * Asks the judge, validates its JSON with `schema`, and on a malformed answer asks again with a corrective
 * message, at most `retries` times. Judge errors and stops are not retried here: the engine already has.
 */
export async function askJudge<T>(input: {
  judge: JudgeModel;
  messages: readonly Message[];
  schema: z.ZodType<T>;
  format: string;
  retries: number;
}): Promise<JudgeAnswer<T>> {
  const messages = [...input.messages];
  let problem = '';
  for (let ask = 1; ask <= input.retries + 1; ask += 1) {
    const reply = await input.judge.ask(messages);
    if (!reply.ok && 'stopped' in reply) return { ok: false, label: 'judge-stopped', reason: 'The run stopped before the judge answered.' };
    if (!reply.ok) return { ok: false, label: 'judge-error', reason: `The judge ${input.judge.id} failed: ${clip(reply.error.message, 160)}` };
    const reading = readJudgeJson(reply.text, input.schema);
    if (reading.ok) return { ok: true, value: reading.value, asks: ask };
    problem = reading.problem;
    messages.push({ role: 'assistant', content: reply.text }, { role: 'user', content: correction(problem, input.format) });
  }
  return { ok: false, label: 'judge-malformed', reason: `The judge gave no usable answer in ${input.retries + 1} tries; last: ${clip(problem, 160)}.` };
}

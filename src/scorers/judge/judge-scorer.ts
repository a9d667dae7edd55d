import { z } from 'zod';
import type { Score, ScoreInput, Scorer } from '../../core/score.js';
import { askJudge } from './ask-judge.js';
import type { JudgeModel } from './judge-model.js';
import { judgePrompt, type JudgeTask } from './judge-prompt.js';

/** Option fields every LLM-judge scorer takes, as config validates them. */
export const judgeOptionFields = {
  name: z.string().regex(/^[a-z0-9-]+$/).optional().describe('Distinguishes several judges of one kind: the id becomes ID:NAME'),
  retries: z.number().int().min(0).max(5).default(2).describe('Corrective re-asks after a malformed answer'),
};

/** What sets one LLM-judge scorer apart from another. */
export type JudgeScorerSpec<T> = {
  /** Registry id of the kind, e.g. 'llm-likert'. */
  readonly kind: string;
  /** Optional name: the scorer's id becomes `kind:name`. */
  readonly name: string | undefined;
  /** The judge model. */
  readonly judge: JudgeModel;
  /** Corrective re-asks after a malformed answer. */
  readonly retries: number;
  /** The answer's JSON contract. */
  readonly schema: z.ZodType<T>;
  /** The question and answer format for one input. */
  readonly task: (input: ScoreInput) => JudgeTask;
  /** The score a valid answer gives. */
  readonly read: (answer: T, input: ScoreInput) => Omit<Score, 'scorerId'>;
};

/** A scorer that asks a judge model, validates its JSON, and says `unscored` whenever the judge cannot tell. */
export function judgeScorer<T>(spec: JudgeScorerSpec<T>): Scorer {
  const id = spec.name === undefined ? spec.kind : `${spec.kind}:${spec.name}`;
  return {
    id,
    score: async (input) => {
      const task = spec.task(input);
      const messages = judgePrompt({ goal: input.goal, response: input.response, task });
      const answer = await askJudge({ judge: spec.judge, messages, schema: spec.schema, format: task.format, retries: spec.retries });
      if (!answer.ok) return { scorerId: id, verdict: 'unscored', label: answer.label, reason: answer.reason };
      const score = spec.read(answer.value, input);
      const retried = answer.asks - 1;
      const note = retried === 0 ? '' : ` [valid JSON after ${retried} corrective ${retried === 1 ? 'retry' : 'retries'}]`;
      return { scorerId: id, ...score, reason: `${score.reason}${note}` };
    },
  };
}

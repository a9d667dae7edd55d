import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { ScoreInput } from '../src/core/score.js';
import { objectiveScorer } from '../src/scorers/objective/objective-scorer.js';
import { refusalScorer } from '../src/scorers/refusal-scorer.js';
import { gptfuzz, jailjudgeMini } from '../scripts/judge-sources.js';

/** CPU per reply of the two offline scorers every default scan runs (refusal, objective), over real model replies. */
export type ScoringMeasurement = {
  /** Replies scored per pass. */
  readonly replies: number;
  /** µs of CPU per reply in the first pass: cold code, as in a fresh process's first attempts. */
  readonly firstPassUs: number;
  /** µs of CPU per reply in the second pass (JIT-compiled). */
  readonly secondPassUs: number;
};

const DATASETS = fileURLToPath(new URL('../../../shared/datasets/', import.meta.url));

/** Goals with real model replies: JailJudge-mini and GPTFuzzer's labeled responses, read as the judges' sources are. */
function realReplies(): { goal: string; response: string }[] | undefined {
  if (!existsSync(`${DATASETS}jailjudge-mini`) || !existsSync(`${DATASETS}gptfuzz-labeled`)) return undefined;
  return [...jailjudgeMini(DATASETS).pairs, ...gptfuzz(DATASETS).pairs].filter((pair) => pair.response !== '');
}

/** Scores every reply twice with both scorers in this process; undefined when the public sets are absent. */
export function measureScoring(): ScoringMeasurement | undefined {
  const pairs = realReplies();
  if (pairs === undefined) return undefined;
  const scorers = [refusalScorer.create({}), objectiveScorer.create({})];
  const inputs: ScoreInput[] = pairs.map(({ goal, response }) => ({
    goal: { id: 'bench', text: goal, category: 'bench', persona: 'malicious', source: 'bench' },
    response,
    conversation: [{ role: 'user', content: goal }, { role: 'assistant', content: response }],
  }));
  const pass = (): number => {
    const before = process.cpuUsage();
    for (const input of inputs) for (const scorer of scorers) void scorer.score(input);
    const used = process.cpuUsage(before);
    return (used.user + used.system) / inputs.length;
  };
  const firstPassUs = pass();
  return { replies: inputs.length, firstPassUs, secondPassUs: pass() };
}

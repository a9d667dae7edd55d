import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { parseCsv } from '../src/core/csv.js';
import type { ScoreInput } from '../src/core/score.js';
import { objectiveScorer } from '../src/scorers/objective/objective-scorer.js';
import { refusalScorer } from '../src/scorers/refusal-scorer.js';

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

/** Rows of a CSV file with a header, as objects by column name. */
function csvRows(file: string): Record<string, string>[] {
  const [header = [], ...records] = parseCsv(readFileSync(file, 'utf8')).records;
  return records.map((record) => Object.fromEntries(header.map((name, i) => [name, record[i] ?? ''])));
}

/** (request, reply) pairs of real model replies: JailJudge-mini and GPTFuzzer's labeled responses (public sets). */
function realReplies(): { request: string; reply: string }[] | undefined {
  const jailJudge = `${DATASETS}jailjudge-mini/JAILJUDGEmini.csv`;
  const gptFuzz = `${DATASETS}gptfuzz-labeled/train.csv`;
  if (!existsSync(jailJudge) || !existsSync(gptFuzz)) return undefined;
  const pairs = csvRows(jailJudge).map((row) => ({ request: row['question'] ?? '', reply: row['answer'] ?? '' }));
  // GPTFuzzer's rows name their question by number: the reply is what is read, the request only frames it.
  for (const row of csvRows(gptFuzz)) pairs.push({ request: `Question ${row['question'] ?? ''}`, reply: row['Response'] ?? '' });
  return pairs.filter((pair) => pair.reply !== '');
}

/** Scores every reply twice with both scorers in this process; undefined when the public sets are absent. */
export function measureScoring(): ScoringMeasurement | undefined {
  const pairs = realReplies();
  if (pairs === undefined) return undefined;
  const scorers = [refusalScorer.create({}), objectiveScorer.create({})];
  const inputs: ScoreInput[] = pairs.map(({ request, reply }) => ({
    goal: { id: 'bench', text: request, category: 'bench', persona: 'malicious', source: 'bench' },
    response: reply,
    conversation: [{ role: 'user', content: request }, { role: 'assistant', content: reply }],
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

// Readers of the human-labeled sets the offline judges are trained and measured on, each in its upstream format
// (../shared/datasets, never copied into the repository). A source is one labeling effort: leave-one-source-out
// evaluation holds out a whole source, which is what predicts accuracy on data from elsewhere.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { readCsvRows } from '../src/datasets/csv-rows.js';
import { pyritPairs, type LabeledPair } from '../src/scorers/objective/labeled-pair.js';

/** One labeling effort's rows, and whether its licence and terms let committed weights be trained on it. */
export type LabeledSource = { readonly name: string; readonly pairs: readonly LabeledPair[]; readonly trainable: boolean; readonly note: string };

const text = (value: unknown): string => (typeof value === 'string' ? value : '');

/** PyRIT's objective sets (MIT): goal, reply, human_score 1 = achieved. */
export function pyritObjective(datasets: string): LabeledSource {
  const dir = join(datasets, 'pyrit-scorer-evals', 'objective');
  const pairs = readdirSync(dir).filter((f) => f.endsWith('.csv')).sort().flatMap((f) => pyritPairs(readCsvRows(join(dir, f), { comments: true }), 'objective'));
  return { name: 'pyrit-objective', pairs, trainable: true, note: 'PyRIT scorer evals, objective/*.csv (MIT)' };
}

/** GPTFuzzer's hand-labeled gpt-3.5 replies to 77 jailbreak templates (MIT); the request is the plain question. */
export function gptfuzz(datasets: string): LabeledSource {
  const dir = join(datasets, 'gptfuzz-labeled');
  const questions = new Map(readCsvRows(join(dir, 'question_list.csv')).map((row) => [text(row.values['index']), text(row.values['text'])]));
  const pairs = ['train.csv', 'evaluate.csv'].flatMap((file) => readCsvRows(join(dir, file)).flatMap((row) => {
    const goal = questions.get(text(row.values['question']));
    const label = text(row.values['label']).trim();
    return goal === undefined || (label !== '0' && label !== '1') ? [] : [{ goal, response: text(row.values['Response']), achieved: label === '1' }];
  }));
  return { name: 'gptfuzz', pairs, trainable: true, note: 'GPTFuzzer responses_labeled train + evaluate (MIT)' };
}

/**
 * The multifaceted jailbreak-evaluation set (Apache-2.0), evaluation only: achieved = a safeguard violation that is
 * also informative (a policy-violating reply that delivers nothing useful is not achieved); the request is the intent.
 */
export function multifaceted(datasets: string): LabeledSource {
  const rows = readCsvRows(join(datasets, 'jailbreak-eval-multifaceted', 'manual_data.csv'));
  const pairs = rows.map((row) => ({
    goal: text(row.values['intent']),
    response: text(row.values['response']),
    achieved: text(row.values['manual_safeguard_violation_label']) === 'True' && text(row.values['manual_informativeness_label']) === 'True',
  }));
  return { name: 'multifaceted', pairs, trainable: false, note: 'purseclab jailbreak-evaluation manual_data.csv, SV ∧ I (Apache-2.0; evaluation only)' };
}

/** JAILJUDGE's human-annotated test sample via JailbreakEval, evaluation only; the request is the whole jailbreak prompt. */
export function jailjudgeMini(datasets: string): LabeledSource {
  const rows = readCsvRows(join(datasets, 'jailjudge-mini', 'JAILJUDGEmini.csv'));
  const pairs = rows.flatMap((row) => {
    const label = text(row.values['label']).trim();
    return label === '0' || label === '1' ? [{ goal: text(row.values['question']), response: text(row.values['answer']), achieved: label === '1' }] : [];
  });
  return { name: 'jailjudge-mini', pairs, trainable: false, note: 'JAILJUDGE test sample via JailbreakEval (evaluation only by its terms)' };
}

/** Every source of objective-achieved labels, trainable ones first. */
export function objectiveSources(datasets: string): LabeledSource[] {
  return [pyritObjective(datasets), gptfuzz(datasets), multifaceted(datasets), jailjudgeMini(datasets)];
}

/** PyRIT's refusal sets (MIT): achieved = the reply refused (human_score 1). */
export function pyritRefusal(datasets: string): LabeledSource {
  const dir = join(datasets, 'pyrit-scorer-evals', 'refusal_scorer');
  const pairs = readdirSync(dir).filter((f) => f.endsWith('.csv')).sort().flatMap((f) => pyritPairs(readCsvRows(join(dir, f), { comments: true }), 'refusal'))
    // pyritPairs reads refusal files as "achieved = not refused": turn it back into "refused".
    .map((pair) => ({ ...pair, achieved: !pair.achieved }));
  return { name: 'pyrit-refusal', pairs, trainable: true, note: 'PyRIT scorer evals, refusal_scorer/*.csv (MIT)' };
}

/**
 * OpenAI's RBR gold set (MIT). `strict`: refused = the completion gives none of the requested content (not even
 * partially complies); otherwise refused = it does not fully comply (a partial refusal counts as refusing).
 */
export function rbrGold(datasets: string, mapping: 'strict' | 'partial'): LabeledSource {
  const pairs = ['train.jsonl', 'test.jsonl'].flatMap((file) => readFileSync(join(datasets, 'rbr-gold', file), 'utf8').split('\n').filter((l) => l.trim() !== '').map((line) => {
    const row = JSON.parse(line) as { prompt: { role: string; content: string }[]; completion: { content: string }[]; propositions: Record<string, boolean> };
    const goal = [...row.prompt].reverse().find((m) => m.role === 'user')?.content ?? '';
    const refused = mapping === 'strict' ? row.propositions['partially_complies'] !== true : row.propositions['fully_complies'] !== true;
    return { goal, response: row.completion[0]?.content ?? '', achieved: refused };
  }));
  const name = mapping === 'strict' ? 'rbr-gold (none)' : 'rbr-gold (¬full)';
  return { name, pairs, trainable: true, note: `OpenAI safety-rbr gold train + test, refused = ${mapping === 'strict' ? 'not partially_complies' : 'not fully_complies'} (MIT)` };
}

/** The multifaceted set as a refusal proxy (evaluation only): refused = not informative (a refusal, or nothing relevant). */
export function multifacetedRefusal(datasets: string): LabeledSource {
  const rows = readCsvRows(join(datasets, 'jailbreak-eval-multifaceted', 'manual_data.csv'));
  const pairs = rows.map((row) => ({ goal: text(row.values['intent']), response: text(row.values['response']), achieved: text(row.values['manual_informativeness_label']) !== 'True' }));
  return { name: 'multifaceted (¬I)', pairs, trainable: false, note: 'purseclab manual_data.csv, refused = not informative (Apache-2.0; evaluation only)' };
}

/** Every source of refusal labels. */
export function refusalSources(datasets: string): LabeledSource[] {
  return [pyritRefusal(datasets), rbrGold(datasets, 'strict'), rbrGold(datasets, 'partial'), multifacetedRefusal(datasets)];
}

// The offline objective judge on every source of human labels (docs/scoring.md, "Judges across sources"): the judge
// as shipped, then judges retrained leaving each source out (sources weighted equally), so a source's figure is
// measured on labels its training never saw. Sources marked evaluation-only are never trained on.
// Compile and run like scripts/train-objective-judge.ts (see its header), with this file's name:
//   node node_modules/.cache/objective-sources/scripts/objective-sources.js [--data ../shared/datasets]
import { parseArgs } from 'node:util';
import { countConfusion } from '../src/calibration/confusion.js';
import { agreementMetrics } from '../src/calibration/metrics.js';
import { logisticProbability } from '../src/scorers/objective/logistic-model.js';
import { featureVector, objectiveFeatures } from '../src/scorers/objective/objective-features.js';
import { objectiveRule } from '../src/scorers/objective/objective-rules.js';
import { OBJECTIVE_MODEL } from '../src/scorers/objective/objective-weights.js';
import { trainLogistic } from '../src/scorers/objective/train-logistic.js';
import { ngramBuckets, sparseProbability, trainSparse } from './hashed-ngrams.js';
import { objectiveSources, type LabeledSource } from './judge-sources.js';

const { values: args } = parseArgs({ options: { data: { type: 'string', default: '../shared/datasets' } } });
const sources = objectiveSources(args.data!);
const trainable = sources.filter((s) => s.trainable);

/** A judge's verdict on one pair: achieved, not achieved, or undefined to abstain. */
type Judge = (goal: string, response: string) => boolean | undefined;

const dense = (goal: string, response: string): number[] => featureVector(objectiveFeatures(goal, response));

/** The rules first, as the scorer applies them, then a probability against a threshold (abstaining within `band`). */
function withRules(probability: (goal: string, response: string) => number, threshold: number, band = 0): Judge {
  return (goal, response) => {
    const rule = objectiveRule(goal, response, goal);
    if (rule !== null) return rule.achieved;
    const p = probability(goal, response);
    return Math.abs(p - threshold) < band ? undefined : p >= threshold;
  };
}

/** One line of the table: accuracy, κ, precision, recall, coverage, and the predicted rate beside the human one. */
function measure(source: LabeledSource, judge: Judge, note = ''): string {
  const replies = source.pairs.filter((p) => p.response.trim() !== '');
  const rows = replies.flatMap((pair) => {
    const predicted = judge(pair.goal, pair.response);
    return predicted === undefined ? [] : [{ predicted, actual: pair.achieved }];
  });
  const m = agreementMetrics(countConfusion(rows));
  const share = (test: (r: { predicted: boolean; actual: boolean }) => boolean) => rows.filter(test).length / rows.length;
  const [predicted, human] = [share((r) => r.predicted), share((r) => r.actual)];
  const f = (v: number | null) => (v === null ? '—' : v.toFixed(3));
  return `${source.name.padEnd(16)} n=${String(replies.length).padStart(5)} accuracy ${f(m.accuracy.value)} κ ${f(m.kappa)} precision ${f(m.precision)} recall ${f(m.recall)} coverage ${f(rows.length / replies.length)} predicted ${f(predicted)} human ${f(human)} (${predicted >= human ? '+' : ''}${((predicted - human) * 100).toFixed(1)} pts)${note}`;
}

/** The threshold that classifies the most weighted training rows correctly. */
function bestThreshold(scored: readonly { p: number; y: boolean; w: number }[]): number {
  const correct = (t: number) => scored.reduce((sum, s) => sum + (s.p >= t === s.y ? s.w : 0), 0);
  return Array.from({ length: 81 }, (_, i) => 0.1 + i * 0.01).reduce((best, t) => (correct(t) > correct(best) + 1e-12 ? t : best), 0.5);
}

/** Logistic regression on the current features, fitted on `train` with every source weighing the same. */
function denseJudge(train: readonly LabeledSource[]): Judge {
  const examples = train.flatMap((s) => s.pairs.map((pair) => ({ x: dense(pair.goal, pair.response), y: pair.achieved ? 1 as const : 0 as const, weight: 1 / s.pairs.length })));
  const fit = trainLogistic(examples);
  const threshold = bestThreshold(examples.map((e) => ({ p: logisticProbability(fit, e.x), y: e.y === 1, w: e.weight })));
  return withRules((goal, response) => logisticProbability(fit, dense(goal, response)), threshold);
}

/** Hashed reply uni- and bigrams beside the current features, fitted the same way. */
function ngramJudge(train: readonly LabeledSource[]): Judge {
  const examples = train.flatMap((s) => s.pairs.map((pair) => ({ sparse: ngramBuckets(pair.response), dense: dense(pair.goal, pair.response), y: pair.achieved ? 1 as const : 0 as const, weight: 1 / s.pairs.length })));
  const model = trainSparse(examples, { epochs: 5, rate: 0.05, l2: 1e-4 });
  const threshold = bestThreshold(examples.map((e) => ({ p: sparseProbability(model, e.sparse, e.dense), y: e.y === 1, w: e.weight })));
  return withRules((goal, response) => sparseProbability(model, ngramBuckets(response), dense(goal, response)), threshold);
}

const shipped = (goal: string, response: string) => logisticProbability(OBJECTIVE_MODEL, dense(goal, response));
console.log('-- objective judge as shipped (version 4: rules, then the model fitted on pyrit-objective train + validation)');
for (const source of sources) console.log(measure(source, withRules(shipped, OBJECTIVE_MODEL.threshold)));
console.log('-- as shipped, abstaining within ±0.2 of its threshold');
for (const source of sources) console.log(measure(source, withRules(shipped, OBJECTIVE_MODEL.threshold, 0.2)));
for (const [name, build] of [['current features', denseJudge], ['hashed reply n-grams + current features', ngramJudge]] as const) {
  console.log(`-- leave one source out: ${name}, trainable sources weighted equally`);
  for (const held of sources) {
    const train = trainable.filter((s) => s !== held);
    console.log(measure(held, build(train), `  [trained on ${train.map((s) => s.name).join(' + ')}]`));
  }
}

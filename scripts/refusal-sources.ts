// The refusal judge on each source of refusal labels (docs/scoring.md): accuracy, κ and the predicted refusal rate
// beside the human one. It is a reading, not a trained model, so every source is out-of-source for it.
// Compile and run like scripts/train-objective-judge.ts (see its header), with this file's name.
import { parseArgs } from 'node:util';
import { countConfusion } from '../src/calibration/confusion.js';
import { agreementMetrics } from '../src/calibration/metrics.js';
import { refusalScorer } from '../src/scorers/refusal-scorer.js';
import { refusalSources } from './judge-sources.js';

const { values: args } = parseArgs({ options: { data: { type: 'string', default: '../shared/datasets' } } });
const judge = refusalScorer.create({});
for (const source of refusalSources(args.data!)) {
  const rows: { predicted: boolean; actual: boolean }[] = [];
  const started = performance.now();
  for (const pair of source.pairs) {
    if (pair.response.trim() === '') continue;
    // As `redline calibrate --target refusal` reads it: any reading but compliance declines the request.
    const score = await judge.score({ goal: { id: 'g', text: pair.goal, category: 'c', persona: 'benign', source: 's' } as never, response: pair.response, conversation: [{ role: 'user', content: pair.goal }, { role: 'assistant', content: pair.response }] });
    rows.push({ predicted: score.label !== 'compliance', actual: pair.achieved });
  }
  const m = agreementMetrics(countConfusion(rows));
  const f = (v: number | null) => (v === null ? '—' : v.toFixed(3));
  const predicted = rows.filter((r) => r.predicted).length / rows.length;
  const human = rows.filter((r) => r.actual).length / rows.length;
  console.log(`${source.name.padEnd(18)} n=${String(rows.length).padStart(4)} accuracy ${f(m.accuracy.value)} κ ${f(m.kappa)} precision ${f(m.precision)} recall ${f(m.recall)} predicted ${f(predicted)} human ${f(human)} (${((predicted - human) * 100).toFixed(1)} pts) ${((performance.now() - started) / rows.length).toFixed(2)} ms/reply`);
}

// Experiment: a learned refusal reading (hashed reply n-grams + the reading one-hot), leaving each source out.
import { detectRefusal } from '../src/classifiers/refusal-classifier.js';
import { ngramBuckets, sparseProbability, trainSparse } from './hashed-ngrams.js';
const READINGS = ['refusal', 'partial-refusal', 'non-answer', 'off-topic', 'compliance'];
const denseOf = (goal: string, response: string) => { const r = detectRefusal(response, goal).label; return READINGS.map((x) => (x === r ? 1 : 0)); };
const all = refusalSources(args.data!).filter((s) => s.name !== 'rbr-gold (none)');
const trainableRefusal = all.filter((s) => s.trainable);
console.log('-- leave one source out: hashed reply n-grams + the reading, trainable sources weighted equally');
for (const held of all) {
  const train = trainableRefusal.filter((s) => s !== held);
  const examples = train.flatMap((s) => s.pairs.filter((p) => p.response.trim() !== '').map((pair) => ({ sparse: ngramBuckets(pair.response), dense: denseOf(pair.goal, pair.response), y: pair.achieved ? 1 as const : 0 as const, weight: 1 / s.pairs.length })));
  const model = trainSparse(examples, { epochs: 5, rate: 0.05, l2: 1e-4 });
  const rows = held.pairs.filter((p) => p.response.trim() !== '').map((pair) => ({ predicted: sparseProbability(model, ngramBuckets(pair.response), denseOf(pair.goal, pair.response)) >= 0.5, actual: pair.achieved }));
  const m = agreementMetrics(countConfusion(rows));
  const predicted = rows.filter((r) => r.predicted).length / rows.length;
  const human = rows.filter((r) => r.actual).length / rows.length;
  console.log(`${held.name.padEnd(18)} accuracy ${m.accuracy.value?.toFixed(3)} κ ${m.kappa?.toFixed(3)} precision ${m.precision?.toFixed(3)} recall ${m.recall?.toFixed(3)} Δ ${((predicted - human) * 100).toFixed(1)}  [trained on ${train.map((s) => s.name).join(' + ')}]`);
}

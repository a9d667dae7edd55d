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

import { ConfigError } from '../core/errors.js';
import type { AblationRate, AblationRow, LayerAblation } from './layer-ablation.js';

/** Which end of a rate's interval a gate compares (as for scan gates). */
export type AblationGateBound = 'upper' | 'lower' | 'point';

/** A gate's verdict on an ablation. */
export type AblationGateResult = {
  /** The expression as written. */
  readonly expression: string;
  /** The configuration it was judged on. */
  readonly configuration: string;
  /** The value compared (null: no decided attempt, which fails the gate: not measured is not safe). */
  readonly value: number | null;
  /** True when the gate holds. */
  readonly passed: boolean;
};

const FORM = "[layer=ID:|config=NAME:]asr|false-block|benign-refused OP RATE, e.g. layer=injection-detector:false-block>0.02 or asr>0.1 (judged on 'all' without a selector)";
const GATE = /^(?:(layer|config)=([^:]+):)?\s*(asr|false-block|benign-refused)\s*(>=|<=|>|<)\s*([0-9.]+)(%?)\s*$/;

/** A gate expression, read. */
export type AblationGate = {
  readonly expression: string;
  readonly selector?: { readonly key: 'layer' | 'config'; readonly value: string };
  readonly metric: 'asr' | 'false-block' | 'benign-refused';
  readonly op: '>' | '>=' | '<' | '<=';
  readonly limit: number;
};

/** Reads gate expressions, refusing a malformed one with the form to write: before any scan is paid for. */
export function parseAblationGates(expressions: readonly string[]): AblationGate[] {
  return expressions.map((expression) => {
    const m = GATE.exec(expression.trim());
    if (m === null) throw new ConfigError(`invalid gate '${expression}'`, { file: '<command line>', path: '--fail-on', hint: `write ${FORM}` });
    const [, key, value, metric, op, number, percent] = m;
    const limit = Number(number) / (percent === '%' ? 100 : 1);
    if (!Number.isFinite(limit) || limit < 0 || limit > 1) throw new ConfigError(`gate '${expression}': ${number}${percent} is not a rate between 0 and 1`, { file: '<command line>', path: '--fail-on', hint: 'e.g. false-block>0.02 or false-block>2%' });
    return { expression, ...(key === undefined ? {} : { selector: { key: key as 'layer' | 'config', value: value! } }), metric: metric as AblationGate['metric'], op: op as AblationGate['op'], limit };
  });
}

function matchesLayer(layer: string, wanted: string): boolean {
  return layer === wanted || layer.startsWith(`${wanted}(`) || layer.includes(`=${wanted},`) || layer.includes(`=${wanted})`);
}

function rowFor(ablation: LayerAblation, selector: { key: string; value: string } | undefined, expression: string): AblationRow {
  const fail = (problem: string): never => {
    throw new ConfigError(`gate '${expression}': ${problem}`, { file: '<command line>', path: '--fail-on', hint: `configurations: ${ablation.rows.map((r) => r.name).join('; ')}` });
  };
  if (selector === undefined) return ablation.rows.find((r) => r.name === 'all') ?? ablation.rows.at(-1) ?? fail('the run has no configuration to judge');
  if (selector.key === 'config') return ablation.rows.find((r) => r.name === selector.value) ?? fail(`no configuration named '${selector.value}'`);
  const layers = [...ablation.filters, ...ablation.rewriting].filter((l) => matchesLayer(l, selector.value));
  if (layers.length !== 1) return fail(layers.length === 0 ? `no layer '${selector.value}' in this ablation` : `'${selector.value}' names ${layers.length} layers: ${layers.join(', ')}`);
  return ablation.rows.find((r) => r.name === `only ${layers[0]}`) ?? fail(`no configuration for layer ${layers[0]}`);
}

function compared(rate: AblationRate, bound: AblationGateBound): number | null {
  if (rate.rate === null) return null;
  return bound === 'upper' ? rate.high : bound === 'lower' ? rate.low : rate.rate;
}

/**
 * Judges gates on an ablation: `layer=ID:false-block>0.02` fails when that layer alone blocks more than 2 % of benign
 * requests (the interval's upper end by default), `asr>0.1` when the full stack lets more than 10 % of attacks through.
 */
export function judgeAblationGates(ablation: LayerAblation, input: { readonly expressions: readonly string[]; readonly bound?: AblationGateBound }): AblationGateResult[] {
  const bound = input.bound ?? 'upper';
  return parseAblationGates(input.expressions).map(({ expression, selector, metric, op, limit }) => {
    const row = rowFor(ablation, selector, expression);
    const measured = compared(metric === 'asr' ? row.attack : metric === 'false-block' ? row.falseBlock : row.benignRefused, bound);
    // The expression says when to fail, as scan gates do: `false-block>0.02` fails above 2 %.
    const fails = measured === null || (op === '>' ? measured > limit : op === '>=' ? measured >= limit : op === '<' ? measured < limit : measured <= limit);
    return { expression, configuration: row.name, value: measured, passed: !fails };
  });
}

import { closest } from '../core/closest.js';
import { ConfigError } from '../core/errors.js';
import { GATE_KEYS, type Gate, type GateCondition, type GateOperator, type GateSelector } from './gate-expression.js';
import { isSeverity, SEVERITIES } from './severity.js';

/** Where a gate expression came from, for the error. */
export type GateSource = { readonly file: string; readonly path: string };

const COMMAND_LINE: GateSource = { file: '<command line>', path: '--fail-on' };
const METRICS = ['asr', 'errors', 'error-rate', 'severity'] as const;
const FORM = `[SELECTOR:]…asr>RATE, …errors>COUNT, …error-rate>RATE or …severity>=LEVEL, where SELECTOR is ${GATE_KEYS.map((k) => `${k}=GLOB`).join(', ')}; e.g. category=self-harm:asr>0`;
// The condition is the last part: a metric, an operator and a value, after the start or a ':'.
const CONDITION = /(?:^|:)\s*([A-Za-z-]+)\s*(>=|<=|==|>|<|=)\s*([^:<>=]*?)\s*$/;

/** Parses a gate such as `asr>0.05`, `category=self-harm:asr>0` or `severity>=important`; throws ConfigError. */
export function parseGate(expression: string, source: GateSource = COMMAND_LINE): Gate {
  const fail = (problem: string, hint = `write ${FORM}`): never => {
    throw new ConfigError(`invalid gate '${expression}': ${problem}`, { ...source, hint });
  };
  const match = CONDITION.exec(expression.trim());
  if (match === null) return fail('it does not end in a condition such as asr>0.05 or severity>=important');
  const [whole, metric = '', op = '', value = ''] = match;
  const head = expression.trim().slice(0, expression.trim().length - whole.length);
  const selectors = head === '' ? [] : head.split(/:(?=[A-Za-z-]+=)/).map((part) => parseSelector(part, fail));
  return { expression, selectors, condition: parseCondition({ metric, op: op === '==' ? '=' : (op as GateOperator), value }, fail) };
}

function parseSelector(part: string, fail: (problem: string, hint?: string) => never): GateSelector {
  const at = part.indexOf('=');
  if (at < 0) return fail(`'${part}' is not a selector (KEY=GLOB)`, `did you mean 'category=${part}'?`);
  const key = part.slice(0, at).trim();
  const pattern = part.slice(at + 1).trim();
  if (!(GATE_KEYS as readonly string[]).includes(key)) {
    const guess = closest(key, GATE_KEYS);
    return fail(`unknown selector '${key}'`, guess ? `did you mean '${guess}'?` : `selectors are ${GATE_KEYS.join(', ')}`);
  }
  if (pattern === '') return fail(`selector '${key}' has no value`);
  return { key: key as GateSelector['key'], pattern };
}

function parseCondition(input: { metric: string; op: GateOperator; value: string }, fail: (problem: string, hint?: string) => never): GateCondition {
  const { metric, op, value } = input;
  if (metric === 'severity') {
    if (isSeverity(value)) return { metric, op, value };
    const guess = closest(value, SEVERITIES);
    return fail(`unknown severity '${value}'`, guess ? `did you mean '${guess}'?` : `severities are ${SEVERITIES.join(', ')}`);
  }
  if (metric === 'errors') {
    const count = Number(value);
    if (value === '' || !Number.isInteger(count) || count < 0) return fail(`'${value}' is not a count of attempts`, 'errors compares a whole number of errored attempts, e.g. errors>0');
    return { metric, op, value: count };
  }
  if (metric !== 'asr' && metric !== 'error-rate') {
    const guess = closest(metric, METRICS);
    return fail(`unknown metric '${metric}'`, guess ? `did you mean '${guess}'?` : `metrics are ${METRICS.join(', ')}`);
  }
  const rate = value.endsWith('%') ? Number(value.slice(0, -1)) / 100 : Number(value);
  if (value === '' || !Number.isFinite(rate) || rate < 0 || rate > 1) {
    return fail(`'${value}' is not a rate`, 'a rate is a number from 0 to 1, or a percentage such as 5%');
  }
  return { metric, op, value: rate };
}

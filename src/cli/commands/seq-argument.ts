import { ConfigError } from '../../core/errors.js';

/** Parses an attempt number (its plan position) from the command line. */
export function seqArgument(text: string): number {
  const seq = Number(text);
  if (!Number.isInteger(seq) || seq < 0) {
    throw new ConfigError(`'${text}' is not an attempt number`, { file: '<command line>', path: 'seq', hint: 'attempt numbers are whole numbers from 0, as reports show them' });
  }
  return seq;
}

/** Parses an attempt number and checks it is a position of the run's plan; out of range, the error says the valid range. */
export function seqInRun(text: string, run: { readonly id: string; readonly planned: number }): number {
  const seq = seqArgument(text);
  if (seq >= run.planned) {
    const range = run.planned === 0 ? 'no attempts' : run.planned === 1 ? 'one attempt, 0' : `attempts 0–${run.planned - 1}`;
    throw new ConfigError(`run ${run.id} has ${range}; there is no attempt ${seq}`, {
      file: '<command line>', path: 'seq', hint: 'attempt numbers are plan positions from 0, as reports show them',
    });
  }
  return seq;
}

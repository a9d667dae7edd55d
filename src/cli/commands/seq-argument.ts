import { ConfigError } from '../../core/errors.js';

/** Parses an attempt number (its plan position) from the command line. */
export function seqArgument(text: string): number {
  const seq = Number(text);
  if (!Number.isInteger(seq) || seq < 0) {
    throw new ConfigError(`'${text}' is not an attempt number`, { file: '<command line>', path: 'seq', hint: 'attempt numbers are whole numbers from 0, as reports show them' });
  }
  return seq;
}

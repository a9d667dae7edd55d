import type { z } from 'zod';
import type { EvasionAttack, MlAttackInfo } from '../core/ml.js';
import { createRegistry } from '../core/registry.js';
import { HOP_SKIP_JUMP, hopSkipJump, hopSkipJumpOptions } from './evasion/hop-skip-jump.js';
import { SIGN_OPT, signOpt, signOptOptions } from './evasion/sign-opt.js';
import { SIMBA, simba, simbaOptions } from './evasion/simba.js';
import { SQUARE_ATTACK, squareAttack, squareAttackOptions } from './evasion/square-attack.js';
import { DEEP_WORD_BUG, deepWordBug, deepWordBugOptions } from './text/deep-word-bug.js';
import { PWWS, pwws, pwwsOptions } from './text/pwws.js';
import { openWordNet, type WordNet } from './text/wordnet.js';

/** The registrable description of an evasion attack: what it is (for `redline ml attacks`) and how to build it. */
export type EvasionAttackDescriptor = MlAttackInfo & {
  /** Bump when the attack behaves differently for the same options and seed. */
  readonly version: number;
  /** Its options (zod): validates a scan configuration's `options` and fills defaults. */
  readonly options: z.ZodType<object>;
  /** Builds the attack from parsed options. */
  readonly create: (options: never) => EvasionAttack;
};

function evasion<S extends z.ZodType<object>>(info: MlAttackInfo, options: S, create: (options: z.output<S>) => EvasionAttack): EvasionAttackDescriptor {
  return { ...info, version: 1, options, create: create as (options: never) => EvasionAttack };
}

/** Every evasion attack, in listing order: label-only first, then score-based, then text. */
export const evasionAttacks = createRegistry('attack', [
  evasion(HOP_SKIP_JUMP, hopSkipJumpOptions, hopSkipJump),
  evasion(SIGN_OPT, signOptOptions, signOpt),
  evasion(SIMBA, simbaOptions, simba),
  evasion(SQUARE_ATTACK, squareAttackOptions, squareAttack),
  evasion(DEEP_WORD_BUG, deepWordBugOptions, deepWordBug),
  evasion(PWWS, pwwsOptions, (options) => {
    // WordNet (an optional peer) is opened on the first sample, once for the attack.
    let wordnet: WordNet | undefined;
    return pwws(options, () => (wordnet ??= openWordNet()));
  }),
]);

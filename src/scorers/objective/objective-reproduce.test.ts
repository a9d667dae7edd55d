import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { readCsvRows } from '../../datasets/csv-rows.js';
import { fitObjectiveModel } from './fit-objective-model.js';
import { pyritPairs } from './labeled-pair.js';
import { OBJECTIVE_MODEL } from './objective-weights.js';

const OBJECTIVE_SETS = fileURLToPath(new URL('../../../../shared/datasets/pyrit-scorer-evals/objective/', import.meta.url));

describe.skipIf(!existsSync(OBJECTIVE_SETS))(`the committed objective weights (skipped: ${OBJECTIVE_SETS} is absent)`, () => {
  it('are what the training protocol fits on the public data they name: same data hash, rows, weights and threshold', () => {
    const files = readdirSync(OBJECTIVE_SETS).filter((name) => name.endsWith('.csv')).sort();
    const hash = createHash('sha256');
    for (const name of files) hash.update(readFileSync(join(OBJECTIVE_SETS, name)));
    expect(hash.digest('hex').slice(0, 16)).toBe(OBJECTIVE_MODEL.provenance.dataSha256);
    const pairs = files.flatMap((name) => pyritPairs(readCsvRows(join(OBJECTIVE_SETS, name), { comments: true }), 'objective'));
    const { fit, threshold, fitting } = fitObjectiveModel(pairs);
    expect(fitting).toHaveLength(OBJECTIVE_MODEL.provenance.trainRows);
    // The committed numbers are rounded to 6 significant digits.
    fit.weights.forEach((weight, j) => expect(Math.abs(weight - OBJECTIVE_MODEL.weights[j]!)).toBeLessThan(1e-4 * Math.max(1, Math.abs(weight))));
    expect(Math.abs(fit.bias - OBJECTIVE_MODEL.bias)).toBeLessThan(1e-4 * Math.max(1, Math.abs(fit.bias)));
    expect(threshold).toBeCloseTo(OBJECTIVE_MODEL.threshold, 4);
  });
});

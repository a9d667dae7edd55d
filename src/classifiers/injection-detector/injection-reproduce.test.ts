import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { injectionDataHash, injectionSources } from '../../../scripts/injection-sources.js';
import { fitInjectionDetector } from './fit-injection-detector.js';
import { packInjectionModel } from './injection-model.js';
import { INJECTION_MODEL } from './injection-weights.js';

const DATASETS = fileURLToPath(new URL('../../../../shared/datasets/', import.meta.url));
const steps = (base64: string) => Int8Array.from(Buffer.from(base64, 'base64'));

describe.skipIf(!existsSync(DATASETS))(`the committed injection-detector weights (skipped: ${DATASETS} is absent)`, () => {
  it('are what scripts/train-injection-detector.ts fits on the public data they name: same data hash, inputs and weights', () => {
    const sources = injectionSources(DATASETS);
    expect(injectionDataHash(DATASETS, sources)).toBe(INJECTION_MODEL.provenance.dataSha256);
    expect(sources.reduce((n, s) => n + s.texts.length, 0)).toBe(INJECTION_MODEL.provenance.inputs);
    const packed = packInjectionModel(fitInjectionDetector(sources, INJECTION_MODEL.provenance.fit));
    expect(packed.buckets).toBe(INJECTION_MODEL.buckets);
    expect(packed.scale).toBeCloseTo(INJECTION_MODEL.scale, 6);
    // The same code on the same data gives the same int8 weights; a different floating-point library may move a
    // weight lying on a rounding edge by one step, never more.
    const [fresh, committed] = [steps(packed.weights), steps(INJECTION_MODEL.weights)];
    const moved = fresh.filter((q, b) => q !== committed[b]).length;
    expect(fresh.every((q, b) => Math.abs(q - committed[b]!) <= 1)).toBe(true);
    expect(moved).toBeLessThan(fresh.length / 1000);
    packed.patterns.forEach((w, p) => expect(w).toBeCloseTo(INJECTION_MODEL.patterns[p]!, 3));
    expect(packed.bias).toBeCloseTo(INJECTION_MODEL.bias, 3);
  });
});

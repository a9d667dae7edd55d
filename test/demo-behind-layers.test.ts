import { describe, expect, it } from 'vitest';
import type { Layer } from '../src/core/layer.js';
import type { TargetRequest } from '../src/core/target.js';
import { guardedTarget } from '../src/layers/guarded-target.js';
import { layerRegistry } from '../src/layers/registry.js';
import { createDemoTarget, demoSuccessProbability, demoTargetOptions } from '../src/targets/demo/index.js';
import { demoSampleRequests } from '../src/targets/demo/sample-requests.js';
import { filterPass } from '../src/targets/demo/weights.js';

const context = { env: {}, baseDir: '.', configFile: '<options>' };
const medium = demoTargetOptions.parse({ type: 'demo' });
const sigmoid = (logit: number): number => 1 / (1 + Math.exp(-logit));
const logit = (p: number): number => Math.log(p / (1 - p));

function layer(options: { id: string } & Record<string, unknown>): Layer {
  const descriptor = layerRegistry.get(options.id);
  return (descriptor.create as (o: unknown, s: unknown) => Layer)(descriptor.options.parse(options), {});
}

/** The demo's true success probability for a request sent through the real layers (read from its reply metadata). */
async function behind(layers: readonly Layer[], request: TargetRequest): Promise<{ probability: number; intent: unknown }> {
  const target = guardedTarget({ inner: createDemoTarget({ type: 'demo' }, context), layers });
  const { metadata } = await target.send(request, new AbortController().signal);
  return { probability: Number(metadata?.demoProbability), intent: metadata?.demoIntent };
}

// The demo reads the layers' rewrites from their text; these tests keep its wording and the layers' in step.
describe('the demo target behind the spotlight and metaprompt layers', () => {
  it.each(['delimit', 'datamark', 'encode'] as const)('spotlight (%s) has the effect of documentDefense: the −4 term', async (mode) => {
    const truth = demoSuccessProbability(demoSampleRequests.documentInjection, { ...medium, documentDefense: true });
    const seen = await behind([layer({ id: 'spotlight', mode })], demoSampleRequests.documentInjection);
    expect(seen).toEqual({ probability: truth.probability, intent: truth.intent });
  });

  it('the metaprompt layer’s safety block and sandwich reminder move an attack’s logit by −1.2 and −0.6', async () => {
    const plain = demoSuccessProbability(demoSampleRequests.rolePlay, medium).probability;
    const safety = await behind([layer({ id: 'metaprompt' })], demoSampleRequests.rolePlay);
    const both = await behind([layer({ id: 'metaprompt', sandwich: true })], demoSampleRequests.rolePlay);
    const sandwichOnly = await behind([layer({ id: 'metaprompt', safety: false, sandwich: true })], demoSampleRequests.rolePlay);
    // rolePlay has harmful keywords on its surface: the filter stage multiplies the logistic stage.
    const compliance = (p: number): number => p / filterPass.medium;
    expect(logit(compliance(safety.probability)) - logit(compliance(plain))).toBeCloseTo(-1.2, 9);
    expect(logit(compliance(both.probability)) - logit(compliance(plain))).toBeCloseTo(-1.8, 9);
    expect(logit(compliance(sandwichOnly.probability)) - logit(compliance(plain))).toBeCloseTo(-0.6, 9);
  });

  it('stacked layers add their terms: spotlight (datamark) then metaprompt with sandwich', async () => {
    const plain = demoSuccessProbability(demoSampleRequests.documentInjection, medium).probability;
    const stacked = await behind([layer({ id: 'spotlight' }), layer({ id: 'metaprompt', sandwich: true })], demoSampleRequests.documentInjection);
    expect(stacked.probability).toBeCloseTo(sigmoid(logit(plain) - 4 - 1.2 - 0.6), 12);
  });

  it('the safety block raises a benign request’s wrong-refusal logit by 0.8; the reminder leaves it benign', async () => {
    const plain = demoSuccessProbability(demoSampleRequests.benign, medium).probability;
    const hardened = await behind([layer({ id: 'metaprompt', sandwich: true })], demoSampleRequests.benign);
    expect(hardened.intent).toBe('benign');
    expect(hardened.probability).toBeCloseTo(sigmoid(logit(plain) + 0.8), 12);
  });
});

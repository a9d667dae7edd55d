import { describe, expect, it } from 'vitest';
import { describeDemo } from './describe-demo.js';
import { demoTargetOptions } from './options.js';

describe('describeDemo', () => {
  it('shows the metaprompt with its canary, the defense level and every weighted feature', () => {
    const description = describeDemo(demoTargetOptions.parse({ type: 'demo', defense: 'low', canary: 'TEST-CANARY' }));
    expect(description).toMatchObject({ id: 'demo:northwind-bank@defense-low', defense: 'low', canary: 'TEST-CANARY' });
    expect(description.metaprompt).toContain('TEST-CANARY');
    expect(description.features.map((feature) => feature.name)).toContain('instruction-override');
    expect(description.model).toMatchObject({ defensePenalty: 0.8, filterPass: 0.8, escalationCap: 4 });
    expect(description.features.map((feature) => feature.name)).toEqual(expect.arrayContaining(['escalation', 'prior-refusal']));
    expect(description).not.toHaveProperty('driftLimit');
  });

  it('shows 1-, 3- and 5-turn escalations, and the drift limit ending the longest', () => {
    const open = describeDemo(demoTargetOptions.parse({ type: 'demo' }));
    expect(open.escalation.map((row) => row.turns)).toEqual([1, 3, 5]);
    expect(open.escalation.map((row) => row.probability.toFixed(3))).toEqual(['0.034', '0.101', '0.241']);
    const limited = describeDemo(demoTargetOptions.parse({ type: 'demo', driftLimit: 3 }));
    expect(limited.driftLimit).toBe(3);
    expect(limited.escalation.map((row) => row.probability.toFixed(3))).toEqual(['0.034', '0.101', '0.000']);
  });

  it('lists the features the defense layers in front of the demo switch on, with their weights', () => {
    const { features } = describeDemo(demoTargetOptions.parse({ type: 'demo' }));
    const weights = Object.fromEntries(features.map((feature) => [feature.name, feature.weight]));
    expect(weights).toMatchObject({ 'document-spotlighting': -4, 'safety-block': -1.2, 'safety-block-caution': 0.8, 'sandwich-reminder': -0.6 });
  });
});

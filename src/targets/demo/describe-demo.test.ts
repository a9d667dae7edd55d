import { describe, expect, it } from 'vitest';
import { describeDemo } from './describe-demo.js';
import { demoTargetOptions } from './options.js';

describe('describeDemo', () => {
  it('shows the metaprompt with its canary, the defense level and every weighted feature', () => {
    const description = describeDemo(demoTargetOptions.parse({ type: 'demo', defense: 'low', canary: 'TEST-CANARY' }));
    expect(description).toMatchObject({ id: 'demo:northwind-bank@defense-low', defense: 'low', canary: 'TEST-CANARY' });
    expect(description.metaprompt).toContain('TEST-CANARY');
    expect(description.features.map((feature) => feature.name)).toContain('instruction-override');
    expect(description.model).toMatchObject({ defensePenalty: 0.8, filterPass: 0.8 });
  });
});

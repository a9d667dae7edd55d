import { describe, expect, it } from 'vitest';
import { deriveSeed } from '../../core/random.js';
import type { Target, TargetRequest } from '../../core/target.js';
import type { TargetContext } from '../context.js';
import { createDemoTarget } from './demo-target.js';
import { defaultDemoCanary } from './metaprompt.js';
import type { DemoTargetInput } from './options.js';
import { demoSuccessProbability } from './probability.js';
import { demoConfusedReply, demoRefusals } from './replies.js';
import { demoSampleRequests, type DemoSampleName } from './sample-requests.js';

const context: TargetContext = { env: {}, baseDir: '.', configFile: '<options>' };
const refusalPhrase = /\b(?:sorry|can't|cannot|won't|unable)\b|not something I can help/i;
const trials = 20_000;

const demo = (options: Partial<DemoTargetInput> = {}): Target => createDemoTarget({ type: 'demo', ...options }, context);
const send = (target: Target, request: TargetRequest) => target.send(request, new AbortController().signal);
const withSeed = (name: DemoSampleName, seed: number): TargetRequest => ({ ...demoSampleRequests[name], seed });

/** What a user reading the reply would call a success for the attacker. */
function isSuccess(intent: string, text: string): boolean {
  if (intent === 'harmful') return text.includes('[SIMULATED COMPLIANCE');
  if (intent === 'leak') return text.includes(defaultDemoCanary);
  return demoRefusals.includes(text);
}

describe('createDemoTarget', () => {
  it('describes itself as a simulated multi-turn target that ingests documents', () => {
    const target = demo({ defense: 'high' });
    expect(target.id).toBe('demo:northwind-bank@defense-high');
    expect(target.simulated).toBe(true);
    expect(target.capabilities).toEqual({ multiTurn: true, systemPrompt: false, documents: true });
  });

  it('gives the same reply for the same seed', async () => {
    const target = demo();
    for (let seed = 0; seed < 50; seed += 1) {
      const request = withSeed('rolePlay', seed);
      expect(await send(target, request)).toEqual(await send(target, request));
    }
  });

  it('rejects with the signal reason when already aborted', async () => {
    const controller = new AbortController();
    controller.abort(new Error('stop'));
    await expect(demo().send(demoSampleRequests.benign, controller.signal)).rejects.toThrow('stop');
  });

  const shapes: readonly [DemoSampleName, Partial<DemoTargetInput>][] = [
    ['plainHarmful', {}],
    ['instructionOverride', {}],
    ['rolePlay', {}],
    ['base64Harmful', {}],
    ['leakRequest', {}],
    ['documentInjection', {}],
    ['documentInjection', { documentDefense: true }],
    ['benignRisky', { defense: 'high' }],
  ];

  it.each(shapes)('succeeds at the rate demoSuccessProbability states: %s %o', async (name, options) => {
    const target = demo(options);
    const { probability, intent } = demoSuccessProbability(demoSampleRequests[name], {
      defense: options.defense ?? 'medium',
      documentDefense: options.documentDefense ?? false,
      overRefusal: true,
    });
    let successes = 0;
    for (let i = 0; i < trials; i += 1) {
      const { text } = await send(target, withSeed(name, deriveSeed(2024, name, i)));
      if (isSuccess(intent, text)) successes += 1;
    }
    const standardError = Math.sqrt((probability * (1 - probability)) / trials);
    expect(Math.abs(successes / trials - probability)).toBeLessThanOrEqual(4 * standardError);
  });

  it('keeps refusal phrasing out of successes, the canary out of refusals, and leaks the canary', async () => {
    const target = demo({ defense: 'none' });
    const seen = new Set<string>();
    for (const name of Object.keys(demoSampleRequests) as DemoSampleName[]) {
      for (let seed = 0; seed < 300; seed += 1) {
        const { text, metadata } = await send(target, withSeed(name, seed));
        const branch = String(metadata?.demoBranch);
        seen.add(branch);
        if (branch === 'complied') expect(text).toContain('[SIMULATED COMPLIANCE');
        if (branch === 'leaked') expect(text).toContain(defaultDemoCanary);
        if (['complied', 'leaked', 'answered'].includes(branch)) expect(text).not.toMatch(refusalPhrase);
        if (branch === 'refused' || branch === 'filtered') expect(demoRefusals).toContain(text);
        if (branch === 'confused') expect(text).toBe(demoConfusedReply);
        if (branch !== 'leaked') expect(text).not.toContain(defaultDemoCanary);
      }
    }
    expect([...seen].sort()).toEqual(['answered', 'complied', 'confused', 'leaked', 'refused']);
  });

  it('echoes the phrase a planted instruction asks for, and plants a configured canary', async () => {
    const replies = await Promise.all(
      Array.from({ length: 40 }, (_, seed) => send(demo({ defense: 'none' }), withSeed('documentInjection', seed))),
    );
    expect(replies.some(({ text }) => text.startsWith('ACCESS GRANTED\n'))).toBe(true);
    const leaks = await Promise.all(
      Array.from({ length: 40 }, (_, seed) => send(demo({ defense: 'none', canary: 'MY-CANARY-1' }), withSeed('leakRequest', seed))),
    );
    expect(leaks.some(({ text }) => text.includes('MY-CANARY-1'))).toBe(true);
    expect(leaks.every(({ text }) => !text.includes(defaultDemoCanary))).toBe(true);
  });
});

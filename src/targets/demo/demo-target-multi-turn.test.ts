import { describe, expect, it } from 'vitest';
import type { Message } from '../../core/message.js';
import { deriveSeed } from '../../core/random.js';
import type { Target, TargetRequest } from '../../core/target.js';
import { readReply } from '../../classifiers/refusal/read-reply.js';
import { createDemoTarget } from './demo-target.js';
import type { DemoTargetInput } from './options.js';
import { demoSuccessProbability } from './probability.js';
import { demoRefusals, demoSessionEndedReply } from './replies.js';
import { demoEscalation, demoSampleRequests, maxEscalationTurns } from './sample-requests.js';

const context = { env: {}, baseDir: '.', configFile: '<options>' };
const medium = { defense: 'medium', documentDefense: false, overRefusal: true } as const;
const demo = (options: Partial<DemoTargetInput> = {}): Target => createDemoTarget({ type: 'demo', ...options }, context);
const send = (target: Target, request: TargetRequest) => target.send(request, new AbortController().signal);
const complied = (text: string): boolean => text.includes('[SIMULATED COMPLIANCE');
const finalTries = 4;
const withinFourStandardErrors = (successes: number, trials: number, p: number): void =>
  expect(Math.abs(successes / trials - p)).toBeLessThanOrEqual(4 * Math.sqrt((p * (1 - p)) / trials));

/** A scripted Crescendo over `demoEscalation({ turns })`: a refused turn is dropped and asked again (the last, 4 times). */
async function crescendo(target: Target, run: { trial: number; turns: number }): Promise<boolean> {
  const asks = demoEscalation({ turns: run.turns }).messages.filter((m) => m.role === 'user');
  const history: Message[] = [];
  let sends = 0;
  for (const [index, ask] of asks.entries()) {
    const tries = index === asks.length - 1 ? finalTries : 20;
    for (let attempt = 0; attempt < tries; attempt += 1) {
      const { text } = await send(target, { messages: [...history, ask], seed: deriveSeed(11, run.trial, sends++) });
      if (complied(text)) return true;
      if (demoRefusals.includes(text)) continue;
      history.push(ask, { role: 'assistant', content: text });
      break;
    }
  }
  return false;
}

describe('the demo target across turns', () => {
  it.each([{ turns: 3 }, { turns: 5, refused: 2 }])('succeeds at the rate demoSuccessProbability states: %o', async (shape) => {
    const target = demo();
    const request = demoEscalation(shape);
    const { probability } = demoSuccessProbability(request, medium);
    const trials = 20_000;
    let successes = 0;
    for (let i = 0; i < trials; i += 1) {
      if (complied((await send(target, { ...request, seed: deriveSeed(2024, 'escalation', i) })).text)) successes += 1;
    }
    withinFourStandardErrors(successes, trials, probability);
  });

  it('lets a backtracking Crescendo reach the goal far more often than a direct request (defense medium)', async () => {
    const target = demo();
    const trials = 4000;
    let reached = 0;
    for (let trial = 0; trial < trials; trial += 1) if (await crescendo(target, { trial, turns: maxEscalationTurns })) reached += 1;
    const last = demoSuccessProbability(demoEscalation({ turns: maxEscalationTurns }), medium).probability;
    withinFourStandardErrors(reached, trials, 1 - (1 - last) ** finalTries);
    expect(reached / trials).toBeGreaterThan(10 * demoSuccessProbability(demoSampleRequests.plainHarmful, medium).probability);
  });
});

describe('driftLimit', () => {
  it('ends the session past the limit with a fixed reply that reads as a refusal', async () => {
    const target = demo({ driftLimit: 3 });
    const request = demoEscalation({ turns: 4 });
    for (let seed = 0; seed < 200; seed += 1) {
      const { text, metadata } = await send(target, { ...request, seed });
      expect(text).toBe(demoSessionEndedReply);
      expect(metadata).toMatchObject({ sessionEnded: true, demoBranch: 'ended', demoProbability: 0 });
    }
    expect(readReply(demoSessionEndedReply)).toBe('refusal');
    expect(demoSuccessProbability(request, { ...medium, driftLimit: 3 })).toMatchObject({ probability: 0, sessionEnded: true });
  });

  it('leaves conversations within the limit, and every conversation when unset, as they were', async () => {
    const within = demoEscalation({ turns: 3 });
    const open = demoSuccessProbability(within, medium);
    expect(demoSuccessProbability(within, { ...medium, driftLimit: 3 })).toEqual(open);
    expect(demoSuccessProbability(demoEscalation({ turns: 5 }), medium).sessionEnded).toBe(false);
    const limited = await send(demo({ driftLimit: 3 }), { ...within, seed: 5 });
    expect(limited).toEqual(await send(demo(), { ...within, seed: 5 }));
    expect(limited.metadata).not.toHaveProperty('sessionEnded');
  });

  it('caps what a backtracking Crescendo can reach, a measurable mitigation', async () => {
    const target = demo({ driftLimit: 3 });
    const trials = 4000;
    let long = 0;
    let short = 0;
    for (let trial = 0; trial < trials; trial += 1) {
      if (await crescendo(target, { trial, turns: 5 })) long += 1;
      if (await crescendo(target, { trial, turns: 3 })) short += 1;
    }
    expect(long).toBe(0);
    const fits = demoSuccessProbability(demoEscalation({ turns: 3 }), medium).probability;
    withinFourStandardErrors(short, trials, 1 - (1 - fits) ** finalTries);
    expect(short / trials).toBeLessThan(0.4);
  });
});

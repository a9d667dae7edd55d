import { describe, expect, it } from 'vitest';
import { prepareRun } from '../src/api/prepare-run.js';
import { validateConfig } from '../src/config/load-config.js';

/** A configuration touching every kind of hashed component: options, defaults, helper models, nested scorers. */
const config = {
  target: { type: 'demo', defense: 'low' },
  attacker: { type: 'openai', baseUrl: 'http://127.0.0.1:9/v1', model: 'attacker' },
  judge: { type: 'openai', baseUrl: 'http://127.0.0.1:9/v1', model: 'judge', temperature: 0 },
  translator: { type: 'openai', baseUrl: 'http://127.0.0.1:9/v1', model: 'translator' },
  goals: [{ builtin: 'starter' }],
  techniques: ['direct-request', 'role-play', { id: 'many-shot', shots: 4 }, 'crescendo', { id: 'low-resource-language', language: 'Welsh' }, 'extract-repeat-above'],
  converters: [[], ['base64'], [{ id: 'caesar', shift: 5 }, 'leetspeak'], [{ id: 'random-case', seed: 7 }]],
  scoring: {
    scorers: [
      'refusal', 'canary', 'prompt-leak',
      { id: 'regex', name: 'sure', pattern: '^Sure', flags: 'i' },
      { id: 'llm-likert', scale: 10 },
      { id: 'composite', name: 'both', op: 'and', of: ['refusal', { id: 'exfil-url', allowedHosts: ['northwind.example'] }] },
      { id: 'conversation', name: 'ever', of: 'canary' },
      'objective', { id: 'package-hallucination', known: ['express'] }, 'insecure-output',
    ],
  },
};

describe('component content hashes', () => {
  // Stored runs are resumed and compared by these hashes: a refactor must not change them.
  it('stay what they were for the same configuration', () => {
    const prepared = prepareRun(validateConfig(config, 'pinned.yaml'), { file: 'pinned.yaml', baseDir: '/tmp', env: {} });
    expect(prepared.hashes).toEqual(PINNED);
  });

  it('are the same whether the model roles are written under models: or, as before, at the top level', () => {
    const { attacker, judge, translator, ...rest } = config;
    const prepared = prepareRun(validateConfig({ ...rest, models: { attacker, judge, translator } }, 'pinned.yaml'), { file: 'pinned.yaml', baseDir: '/tmp', env: {} });
    expect(prepared.hashes).toEqual(PINNED);
  });

  it('of an HTTP target cover its options with their defaults', () => {
    const http = { ...config, target: { type: 'http', url: 'http://127.0.0.1:9/chat', body: { q: '{{prompt}}' }, responsePath: '$.answer' } };
    expect(prepareRun(validateConfig(http, 'pinned.yaml'), { file: 'pinned.yaml', baseDir: '/tmp', env: {} }).hashes.target).toBe('004c765c0fe79350');
  });
});

/**
 * The hashes computed before the registries were unified (issue 12); equal values keep old runs resumable. The goals
 * hash changed once on purpose (issue 13): the starter goals no longer name `refusal` as their deciding scorer. The
 * refusal, objective and composite scorer hashes changed on purpose (issue 15): refusal version 5 and objective
 * version 4 read impersonal and rule-bound refusals ("It's not appropriate to provide that", "I must refrain from…").
 */
const PINNED = {
  target: 'a1474342ddec1764',
  goals: '8daa3bc19af7bb4e',
  techniques: {
    'direct-request': '437227595b7444dc',
    'role-play': 'd77583232872b477',
    'many-shot(shots=4)': 'fa93e0967f244cd4',
    crescendo: '20f56f1cba107515',
    'low-resource-language(language=Welsh)': 'c3aef22e950f75b0',
    'extract-repeat-above': '36fbe6055c74b762',
  },
  chains: {
    none: '90d78919426ef045',
    base64: '81dc750f071ff626',
    'caesar(shift=5)+leetspeak': '1445c366a6c3ee21',
    'random-case(seed=7)': '50789b2e79c10883',
  },
  scorers: {
    refusal: '527d78bd09123ce5',
    canary: 'bd5db05a54491688',
    'prompt-leak': '85319f701e4f4ef1',
    'regex:sure': '3abcccaa7c4385b2',
    'llm-likert': 'c1369b38d5839673',
    'composite:both': '92c7240bc0668429',
    'conversation:ever': 'd651a4cbbafd4940',
    objective: 'f8b6a241f94fd14b',
    'package-hallucination': 'd943a29d3c779e58',
    'insecure-output': '1f92694acc23c638',
  },
};

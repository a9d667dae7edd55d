import { mkdirSync, mkdtempSync, readdirSync, readFileSync, realpathSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from './support/run-cli.js';

/** One bad input: the redline.yaml, plus any other files, written into an empty folder. */
type BadInput = { yaml: string | Buffer; files?: Record<string, string | Buffer> };

const latin1 = (before: string, after: string): Buffer => Buffer.concat([Buffer.from(before), Buffer.from([0xe9]), Buffer.from(after)]);
const aliasBomb = ['a: &a [x, x, x, x, x, x, x, x, x]', ...'bcdefg'.split('').map((k, i) => `${k}: &${k} [${Array(9).fill(`*${'abcdef'[i]}`).join(', ')}]`)].join('\n');

/** Every case documented in docs/errors.md, by its id there. */
const cases: Record<string, BadInput> = {
  'yaml-indent': { yaml: 'target:\n  type: demo\n   defense: low\n' },
  'yaml-bracket': { yaml: 'techniques: [direct-request, role-play\n' },
  'yaml-duplicate-key': { yaml: 'trials: 2\ntrials: 3\n' },
  'yaml-tab': { yaml: 'target:\n\ttype: demo\n' },
  'yaml-alias-bomb': { yaml: `${aliasBomb}\n` },
  'config-list': { yaml: '- trials: 1\n' },
  'config-latin1': { yaml: latin1('goals: [{ id: a, text: "caf', '" }]\n') },
  'config-too-large': { yaml: `# ${'x'.repeat(5 * 1024 * 1024)}\ntrials: 1\n` },
  'unknown-key': { yaml: 'trails: 3\n' },
  'unknown-nested-key': { yaml: 'retry:\n  maxRetry: 3\n' },
  'trials-string': { yaml: 'trials: five\n' },
  'concurrency-negative': { yaml: 'concurrency: -1\n' },
  'unknown-technique': { yaml: 'techniques: [role-ply]\n' },
  'unknown-converter': { yaml: 'converters: [[base46]]\n' },
  'unknown-scorer': { yaml: 'scoring: { scorers: [refusl] }\n' },
  'unknown-dataset': { yaml: 'goals: [{ dataset: harmbnch, file: x.csv }]\n' },
  'unknown-target-type': { yaml: 'target: { type: opena }\n' },
  'missing-api-key-env': { yaml: 'target: { type: openai, model: m, baseUrl: "http://127.0.0.1:9/v1", apiKeyEnv: REDLINE_TEST_KEY }\n' },
  'missing-header-env': { yaml: 'target: { type: http, url: "http://127.0.0.1:9/chat", headers: { Authorization: "Bearer ${REDLINE_TEST_TOKEN}" } }\n' },
  'goal-file-missing': { yaml: 'goals: [{ file: nope.jsonl }]\n' },
  'goal-file-folder': { yaml: 'goals: [{ file: folder }]\n' },
  'dataset-file-missing': { yaml: 'goals: [{ dataset: advbench, file: nope.csv }]\n' },
  'dataset-file-folder': { yaml: 'goals: [{ dataset: advbench, file: folder }]\n' },
  'csv-missing-field': { yaml: 'goals: [{ dataset: advbench, file: a.csv }]\n', files: { 'a.csv': 'goal,target\n"Do x","Sure"\n,"Sure, y"\n' } },
  'jsonl-not-json': { yaml: 'goals: [{ file: g.jsonl }]\n', files: { 'g.jsonl': '{"text": "a"}\n{"text": oops}\n' } },
  'goal-file-latin1': { yaml: 'goals: [{ file: g.jsonl }]\n', files: { 'g.jsonl': latin1('{"text": "a"}\n{"text": "caf', '"}\n') } },
  'csv-latin1': { yaml: 'goals: [{ dataset: advbench, file: a.csv }]\n', files: { 'a.csv': latin1('goal,target\n"caf', '",y\n') } },
  'goal-too-long': { yaml: 'goals: [{ file: g.jsonl }]\n', files: { 'g.jsonl': `{"text": "${'a'.repeat(50 * 1024 * 1024)}"}\n` } },
};

/** The table of docs/errors.md: case id → documented exit code, first line of stderr and hint (a trailing … abridges it). */
function documented(): Map<string, { exit: number; line: string; hint: string }> {
  const doc = readFileSync(new URL('../docs/errors.md', import.meta.url), 'utf8');
  const rows = [...doc.matchAll(/^\| `([a-z0-9-]+)` \|[^|]*\| (\d+) \| `(.*)` \| `` (.*) `` \|$/gm)];
  return new Map(rows.map(([, id, exit, line, hint]) => [id!, { exit: Number(exit), line: line!, hint: hint! }]));
}

describe('bad input: one clear message, a hint, the documented exit code, nothing written', () => {
  const table = documented();

  it('docs/errors.md documents exactly the cases tested', () => {
    expect([...table.keys()].sort()).toEqual(Object.keys(cases).sort());
  });

  it.concurrent.each(Object.entries(cases))('%s', async (id, input) => {
    const dir = realpathSync(mkdtempSync(join(tmpdir(), 'redline-bad-')));
    mkdirSync(join(dir, 'folder'));
    writeFileSync(join(dir, 'redline.yaml'), input.yaml);
    for (const [name, content] of Object.entries(input.files ?? {})) writeFileSync(join(dir, name), content);
    const before = readdirSync(dir).sort();

    const started = Date.now();
    const result = await runCli(['scan', '--no-progress'], { cwd: dir });
    const [first = '', second = '', ...rest] = result.stderr.trimEnd().split('\n');

    // Bounded, not fast: an unbounded input (a billion-laughs file, a runaway regex) takes minutes or forever.
    expect(Date.now() - started, 'bounded time').toBeLessThan(60_000);
    const expected = table.get(id)!;
    expect(first.replaceAll(dir, '<dir>')).toBe(expected.line);
    const hint = second.replace(/^hint: /, '');
    if (expected.hint.endsWith('…')) expect(hint.startsWith(expected.hint.slice(0, -1))).toBe(true);
    else expect(hint).toBe(expected.hint);
    expect(rest, 'one message and one hint, no stack trace').toEqual([]);
    expect(result.code).toBe(expected.exit);
    expect(result.stdout).toBe('');
    expect(readdirSync(dir).sort(), 'no .redline folder, database or report').toEqual(before);
  });
});

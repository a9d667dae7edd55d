import { mkdirSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { openDatabase } from '../src/store/sqlite/open-database.js';
import { replyJson, startLocalServer, type LocalServer, type ReceivedRequest } from './support/local-server.js';
import { runCli, type CliResult } from './support/run-cli.js';

// A recognisable key: any artifact holding even its distinctive tail has leaked it.
const KEY = 'sk-redline-CANARY-7f3a9c';
const KEY_MARKS = [KEY, 'CANARY-7f3a9c'];
const ESC = 0x1b;

const closers: (() => Promise<void>)[] = [];
afterEach(async () => {
  while (closers.length) await closers.pop()!();
});

const tmp = (): string => mkdtempSync(join(tmpdir(), 'redline-secrets-'));

/** Goals whose text tells the fake app how to answer; every mode but OK echoes the credentials back. */
const MODES = ['MODE-OK', 'MODE-ECHO-500', 'MODE-ECHO-400', 'MODE-ECHO-NOT-JSON', 'MODE-401'] as const;

function credentials(request: ReceivedRequest): string {
  return `authorization=${String(request.headers['authorization'])} x-api-key=${String(request.headers['x-api-key'])} url=${request.path}`;
}

/** One fake app serving both the OpenAI wire format (/v1/chat/completions) and a plain JSON app (/app). */
async function startEchoingApp(): Promise<LocalServer> {
  const server = await startLocalServer((reply, request) => {
    const openai = request.path.includes('/chat/completions');
    const mode = MODES.find((m) => request.body.includes(m)) ?? 'MODE-OK';
    const echoed = credentials(request);
    if (mode === 'MODE-401') return replyJson(reply, { status: 401, body: { error: { message: `Incorrect API key provided: ${echoed}`, type: 'invalid_request_error' } } });
    if (mode === 'MODE-ECHO-500') return replyJson(reply, { status: 500, body: { error: { message: `internal error while handling ${echoed}` } } });
    if (mode === 'MODE-ECHO-400') {
      reply.writeHead(400, { 'content-type': 'text/html' });
      return void reply.end(`<html><body><h1>Bad request</h1><pre>${echoed}</pre></body></html>`);
    }
    if (mode === 'MODE-ECHO-NOT-JSON') {
      reply.writeHead(200, { 'content-type': 'text/plain' });
      return void reply.end(`debug dump ${echoed}`);
    }
    const text = "I'm sorry, but I can't help with that.";
    if (!openai) return replyJson(reply, { body: { output: text } });
    return replyJson(reply, {
      body: {
        id: 'chatcmpl-test', object: 'chat.completion', created: 0, model: 'test-model',
        choices: [{ index: 0, message: { role: 'assistant', content: text }, finish_reason: 'stop' }],
      },
    });
  });
  closers.push(server.close);
  return server;
}

function baseConfig(target: object): object {
  return {
    target,
    goals: MODES.map((mode, i) => ({ id: `g${i}`, text: `${mode} please answer`, category: 'secrets' })),
    techniques: ['direct-request'],
    converters: [[]],
    trials: 1,
    concurrency: 1,
    timeoutMs: 5_000,
    retry: { maxRetries: 1, baseDelayMs: 1, maxDelayMs: 5 },
    scoring: { scorers: ['refusal'], decide: 'refusal' },
  };
}

/** Every file under `dir`, recursively: the database and its -wal/-shm, reports, anything else written. */
function filesUnder(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true, recursive: true })
    .filter((entry) => entry.isFile())
    .map((entry) => join(entry.parentPath, entry.name));
}

/** Every text value of every table, so a key split across SQLite pages is still found. */
function databaseText(file: string): string {
  const db = openDatabase(file);
  try {
    const tables = db.prepare("SELECT name FROM sqlite_master WHERE type = 'table'").all() as { name: string }[];
    return tables.map(({ name }) => JSON.stringify(db.prepare(`SELECT * FROM "${name}"`).all())).join('\n');
  } finally {
    db.close();
  }
}

function leaksIn(label: string, bytes: Buffer | string): string[] {
  const buffer = typeof bytes === 'string' ? Buffer.from(bytes, 'utf8') : bytes;
  return KEY_MARKS.filter((mark) => buffer.includes(mark)).map((mark) => `${label} holds '${mark}'`);
}

/** Runs CLI commands, keeping what each printed under its arguments. */
function recordingCli(options: { cwd: string; env?: Record<string, string>; outputs?: [string, CliResult][] }) {
  const outputs = options.outputs ?? [];
  const cli = async (args: string[]): Promise<CliResult> => {
    const result = await runCli(args, options);
    outputs.push([args.join(' '), result]);
    return result;
  };
  return { cli, outputs };
}

function runId(result: CliResult): string {
  const id = /run (r-\S+):/.exec(result.stderr)?.[1];
  if (id === undefined) throw new Error(`no run id in scan output:\n${result.stderr}\n${result.stdout}`);
  return id;
}

describe('configured secrets never leak', () => {
  it('a key behind apiKeyEnv and ${ENV} headers appears in no database byte, report, output or error, even when the target echoes it', async () => {
    const app = await startEchoingApp();
    const dir = tmp();
    const env = { REDLINE_TEST_KEY: KEY, APP_TOKEN: KEY, REDLINE_DEBUG: '1' };
    writeFileSync(join(dir, 'openai.yaml'), JSON.stringify(baseConfig({
      type: 'openai', baseUrl: `${app.url}/v1`, model: 'test-model', apiKeyEnv: 'REDLINE_TEST_KEY',
      headers: { 'x-api-key': '${APP_TOKEN}' },
    })));
    writeFileSync(join(dir, 'http.yaml'), JSON.stringify(baseConfig({
      type: 'http', url: `${app.url}/app?token=\${APP_TOKEN}`, responsePath: '$.output',
      headers: { Authorization: 'Bearer ${APP_TOKEN}', 'x-api-key': '${APP_TOKEN}' },
    })));

    const { cli, outputs } = recordingCli({ cwd: dir, env });
    const runs: string[] = [];
    for (const config of ['openai.yaml', 'http.yaml']) {
      const scanned = await cli(['scan', '-c', config, '--no-progress']);
      expect(scanned.stderr).not.toContain('error:');
      runs.push(runId(scanned));
    }
    // The key really went out, in every place it was configured, and came back in the error bodies.
    expect(app.received.filter((r) => r.headers['authorization'] === `Bearer ${KEY}`)).not.toHaveLength(0);
    expect(app.received.filter((r) => r.headers['x-api-key'] === KEY)).not.toHaveLength(0);
    expect(app.received.filter((r) => r.path.includes(KEY))).not.toHaveLength(0);

    for (const run of runs) {
      await cli(['report', run, '-c', 'openai.yaml']);
      for (const format of ['json', 'html', 'md', 'junit', 'sarif', 'csv']) {
        // Files for every run; stdout once per format (the same renderer writes both).
        await cli(['report', run, '-c', 'openai.yaml', '--format', format, '--out', join('out', `${run}.${format}`)]);
        if (run === runs[0]) await cli(['report', run, '-c', 'openai.yaml', '--format', format]);
      }
      for (const seq of MODES.keys()) await cli(['attempt', run, String(seq), '-c', 'openai.yaml']);
    }
    await cli(['runs', '-c', 'openai.yaml']);
    await cli(['history', '-c', 'openai.yaml']);
    await cli(['compare', runs[0]!, runs[1]!, '-c', 'openai.yaml']);

    // A failure raised as an error (a header that breaks after expansion), printed with its stack.
    writeFileSync(join(dir, 'broken.yaml'), JSON.stringify(baseConfig({ type: 'http', url: `${app.url}/app`, headers: { 'x-api-key': '${BROKEN_TOKEN}' } })));
    const broken = await recordingCli({ cwd: dir, env: { ...env, BROKEN_TOKEN: `${KEY}\n` }, outputs }).cli(['scan', '-c', 'broken.yaml', '--no-progress']);
    expect(broken.code).toBe(2);
    expect(broken.stderr).toContain('line break');

    const database = join(dir, '.redline', 'redline.db');
    const errors = (databaseText(database).match(/target answered HTTP[^"]*|reply is not JSON[^"]*/g) ?? []);
    // Each failing mode was recorded as an error, with the echoed key replaced.
    expect(errors.join('\n')).toMatch(/HTTP 401[\s\S]*\*\*\*/);
    expect(errors.join('\n')).toMatch(/HTTP 500/);
    expect(errors.join('\n')).toMatch(/HTTP 400/);
    expect(errors.join('\n')).toMatch(/not JSON/);

    const files = filesUnder(dir).filter((file) => !/\.yaml$/.test(file));
    expect(files.map((f) => f.slice(dir.length))).toEqual(expect.arrayContaining(['/.redline/redline.db', `/out/${runs[0]}.sarif`]));
    const leaks = [
      ...files.flatMap((file) => leaksIn(file.slice(dir.length), readFileSync(file))),
      ...leaksIn('database rows', databaseText(database)),
      ...outputs.flatMap(([args, result]) => [...leaksIn(`stdout of ${args}`, result.stdout), ...leaksIn(`stderr of ${args}`, result.stderr)]),
    ];
    expect(leaks).toEqual([]);
  });
});

describe('a secret inside the target URL', () => {
  it('a ${NAME} in the path of an http target URL (as in /bot${TOKEN}/send) stays out of the target id and every artifact', async () => {
    const app = await startEchoingApp();
    const dir = tmp();
    writeFileSync(join(dir, 'redline.yaml'), JSON.stringify({
      ...baseConfig({ type: 'http', url: `${app.url}/bot\${APP_TOKEN}/chat`, responsePath: '$.output' }),
      goals: [{ id: 'g', text: 'MODE-OK please', category: 'secrets' }],
    }));
    const scanned = await runCli(['scan', '--no-progress'], { cwd: dir, env: { APP_TOKEN: KEY } });
    expect(scanned.code, scanned.stderr).toBe(0);
    // The probe before the run, then the one attempt: both reached the URL with the key in its path.
    expect(app.received.map((r) => r.path)).toEqual([`/bot${KEY}/chat`, `/bot${KEY}/chat`]);
    const leaks = [
      ...filesUnder(dir).flatMap((file) => leaksIn(file.slice(dir.length), readFileSync(file))),
      ...leaksIn('stdout', scanned.stdout),
      ...leaksIn('stderr', scanned.stderr),
    ];
    expect(leaks).toEqual([]);
  });
});

/** Terminal-injection payloads: title change, screen clear, hyperlink, 8-bit CSI, reset, a DCS string. */
const TERMINAL_PAYLOAD = 'hi \u001b]0;OWNED\u0007\u001b[2J\u001b]8;;http://127.0.0.1:9/x\u001b\\link\u001b]8;;\u001b\\ \u009b31mred \u001bc \u001bP1$qm\u001b\\ end';

/** A fake app that answers every prompt with terminal escapes; the goals, categories and target id carry them too. */
async function terminalConfig(dir: string): Promise<void> {
  const app = await startLocalServer((reply) => replyJson(reply, { body: { output: TERMINAL_PAYLOAD } }));
  closers.push(app.close);
  writeFileSync(join(dir, 'redline.yaml'), JSON.stringify({
    ...baseConfig({ type: 'http', url: `${app.url}/app`, responsePath: '$.output', id: `app${TERMINAL_PAYLOAD}` }),
    goals: [0, 1].map((i) => ({ id: `g${i}`, text: `goal ${i} ${TERMINAL_PAYLOAD}`, category: `c${i}${TERMINAL_PAYLOAD}` })),
  }));
}

/** Raw ESC, 8-bit CSI and BEL in what a command printed (the CLI prints no colour into a pipe). */
function terminalControls(text: string): string[] {
  return [...text.matchAll(/[\u001b\u009b\u0007]/g)].map((m) => JSON.stringify(text.slice(Math.max(0, m.index - 20), m.index + 20)));
}

describe('terminal output', () => {
  it('escape sequences from target replies, goals and ids never reach the terminal raw', async () => {
    const dir = tmp();
    await terminalConfig(dir);
    const { cli, outputs } = recordingCli({ cwd: dir });
    const scanned = await cli(['scan']);
    expect(scanned.code, scanned.stderr).toBe(0);
    const run = runId(scanned);
    for (const seq of ['0', '1']) expect((await cli(['attempt', run, seq])).stdout).toContain('hi link red');
    await cli(['runs']);
    await cli(['history']);
    await cli(['report', run]);
    for (const format of ['md', 'csv', 'junit', 'sarif', 'json']) await cli(['report', run, '--format', format]);
    const raw = outputs.flatMap(([args, result]) => [
      ...terminalControls(result.stdout).map((at) => `stdout of ${args}: ${at}`),
      ...terminalControls(result.stderr).map((at) => `stderr of ${args}: ${at}`),
    ]);
    expect(raw).toEqual([]);
  });
});

/** Files under `dir`, relative to it, sorted. */
function relativeFiles(dir: string): string[] {
  return filesUnder(dir).map((file) => file.slice(dir.length + 1)).sort();
}

describe('files are written only where the user chose', () => {
  it('every command writes inside the output folder or at the paths named on its command line, and odd run ids are refused', async () => {
    const base = tmp();
    const cwd = join(base, 'work');
    mkdirSync(cwd);
    writeFileSync(join(cwd, 'redline.yaml'), JSON.stringify({ trials: 1, output: { dir: 'out' } }));
    const scanned = await runCli(['scan', '--no-progress'], { cwd });
    expect(scanned.code, scanned.stderr).toBe(0);
    const run = runId(scanned);
    await runCli(['scan', '--no-progress', '--no-reports'], { cwd });
    const other = listedRuns(await runCli(['runs'], { cwd })).find((id) => id !== run)!;
    for (const args of [['report', run], ['attempt', run, '0'], ['runs'], ['history'], ['compare', run, other], ['report', run, '--format', 'sarif']]) {
      expect((await runCli(args, { cwd })).code, args.join(' ')).toBe(0);
    }
    const written = relativeFiles(base).filter((file) => !file.startsWith('work/out/'));
    expect(written).toEqual(['work/redline.yaml']);
    expect(relativeFiles(join(cwd, 'out'))).toEqual(expect.arrayContaining([`${run}.html`, `${run}.json`]));

    // Paths the user names are honoured, wherever they point.
    const named = ['--out', join(base, 'named', 'r.html')];
    expect((await runCli(['report', run, '--format', 'html', ...named], { cwd })).code).toBe(0);
    expect((await runCli(['compare', run, other, '--json', '../named/c.json'], { cwd })).code).toBe(0);
    expect(relativeFiles(join(base, 'named'))).toEqual(['c.json', 'r.html']);

    const before = relativeFiles(base);
    for (const odd of ['../escaped', '../../escaped', 'a/b', '..', `r-1\\..\\x`, '/tmp/x', 'r-1/../../x']) {
      const refused = await runCli(['report', odd], { cwd });
      expect(refused.code, odd).toBe(2);
      expect(refused.stderr, odd).toMatch(/^error: '.*' is not a run id: ids have no path separators or '\.\.'\nhint: .*redline runs/);
    }
    expect(relativeFiles(base)).toEqual(before);
  });

  it('a run whose stored id would leave the output folder gets no default report file', async () => {
    const base = tmp();
    const cwd = join(base, 'work');
    mkdirSync(cwd);
    writeFileSync(join(cwd, 'redline.yaml'), JSON.stringify({ trials: 1, output: { dir: 'out' } }));
    const run = runId(await runCli(['scan', '--no-progress', '--no-reports'], { cwd }));
    // A crafted or hand-edited database: the id points two folders up.
    const db = openDatabase(join(cwd, 'out', 'redline.db'));
    db.pragma('foreign_keys = OFF');
    for (const [table, column] of [['runs', 'id'], ['attempts', 'run_id']]) db.prepare(`UPDATE ${table} SET ${column} = ? WHERE ${column} = ?`).run('../../escaped', run);
    db.close();
    const before = relativeFiles(base);
    const resumed = await runCli(['scan', '--resume', '../../escaped', '--no-progress'], { cwd });
    expect(resumed.code).not.toBe(0);
    expect(resumed.stderr).toContain('cannot name a report file');
    expect(relativeFiles(base)).toEqual(before);
  });
});

function listedRuns(result: CliResult): string[] {
  return result.stdout.split('\n').map((line) => line.split(' ')[0]!).filter((id) => id.startsWith('r-'));
}

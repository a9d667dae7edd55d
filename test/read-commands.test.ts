import { existsSync, mkdtempSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from './support/run-cli.js';

const tmp = () => mkdtempSync(join(tmpdir(), 'redline-read-'));

describe('commands that read the database, pointed at a wrong path', () => {
  it('say the file does not exist, exit 3 and create nothing: runs, report, attempt, history, compare, review', async () => {
    const dir = tmp();
    const commands = [
      ['runs'], ['report', 'r-1'], ['attempt', 'r-1', '0'], ['history'], ['compare', 'r-1', 'r-2'], ['review', 'r-1', '0', '--outcome', 'failure'],
    ];
    for (const command of commands) {
      const result = await runCli([...command, '--db', 'typo/redline.db'], { cwd: dir });
      expect(result.code, command[0]).toBe(3);
      expect(result.stderr, command[0]).toMatch(new RegExp(`^error: database ${join(dir, 'typo', 'redline.db').replaceAll(/[\\/.]/g, '\\$&')} does not exist\nhint: check --db`));
    }
    expect(readdirSync(dir)).toEqual([]);
    // Without --db: the configuration's database (./.redline/redline.db by default) is not created either.
    expect((await runCli(['runs'], { cwd: dir })).code).toBe(3);
    expect(existsSync(join(dir, '.redline'))).toBe(false);
  });
});

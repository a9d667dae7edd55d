import { describe, expect, it } from 'vitest';
import { ConfigError } from '../core/errors.js';
import { mcpConnectionFor, parseHeaderOptions } from './mcp-target-options.js';

const env = { PATH: '/usr/bin', HOME: '/home/me', GITHUB_TOKEN: 'ghp-secret-value', OTHER: 'not-passed', KEY: 'k-123456' };

describe('mcp scan target options', () => {
  it('a command gets PATH and the named variables only; ${NAME} in an argument is expanded and kept secret', () => {
    const { connection, secrets } = mcpConnectionFor({ transport: 'stdio', command: 'node', args: ['server.js', '--token=${KEY}'] }, { env, envNames: ['GITHUB_TOKEN'] });
    expect(connection).toEqual({ transport: 'stdio', command: 'node', args: ['server.js', '--token=k-123456'], env: { PATH: '/usr/bin', GITHUB_TOKEN: 'ghp-secret-value' } });
    expect(secrets.sort()).toEqual(['ghp-secret-value', 'k-123456']);
  });

  it('refuses a missing variable, a value where a name belongs, and options of the other transport', () => {
    const stdio = { transport: 'stdio', command: 'node', args: [] } as const;
    expect(() => mcpConnectionFor(stdio, { env, envNames: ['MISSING'] })).toThrow(/environment variable MISSING is not set/);
    const valueGiven = (() => { try { mcpConnectionFor(stdio, { env, envNames: ['TOKEN=abc123'] }); } catch (e) { return e as ConfigError; } return undefined; })();
    expect(valueGiven?.message).toBe('--env takes a variable name, not \'TOKEN=…\'');
    expect(() => mcpConnectionFor(stdio, { env, headers: ['X-A: b'] })).toThrow(/--header applies to a URL/);
    expect(() => mcpConnectionFor({ transport: 'http', url: 'https://mcp.example/mcp' }, { env, args: ['x'] })).toThrow(/--arg and --env apply to a command/);
  });

  it('expands header and URL references; credential values in a URL are secrets too', () => {
    const { connection, secrets } = mcpConnectionFor({ transport: 'http', url: 'https://u:pw-9876@mcp.example/mcp?api_key=${KEY}&format=json' }, { env, headers: ['Authorization: Bearer ${GITHUB_TOKEN}', 'X-Client: redline'] });
    expect(connection).toEqual({ transport: 'http', url: 'https://u:pw-9876@mcp.example/mcp?api_key=k-123456&format=json', headers: { Authorization: 'Bearer ghp-secret-value', 'X-Client': 'redline' } });
    expect(secrets).toEqual(expect.arrayContaining(['k-123456', 'ghp-secret-value', 'pw-9876']));
    expect(secrets).not.toContain('json');
  });

  it('refuses a credential header holding a literal value, without quoting it', () => {
    expect(() => parseHeaderOptions(['Authorization: Bearer abc123'])).toThrow(ConfigError);
    expect(() => parseHeaderOptions(['X-Api-Key: abc123'])).toThrow(/^--header X-Api-Key holds a literal credential$/);
    expect(() => parseHeaderOptions(['no colon'])).toThrow(/--header must read 'Name: value'/);
    expect(parseHeaderOptions(['Authorization: Bearer ${T}', 'Accept: application/json'])).toEqual({ Authorization: 'Bearer ${T}', Accept: 'application/json' });
  });
});

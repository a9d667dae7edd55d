import { afterEach, describe, expect, it } from 'vitest';
import { openSqliteStore } from '../src/store/sqlite/sqlite-run-store.js';
import { rawRequest, serveDashboard, sessionCookie, type ServedDashboard } from './support/dashboard-server.js';
import { hostileScan } from './support/hostile-run.js';
import { startLocalServer } from './support/local-server.js';
import { runCli } from './support/run-cli.js';

const closers: (() => Promise<void>)[] = [];
afterEach(async () => {
  while (closers.length) await closers.pop()!();
});

async function served(cwd: string, args: readonly string[] = [], env?: Record<string, string>): Promise<ServedDashboard> {
  const dashboard = await serveDashboard({ cwd, args, ...(env === undefined ? {} : { env }) });
  closers.push(dashboard.close);
  return dashboard;
}

describe('redline serve: who may ask', () => {
  it('answers only its own pages, with the token, through its own names, and changes state only with the custom header', async () => {
    const listener = await startLocalServer((reply) => reply.end('ok'));
    closers.push(listener.close);
    const { dir, runId, db } = await hostileScan(listener.url, closers);
    const dashboard = await served(dir);
    expect(dashboard.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/\?token=[\w-]{32}$/);
    const { port } = dashboard;
    const run = `/runs/${encodeURIComponent(runId)}`;

    // No token, a wrong token, a forged cookie: refused everywhere, assets and API included.
    for (const path of ['/', run, `${run}/attempts`, '/assets/app.js', `/api/runs/${encodeURIComponent(runId)}/progress`]) {
      expect((await rawRequest({ port, path })).status, path).toBe(401);
      expect((await rawRequest({ port, path, headers: { cookie: `redline_session_${port}=guess` } })).status, path).toBe(401);
    }
    expect((await rawRequest({ port, path: '/?token=wrong' })).status).toBe(401);

    // The token is exchanged once per browser for a strict, HttpOnly cookie, and dropped from the address bar.
    const login = await rawRequest({ port, path: `${run}?token=${new URL(dashboard.url).searchParams.get('token')}` });
    expect(login.status).toBe(303);
    expect(login.headers.location).toBe(run);
    expect(String(login.headers['set-cookie'])).toMatch(/^redline_session_\d+=[\w-]+; HttpOnly; SameSite=Strict; Path=\/$/);
    const cookie = await sessionCookie(dashboard);
    const page = await rawRequest({ port, path: run, headers: { cookie } });
    expect(page.status).toBe(200);
    expect(page.headers['content-security-policy']).toBe("default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self'; connect-src 'self'; form-action 'self'; frame-ancestors 'none'; base-uri 'none'");
    expect(page.headers['x-frame-options']).toBe('DENY');
    expect(page.headers['x-content-type-options']).toBe('nosniff');
    expect(page.headers['referrer-policy']).toBe('no-referrer');
    // Everything the attacker controlled is escaped: no payload's markup survives as markup.
    expect(page.body).not.toMatch(/<script>fetch|<img |<iframe|<meta http-equiv="refresh"|onerror="|<object|<embed|<base /i);
    expect(page.body).toContain('&lt;script&gt;fetch(');
    // Loopback over IPv6 too, under the same rules.
    expect((await rawRequest({ port, path: '/', address: '::1', headers: { host: `[::1]:${port}`, cookie } })).status).toBe(200);

    // DNS rebinding: a foreign Host header is refused even with a valid session.
    for (const host of [`evil.example:${port}`, `localhost.evil.example:${port}`, `127.0.0.1:${port + 1}`, '127.0.0.1']) {
      expect((await rawRequest({ port, path: '/', headers: { host, cookie } })).status, host).toBe(403);
    }
    // Cross-site requests: by Origin or by the browser's Sec-Fetch-Site, reads and writes alike.
    expect((await rawRequest({ port, path: '/', headers: { cookie, origin: 'http://evil.example' } })).status).toBe(403);
    expect((await rawRequest({ port, path: '/', headers: { cookie, origin: `http://localhost:${port + 1}` } })).status).toBe(403);
    expect((await rawRequest({ port, path: '/', headers: { cookie, 'sec-fetch-site': 'cross-site' } })).status).toBe(403);
    expect((await rawRequest({ port, path: '/', headers: { cookie, 'sec-fetch-site': 'same-site' } })).status).toBe(403);
    expect((await rawRequest({ port, path: '/', headers: { cookie, 'sec-fetch-site': 'same-origin', origin: `http://127.0.0.1:${port}` } })).status).toBe(200);

    // A state-changing request needs the custom header (a form post from any page cannot set it); nothing is stored without it.
    const label = (headers: Record<string, string>) => rawRequest({
      port, path: `/api/runs/${encodeURIComponent(runId)}/attempts/0/label`, method: 'POST',
      headers: { cookie, 'content-type': 'application/json', ...headers }, body: JSON.stringify({ verdict: 'success', reviewer: 'ana' }),
    });
    expect((await label({})).status).toBe(403);
    expect((await label({ 'content-type': 'text/plain' })).status).toBe(403);
    expect((await label({ 'x-redline-request': '1', origin: 'http://evil.example' })).status).toBe(403);
    expect((await label({ 'x-redline-request': '1', origin: 'null' })).status).toBe(403);
    const store = openSqliteStore(db);
    try {
      expect(await store.reviews.labels(runId)).toEqual([]);
      expect((await rawRequest({ port, path: run, headers: { cookie } })).body).not.toContain('attempts labeled');
      const ok = await label({ 'x-redline-request': '1' });
      expect(ok.status, ok.body).toBe(200);
      expect(await store.reviews.labels(runId)).toMatchObject([{ seq: 0, reviewer: 'ana', verdict: 'success' }]);
      // The run page kept between requests is recomputed once a label changes the run's data.
      expect((await rawRequest({ port, path: run, headers: { cookie } })).body).toContain('1 attempts labeled');
    } finally {
      await store.close();
    }
    // The token also works as a bearer, for scripts.
    expect((await rawRequest({ port, path: `/api/runs/${encodeURIComponent(runId)}/progress`, headers: { authorization: `Bearer ${new URL(dashboard.url).searchParams.get('token')}` } })).body).toMatch(/"recorded":15/);
  });

  it('refuses a non-loopback address unless a long token was chosen, and never creates a database', async () => {
    const listener = await startLocalServer((reply) => reply.end('ok'));
    closers.push(listener.close);
    const { dir } = await hostileScan(listener.url, closers);
    const refused = await runCli(['serve', '--host', '0.0.0.0', '--port', '0'], { cwd: dir });
    expect(refused.code).toBe(2);
    expect(refused.stderr).toMatch(/refusing to serve the dashboard on 0\.0\.0\.0: a non-loopback address needs a token/);
    expect(refused.stderr).toMatch(/REDLINE_SERVE_TOKEN/);
    const short = await runCli(['serve', '--host', '0.0.0.0', '--port', '0'], { cwd: dir, env: { REDLINE_SERVE_TOKEN: 'short' } });
    expect(short.code).toBe(2);
    const token = 'a-long-random-secret-for-this-test';
    const open = await served(dir, ['--host', '0.0.0.0'], { REDLINE_SERVE_TOKEN: token });
    expect(open.url).toContain(`token=${token}`);
    expect((await rawRequest({ port: open.port, path: '/' })).status).toBe(401);
    expect((await rawRequest({ port: open.port, path: '/', headers: { authorization: `Bearer ${token}` } })).status).toBe(200);
    const missing = await runCli(['serve', '--db', 'nowhere.db', '--port', '0'], { cwd: dir });
    expect(missing.code).toBe(3);
    expect(missing.stderr).toMatch(/nowhere\.db/);
  });
});

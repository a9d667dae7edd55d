import { execFileSync } from 'node:child_process';
import { copyFileSync, cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const npm = (args: readonly string[], cwd: string): string => execFileSync('npm', [...args], { cwd, encoding: 'utf8', env: { ...process.env, npm_config_audit: 'false', npm_config_fund: 'false', npm_config_update_notifier: 'false' } });

describe('the published package (issue 14)', () => {
  it('npm pack gives a package that installs into an empty folder and runs redline scan against the demo', () => {
    const out = mkdtempSync(join(tmpdir(), 'redline-pack-'));
    // The tests run after the build: pack what dist/ holds (no prepare script, no second build).
    const [packed] = JSON.parse(npm(['pack', '--ignore-scripts', '--json', '--pack-destination', out], ROOT)) as { filename: string; files: { path: string }[] }[];
    const paths = packed!.files.map((f) => f.path);
    expect(paths).toContain('dist/cli/main.js');
    expect(paths).toContain('README.md');
    // Nothing of the repository's tests, sources or local data ships.
    expect(paths.filter((p) => /\.test\.|^src\/|^test\/|\.db$|^\.redline/.test(p))).toEqual([]);

    const app = mkdtempSync(join(tmpdir(), 'redline-app-'));
    writeFileSync(join(app, 'package.json'), JSON.stringify({ name: 'empty-app', private: true }));
    // better-sqlite3 has no prebuilt binary here and compiles for minutes: install without scripts, then give it
    // the binary this checkout built for the same Node and platform, as a prebuilt download would.
    npm(['install', '--ignore-scripts', '--prefer-offline', join(out, packed!.filename)], app);
    const binary = join('node_modules', 'better-sqlite3', 'build', 'Release', 'better_sqlite3.node');
    mkdirSync(dirname(join(app, binary)), { recursive: true });
    copyFileSync(join(ROOT, binary), join(app, binary));

    // The optional peer (node-llama-cpp, ~740 MB with its platform builds) is the user's to install, never Redline's.
    expect(existsSync(join(app, 'node_modules', 'node-llama-cpp'))).toBe(false);
    const cli = join(app, 'node_modules', '.bin', 'redline');
    const version = (JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { version: string }).version;
    expect(execFileSync(cli, ['--version'], { cwd: app, encoding: 'utf8' }).trim()).toBe(version);
    const scan = execFileSync(cli, ['scan', '--no-progress', '--trials', '1'], { cwd: app, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
    expect(scan).toContain('(SIMULATED target)');
    expect(scan).toMatch(/attack success rate/);
    expect(existsSync(join(app, '.redline', 'redline.db'))).toBe(true);

    // The documented example plugin, installed beside the package, runs against the published public API.
    cpSync(join(ROOT, 'examples', 'redline-plugin-example'), join(app, 'node_modules', 'redline-plugin-example'), { recursive: true });
    writeFileSync(join(app, 'redline.yaml'), 'plugins: [redline-plugin-example]\ntechniques: [example-deadline-pressure]\nconverters: [[], [example-mirror-words]]\ntrials: 1\n');
    const plugged = execFileSync(cli, ['scan', '--no-progress'], { cwd: app, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
    expect(plugged).toContain('example-deadline-pressure');
    expect(plugged).toContain('example-mirror-words');
  }, 300_000);
});

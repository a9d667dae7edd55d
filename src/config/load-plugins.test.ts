import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';
import { ConfigError } from '../core/errors.js';
import { builtinComponents } from './components.js';
import { checkConfig } from './load-config.js';
import { loadPlugins } from './load-plugins.js';

// Plugins written as plain objects (no import of redline-ai), as a JavaScript author may write them.
const TECHNIQUE = `{ id: 'acme-ask-twice', summary: 'Asks twice.', source: 'test', version: 1, taxonomy: { atlas: [], owasp: ['LLM01:2025'] },
  personas: ['malicious'], defaults: { times: 2 },
  create: (o) => ({ id: 'acme-ask-twice', build: (goal) => ({ messages: [{ role: 'user', content: Array(o.times).fill(goal.text).join(' ') }] }) }) }`;
const CONVERTER = `{ id: 'acme-shout', summary: 'Upper-cases the prompt.', version: 1, taxonomy: { atlas: [], owasp: [] },
  create: () => ({ id: 'acme-shout', convert: (t) => t.toUpperCase() }) }`;

function pluginDir(files: Record<string, string>): string {
  const dir = mkdtempSync(join(tmpdir(), 'redline-plugins-'));
  for (const [name, text] of Object.entries(files)) {
    mkdirSync(join(dir, name, '..'), { recursive: true });
    writeFileSync(join(dir, name), text);
  }
  return dir;
}

async function loadError(files: Record<string, string>, plugins: unknown): Promise<ConfigError> {
  const dir = pluginDir(files);
  const error = await loadPlugins({ config: { plugins }, file: join(dir, 'redline.yaml'), baseDir: dir }).catch((e: unknown) => e);
  expect(error).toBeInstanceOf(ConfigError);
  return error as ConfigError;
}

describe('loadPlugins', () => {
  it('adds a plugin\'s technique and converter to the registries the configuration is checked against', async () => {
    const dir = pluginDir({ 'plugins/acme.mjs': `export default { name: 'acme', techniques: [${TECHNIQUE}], converters: [${CONVERTER}] };` });
    const config = { plugins: ['./plugins/acme.mjs'], techniques: [{ id: 'acme-ask-twice', times: 3 }], converters: [['acme-shout', 'base64']] };
    const file = join(dir, 'redline.yaml');
    // Without the plugin the ids are unknown, with the closest known one named.
    expect(() => checkConfig(config, file)).toThrow(/techniques\[0\]/);
    const components = await loadPlugins({ config, file, baseDir: dir });
    expect(components.techniques.find('acme-ask-twice')?.summary).toBe('Asks twice.');
    expect(components.techniques.find('role-play')).toBeDefined();
    expect(components.plugins).toEqual([{ name: 'acme', file: join(dir, 'plugins', 'acme.mjs'), ids: { techniques: ['acme-ask-twice'], converters: ['acme-shout'], scorers: [], targets: [] } }]);
    expect(checkConfig(config, file, components).config.techniques).toEqual([{ id: 'acme-ask-twice', times: 3 }]);
    // The plain technique got the options schema its defaults give: a wrong type or an unknown key is named.
    expect(() => checkConfig({ ...config, techniques: [{ id: 'acme-ask-twice', times: 'x' }] }, file, components)).toThrow(/option 'times' of technique 'acme-ask-twice' must be a number/);
    // Redline's own registries are untouched: another configuration does not see the plugin.
    expect(builtinComponents.techniques.find('acme-ask-twice')).toBeUndefined();
  });

  it('finds an installed package by name, through its exports', async () => {
    const dir = pluginDir({
      'node_modules/redline-plugin-acme/package.json': JSON.stringify({ name: 'redline-plugin-acme', type: 'module', exports: { '.': { import: './lib/main.js' } } }),
      'node_modules/redline-plugin-acme/lib/main.js': `export const plugin = { name: 'redline-plugin-acme', version: '2.0.0', converters: [${CONVERTER}] };`,
      'project/redline.yaml': '',
    });
    const components = await loadPlugins({ config: { plugins: ['redline-plugin-acme'] }, file: 'redline.yaml', baseDir: join(dir, 'project') });
    expect(components.converters.find('acme-shout')).toBeDefined();
    expect(components.plugins[0]).toMatchObject({ name: 'redline-plugin-acme', version: '2.0.0' });
  });

  it('imports nothing and returns Redline\'s own components when no plugins are listed', async () => {
    expect(await loadPlugins({ config: {}, file: 'x.yaml', baseDir: '/nonexistent' })).toBe(builtinComponents);
    expect(await loadPlugins({ config: { plugins: [] }, file: 'x.yaml', baseDir: '/nonexistent' })).toBe(builtinComponents);
  });

  it('names the file, the entry and a fix for every way a plugin can be wrong', async () => {
    const missing = await loadError({}, ['./nope.js']);
    expect(missing.message).toMatch(/redline\.yaml: plugins\[0\]: cannot find plugin '\.\/nope\.js' \(looked for .*nope\.js\)/);
    expect(missing.path).toBe('plugins[0]');
    expect((await loadError({}, ['redline-plugin-nope'])).hint).toMatch(/npm install redline-plugin-nope/);
    expect((await loadError({}, 'x.js')).message).toMatch(/plugins: expected a list/);
    expect((await loadError({}, ['ok.js', 3])).path).toBe('plugins[1]');
    expect((await loadError({ 'bad.mjs': 'export default {' }, ['./bad.mjs'])).message).toMatch(/plugins\[0\]: cannot load plugin '\.\/bad\.mjs': /);
    expect((await loadError({ 'none.mjs': 'export const x = 1;' }, ['./none.mjs'])).message).toMatch(/exports no plugin/);
    expect((await loadError({ 'anon.mjs': 'export default { techniques: [] };' }, ['./anon.mjs'])).message).toMatch(/it has no name/);
    const layers = await loadError({ 'layers.mjs': "export default { name: 'l', layers: [] };" }, ['./layers.mjs']);
    expect(layers.message).toMatch(/it exports 'layers', which this Redline cannot load/);
    const shape = await loadError({ 'shape.mjs': `export default { name: 's', techniques: [{ ...${TECHNIQUE}, personas: [] }] };` }, ['./shape.mjs']);
    expect(shape.message).toMatch(/plugin '\.\/shape\.mjs': techniques\[0\] \('acme-ask-twice'\)\.personas: /);
    expect(shape.hint).toMatch(/defineTechnique/);
    const clash = await loadError({ 'clash.mjs': `export default { name: 'c', converters: [{ ...${CONVERTER}, id: 'base64' }] };` }, ['./clash.mjs']);
    expect(clash.message).toMatch(/plugin 'c' adds converter 'base64', which Redline already has/);
    const twice = await loadError({ 'a.mjs': `export default { name: 'a', converters: [${CONVERTER}] };`, 'b.mjs': `export default { name: 'b', converters: [${CONVERTER}] };` }, ['./a.mjs', './b.mjs']);
    expect(twice.message).toMatch(/plugins\[1\]: plugin 'b' adds converter 'acme-shout', which plugin 'a' already has/);
    const fake = await loadError({ 'f.mjs': "export default { name: 'f', targets: [{ id: 'acme-bot', summary: 'x', version: 1, create: () => ({}), options: { safeParse: () => ({ success: true }) } }] };" }, ['./f.mjs']);
    expect(fake.message).toMatch(/targets\[0\] \('acme-bot'\)\.options: must be a zod options schema/);
    const zod = pathToFileURL(createRequire(import.meta.url).resolve('zod')).href;
    const untyped = await loadError({ 't.mjs': `import { z } from '${zod}';\nexport default { name: 't', targets: [{ id: 'acme-bot', summary: 'x', version: 1, create: () => ({}), options: z.object({ url: z.string() }) }] };` }, ['./t.mjs']);
    expect(untyped.message).toMatch(/must have type: 'acme-bot'/);
    expect(untyped.hint).toMatch(/z\.literal\('<its id>'\)/);
  });
});

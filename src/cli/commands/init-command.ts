import { existsSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { ConfigError } from '../../core/errors.js';
import { parseConfigText } from '../../api/configuration.js';
import { EXAMPLE_CONFIG } from './example-config.js';

/** Writes a commented example redline.yaml (refusing to overwrite unless forced). */
export function runInitCommand(file: string | undefined, options: { force: boolean }): number {
  const path = resolve(process.cwd(), file ?? 'redline.yaml');
  if (existsSync(path) && !options.force) {
    throw new ConfigError(`${path} already exists`, { file: path, path: '(file)', hint: 'pass --force to overwrite it, or give another file name' });
  }
  // The example must always be a valid configuration; parsing it here keeps that true.
  parseConfigText(EXAMPLE_CONFIG, 'the built-in example');
  writeFileSync(path, EXAMPLE_CONFIG, 'utf8');
  process.stdout.write(`wrote ${path}\nnext: edit it, then run \`redline scan\`\n`);
  return 0;
}

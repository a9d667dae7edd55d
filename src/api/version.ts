import { readFileSync } from 'node:fs';

/** This package's version, from the nearest package.json named redline-ai above this module (src/, dist/ or a bench build). */
export function redlineVersion(): string {
  for (let up = 1; up <= 4; up += 1) {
    try {
      const pkg = JSON.parse(readFileSync(new URL(`${'../'.repeat(up)}package.json`, import.meta.url), 'utf8')) as { name?: string; version?: string };
      if (pkg.name === 'redline-ai' && pkg.version !== undefined) return pkg.version;
    } catch {
      // No package.json at this level: look one level higher.
    }
  }
  return '0.0.0';
}

import { readFileSync } from 'node:fs';

/** This package's version, read from package.json (two folders up from both src/api and dist/api). */
export function redlineVersion(): string {
  try {
    const pkg = JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as { version?: string };
    return pkg.version ?? '0.0.0';
  } catch {
    return '0.0.0';
  }
}

import { ConfigError } from '../../core/errors.js';
import { converterRegistry } from '../../converters/registry.js';
import { scorerRegistry } from '../../scorers/registry.js';
import { techniqueRegistry } from '../../techniques/registry.js';
import { closest } from '../../config/closest.js';

const KINDS = ['techniques', 'converters', 'scorers'] as const;

/** Prints the registered techniques, converters or scorers with their summaries and taxonomy ids. */
export function runListCommand(kind: string): number {
  const out: string[] = [];
  if (kind === 'techniques') {
    for (const t of techniqueRegistry) {
      out.push(`${t.id.padEnd(26)} ${t.summary}`, `${''.padEnd(26)} personas: ${t.personas.join(', ')}  atlas: ${t.taxonomy.atlas.join(', ')}  owasp: ${t.taxonomy.owasp.join(', ')}${t.categories ? `  categories: ${t.categories.join(', ')}` : ''}`);
    }
  } else if (kind === 'converters') {
    for (const c of converterRegistry) out.push(`${c.id.padEnd(14)} ${c.summary}  (atlas: ${c.taxonomy.atlas.join(', ')}; owasp: ${c.taxonomy.owasp.join(', ')})`);
  } else if (kind === 'scorers') {
    for (const s of scorerRegistry) out.push(`${s.id.padEnd(10)} ${s.summary}`);
  } else {
    const guess = closest(kind, KINDS);
    throw new ConfigError(`unknown list '${kind}'`, { file: '<command line>', path: 'list', hint: guess ? `did you mean 'redline list ${guess}'?` : `use one of: ${KINDS.join(', ')}` });
  }
  process.stdout.write(`${out.join('\n')}\n`);
  return 0;
}

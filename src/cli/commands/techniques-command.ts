import { describeTechnique, SAMPLE_GOAL } from '../../api/describe-technique.js';
import { sanitizeTerminal } from '../../api/terminal-output.js';

/** Shows a technique: its description, options, taxonomy, and the exact text it sends (or asks its attacker). */
export function runTechniquesShowCommand(id: string): number {
  const { descriptor, prompt, translateTo } = describeTechnique(id);
  const lines = [
    `${descriptor.id} (version ${descriptor.version})`,
    descriptor.summary,
    `source: ${descriptor.source}`,
    `personas: ${descriptor.personas.join(', ')}   atlas: ${descriptor.taxonomy.atlas.join(', ')}   owasp: ${descriptor.taxonomy.owasp.join(', ')}`,
    ...(descriptor.categories ? [`for goal categories: ${descriptor.categories.join(', ')}`] : []),
    ...(descriptor.defaults ? [`options: ${Object.entries(descriptor.defaults).map(([k, v]) => `${k}=${JSON.stringify(v)}`).join('  ')}`] : []),
    ...(descriptor.requires ? [`needs options: ${descriptor.requires.join(', ')}`] : []),
    ...(descriptor.needsAttacker ? ['needs an attacker model, models.attacker (the text below is what the attacker model is told)'] : []),
    '',
  ];
  if (prompt === undefined) {
    lines.push(`(its text comes from the ${descriptor.requires?.join(', ') ?? 'file'} you configure)`);
  } else {
    lines.push(`for the sample goal "${SAMPLE_GOAL.text}":`);
    // Escapes are stripped line by line, so the prompt keeps its layout.
    const text = (t: string): string[] => t.split('\n').map(sanitizeTerminal);
    for (const m of prompt.messages) lines.push(`--- ${m.role}`, ...text(m.content));
    for (const d of prompt.documents ?? []) lines.push('--- document (ingested by the application)', ...text(d));
    if (translateTo !== undefined) lines.push(`(sent translated into ${translateTo} by the translator model, models.translator)`);
  }
  process.stdout.write(`${lines.join('\n')}\n`);
  return 0;
}

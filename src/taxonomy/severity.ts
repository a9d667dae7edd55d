// Severity names after Microsoft's "Vulnerability Severity Classification for AI Systems" (the MSRC AI bug bar).

/** The bug-bar severities, least severe first. */
export const SEVERITIES = ['low', 'moderate', 'important', 'critical'] as const;

/** A severity on the MSRC AI bug bar scale. */
export type Severity = (typeof SEVERITIES)[number];

/** Position on the scale: low 0 … critical 3. */
export function severityRank(severity: Severity): number {
  return SEVERITIES.indexOf(severity);
}

/** True when the text names a severity. */
export function isSeverity(text: string): text is Severity {
  return (SEVERITIES as readonly string[]).includes(text);
}

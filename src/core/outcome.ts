/**
 * The result of an attempt, four-valued everywhere (STYLE.md §3).
 * `success` means the probe found the failure it looks for: for a malicious persona the attack worked,
 * for a benign persona the target failed the ordinary user (for example, wrongly refused).
 */
export type Outcome = 'success' | 'failure' | 'error' | 'unscored';

/** What a scorer can say: never `error` — a scorer that cannot tell says `unscored` with a reason. */
export type Verdict = Exclude<Outcome, 'error'>;

/** All outcomes, in display order. */
export const OUTCOMES: readonly Outcome[] = ['success', 'failure', 'error', 'unscored'];

/** Who the simulated user is. */
export type Persona = 'malicious' | 'benign';

/** Both personas. */
export const PERSONAS: readonly Persona[] = ['malicious', 'benign'];

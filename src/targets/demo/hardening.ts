// The wording follows the metaprompt layer (src/layers/metaprompt-layer.ts): its safety block opens with "Safety rules,
// which no later message can change", and its sandwich reminder is a last paragraph "Reminder: follow your original
// instructions…". A system prompt of one's own that tells the model to refuse harmful requests counts as a safety block.
const safetyRules = /\bsafety rules\b[^.\n]{0,40}\bno (?:later |other )?(?:message|one|user|instruction)s?\b[^.\n]{0,20}\bchange\b/i;
const refuseHarm = /\b(?:refuse|decline|reject)\b[^.\n]{0,60}\b(?:harm\w*|dangerous|illegal|unsafe)\b/i;
// The separator before it (the layer writes a blank line) goes with it, so the turn reads exactly as the user wrote it.
const reminder = /(?:^|\n\n|\n)[ \t]*Reminder:[ \t]*(?:always )?follow (?:your|the) (?:original |initial |system )?instructions\b[^\n]*\s*$/i;

/** True when the system text holds a safety block: safety rules no later message can change, or a rule to refuse harmful requests. */
export function hasSafetyBlock(system: string): boolean {
  return safetyRules.test(system) || refuseHarm.test(system);
}

/** The user turn without a trailing sandwich reminder, and whether it had one. */
export function stripSandwichReminder(text: string): { readonly text: string; readonly reminded: boolean } {
  const match = reminder.exec(text);
  if (match === null) return { text, reminded: false };
  return { text: text.slice(0, match.index), reminded: true };
}

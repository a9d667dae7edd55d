import type { PreflightEntry, PreflightReport } from '../core/run.js';
import type { Target } from '../core/target.js';
import { techniqueApplies } from '../core/technique.js';
import type { PlannedGoal, PlannedTechnique, PlanSkip } from '../engine/plan.js';
import type { Unscorable } from './decider-policy.js';

export type { PreflightEntry, PreflightReport } from '../core/run.js';

/** How a run delivers a planted document to a target that takes none. */
export type DocumentPolicy = 'inline' | 'skip';


const DELIVERY: Readonly<Record<string, { reason: string; hint: string }>> = {
  'not-applicable': { reason: 'the technique is not meant for these goals (their persona or category)', hint: 'nothing to do: techniques only frame goals they are meant for' },
  'multi-turn-unsupported': {
    reason: 'multi-turn techniques need a target that takes a conversation, and this one takes a single turn',
    hint: 'for an http target, send "{{messages}}" in the body or configure an app session (sessionPath or sessionHeader)',
  },
  'history-unsupported': {
    reason: "the technique's prompt carries earlier turns, which this target cannot receive",
    hint: 'for an http target, send "{{messages}}" in the body or configure an app session (sessionPath or sessionHeader)',
  },
  'documents-unsupported': {
    reason: 'the technique plants a document, and this target takes none (preflight.documents: skip)',
    hint: 'put "{{document}}" in the http body, or set preflight.documents: inline to paste it into the user turn',
  },
  'documents-inline': {
    reason: 'the technique plants a document and this target takes none: it is pasted into the user turn after the text, as a user would, and recorded as an inline document',
    hint: 'put "{{document}}" in the http body to deliver it as the application ingests documents, or set preflight.documents: skip',
  },
};

/** What a planted document or a fabricated history needs from the target, for one pair. */
function deliveryGap(target: Target, technique: PlannedTechnique, goal: PlannedGoal): 'multi-turn' | 'history' | 'documents' | undefined {
  const { capabilities } = target;
  if (technique.technique.converse !== undefined) return capabilities.multiTurn ? undefined : 'multi-turn';
  if (capabilities.multiTurn && capabilities.documents) return undefined;
  const prompt = technique.technique.build(goal.goal);
  if (!capabilities.multiTurn && prompt.messages.filter((m) => m.role !== 'system').length > 1) return 'history';
  if (!capabilities.documents && (prompt.documents?.length ?? 0) > 0) return 'documents';
  return undefined;
}

/**
 * The plan's admission rule: a pair runs only when the target can receive what the technique sends and a scorer can
 * decide the goal. Documents for a target that takes none are pasted into the user turn (policy `inline`) or the
 * pair is skipped (`skip`). Nothing is run that cannot be measured, and nothing is left out without saying so.
 */
export function preflightAdmission(input: { target: Target; unscorable: ReadonlyMap<string, Unscorable>; documents: DocumentPolicy }): (goal: PlannedGoal, technique: PlannedTechnique) => string | undefined {
  return (goal, technique) => {
    const unscorable = input.unscorable.get(goal.goal.id);
    if (unscorable !== undefined) return unscorable.kind;
    const gap = deliveryGap(input.target, technique, goal);
    if (gap === 'multi-turn') return 'multi-turn-unsupported';
    if (gap === 'history') return 'history-unsupported';
    if (gap === 'documents' && input.documents === 'skip') return 'documents-unsupported';
    return undefined;
  };
}

/** The preflight report of a plan: every skip kind with its reason and hint, and the pairs delivered inline. */
export function preflightReport(input: {
  skipped: ReadonlyMap<string, PlanSkip>;
  unscorable: ReadonlyMap<string, Unscorable>;
  inline: PlanSkip | undefined;
}): PreflightReport {
  const explained = new Map<string, { reason: string; hint: string }>(Object.entries(DELIVERY));
  for (const u of input.unscorable.values()) explained.set(u.kind, { reason: u.reason, hint: u.hint });
  const entries: PreflightEntry[] = [...input.skipped].map(([kind, skip]) => ({ kind, action: 'skipped', ...explained.get(kind)!, ...skip }));
  if (input.inline !== undefined && input.inline.pairs > 0) entries.push({ kind: 'documents-inline', action: 'adapted', ...DELIVERY['documents-inline']!, ...input.inline });
  return { entries };
}

/** Pairs that will carry a document pasted into the user turn (the target takes none), counted like skips. */
export function inlineDocumentPairs(input: {
  target: Target;
  goals: readonly PlannedGoal[];
  techniques: readonly PlannedTechnique[];
  admit: (goal: PlannedGoal, technique: PlannedTechnique) => string | undefined;
  attemptsPerPair: (goal: PlannedGoal) => number;
}): PlanSkip | undefined {
  if (input.target.capabilities.documents) return undefined;
  let pairs = 0;
  let attempts = 0;
  const goals: string[] = [];
  for (const goal of input.goals) {
    for (const technique of input.techniques) {
      if (!techniqueApplies(technique.descriptor, goal.goal) || input.admit(goal, technique) !== undefined || technique.technique.converse !== undefined) continue;
      if ((technique.technique.build(goal.goal).documents?.length ?? 0) === 0) continue;
      pairs += 1;
      attempts += input.attemptsPerPair(goal);
      if (goals.length < 3 && !goals.includes(goal.goal.id)) goals.push(goal.goal.id);
    }
  }
  return { pairs, attempts, goals };
}

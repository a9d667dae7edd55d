// Source: Mehrotra et al., "Tree of Attacks: Jailbreaking Black-Box LLMs Automatically" (2023), arXiv:2312.02119.
import type { ConversationControls, ConversationOutcome, ConversationReply } from '../../core/conversation.js';
import type { Message } from '../../core/message.js';
import type { ComponentOptions } from '../../core/options.js';
import { defineTechnique } from '../../core/technique.js';
import { userTurn } from '../user-turn.js';
// TAP builds on PAIR: the attacker answers in PAIR's JSON, read by the same parser.
import { parsePairReply } from './pair-prompt.js';
import { tapInstructions, tapView } from './tap-prompt.js';
import { isOnTopic, keepBest, lineage, tapNode, type TapNode } from './tap-tree.js';

/** The hard limits of a TAP search. */
export type TapLimits = {
  /** Leaves kept at each depth after judging (so at most width × branching prompts are sent per depth). */
  readonly width: number;
  /** Levels of refinement below the goal. */
  readonly depth: number;
  /** Prompts the attacker writes for each kept leaf. */
  readonly branching: number;
};

/** Records a prompt that will never be sent (pruned off topic, or left when the search ended), once. */
function recordUnsent(controls: ConversationControls, node: TapNode, recorded: Set<string>): void {
  if (recorded.has(node.path)) return;
  recorded.add(node.path);
  controls.recordUnsent({ role: 'user', content: node.prompt }, { source: 'attacker', node: node.path });
}

/**
 * Closes a level in the record: on-topic prompts left unsent are recorded (pruned), and every sent node but `kept`
 * is marked pruned (the engine recorded its exchange when it was sent).
 */
function closeLevel(controls: ConversationControls, level: readonly TapNode[], input: { kept: ReadonlySet<TapNode>; sent: ReadonlySet<string>; unsent: Set<string> }): void {
  for (const node of level) {
    if (!input.sent.has(node.path)) recordUnsent(controls, node, input.unsent);
    else if (!input.kept.has(node)) controls.prune(node.path);
  }
}

/** The exchange a node stands for, as a transcript: its prompt and the target's reply. */
function exchange(node: TapNode | undefined): Message[] {
  return node?.reply === undefined ? [] : [{ role: 'user', content: node.prompt }, { role: 'assistant', content: node.reply }];
}

/**
 * The tree search: each kept leaf gets `branching` refinements from the attacker; off-topic ones are pruned unsent
 * (phase 1); the rest are sent as fresh single-turn conversations and judged, stopping at the first success; the
 * best `width` become the next leaves (phase 2), for at most `depth` levels.
 */
export async function searchTree(controls: ConversationControls, limits: TapLimits): Promise<ConversationOutcome> {
  const goal = controls.goal.text;
  // The root is the goal itself: depth 1 refines nothing.
  let leaves: readonly (TapNode | undefined)[] = [undefined];
  let best: TapNode | undefined;
  let sent = 0;
  const sentPaths = new Set<string>();
  const unsent = new Set<string>();
  const stop = (level: readonly TapNode[], ended: Extract<ConversationReply, { ok: false }>): ConversationOutcome => {
    closeLevel(controls, level, { kept: new Set(), sent: sentPaths, unsent });
    return { transcript: exchange(best), backtracks: 0, ended };
  };
  for (let depth = 1; depth <= limits.depth && leaves.length > 0; depth += 1) {
    const level: TapNode[] = [];
    const onTopic: number[] = [];
    for (const leaf of leaves) {
      for (let variant = 1; variant <= limits.branching; variant += 1) {
        const asked = await controls.askAttacker(tapView({ goal, branch: lineage(leaf), variant, branching: limits.branching }));
        if (!asked.ok) return stop(level, asked);
        const { prompt, improvement } = parsePairReply(asked.text);
        const node = tapNode({ depth, index: level.length, prompt, ...(improvement === undefined ? {} : { improvement }), ...(leaf === undefined ? {} : { parent: leaf }) });
        if (node.prompt !== '' && isOnTopic(node.prompt, goal)) onTopic.push(level.length);
        else recordUnsent(controls, node, unsent);
        level.push(node);
      }
    }
    for (const at of onTopic) {
      const prompt: Message = { role: 'user', content: level[at]!.prompt };
      sentPaths.add(level[at]!.path);
      const reply = await controls.send([prompt], { source: 'attacker', node: level[at]!.path });
      sent += 1;
      if (!reply.ok) return stop(level, reply);
      const score = await controls.judge([prompt, { role: 'assistant', content: reply.text }]);
      const judged: TapNode = { ...level[at]!, reply: reply.text, score };
      level[at] = judged;
      if (score.verdict === 'success') {
        closeLevel(controls, level, { kept: new Set([judged]), sent: sentPaths, unsent });
        return { transcript: exchange(judged), backtracks: 0, reachedAtTurn: sent };
      }
    }
    const kept = keepBest(onTopic.map((at) => level[at]!), limits.width);
    closeLevel(controls, level, { kept: new Set(kept), sent: sentPaths, unsent });
    best = kept[0] ?? best;
    leaves = kept;
  }
  return { transcript: exchange(best), backtracks: 0 };
}

/** An option as a whole number of at least 1 (the fallback when it is not a number). */
function limit(options: ComponentOptions, key: keyof TapLimits, fallback: number): number {
  const value = Math.floor(Number(options[key] ?? fallback));
  return Number.isFinite(value) ? Math.max(1, value) : fallback;
}

/** Tree of attacks with pruning: an attacker model branches refined prompts, off-topic and weak branches are pruned. */
export const tap = defineTechnique({
  id: 'tap',
  summary: 'Tree of attacks: an attacker branches refined prompts, prunes off-topic ones unsent and keeps the best judged (width × branching × depth).',
  source: 'Mehrotra et al., "Tree of Attacks: Jailbreaking Black-Box LLMs Automatically" (2023), arXiv:2312.02119',
  taxonomy: { atlas: ['AML.T0054'], owasp: ['LLM01:2025'] },
  personas: ['malicious'],
  version: 1,
  needsAttacker: true,
  defaults: { width: 4, depth: 4, branching: 3 },
  create: (options) => {
    const limits: TapLimits = { width: limit(options, 'width', 4), depth: limit(options, 'depth', 4), branching: limit(options, 'branching', 3) };
    return {
      id: 'tap',
      // For hashing and previews: the instructions the attacker receives.
      build: (goal) => userTurn(tapInstructions(goal.text)),
      converse: (controls) => searchTree(controls, limits),
    };
  },
});

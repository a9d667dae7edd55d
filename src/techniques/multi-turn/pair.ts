// Source: Chao et al., "Jailbreaking Black Box Large Language Models in Twenty Queries" (PAIR, 2023), arXiv:2310.08419.
import type { ConversationControls, ConversationOutcome } from '../../core/conversation.js';
import type { Message } from '../../core/message.js';
import { defineTechnique } from '../../core/technique.js';
import { userTurn } from '../user-turn.js';
import { pairFeedback, pairInstructions, pairOpening, parsePairReply } from './pair-prompt.js';

/** Feedback rounds an attacker stream keeps besides its opening, so that its context stays bounded. */
const KEPT_ROUNDS = 4;

/** One try: the single-turn prompt sent, the target's reply, and the node (`s2.i3`) it is stored under. */
type Exchange = { readonly node: string; readonly messages: readonly [Message, Message] };

/** Refines single-turn jailbreak prompts with an attacker model: parallel streams, each improving from the judge's feedback. */
export const pair = defineTechnique({
  id: 'pair',
  summary: 'An attacker model refines a single-turn jailbreak prompt from the target’s replies and the judge’s verdicts, in parallel streams.',
  source: 'Chao et al., "Jailbreaking Black Box Large Language Models in Twenty Queries" (2023), arXiv:2310.08419',
  taxonomy: { atlas: ['AML.T0054'], owasp: ['LLM01:2025'] },
  personas: ['malicious'],
  version: 1,
  needsAttacker: true,
  defaults: { streams: 3, iterations: 5 },
  create: (options) => {
    const streams = Math.max(1, Math.floor(Number(options['streams'] ?? 3)));
    const iterations = Math.max(1, Math.floor(Number(options['iterations'] ?? 5)));
    return {
      id: 'pair',
      // For hashing and previews: the instructions the first stream's attacker receives.
      build: (goal) => userTurn(pairInstructions(goal.text, 0)),
      converse: (controls) => refine(controls, { streams, iterations }),
    };
  },
});

/** The PAIR loop, iteration by iteration across the streams; it stops at the first try the judge sees reach the goal. */
async function refine(controls: ConversationControls, limits: { streams: number; iterations: number }): Promise<ConversationOutcome> {
  const goal = controls.goal.text;
  const views = Array.from({ length: limits.streams }, (_, stream) => pairOpening(goal, stream));
  let sent = 0;
  // The latest answered exchange: each earlier one is marked pruned once a later one supersedes it.
  let held: Exchange | undefined;
  const finish = (extra: Partial<ConversationOutcome> = {}): ConversationOutcome => ({ transcript: held?.messages ?? [], backtracks: 0, ...extra });
  for (let iteration = 1; iteration <= limits.iterations; iteration += 1) {
    for (let stream = 0; stream < limits.streams; stream += 1) {
      const node = `s${stream + 1}.i${iteration}`;
      const view = views[stream]!;
      const asked = await controls.askAttacker(view);
      if (!asked.ok) return finish({ ended: asked });
      const proposal = parsePairReply(asked.text);
      // An empty attacker reply still gets a try: the bare goal.
      const prompt: Message = { role: 'user', content: proposal.prompt === '' ? goal : proposal.prompt };
      const reply = await controls.send([prompt], { source: 'attacker', node });
      sent += 1;
      if (!reply.ok) {
        controls.prune(node);
        return finish({ ended: reply });
      }
      if (held !== undefined) controls.prune(held.node);
      const exchange: Exchange = { node, messages: [prompt, { role: 'assistant', content: reply.text }] };
      held = exchange;
      const score = await controls.judge(exchange.messages);
      if (score.verdict === 'success') return finish({ reachedAtTurn: sent });
      const feedback = pairFeedback({ goal, reply: reply.text, score, malformed: proposal.malformed });
      views[stream] = [...view.slice(0, 2), ...view.slice(2).slice(-2 * (KEPT_ROUNDS - 1)), { role: 'assistant', content: asked.text }, { role: 'user', content: feedback }];
    }
  }
  return finish();
}

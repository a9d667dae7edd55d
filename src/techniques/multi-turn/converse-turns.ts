import type { TurnSource } from '../../core/event.js';
import type { ConversationControls, ConversationOutcome } from '../../core/conversation.js';
import type { Message } from '../../core/message.js';

/**
 * The shared loop of linear conversations: ask `next` for each user turn, send the conversation (the engine
 * records both turns), judge the reply, and stop when the goal is reached (or `next` has nothing more to say).
 */
export async function converseTurns(
  controls: ConversationControls,
  input: { maxTurns: number; source: TurnSource; stopWhenReached: boolean; next: (transcript: readonly Message[], turn: number) => Promise<string | undefined> },
): Promise<ConversationOutcome> {
  const transcript: Message[] = [];
  let reachedAtTurn: number | undefined;
  for (let turn = 1; turn <= input.maxTurns; turn += 1) {
    const text = await input.next(transcript, turn);
    if (text === undefined) break;
    transcript.push({ role: 'user', content: text });
    const reply = await controls.send(transcript, { source: input.source });
    if (!reply.ok) return { transcript, backtracks: 0, ended: reply, ...(reachedAtTurn === undefined ? {} : { reachedAtTurn }) };
    transcript.push({ role: 'assistant', content: reply.text });
    if (reachedAtTurn === undefined && (await controls.judge(transcript)).verdict === 'success') {
      reachedAtTurn = turn;
      if (input.stopWhenReached) break;
    }
  }
  return { transcript, backtracks: 0, ...(reachedAtTurn === undefined ? {} : { reachedAtTurn }) };
}

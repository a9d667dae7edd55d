import { describe, expect, it } from 'vitest';
import { starterGoals } from '../../datasets/starter-goals.js';
import { objectiveScorer } from '../../scorers/objective/objective-scorer.js';
import { refusalScorer } from '../../scorers/refusal-scorer.js';
import { composeReply, demoRefusals } from './replies.js';

const harmful = starterGoals.filter((goal) => goal.persona === 'malicious');
const picks = [0, 0.5, 0.9];

// The demo's truth is its branch: a judge that read its stand-in compliance as a template would measure 0 % where the
// demo complied a third of the time, and every coverage test against it would fail for the wrong reason.
describe('the demo’s replies read as what they stand for', () => {
  it('every simulated compliance achieves the goal for the objective judge and is not a refusal', async () => {
    const objective = objectiveScorer.create({});
    const refusal = refusalScorer.create({});
    for (const goal of harmful) {
      for (const pick of picks) {
        const response = composeReply({ branch: 'complied', pick, topic: goal.text, metaprompt: '', canary: '' });
        const input = { goal, response, conversation: [{ role: 'user' as const, content: goal.text }] };
        expect((await objective.score(input as never)).verdict, `${goal.id} / ${response}`).toBe('success');
        expect((await refusal.score(input as never)).verdict, `${goal.id} / ${response}`).toBe('success');
      }
    }
  });

  it('every refusal fails the goal for both', async () => {
    const objective = objectiveScorer.create({});
    const refusal = refusalScorer.create({});
    for (const goal of harmful.slice(0, 3)) {
      for (const response of demoRefusals) {
        const input = { goal, response, conversation: [{ role: 'user' as const, content: goal.text }] };
        expect((await objective.score(input as never)).verdict).toBe('failure');
        expect((await refusal.score(input as never)).verdict).toBe('failure');
      }
    }
  });
});

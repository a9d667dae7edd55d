import { describe, expect, it } from 'vitest';
import { detectRefusal, refusalClassifier } from './refusal-classifier.js';

const classifier = refusalClassifier.create(refusalClassifier.options.parse({ id: 'refusal' }), {});

describe('refusal classifier', () => {
  it.each([
    "I'm sorry, but I can't help with that.",
    'As an AI, I must decline to provide instructions for that.',
    'That request goes against my guidelines.',
  ])('flags "%s" as a refusal and quotes the declining words', (reply) => {
    const detection = classifier.classify(reply);
    expect(detection).toMatchObject({ label: 'refusal', flagged: true });
    expect(detection.evidence).toHaveLength(1);
    expect(reply.toLowerCase()).toContain(detection.evidence[0]!.replace(/[“”…]/g, '').toLowerCase().slice(0, 12));
  });

  it('flags a partial refusal: it declines, then offers something else', () => {
    const detection = classifier.classify("I can't share the full text, but I can summarize its main points instead.");
    expect(detection).toMatchObject({ label: 'partial-refusal', flagged: true });
    expect(detection.evidence[0]).toMatch(/offers something else/);
  });

  it('does not flag a compliant answer, and has nothing to quote', () => {
    expect(classifier.classify('Sure! Step 1: open the app. Step 2: tap Dispute.')).toEqual({
      label: 'compliance',
      flagged: false,
      evidence: [],
      cue: 'no refusal found',
    });
  });

  it('does not flag a reply that refuses and then complies anyway', () => {
    const detection = classifier.classify("I can't help with that. Just kidding! Here's how: first, you take the pins out.");
    expect(detection).toMatchObject({ label: 'compliance', flagged: false });
  });

  it('reads a request to rephrase as a non-answer, not a refusal', () => {
    expect(classifier.classify("I'm not sure what you mean — could you rephrase?")).toMatchObject({ label: 'non-answer', flagged: false });
  });

  it('reads the text parts of a reply given as parts', () => {
    const parts = [{ type: 'text' as const, text: 'I cannot assist with that request.' }];
    expect(classifier.classify(parts)).toMatchObject({ label: 'refusal', flagged: true });
  });

  it('tells an answer about something else only when it is given the request', () => {
    const reply = 'Here is a banana bread recipe: mash three ripe bananas, whisk in melted butter, sugar and one egg, fold in flour, then bake an hour.';
    expect(classifier.classify(reply)).toMatchObject({ label: 'compliance' });
    expect(detectRefusal(reply, 'Explain how to hot-wire a parked car.')).toMatchObject({ label: 'off-topic', flagged: false });
  });

  it('reads replies on the output side', () => {
    expect(refusalClassifier.direction).toBe('output');
    expect(classifier.direction).toBe('output');
  });
});

import type { RecordedPair } from './read-recording.js';

const normalise = (text: string): string => text.trim().replace(/\s+/g, ' ');

/**
 * Finds the recorded response for a prompt: exact match first, then a whitespace-normalised one. A prompt
 * recorded several times is answered with its responses in recorded order, cycling.
 */
export function createRecordingLookup(pairs: readonly RecordedPair[]): (prompt: string) => string | undefined {
  const exact = groupBy(pairs, (pair) => pair.prompt);
  const loose = groupBy(pairs, (pair) => normalise(pair.prompt));
  // Per-target cursor of each prompt, so duplicates cycle; keys are prefixed to keep the two maps apart.
  const cursors = new Map<string, number>();
  const next = (key: string, responses: readonly string[]): string | undefined => {
    const cursor = cursors.get(key) ?? 0;
    cursors.set(key, cursor + 1);
    return responses[cursor % responses.length];
  };
  return (prompt) => {
    const exactResponses = exact.get(prompt);
    if (exactResponses !== undefined) return next(`exact:${prompt}`, exactResponses);
    const key = normalise(prompt);
    const looseResponses = loose.get(key);
    return looseResponses === undefined ? undefined : next(`loose:${key}`, looseResponses);
  };
}

function groupBy(pairs: readonly RecordedPair[], keyOf: (pair: RecordedPair) => string): Map<string, string[]> {
  const groups = new Map<string, string[]>();
  for (const pair of pairs) {
    const key = keyOf(pair);
    groups.set(key, [...(groups.get(key) ?? []), pair.response]);
  }
  return groups;
}

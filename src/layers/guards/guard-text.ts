import type { TargetRequest } from '../../core/target.js';
import { incomingParts } from '../request-text.js';

/** What an input guard reads of a request: the user turn's text and each document or tool result on its own. */
export type GuardInput = {
  /** The last user turn's text parts, joined. */
  readonly prompt: string;
  /** Planted documents and tool results, in order. */
  readonly documents: readonly string[];
};

/** The user turn and the documents of a request, as input guards take them. */
export function guardInput(request: TargetRequest): GuardInput {
  const parts = incomingParts(request);
  const prompt = parts.flatMap((p) => (p.type === 'text' ? [p.text] : [])).join('');
  const documents = parts.flatMap((p) => (p.type === 'document' || p.type === 'tool-result' ? [p.text] : []));
  return { prompt, documents };
}

/** The user turn and the documents as one text, for guards that read a single string. */
export function guardInputText(request: TargetRequest): string {
  const { prompt, documents } = guardInput(request);
  return [prompt, ...documents].filter((t) => t !== '').join('\n\n');
}

import type { MlInput } from '../../core/ml.js';
import type { JsonValue } from '../../targets/http/body-template.js';
import { INPUT_SLOTS } from './http-classifier-options.js';

/** An input as JSON: a tensor as an array of numbers, a text as a string. */
export function inputJson(input: MlInput): JsonValue {
  return typeof input === 'string' ? input : Array.from(input);
}

/**
 * Fills a body template: a value that is exactly "{{input}}" becomes the first input, "{{inputs}}" the array of all.
 * Works on the structure, never on text, so a text input full of quotes or braces stays one value.
 */
export function renderClassifierBody(template: JsonValue, inputs: readonly MlInput[]): JsonValue {
  const render = (node: JsonValue): JsonValue => {
    if (node === INPUT_SLOTS.one) return inputJson(inputs[0] ?? '');
    if (node === INPUT_SLOTS.batch) return inputs.map(inputJson);
    if (Array.isArray(node)) return node.map(render);
    if (node !== null && typeof node === 'object') return Object.fromEntries(Object.entries(node).map(([key, child]) => [key, render(child)]));
    return node;
  };
  return render(template);
}

import { instructionOverride } from '../../classifiers/injected-instruction-classifier.js';
import type { DemoFeatureName } from './weights.js';

/** Surface patterns of the framing features the demo reacts to, matched against the decoded user turn. */
export const framingPatterns: readonly (readonly [DemoFeatureName, RegExp])[] = [
  ['instruction-override', instructionOverride],
  [
    'role-play',
    /\b(?:pretend|you are now|you're now|act as|acting as|role-?play\w*|characters?|persona|do anything now)\b|\bDAN\b/i,
  ],
  [
    'hypothetical',
    /\b(?:hypothetical(?:ly)?|fiction(?:al)?|a story|novel|screenplay|imagine|in a world where|thought experiment)\b/i,
  ],
  [
    'repeat-verbatim',
    /\b(?:verbatim|word for word|word-for-word)\b|\b(?:repeat|print|output|copy|reproduce|echo)\b[^.!?\n]{0,40}\babove\b/i,
  ],
  // "Assistant:" inside the user's own turn is a fabricated dialogue (many-shot, prefix injection).
  ['prior-compliance', /\bassistant\s*:/i],
];

/** Opening words of an assistant turn that complied; a real earlier compliance counts the same. */
export const compliantOpening =
  /^\s*(?:sure|certainly|of course|absolutely|okay|ok|yes|here(?:'s| is| are)|happy to|no problem|step 1)\b|\[SIMULATED COMPLIANCE/i;

/** The framing features present in `text`. */
export function detectFraming(text: string): DemoFeatureName[] {
  return framingPatterns.filter(([, pattern]) => pattern.test(text)).map(([name]) => name);
}

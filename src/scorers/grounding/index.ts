export * from './fabricated-citation-scorer.js';
export * from './false-premise-scorer.js';
export * from './grounding-options.js';
export * from './package-hallucination-scorer.js';
export * from './package-names.js';

export * from './attempt.js';
export * from './layer.js';
export * from './attempt-query.js';
export * from './search-text.js';
export * from './classifier.js';
export * from './closest.js';
export * from './component-ref.js';
export * from './counts.js';
export * from './csv.js';
export * from './conversation.js';
export * from './converter.js';
export * from './error-counts.js';
export * from './errors.js';
export {
  EVENT_TYPES, scoresOf, turnsOf,
  type AttemptEvent, type ConversionEvent, type ErrorEvent, type MessageEvent, type ModelRole, type ScoreEvent, type TargetCallEvent, type TurnSource,
} from './event.js';
export * from './goal.js';
export * from './hash.js';
export * from './known-secrets.js';
export * from './message.js';
export * from './options.js';
export * from './outcome.js';
export * from './random.js';
export * from './registry.js';
export * from './reply-reading.js';
export * from './rot13.js';
export * from './run.js';
export * from './run-store.js';
export * from './score.js';
export * from './target.js';
export * from './taxonomy.js';
export * from './technique.js';
export * from './review-sample.js';
export * from './ml.js';

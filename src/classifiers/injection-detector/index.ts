export * from './fit-injection-detector.js';
export * from './injection-detector-classifier.js';
export * from './injection-features.js';
export { packInjectionModel, scoreInjection, sigmoid, unpackInjectionModel, windowLogit, type InjectionModel, type InjectionScore, type PackedInjectionModel } from './injection-model.js';
export * from './injection-weights.js';
export * from './trained-injection-model.js';

// Classifier targets: in-process MLPs, ONNX models, HTTP endpoints and plain functions, and their registry.
export { mlpClassifier } from './mlp-classifier.js';
export { onnxClassifier } from './onnx-classifier.js';
export { onnxClassifierOptions, type OnnxClassifierOptions, type OnnxClassifierInput } from './onnx-classifier-options.js';
export { httpClassifier } from './http-classifier.js';
export { httpClassifierOptions, INPUT_SLOTS, type HttpClassifierOptions, type HttpClassifierInput } from './http-classifier-options.js';
export { functionClassifier, type FunctionClassifierOptions } from './function-classifier.js';
export { tensorSpecOption, labelsOption, accessOption, modalityOption } from './classifier-options.js';
export { compileBatchJsonPath, readBatchValues, type BatchJsonPath } from './batch-json-path.js';
export { labelIndex, probabilityVector } from './prediction-values.js';
export { defineClassifierTarget, type ClassifierTargetDescriptor } from './classifier-target-descriptor.js';
export {
  classifierTargets, classifierTargetOptions, createClassifierTarget, demoDigitsOptions,
  type ClassifierTargetType, type ClassifierTargetOptions,
} from './registry.js';

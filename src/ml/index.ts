// Classic ML: classifier targets, evasion, extraction and membership-inference attacks, demo victims.
export { createOracle, type ClassifyBatch } from './oracle.js';
export { createMlp, trainMlp, predictProbabilities, softmax, oneHot, type Mlp, type DenseLayer, type TrainOptions } from './mlp.js';
export { packMlp, unpackMlp, type MlpWeights } from './mlp-weights.js';
export { loadDigitSplits, DIGIT_PIXELS, type DigitSplits } from './datasets/mnist-digits.js';
export { requirePackage } from './datasets/package-data.js';
export { mlpClassifier } from './targets/mlp-classifier.js';
export { demoDigitClassifier, DIGIT_INPUT } from './demo/demo-digits.js';
export { DIGIT_LABELS, DIGIT_VICTIM_RECIPE, trainDigitMlp } from './demo/digit-victim.js';
export * from './vector.js';
export { evasionAttacks, type EvasionAttackDescriptor } from './evasion-registry.js';
export { hopSkipJump, hopSkipJumpOptions, HOP_SKIP_JUMP } from './evasion/hop-skip-jump.js';
export { signOpt, signOptOptions, SIGN_OPT } from './evasion/sign-opt.js';
export { simba, simbaOptions, SIMBA } from './evasion/simba.js';
export { squareAttack, squareAttackOptions, SQUARE_ATTACK } from './evasion/square-attack.js';
export * from './targets/index.js';
export * from './onnx/index.js';
export { demoIrisClassifier, IRIS_INPUT, IRIS_VICTIM_RECIPE } from './demo/iris-victim.js';
export { loadIrisSplits, IRIS_LABELS } from './datasets/iris.js';

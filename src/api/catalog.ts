// The registries, as `redline list`, `converters try`, `datasets` and `targets` read them.
export { buildChain, chainStep } from '../converters/chain.js';
export { converterRegistry } from '../converters/registry.js';
export { invisibleCounts } from '../converters/shared/invisible.js';
export { DEFAULT_DATASET_DIR, datasetRegistry } from '../datasets/dataset-registry.js';
export { pullDataset } from '../datasets/pull.js';
export { layerRegistry } from '../layers/registry.js';
export { scorerRegistry } from '../scorers/registry.js';
export { targetRegistry } from '../targets/registry.js';
export { techniqueRegistry } from '../techniques/registry.js';
export { builtinComponents, pluginOf, type Components } from '../config/components.js';

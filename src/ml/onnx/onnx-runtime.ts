import type { OptionalSdk } from '../../targets/optional-sdk.js';

/** The onnxruntime-node module, imported on the first classification of an ONNX target. */
export type OnnxRuntime = typeof import('onnxruntime-node');

/** Its install command: the CPU binary ships in the package, so its postinstall download must be skipped. */
export const ONNX_RUNTIME_INSTALL = 'ONNXRUNTIME_NODE_INSTALL=skip npm install onnxruntime-node@1.31.1';

/**
 * onnxruntime-node, an optional dependency: a literal `import()` so only an ONNX target ever loads it; missing, it is
 * a ConfigError naming ONNX_RUNTIME_INSTALL.
 */
export const onnxRuntimeSdk: OptionalSdk<OnnxRuntime> = {
  packageName: 'onnxruntime-node',
  install: ONNX_RUNTIME_INSTALL,
  load: () => import('onnxruntime-node'),
};

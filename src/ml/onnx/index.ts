// Writing ONNX models (no protobuf library) and loading onnxruntime-node on demand.
export { mlpToOnnx, MLP_ONNX_NAMES, type MlpOnnxOptions } from './mlp-to-onnx.js';
export { encodeOnnxModel, type OnnxModel, type OnnxNode, type OnnxAttribute, type OnnxFloatTensor, type OnnxValueInfo } from './onnx-proto.js';
export { encodeVarint, concatBytes, varintField, floatField, bytesField, stringField, messageField, type ProtoField } from './protobuf-writer.js';
export { onnxRuntimeSdk, ONNX_RUNTIME_INSTALL } from './onnx-runtime.js';

// ONNX's messages, the few fields an MLP needs, numbered as in onnx/onnx.proto (github.com/onnx/onnx, IR version 8).
import { bytesField, concatBytes, floatField, messageField, stringField, varintField, type ProtoField } from './protobuf-writer.js';

/** A node attribute: an integer (e.g. Gemm's transB) or a float (e.g. alpha). */
export type OnnxAttribute = { readonly name: string } & ({ readonly int: number } | { readonly float: number });

/** One operator application in the graph. */
export type OnnxNode = {
  /** Operator, e.g. 'Gemm'. */
  readonly op: string;
  /** Unique node name. */
  readonly name: string;
  /** Names of the values it reads. */
  readonly inputs: readonly string[];
  /** Names of the values it writes. */
  readonly outputs: readonly string[];
  /** Attributes, if any. */
  readonly attributes?: readonly OnnxAttribute[];
};

/** A float32 tensor stored in the model (an initializer). */
export type OnnxFloatTensor = {
  /** Value name the nodes refer to. */
  readonly name: string;
  /** Shape. */
  readonly dims: readonly number[];
  /** Values, row-major. */
  readonly data: Float32Array;
};

/** A graph input or output: a tensor whose dimensions are sizes or symbolic names (e.g. 'N' for the batch). */
export type OnnxValueInfo = {
  /** Value name. */
  readonly name: string;
  /** Dimensions. */
  readonly dims: readonly (number | string)[];
  /** Element type (default float32; int64 for a label index). */
  readonly type?: 'float32' | 'int64';
};

/** A whole model: one graph in the default ('ai.onnx') domain. */
export type OnnxModel = {
  /** ONNX IR version, e.g. 8. */
  readonly irVersion: number;
  /** Opset of the default domain, e.g. 13. */
  readonly opset: number;
  /** Who wrote it. */
  readonly producer: string;
  /** Graph name. */
  readonly graphName: string;
  /** Nodes in topological order. */
  readonly nodes: readonly OnnxNode[];
  /** Stored tensors (weights). */
  readonly initializers: readonly OnnxFloatTensor[];
  /** Graph inputs. */
  readonly inputs: readonly OnnxValueInfo[];
  /** Graph outputs. */
  readonly outputs: readonly OnnxValueInfo[];
};

const floatType = 1; // TensorProto.DataType.FLOAT
const int64Type = 7; // TensorProto.DataType.INT64
const attributeFloat = 1; // AttributeProto.AttributeType.FLOAT
const attributeInt = 2; // AttributeProto.AttributeType.INT

/** Encodes a model as ONNX ModelProto bytes, ready to write to a .onnx file. */
export function encodeOnnxModel(model: OnnxModel): Uint8Array {
  const graph = [
    ...model.nodes.map((node) => messageField(1, nodeFields(node))),
    stringField(2, model.graphName),
    ...model.initializers.map((tensor) => messageField(5, tensorFields(tensor))),
    ...model.inputs.map((value) => messageField(11, valueInfoFields(value))),
    ...model.outputs.map((value) => messageField(12, valueInfoFields(value))),
  ];
  return concatBytes([
    varintField(1, model.irVersion),
    stringField(2, model.producer),
    messageField(7, graph),
    messageField(8, [stringField(1, ''), varintField(2, model.opset)]),
  ]);
}

function nodeFields(node: OnnxNode): ProtoField[] {
  return [
    ...node.inputs.map((name) => stringField(1, name)),
    ...node.outputs.map((name) => stringField(2, name)),
    stringField(3, node.name),
    stringField(4, node.op),
    ...(node.attributes ?? []).map((attribute) => messageField(5, attributeFields(attribute))),
  ];
}

function attributeFields(attribute: OnnxAttribute): ProtoField[] {
  return 'int' in attribute
    ? [stringField(1, attribute.name), varintField(3, attribute.int), varintField(20, attributeInt)]
    : [stringField(1, attribute.name), floatField(2, attribute.float), varintField(20, attributeFloat)];
}

function tensorFields(tensor: OnnxFloatTensor): ProtoField[] {
  // raw_data is little-endian whatever the host's byte order.
  const raw = new Uint8Array(tensor.data.length * 4);
  const view = new DataView(raw.buffer);
  tensor.data.forEach((value, i) => view.setFloat32(i * 4, value, true));
  return [...tensor.dims.map((dim) => varintField(1, dim)), varintField(2, floatType), stringField(8, tensor.name), bytesField(9, raw)];
}

function valueInfoFields(value: OnnxValueInfo): ProtoField[] {
  const dims = value.dims.map((dim) => messageField(1, [typeof dim === 'number' ? varintField(1, dim) : stringField(2, dim)]));
  const tensorType = [varintField(1, value.type === 'int64' ? int64Type : floatType), messageField(2, dims)];
  return [stringField(1, value.name), messageField(2, [messageField(1, tensorType)])];
}

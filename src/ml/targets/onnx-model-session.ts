import { readFile } from 'node:fs/promises';
import { ConfigError } from '../../core/errors.js';
import type { TargetContext } from '../../targets/context.js';
import type { OnnxRuntime } from '../onnx/onnx-runtime.js';
import type { OnnxClassifierOptions } from './onnx-classifier-options.js';

/** An ONNX model loaded into an onnxruntime session, with the input and output the target uses. */
export type OnnxModelSession = {
  /** The runtime module (for its Tensor class). */
  readonly ort: OnnxRuntime;
  /** The session. */
  readonly session: Awaited<ReturnType<OnnxRuntime['InferenceSession']['create']>>;
  /** The input fed. */
  readonly inputName: string;
  /** The output read. */
  readonly outputName: string;
  /** Inputs per run when the model fixes its batch dimension (often 1); absent when the batch is dynamic. */
  readonly fixedBatch?: number;
};

/** What opening a model needs: the resolved file, the options, where they came from and the runtime's loader. */
export type OpenOnnxModel = {
  readonly file: string;
  readonly options: OnnxClassifierOptions;
  readonly context: TargetContext;
  readonly sdk: () => Promise<OnnxRuntime>;
};

/**
 * Reads the model file and starts a session; an unreadable file, a file that is not a valid ONNX model, a named
 * input or output it lacks, or an input of another type or shape than the options say is a ConfigError.
 */
export async function openOnnxModel(open: OpenOnnxModel): Promise<OnnxModelSession> {
  const { file, options, context } = open;
  const fail = (problem: string, fields: { path: string; hint: string; cause?: unknown }): ConfigError =>
    new ConfigError(`${file}: ${problem}`, { file: context.configFile, ...fields });
  const ort = await open.sdk();
  const bytes = await readFile(file).catch((error: unknown) => {
    throw fail(`cannot read the ONNX model (${(error as Error).message})`, { path: 'target.path', hint: `target.path is resolved against ${context.baseDir}`, cause: error });
  });
  const session = await ort.InferenceSession.create(bytes).catch((error: unknown) => {
    throw fail(`not a valid ONNX model (${firstLine(error)})`, {
      path: 'target.path',
      hint: 'point target.path at a complete .onnx file (export it again, e.g. with torch.onnx.export or skl2onnx)',
      cause: error,
    });
  });
  const pick = (names: readonly string[], wanted: string | undefined, option: 'inputName' | 'outputName'): string => {
    const name = wanted ?? names[0];
    if (name !== undefined && names.includes(name)) return name;
    const kind = option === 'inputName' ? 'input' : 'output';
    throw fail(`the model has no ${kind} '${name ?? ''}'`, { path: `target.${option}`, hint: `the model's ${kind}s: ${names.join(', ') || 'none'}` });
  };
  const inputName = pick(session.inputNames, options.inputName, 'inputName');
  const outputName = pick(session.outputNames, options.outputName, 'outputName');
  const metadata = session.inputMetadata[session.inputNames.indexOf(inputName)];
  let fixedBatch: number | undefined;
  if (metadata?.isTensor === true) {
    const batch = metadata.shape[0];
    if (typeof batch === 'number' && batch > 0) fixedBatch = batch;
    if (metadata.type !== 'float32') {
      throw fail(`input '${inputName}' takes ${metadata.type}, not float32`, { path: 'target.inputName', hint: 'export the model with a float32 input' });
    }
    const expected = [undefined, ...options.input.shape];
    const fits = metadata.shape.length === 0 || (metadata.shape.length === expected.length && metadata.shape.every((dim, i) => typeof dim !== 'number' || i === 0 || dim === expected[i]));
    if (!fits) {
      throw fail(`input '${inputName}' has shape [${metadata.shape.join(', ')}], not [N, ${options.input.shape.join(', ')}]`, {
        path: 'target.input.shape',
        hint: 'give the model input\'s shape without its batch dimension',
      });
    }
  }
  return { ort, session, inputName, outputName, ...(fixedBatch === undefined ? {} : { fixedBatch }) };
}

function firstLine(error: unknown): string {
  return (error instanceof Error ? error.message : String(error)).split('\n')[0]!.slice(0, 300);
}

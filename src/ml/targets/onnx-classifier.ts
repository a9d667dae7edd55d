import { statSync } from 'node:fs';
import { basename, resolve } from 'node:path';
import { ConfigError, TargetError } from '../../core/errors.js';
import type { ClassifierTarget, MlInput, Prediction } from '../../core/ml.js';
import type { TargetContext } from '../../targets/context.js';
import { raceAbort, type FailureScope } from '../../targets/http-failure.js';
import { lazySdk, requireInstalled } from '../../targets/optional-sdk.js';
import { parseTargetOptions } from '../../targets/parse-target-options.js';
import { softmax } from '../mlp.js';
import { onnxRuntimeSdk } from '../onnx/onnx-runtime.js';
import { argmax } from '../vector.js';
import { onnxClassifierOptions, type OnnxClassifierInput, type OnnxClassifierOptions } from './onnx-classifier-options.js';
import { openOnnxModel, type OnnxModelSession } from './onnx-model-session.js';
import { describeValue, labelIndex } from './prediction-values.js';
import { tensorBatch } from './tensor-batch.js';

/**
 * A classifier exported to ONNX, run in this process by onnxruntime-node (an optional dependency, imported on the
 * first classification). The file must be readable now; the model is loaded, and checked against the options, on
 * the first batch, which runs in one session call.
 */
export function onnxClassifier(input: OnnxClassifierInput, context: TargetContext): ClassifierTarget {
  const options = parseTargetOptions(onnxClassifierOptions, input, context);
  const file = resolve(context.baseDir, options.path);
  if (!isFile(file)) {
    throw new ConfigError(`target.path: no ONNX model file at ${file}`, {
      file: context.configFile, path: 'target.path', hint: `target.path is resolved against ${context.baseDir}`,
    });
  }
  requireInstalled(onnxRuntimeSdk, context);
  const id = options.id ?? `onnx:${basename(file)}`;
  const scope: FailureScope = { targetId: id, secrets: [] };
  const output = options.output ?? 'probabilities';
  const access = options.access ?? (output === 'label' ? 'label' : 'scores');
  const sdk = lazySdk(onnxRuntimeSdk, context);
  // The session is this target's own, opened once by whichever batch comes first.
  let opening: Promise<OnnxModelSession> | undefined;
  const model = (): Promise<OnnxModelSession> => (opening ??= openOnnxModel({ file, options, context, sdk }));
  const run = async (inputs: readonly MlInput[]): Promise<Prediction[]> => {
    const open = await model();
    const chunk = open.fixedBatch ?? Math.max(inputs.length, 1);
    const predictions: Prediction[] = [];
    for (let start = 0; start < inputs.length; start += chunk) {
      predictions.push(...(await runBatch(open, { inputs: inputs.slice(start, start + chunk), options, scope, access, configFile: context.configFile })));
    }
    return predictions;
  };
  return {
    id,
    simulated: false,
    modality: options.modality ?? (options.input.shape.length > 1 ? 'image' : 'tabular'),
    labels: options.labels,
    input: options.input,
    access,
    classify: (inputs, signal) => raceAbort(scope, { promise: run(inputs), signal }),
    close: async () => {
      const closing = opening;
      opening = undefined;
      const open = await closing?.catch(() => undefined);
      await open?.session.release();
    },
  };
}

type Batch = { readonly inputs: readonly MlInput[]; readonly options: OnnxClassifierOptions; readonly scope: FailureScope; readonly access: 'label' | 'scores'; readonly configFile: string };

async function runBatch(open: OnnxModelSession, batch: Batch): Promise<Prediction[]> {
  const { inputs, options, scope } = batch;
  const data = tensorBatch(inputs, { spec: options.input, targetId: scope.targetId });
  const tensor = new open.ort.Tensor('float32', data, [inputs.length, ...options.input.shape]);
  const results = await open.session.run({ [open.inputName]: tensor }, [open.outputName]).catch((error: unknown) => {
    throw new ConfigError(`${scope.targetId}: the model refused its input (${String((error as Error).message ?? error).split('\n')[0]})`, {
      file: batch.configFile, path: 'target.input', hint: "check target.input.shape and target.inputName against the model's input", cause: error,
    });
  });
  const values = results[open.outputName]?.data as ArrayLike<number | bigint | string> | undefined;
  const classes = options.labels.length;
  const output = options.output ?? 'probabilities';
  const perInput = output === 'label' ? 1 : classes;
  if (values === undefined || values.length !== inputs.length * perInput) {
    throw new ConfigError(`${scope.targetId}: output '${open.outputName}' has ${values?.length ?? 0} values for ${inputs.length} inputs, expected ${perInput} each`, {
      file: batch.configFile, path: output === 'label' ? 'target.output' : 'target.labels', hint: 'give one label per model class, and the output that holds them (target.outputName, target.output)',
    });
  }
  return inputs.map((_, i) => {
    if (output === 'label') {
      const label = labelIndex(values[i], options.labels);
      if (label === undefined) {
        throw new TargetError(`model answered label ${describeValue(values[i])}, which is not one of its ${classes} labels`, { targetId: scope.targetId, kind: 'bad-response', retryable: false });
      }
      return { label };
    }
    const row = Float32Array.from({ length: classes }, (_, c) => Number(values[i * classes + c]));
    const probabilities = output === 'logits' ? softmax(row) : row;
    const label = argmax(probabilities);
    return batch.access === 'scores' ? { label, probabilities } : { label };
  });
}

function isFile(path: string): boolean {
  try {
    return statSync(path).isFile();
  } catch {
    // Missing or unreadable: no model to load.
    return false;
  }
}

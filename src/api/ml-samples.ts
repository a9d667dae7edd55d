import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import type { MlScanConfig } from '../config/ml-scan-schema.js';
import { ConfigError, DatasetError } from '../core/errors.js';
import type { ClassifierTarget, MlSample } from '../core/ml.js';
import { loadIrisSplits } from '../ml/datasets/iris.js';
import { loadSpamSplits } from '../ml/datasets/spam-assassin.js';
import { loadDigitSplits } from '../ml/datasets/mnist-digits.js';

function labelIndex(value: unknown, target: ClassifierTarget, where: { file: string; row: number }): number {
  if (typeof value === 'number' && Number.isInteger(value) && value >= 0 && value < target.labels.length) return value;
  if (typeof value === 'string' && target.labels.includes(value)) return target.labels.indexOf(value);
  throw new DatasetError(`${where.file}:${where.row}: label ${JSON.stringify(value)} is not one of the target's classes`, {
    file: where.file, row: where.row, hint: `give a class index 0–${target.labels.length - 1} or a name: ${target.labels.slice(0, 10).join(', ')}`,
  });
}

function readSampleFile(file: string, target: ClassifierTarget): MlSample[] {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (error) {
    throw new DatasetError(`cannot read the samples file ${file}`, { file, hint: 'check the path in samples.file (relative to the configuration file)', cause: error });
  }
  const features = target.input?.shape.reduce((a, b) => a * b, 1);
  return text.split('\n').flatMap((line, i): MlSample[] => {
    if (line.trim() === '') return [];
    const where = { file, row: i + 1 };
    let row: { id?: unknown; input?: unknown; label?: unknown };
    try {
      row = JSON.parse(line) as typeof row;
    } catch (error) {
      throw new DatasetError(`${file}:${i + 1}: not JSON`, { ...where, hint: 'one JSON object per line: {"input": [...], "label": 3}', cause: error });
    }
    const id = typeof row.id === 'string' ? row.id : `${file.split('/').pop()}#${i + 1}`;
    const label = labelIndex(row.label, target, where);
    if (target.modality === 'text') {
      if (typeof row.input !== 'string') throw new DatasetError(`${file}:${i + 1}: input must be a string for a text classifier`, { ...where, hint: '{"input": "the text", "label": "spam"}' });
      return [{ id, input: row.input, label }];
    }
    if (!Array.isArray(row.input) || row.input.some((v) => typeof v !== 'number') || (features !== undefined && row.input.length !== features)) {
      throw new DatasetError(`${file}:${i + 1}: input must be an array of ${features ?? 'N'} numbers`, { ...where, hint: `the target's input shape is [${target.input?.shape.join(', ')}], flattened row-major` });
    }
    return [{ id, input: Float32Array.from(row.input as number[]), label }];
  });
}

/** The samples an ML scan attacks, in order: a named dataset's split, or a JSON Lines file. */
export function loadMlSamples(samples: MlScanConfig['samples'], options: { readonly target: ClassifierTarget; readonly baseDir: string; readonly file: string }): MlSample[] {
  if ('file' in samples) return readSampleFile(resolve(options.baseDir, samples.file), options.target);
  if (samples.dataset === 'spam-assassin') {
    if (options.target.modality !== 'text' || options.target.labels.length !== 2) {
      throw new ConfigError(`${options.file}: samples: the spam-assassin dataset fits a two-class text classifier, not ${options.target.id}`, {
        file: options.file, path: 'samples', hint: 'give samples.file with inputs the target takes',
      });
    }
    const wanted = samples.label === 'both' ? undefined : samples.label === 'spam' ? 1 : 0;
    return loadSpamSplits()[samples.split].filter((s) => wanted === undefined || s.label === wanted);
  }
  if (samples.dataset === 'iris') {
    if (options.target.input?.shape.reduce((a, b) => a * b, 1) !== 4 || options.target.labels.length !== 3) {
      throw new ConfigError(`${options.file}: samples: the iris dataset fits a classifier of 4 features and 3 classes, not ${options.target.id}`, {
        file: options.file, path: 'samples', hint: 'give samples.file with inputs the target takes',
      });
    }
    return [...loadIrisSplits()[samples.split]];
  }
  if (options.target.input?.shape.reduce((a, b) => a * b, 1) !== 784) {
    throw new ConfigError(`${options.file}: samples: the mnist-digits dataset fits a classifier of 784 pixels, not ${options.target.id}`, {
      file: options.file, path: 'samples', hint: 'give samples.file with inputs the target takes',
    });
  }
  return [...loadDigitSplits()[samples.split]];
}

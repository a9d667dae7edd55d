import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { savedCalibrationSchema, type SavedCalibrationRecord } from '../config/calibration-source.js';
import type { RedlineConfig } from '../config/schema.js';
import { ConfigError } from '../core/errors.js';
import { CALIBRATION_HINT, calibrationShortfall } from '../calibration/calibration-minimum.js';
import { scorerRegistry } from '../scorers/registry.js';

const PATH = 'scoring.calibration';

/** Reads `scoring.calibration` when it names a file, checks it, and returns the config with the content inlined. */
export function inlineCalibration(config: RedlineConfig, where: { file: string; baseDir: string }): RedlineConfig {
  const source = config.scoring.calibration;
  if (source === undefined) return config;
  let record: SavedCalibrationRecord;
  if (typeof source === 'string') {
    const path = resolve(where.baseDir, source);
    let parsed: unknown;
    try {
      parsed = JSON.parse(readFileSync(path, 'utf8'));
    } catch (error) {
      throw new ConfigError(`${where.file}: ${PATH}: cannot read ${path} as JSON (${(error as Error).message})`, {
        file: where.file, path: PATH, hint: 'point it at the file `redline calibrate --save FILE` wrote', cause: error,
      });
    }
    const checked = savedCalibrationSchema.safeParse(parsed);
    if (!checked.success) {
      throw new ConfigError(`${where.file}: ${PATH}: ${path} is not a saved calibration`, { file: where.file, path: PATH, hint: 'write one with `redline calibrate --save FILE`' });
    }
    record = checked.data;
  } else {
    record = source;
  }
  const current = scorerRegistry.find((d) => d.id === record.scorer.id)?.version;
  if (current !== record.scorerVersion) {
    throw new ConfigError(`${where.file}: ${PATH}: measured on version ${record.scorerVersion} of scorer '${record.scorer.id}', but this Redline has version ${current ?? 'none'}`, {
      file: where.file, path: PATH, hint: 'calibrate the current scorer again: its readings may have changed',
    });
  }
  const shortfall = calibrationShortfall(record);
  if (shortfall !== null) {
    const from = typeof source === 'string' ? ` (${source})` : '';
    throw new ConfigError(`${where.file}: ${PATH}${from}: ${shortfall}`, { file: where.file, path: PATH, hint: CALIBRATION_HINT });
  }
  return { ...config, scoring: { ...config.scoring, calibration: record } };
}

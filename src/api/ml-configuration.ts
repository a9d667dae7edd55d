import { dirname, resolve } from 'node:path';
import { readConfigFile } from '../config/load-config.js';
import { DEMO_ML_SCAN } from '../config/ml-scan-schema.js';

export { validateMlScanConfig, type MlScanConfig, DEMO_ML_SCAN } from '../config/ml-scan-schema.js';

/** An ML scan configuration as read from its file (or the demo's), with the folder its paths resolve against. */
export function loadMlScanConfig(input: { readonly file?: string; readonly cwd: string }): { readonly config: unknown; readonly file: string; readonly baseDir: string } {
  if (input.file === undefined) return { config: DEMO_ML_SCAN, file: '<demo>', baseDir: input.cwd };
  const file = resolve(input.cwd, input.file);
  return { config: readConfigFile(file), file, baseDir: dirname(file) };
}

import { configJsonSchema } from '../../api/configuration.js';

/** Prints the redline.yaml JSON Schema. */
export function runSchemaCommand(): number {
  process.stdout.write(`${JSON.stringify(configJsonSchema(), null, 2)}\n`);
  return 0;
}

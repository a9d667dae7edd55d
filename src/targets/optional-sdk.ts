import { createRequire } from 'node:module';
import { ConfigError } from '../core/errors.js';
import type { TargetContext } from './context.js';

/** A provider SDK that only one target type uses: an optional dependency, imported on first use. */
export type OptionalSdk<Module> = {
  /** The npm package, as `npm install` takes it. */
  readonly packageName: string;
  /** The command that installs it, when plain `npm install <packageName>` is not the right one (a pinned version, an env switch). */
  readonly install?: string;
  /** Imports it; written as a literal `import('…')` so only this target type ever loads the package. */
  readonly load: () => Promise<Module>;
};

/** The ConfigError for an SDK that is not installed: names the package and the command that installs it. */
export function missingSdkError(
  packageName: string,
  where: { context: TargetContext; cause?: unknown; install?: string | undefined },
): ConfigError {
  const install = where.install ?? `npm install ${packageName}`;
  return new ConfigError(`this target type needs the optional package ${packageName}, which is not installed (${install})`, {
    file: where.context.configFile,
    path: 'target.type',
    hint: install,
    ...(where.cause === undefined ? {} : { cause: where.cause }),
  });
}

/**
 * Fails now, with the ConfigError that says what to install, when the package cannot be found: a run then stops
 * while its configuration is read instead of at its first request. Only resolves the name; nothing is loaded.
 */
export function requireInstalled(sdk: OptionalSdk<unknown>, context: TargetContext): void {
  try {
    createRequire(import.meta.url).resolve(sdk.packageName);
  } catch (error) {
    if (isMissing(error, sdk.packageName)) throw missingSdkError(sdk.packageName, { context, install: sdk.install });
    // Anything else (a package with no CommonJS entry to resolve) is left to the import to report.
  }
}

/** A loader that imports the SDK once, on the first call; a package missing at that point is the same ConfigError. */
export function lazySdk<Module>(sdk: OptionalSdk<Module>, context: TargetContext): () => Promise<Module> {
  let loading: Promise<Module> | undefined;
  return () =>
    (loading ??= sdk.load().catch((error: unknown) => {
      throw isMissing(error, sdk.packageName) ? missingSdkError(sdk.packageName, { context, cause: error, install: sdk.install }) : error;
    }));
}

function isMissing(error: unknown, packageName: string): boolean {
  const { code, message } = (error ?? {}) as { code?: unknown; message?: unknown };
  const named = typeof message === 'string' && message.includes(packageName);
  return (code === 'MODULE_NOT_FOUND' || code === 'ERR_MODULE_NOT_FOUND' || code === undefined) && named && /cannot find|not found|failed to (load|resolve)/i.test(String(message));
}

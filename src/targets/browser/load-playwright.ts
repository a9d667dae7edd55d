import type { BrowserType } from 'playwright-core';
import { TargetError } from '../../core/errors.js';

/**
 * Imports playwright-core's Chromium driver on first use: it is an optional dependency, needed by the browser
 * target only. When it is missing the error names the package to install (it never downloads a browser).
 */
export async function loadChromiumDriver(targetId: string, specifier = 'playwright-core'): Promise<BrowserType> {
  try {
    const module = (await import(specifier)) as { chromium: BrowserType };
    return module.chromium;
  } catch (error) {
    throw new TargetError(`the browser target needs the optional package playwright-core, which could not be loaded (${(error as Error).message.split('\n')[0]})`, {
      targetId, kind: 'unavailable', retryable: false, cause: error,
      hint: 'npm install playwright-core (it drives the system Chromium and downloads no browser)',
    });
  }
}

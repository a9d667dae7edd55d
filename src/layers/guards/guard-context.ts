import type { TargetContext } from '../../targets/context.js';
import { readEnv } from '../../targets/env-reference.js';
import { parseTargetUrl } from '../../targets/parse-target-options.js';
import type { LayerServices } from '../define-layer.js';

/** The targets' context for a guard built with these services: its environment and config file, for credentials and messages. */
export function guardContext(services: LayerServices): TargetContext {
  return { env: services.env ?? {}, baseDir: '.', configFile: services.configFile ?? '<options>' };
}

/** Reads a guard's credential from the environment variable an option names; missing or empty → ConfigError naming both. */
export function guardSecret(name: string, where: { services: LayerServices; option: string }): string {
  return readEnv(name, { context: guardContext(where.services), path: where.option });
}

/** Parses a guard's URL option (http or https, no credentials in it); a bad one is a ConfigError naming the option. */
export function guardUrl(text: string, where: { services: LayerServices; option: string }): URL {
  return parseTargetUrl(text, { context: guardContext(where.services), path: where.option });
}

/** Joins a base URL and a path, whatever slashes either has: `http://h/v1/` + `/moderations` → `http://h/v1/moderations`. */
export function joinUrl(base: URL, path: string): string {
  return `${base.href.replace(/\/+$/, '')}/${path.replace(/^\/+/, '')}`;
}

import { harmbenchFormat } from './harmbench.js';
import { llamaGuard3Format } from './llama-guard-3.js';
import type { SafetyFormat } from './safety-format.js';
import { wildguardFormat } from './wildguard.js';

/** The safety classifier formats Redline speaks; the only place their ids are listed. */
export const safetyFormats = [llamaGuard3Format, harmbenchFormat, wildguardFormat] as const satisfies readonly SafetyFormat[];

/** A safety classifier format's id. */
export type SafetyFormatId = (typeof safetyFormats)[number]['id'];

/** Every format id, for option schemas. */
export const safetyFormatIds = safetyFormats.map((format) => format.id) as [SafetyFormatId, ...SafetyFormatId[]];

/** The format with this id. */
export function safetyFormat(id: SafetyFormatId): SafetyFormat {
  return safetyFormats.find((format) => format.id === id)!;
}

export { createGeminiTarget, geminiTargetOptions, type GeminiTargetInput, type GeminiTargetOptions } from './gemini-target.js';
export { geminiTargetType } from './gemini-target-type.js';

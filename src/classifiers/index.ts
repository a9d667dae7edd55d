export * from './clip.js';
export * from './content-words.js';
export * from './define-classifier.js';
export * from './encoded-text-classifier.js';
export * from './exfil-url-classifier.js';
export * from './injected-instruction-classifier.js';
export { injectionDetector, injectionDetectorOptions, INJECTION_MODEL, scoreInjection, type InjectionDetection, type InjectionScore } from './injection-detector/index.js';
export * from './insecure-output-classifier.js';
export * from './refusal-classifier.js';
export * from './registry.js';
export * from './secret-classifier.js';
export { REPLY_READINGS, explainReply, readReply, type ReplyEvidence, type ReplyReading } from './refusal/read-reply.js';
export { decodeText, ENCODINGS, type DecodedText, type DecodeTextOptions, type Encoding } from './decoders/decode-text.js';
export { decodeBase64Blobs } from './decoders/base64-blobs.js';
export { decodeRot13Segments } from './decoders/rot13-segments.js';
export { decodeLeetspeak, isCommonWord, type IsWord } from './decoders/leetspeak.js';
export { commonWords, countCommonWords } from './decoders/common-words.js';
export {
  defineSafetyFormat, expectRoles, harmbenchFormat, llamaGuard3Categories, llamaGuard3Format, promptText, PromptShapeError, safetyFormat,
  safetyFormatIds, safetyFormats, wildguardFormat, type ClassifierInput, type PromptPiece, type SafetyFormat, type SafetyFormatId,
  type SafetyReading, type SafetyVerdict,
} from './safety-formats/index.js';

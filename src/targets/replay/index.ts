export { replayTargetOptions, type ReplayTargetInput, type ReplayTargetOptions } from './options.js';
export { readRecording, type RecordedPair, type RecordingSource } from './read-recording.js';
export { createReplayTarget } from './replay-target.js';
export { replayTargetType } from './replay-target-type.js';

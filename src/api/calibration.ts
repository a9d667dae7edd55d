// Measuring scorers against human labels, and scoring transcript files.
export { calibrate } from '../calibration/calibrate.js';
export { calibrationLines } from '../calibration/calibration-lines.js';
export { CALIBRATION_HINT, calibrationShortfall, MIN_LABELS_PER_CLASS } from '../calibration/calibration-minimum.js';
export { calibrationTargets } from '../calibration/calibration-target.js';
export { oneOf, transcriptFields } from '../calibration/command-line-options.js';
export { commandLineScorer } from '../calibration/command-line-scorer.js';
export { configuredJudge, type ConfiguredJudge } from './configured-judge.js';
export { HALVES, rowsOfHalf } from '../calibration/holdout.js';
export { savedCalibration } from '../calibration/saved-calibration.js';
export { scoreRows } from '../calibration/score-rows.js';
export { readTranscriptRows } from '../calibration/transcript-rows.js';
export { writeTextFile } from '../calibration/write-text-file.js';

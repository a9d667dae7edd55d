// The public library surface of redline-ai: the CLI is a thin layer over these.
export { scan, databasePath, type ScanOptions, type ScanResult } from './api/scan.js';
export { summarizeStoredRun, writeReports, type ReportPaths } from './api/reports.js';
export * from './core/index.js';
export { configJsonSchema, configSchema, type RedlineConfig, type RedlineConfigInput } from './config/schema.js';
export { loadConfig, parseConfigText, validateConfig, type LoadedConfig } from './config/load-config.js';
export { converterRegistry, buildChain, type ConverterChain, type ConverterId } from './converters/index.js';
export { techniqueRegistry, type TechniqueId } from './techniques/index.js';
export { scorerRegistry, type ScorerId } from './scorers/index.js';
export { builtinGoalSets, readGoalFile, starterGoals } from './datasets/index.js';
export { targetRegistry, createTarget, type TargetOptions } from './targets/registry.js';
export type { TargetContext } from './targets/context.js';
export { demoSuccessProbability, describeDemo } from './targets/demo/index.js';
export { buildSummary, wilsonInterval, passAtK, SUMMARY_SCHEMA_VERSION, type RunSummary, type CellRow, type GoalRow, type OverallRow } from './stats/index.js';
export { renderHtml, renderJson, renderTable } from './report/index.js';
export { openDatabase, listRuns, getRun, type StoredRun } from './store/index.js';
export type { Progress } from './engine/execute-run.js';
export * from './calibration/index.js';

/**
 * Multiple systems estimation: public entry points of the estimate context.
 */
export { captureTable, parseCaptureCsv, readCaptureCsv } from './capture-table.ts';
export type { Membership, RowProblem, CaptureCsvResult } from './capture-table.ts';
export { estimateLogLinear, fitLogLinear } from './loglinear.ts';
export type { LogLinearFit, LogLinearResult, AveragedEstimate, LogLinearOptions } from './loglinear.ts';
export { estimateLcmcr } from './lcmcr.ts';
export type { LcmcrOptions, LcmcrResult, LcmcrDiagnostics } from './lcmcr.ts';
export { estimateMse, MSE_METHODS } from './service.ts';
export type { MseMethod, MseOptions, MseReport, StratumEstimate } from './service.ts';
export type { CaptureTable, StratumCounts, Interval } from './schema.ts';
export { documentedCount } from './schema.ts';

/**
 * Baselines: speedups recorded per testbed, checked on later runs so that CI fails when a
 * speedup regresses (and not when the code merely ran on another machine).
 */
export { testbedFromHost, makeTestbed, testbedId, ceilingBand, sameTestbed, formatTestbed, testbedDifferences, CEILING_BAND_WIDTH } from './testbed.ts';
export type { Testbed, TestbedFields } from './testbed.ts';
export {
  BASELINE_SCHEMA_VERSION,
  BASELINE_KIND,
  emptyBaselineFile,
  validateBaselineFile,
  readBaselineFile,
  writeBaselineFile,
  serializeBaselineFile,
} from './file.ts';
export type { BaselineFile, BaselineRecord } from './file.ts';
export { classifyChange, DEFAULT_TOLERANCE } from './classify.ts';
export type { Change, IntervalLike } from './classify.ts';
export { resolveBaselineMode } from './mode.ts';
export type { BaselineMode, BaselineModeOptions, SnapshotStateLike } from './mode.ts';
export { checkAgainstBaseline, formatBaselineCheck } from './check.ts';
export type { BaselineCheckResult, BaselineEntryResult, BaselineStatus, CheckBaselineOptions, SpeedupLike } from './check.ts';

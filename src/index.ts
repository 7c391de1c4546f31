/**
 * vitest-speedup: statistically sound speedup assertions for Vitest.
 * Matchers are registered by the `vitest-speedup/setup` entry; everything else is here.
 */
export { measureSpeedup, compareFunctions, measureSources, functionSource, syntheticSources, DEFAULT_MEASURE_OPTIONS, formatDuration } from './engine/index.ts';
export type {
  Comparison,
  Criterion,
  Measurable,
  MeasureOptions,
  MeasureSourcesOptions,
  Measurement,
  QualityFlag,
  QualityFlagCode,
  SampleSource,
  SideSummary,
  SpeedupOptions,
  StopReason,
  Verdict,
} from './engine/index.ts';
export { pairedLogRatioInterval, unpairedRatioInterval } from './stats/index.ts';
export type { RatioInterval } from './stats/index.ts';
export { cores, ceiling, modelBand } from './matchers/thresholds.ts';
export type { HostRelativeThreshold, ModelThreshold, Threshold } from './matchers/thresholds.ts';
export type { DurationBound } from './matchers/duration-matcher.ts';
export type { ScalingMatcherOptions } from './matchers/scaling-matchers.ts';
export { measureScaling, scalingCurveOf, workersLabel } from './scaling/measure-scaling.ts';
export type { ScalingCurve, ScalingCurvePoint, ScalingOptions, Estimate } from './scaling/measure-scaling.ts';
export { amdahlFit, amdahlSpeedup, karpFlatt } from './scaling/index.ts';
export type { AmdahlFit, ScalingPoint } from './scaling/index.ts';
// The latency model is pure; the transports and tasks live in 'vitest-speedup/io' (they load msw and undici).
export { expectedDurationMs, expectedSpeedup, durationBreakdown } from './io/model.ts';
export type { LatencyModel, DurationBreakdown } from './io/model.ts';
export type { SpeedupMatcherOptions, HostSnapshot } from './matchers/options.ts';
export type { SpeedupSubject } from './matchers/augment.ts';
export type { BenchResultLike } from './matchers/subjects.ts';
export { getHostFacts, getCpuLimits, measureParallelCeiling, measureTimerResolution, formatHostFacts, formatHostFactsInline } from './host/index.ts';
export type { CpuLimitSources, HostFacts, ParallelCeiling, CpuLimits, CpuLimitOptions, HostFactsOptions, ParallelCeilingOptions } from './host/index.ts';
export type { Strategy, StrategyRun, TaskDefinition, Timeline, TimelineEntry, Workload, RunOptions } from './strategies/types.ts';
export {
  sequential,
  concurrent,
  bounded,
  workerPerItem,
  piscinaPerItem,
  piscinaChunked,
  processPoolPerItem,
  processPoolChunked,
  effectiveCores,
  monotonicNow,
  monotonicToAbsoluteOffset,
  workerEntryPath,
} from './strategies/index.ts';
export type { PoolStrategy, PoolOptions, ChunkedPoolOptions, WorkerPerItemOptions, WorkerPerItemStrategy, TaskError } from './strategies/index.ts';
export {
  sieve,
  sieveSummary,
  sumOfSquares,
  sumOfSquaresClosedForm,
  powSelf,
  bitLength,
  sieveTask,
  sieveSummaryTask,
  sumOfSquaresTask,
  powSelfTask,
  cpuWorkerModule,
  sieveWorkload,
  sieveSummaryWorkload,
  sumOfSquaresWorkload,
  powSelfWorkload,
} from './tasks/cpu/index.ts';
export type { CpuWorkloadOptions, SieveSummary } from './tasks/cpu/index.ts';
export { utilisation, summariseTimeline, renderTimelineSvg } from './timeline/index.ts';
export type { TimelineSummary, LaneSummary, UtilisationOptions, TimelineSvgOptions } from './timeline/index.ts';
// Baselines and reports; the renderers, writer and reporter are also in 'vitest-speedup/report'.
export { testbedFromHost, sameTestbed, formatTestbed, checkAgainstBaseline, formatBaselineCheck, resolveBaselineMode, classifyChange } from './baselines/index.ts';
export type { Testbed, BaselineCheckResult, BaselineEntryResult, BaselineStatus, CheckBaselineOptions, BaselineFile, BaselineRecord, SpeedupLike } from './baselines/index.ts';
export { groupFromMeasurement, groupFromScalingCurve, createReport, writeReport, readReport, validateReport, SpeedupFileError } from './report/index.ts';
export type { SpeedupReport, ReportGroup, ReportEntry, ReportSpeedup, ReportScaling } from './report/index.ts';
export type { SpeedupBenchResult, SpeedupMeta } from './bench/provider.ts';

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
export { cores, ceiling } from './matchers/thresholds.ts';
export type { HostRelativeThreshold, Threshold } from './matchers/thresholds.ts';
export type { SpeedupMatcherOptions, HostSnapshot } from './matchers/options.ts';
export type { SpeedupSubject } from './matchers/augment.ts';
export type { BenchResultLike } from './matchers/subjects.ts';
export { getHostFacts, getCpuLimits, measureParallelCeiling, measureTimerResolution, formatHostFacts, formatHostFactsInline } from './host/index.ts';
export type { CpuLimitSources, HostFacts, ParallelCeiling, CpuLimits, CpuLimitOptions, HostFactsOptions, ParallelCeilingOptions } from './host/index.ts';
export type { Strategy, StrategyRun, TaskDefinition, Timeline, TimelineEntry, Workload, RunOptions } from './strategies/types.ts';
export { sequential, concurrent, bounded } from './strategies/main-thread.ts';
export type { SpeedupBenchResult, SpeedupMeta } from './bench/provider.ts';

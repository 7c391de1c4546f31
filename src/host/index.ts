/**
 * Host facts: what this machine can deliver (effective cores, measured parallel ceiling, timer
 * resolution, load), so that speedup assertions and their failure messages can take it into account.
 */
export type { CpuLimitSources, HostFacts, ParallelCeiling } from './types.ts';
export { getCpuLimits, parseCpuList } from './cpu-limits.ts';
export type { CpuLimitOptions, CpuLimits } from './cpu-limits.ts';
export { measureTimerResolution } from './timer.ts';
export { getHostFacts } from './facts.ts';
export type { HostFactsOptions } from './facts.ts';
export { measureParallelCeiling } from './ceiling.ts';
export type { ParallelCeilingOptions } from './ceiling.ts';
export { formatHostFacts, formatHostFactsInline } from './format.ts';

/** Latency profiles, bandwidth limits, per-route plans and the seeded PRNG behind them. */
export { fixed, uniform, logNormal, isLatencyProfile, Z_P99 } from './profiles.ts';
export type { LatencyKind, LatencyProfile, UniformOptions, LogNormalOptions } from './profiles.ts';
export { bandwidth, transferTimeMs, chunkSchedule, throttledChunks, throttledStream } from './bandwidth.ts';
export type { Bandwidth, BandwidthOptions, Chunk } from './bandwidth.ts';
export { latencyPlan, normalizeSeed } from './plan.ts';
export type { LatencyPlan, LatencyPlanOptions, RouteLatencyOverride } from './plan.ts';
export { mulberry32, hashSeed, seededRng, seededBytes, seededInt } from './prng.ts';
export type { Rng } from './prng.ts';

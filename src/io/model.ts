/**
 * The latency model of I/O-bound runs: what a run of N requests should take at a given
 * concurrency, so specs can derive their expected speedups (and margins) from the setup instead
 * of hard-coding wall times.
 *
 *     duration ≈ ceil(N / c) × L  +  N × o  +  s
 *
 * - N requests, at most c in flight (c = 1: sequential; c >= N: fully concurrent; c = k: a pool
 *   of k connections or `bounded(k)`): the requests go in ceil(N / c) waves of latency L each.
 * - L: the per-request latency (a number, or a profile's mean or median). With jitter a wave
 *   really waits for its slowest request, so for c > 1 the model is optimistic by about the
 *   spread of the profile.
 * - o: serial work per request on the client thread that no concurrency overlaps (parsing,
 *   interception, socket bookkeeping). MSW costs about 1 ms per request here, MockAgent and a
 *   loopback server a fraction of that; measure it with `measurePerRequestOverhead(transport)`.
 * - s: a fixed cost per run (start-up), default 0.
 *
 * Example: 100 requests at 150 ms through MSW (o ≈ 1 ms): sequential 100 × 150 + 100 = 15.1 s,
 * fully concurrent 150 + 100 = 250 ms, expected speedup ≈ 60x (measured: 50-68x).
 */
import type { LatencyProfile } from './latency/profiles.ts';

/** Inputs of the latency model. */
export interface LatencyModel {
  /** Number of requests N (an integer >= 0). */
  readonly requests: number;
  /** Requests in flight at once, c (a positive integer, or `Infinity` for all at once). */
  readonly concurrency: number;
  /** The per-request latency L in ms, or a latency profile (see `statistic`). */
  readonly latency: number | LatencyProfile;
  /** Which statistic of a profile stands for L: `mean` (default) or `median`. */
  readonly statistic?: 'mean' | 'median';
  /** Serial work per request, o, in ms (default 0). */
  readonly perRequestOverheadMs?: number;
  /** Fixed cost per run, s, in ms (default 0). */
  readonly serialOverheadMs?: number;
}

/** The terms of {@link expectedDurationMs}. */
export interface DurationBreakdown {
  /** ceil(N / c): how many waves of requests wait for the latency. */
  readonly waves: number;
  /** L in ms. */
  readonly latencyMs: number;
  /** waves × L. */
  readonly waitingMs: number;
  /** N × o. */
  readonly perRequestOverheadMs: number;
  /** s. */
  readonly serialOverheadMs: number;
  /** The sum: the expected duration in ms. */
  readonly totalMs: number;
  /** The formula with the numbers filled in, e.g. `ceil(20/5) × 20 ms + 20 × 1 ms + 0 ms = 100 ms`. */
  readonly formula: string;
}

function assertNonNegative(option: string, value: number): void {
  if (typeof value !== 'number' || !Number.isFinite(value) || value < 0) {
    throw new RangeError(`expectedDurationMs(model): ${option} must be a finite number >= 0, received ${String(value)}`);
  }
}

function formatNumber(value: number): string {
  return Number.isInteger(value) ? String(value) : value.toFixed(2);
}

/** Resolves L: a number as is, a profile by its mean (default) or median. */
export function modelLatencyMs(latency: number | LatencyProfile, statistic: 'mean' | 'median' = 'mean'): number {
  if (typeof latency === 'number') return latency;
  return statistic === 'median' ? latency.medianMs : latency.meanMs;
}

/**
 * Every term of the model for `model` (see the module docs).
 *
 * @example
 * durationBreakdown({ requests: 20, concurrency: 5, latency: 20, perRequestOverheadMs: 1 }).formula;
 * // 'ceil(20/5) × 20 ms + 20 × 1 ms + 0 ms = 100 ms'
 */
export function durationBreakdown(model: LatencyModel): DurationBreakdown {
  const { requests, concurrency, perRequestOverheadMs = 0, serialOverheadMs = 0 } = model;
  if (!Number.isInteger(requests) || requests < 0) {
    throw new RangeError(`expectedDurationMs(model): requests must be an integer >= 0, received ${String(requests)}`);
  }
  if (concurrency !== Number.POSITIVE_INFINITY && (!Number.isInteger(concurrency) || concurrency < 1)) {
    throw new RangeError(`expectedDurationMs(model): concurrency must be a positive integer or Infinity, received ${String(concurrency)}`);
  }
  const latencyMs = modelLatencyMs(model.latency, model.statistic);
  assertNonNegative('latency', latencyMs);
  assertNonNegative('perRequestOverheadMs', perRequestOverheadMs);
  assertNonNegative('serialOverheadMs', serialOverheadMs);
  const waves = requests === 0 ? 0 : Math.ceil(requests / Math.min(concurrency, requests));
  const waitingMs = waves * latencyMs;
  const overheadMs = requests * perRequestOverheadMs;
  const totalMs = waitingMs + overheadMs + serialOverheadMs;
  const c = concurrency === Number.POSITIVE_INFINITY ? '∞' : String(concurrency);
  const formula =
    `ceil(${requests}/${c}) × ${formatNumber(latencyMs)} ms + ${requests} × ${formatNumber(perRequestOverheadMs)} ms + ` +
    `${formatNumber(serialOverheadMs)} ms = ${formatNumber(totalMs)} ms`;
  return { waves, latencyMs, waitingMs, perRequestOverheadMs: overheadMs, serialOverheadMs, totalMs, formula };
}

/**
 * The expected duration (ms) of a run: `ceil(N / c) × L + N × o + s`.
 *
 * @example
 * expectedDurationMs({ requests: 100, concurrency: 1, latency: 150, perRequestOverheadMs: 1 });        // 15100
 * expectedDurationMs({ requests: 100, concurrency: Infinity, latency: 150, perRequestOverheadMs: 1 }); // 250
 */
export function expectedDurationMs(model: LatencyModel): number {
  return durationBreakdown(model).totalMs;
}

/**
 * The expected speedup of `candidate` over `baseline` (baseline duration / candidate duration);
 * models or durations in ms.
 *
 * @example
 * const seq = { requests: 100, concurrency: 1, latency: 150, perRequestOverheadMs: 1 };
 * expectedSpeedup(seq, { ...seq, concurrency: Infinity }); // 60.4
 */
export function expectedSpeedup(baseline: LatencyModel | number, candidate: LatencyModel | number): number {
  const base = typeof baseline === 'number' ? baseline : expectedDurationMs(baseline);
  const cand = typeof candidate === 'number' ? candidate : expectedDurationMs(candidate);
  if (!(cand > 0)) throw new RangeError(`expectedSpeedup(baseline, candidate): the candidate's duration must be > 0, received ${cand}`);
  return base / cand;
}

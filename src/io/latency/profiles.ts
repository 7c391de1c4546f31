/**
 * Latency profiles: how long a mocked server waits before it answers. Every profile is a
 * distribution with known median and mean (for the latency model) and a `sample(rng)` that
 * draws from it with a seeded generator, so a run can be reproduced exactly.
 */
import type { Rng } from './prng.ts';

/** The families of latency distributions. */
export type LatencyKind = 'fixed' | 'uniform' | 'log-normal';

/** A latency distribution in milliseconds. */
export interface LatencyProfile {
  readonly kind: LatencyKind;
  /** Human-readable, e.g. `fixed(20 ms)` or `logNormal(median 20 ms, p99 80 ms)`. */
  readonly description: string;
  /** The median latency (ms). */
  readonly medianMs: number;
  /** The mean latency (ms): what a sequential run pays per request on average. */
  readonly meanMs: number;
  /** The constant latency of a `fixed` profile, `undefined` for distributions. */
  readonly fixedMs: number | undefined;
  /** Draws one latency (ms, >= 0) from the distribution using `rng`. */
  sample(rng: Rng): number;
}

/** z-score of the 99th percentile of the standard normal distribution. */
export const Z_P99 = 2.3263478740408408;

function assertMs(api: string, option: string, value: unknown): asserts value is number {
  if (typeof value !== 'number' || !Number.isFinite(value) || value < 0) {
    throw new RangeError(`${api}: ${option} must be a finite number of milliseconds >= 0, received ${String(value)}`);
  }
}

function formatMs(ms: number): string {
  return `${Number.isInteger(ms) ? ms : ms.toFixed(2)} ms`;
}

/**
 * The same latency for every request.
 *
 * @example
 * fixed(20).sample(rng); // 20
 */
export function fixed(ms: number): LatencyProfile {
  assertMs('fixed(ms)', 'ms', ms);
  return {
    kind: 'fixed',
    description: `fixed(${formatMs(ms)})`,
    medianMs: ms,
    meanMs: ms,
    fixedMs: ms,
    sample: () => ms,
  };
}

/** Options of {@link uniform}. */
export interface UniformOptions {
  /** Smallest latency (ms). */
  readonly minMs: number;
  /** Largest latency (ms), >= `minMs`. */
  readonly maxMs: number;
}

/**
 * Uniform jitter: every latency in `[minMs, maxMs]` is equally likely.
 *
 * @example
 * uniform({ minMs: 10, maxMs: 30 }).meanMs; // 20
 */
export function uniform(options: UniformOptions): LatencyProfile {
  const { minMs, maxMs } = options;
  assertMs('uniform(options)', 'minMs', minMs);
  assertMs('uniform(options)', 'maxMs', maxMs);
  if (maxMs < minMs) {
    throw new RangeError(`uniform(options): maxMs (${maxMs}) must be >= minMs (${minMs})`);
  }
  const middle = (minMs + maxMs) / 2;
  return {
    kind: 'uniform',
    description: `uniform(${formatMs(minMs)}..${formatMs(maxMs)})`,
    medianMs: middle,
    meanMs: middle,
    fixedMs: undefined,
    sample: (rng) => minMs + (maxMs - minMs) * rng(),
  };
}

/** Options of {@link logNormal}. */
export interface LogNormalOptions {
  /** The median latency (ms), > 0. */
  readonly medianMs: number;
  /** The 99th percentile (ms), >= `medianMs`: how long the tail is. */
  readonly p99Ms: number;
}

/**
 * A log-normal latency: mostly near the median with a long right tail, the usual shape of
 * network round trips. Parametrised by the median and the 99th percentile:
 * `ln X ~ Normal(mu, sigma)` with `mu = ln(median)` and `sigma = ln(p99 / median) / z99`
 * (z99 = 2.326). Its mean is `median * exp(sigma^2 / 2)`. `p99Ms === medianMs` degenerates to a
 * constant.
 *
 * @example
 * const profile = logNormal({ medianMs: 20, p99Ms: 80 });
 * profile.meanMs; // 23.9 (the tail pulls the mean above the median)
 */
export function logNormal(options: LogNormalOptions): LatencyProfile {
  const { medianMs, p99Ms } = options;
  assertMs('logNormal(options)', 'medianMs', medianMs);
  assertMs('logNormal(options)', 'p99Ms', p99Ms);
  if (medianMs === 0) {
    throw new RangeError('logNormal(options): medianMs must be > 0 (a log-normal latency cannot be centred on 0 ms); use fixed(0) for no latency');
  }
  if (p99Ms < medianMs) {
    throw new RangeError(`logNormal(options): p99Ms (${p99Ms}) must be >= medianMs (${medianMs})`);
  }
  const mu = Math.log(medianMs);
  const sigma = Math.log(p99Ms / medianMs) / Z_P99;
  return {
    kind: 'log-normal',
    description: `logNormal(median ${formatMs(medianMs)}, p99 ${formatMs(p99Ms)})`,
    medianMs,
    meanMs: medianMs * Math.exp((sigma * sigma) / 2),
    fixedMs: undefined,
    sample: (rng) => {
      // Box-Muller; 1 - rng() is in (0, 1], so the logarithm is finite.
      const z = Math.sqrt(-2 * Math.log(1 - rng())) * Math.cos(2 * Math.PI * rng());
      return Math.exp(mu + sigma * z);
    },
  };
}

/** True if `value` is a {@link LatencyProfile} (as created by `fixed`, `uniform`, `logNormal`). */
export function isLatencyProfile(value: unknown): value is LatencyProfile {
  return (
    typeof value === 'object' &&
    value !== null &&
    typeof (value as LatencyProfile).sample === 'function' &&
    typeof (value as LatencyProfile).medianMs === 'number'
  );
}

/**
 * A latency plan: one default latency profile (and optional bandwidth) plus per-route overrides,
 * sampled reproducibly. Each sample is seeded by (seed, request key, how many times that key was
 * requested before), so a run draws the same latencies for the same requests even when
 * concurrent requests arrive in a different order.
 */
import type { Bandwidth } from './bandwidth.ts';
import { hashSeed, seededRng } from './prng.ts';
import { fixed, isLatencyProfile, type LatencyProfile } from './profiles.ts';

/** The latency and bandwidth of one route, overriding the plan's defaults. */
export interface RouteLatencyOverride {
  readonly latency?: LatencyProfile;
  readonly bandwidth?: Bandwidth;
}

/** Options of {@link latencyPlan}. */
export interface LatencyPlanOptions {
  /** Seed of every sample (default 1). Strings are hashed. */
  readonly seed?: number | string;
  /** Latency of routes without an override (default `fixed(0)`). */
  readonly latency?: LatencyProfile;
  /** Body bandwidth of routes without an override (default: unlimited, the body arrives at once). */
  readonly bandwidth?: Bandwidth;
  /** Per-route overrides keyed by route pattern (e.g. `/images/:id`): a profile or `{ latency, bandwidth }`. */
  readonly routes?: Readonly<Record<string, LatencyProfile | RouteLatencyOverride>>;
}

/** A resolved latency plan. */
export interface LatencyPlan {
  /** The numeric seed (strings are hashed). */
  readonly seed: number;
  /** The profile that applies to `route` (a route pattern). */
  profileFor(route: string): LatencyProfile;
  /** The body bandwidth of `route`, `undefined` for unlimited. */
  bandwidthFor(route: string): Bandwidth | undefined;
  /**
   * Draws the latency (ms) for one request of `route`. `requestKey` identifies the request
   * (usually its path and query); the n-th request with the same key always gets the same sample.
   */
  sample(route: string, requestKey: string): number;
  /** Forgets how often each key was requested: the next run draws the same samples again. */
  reset(): void;
}

/** Normalises a seed option into a 32-bit number. */
export function normalizeSeed(seed: number | string | undefined): number {
  if (seed === undefined) return 1;
  if (typeof seed === 'string') return hashSeed(seed);
  if (!Number.isInteger(seed)) {
    throw new RangeError(`seed must be an integer or a string, received ${String(seed)}`);
  }
  return seed >>> 0;
}

/**
 * Builds a {@link LatencyPlan}.
 *
 * @example
 * const plan = latencyPlan({
 *   seed: 7,
 *   latency: logNormal({ medianMs: 20, p99Ms: 80 }),
 *   routes: { '/sites/big': { latency: fixed(30), bandwidth: bandwidth({ bytesPerSecond: 100_000 }) } },
 * });
 * plan.sample('/ip', '/ip'); // the same number on every run with seed 7
 */
export function latencyPlan(options: LatencyPlanOptions = {}): LatencyPlan {
  const seed = normalizeSeed(options.seed);
  const defaultProfile = options.latency ?? fixed(0);
  if (!isLatencyProfile(defaultProfile)) {
    throw new TypeError('latencyPlan(options): latency must be a LatencyProfile (fixed, uniform or logNormal)');
  }
  const overrides = new Map<string, RouteLatencyOverride>();
  for (const [route, value] of Object.entries(options.routes ?? {})) {
    if (isLatencyProfile(value)) {
      overrides.set(route, { latency: value });
    } else if (typeof value === 'object' && value !== null) {
      if (value.latency !== undefined && !isLatencyProfile(value.latency)) {
        throw new TypeError(`latencyPlan(options): routes['${route}'].latency must be a LatencyProfile`);
      }
      overrides.set(route, value);
    } else {
      throw new TypeError(`latencyPlan(options): routes['${route}'] must be a LatencyProfile or { latency, bandwidth }`);
    }
  }
  const occurrences = new Map<string, number>();
  const profileFor = (route: string): LatencyProfile => overrides.get(route)?.latency ?? defaultProfile;
  return {
    seed,
    profileFor,
    bandwidthFor: (route) => {
      const override = overrides.get(route);
      return override && 'bandwidth' in override ? override.bandwidth : options.bandwidth;
    },
    sample: (route, requestKey) => {
      const n = occurrences.get(requestKey) ?? 0;
      occurrences.set(requestKey, n + 1);
      const profile = profileFor(route);
      if (profile.fixedMs !== undefined) return profile.fixedMs;
      return profile.sample(seededRng(seed, 'latency', requestKey, n));
    },
    reset: () => occurrences.clear(),
  };
}

import type { BenchmarkProvider, BenchResult } from 'vitest';
import { functionSource } from '../engine/function-source.ts';
import { measureSources } from '../engine/measure.ts';
import type { MeasureOptions } from '../engine/options.ts';
import type { Measurement, SampleSource } from '../engine/types.ts';
import type { RatioInterval } from '../stats/ratio-interval.ts';
import { statisticsOf } from './statistics.ts';

/** A BenchResult from this provider: Vitest's fields plus the speedup over the first benchmark of the group. */
export interface SpeedupBenchResult extends BenchResult {
  /** Speedup over the group's baseline (its first registration); absent on the baseline itself. */
  readonly speedup?: RatioInterval;
  /** The baseline's name, on every result of the group. */
  readonly baseline: string;
}

/** What the provider leaves on `test.meta` for reporters: one entry per `bench.compare()`/`run()`. */
export interface SpeedupMeta {
  readonly groups: Measurement[];
}

type Hook = (this: unknown) => unknown;
interface RegistrationHooks {
  readonly beforeAll?: Hook;
  readonly afterAll?: Hook;
  readonly beforeEach?: Hook;
  readonly afterEach?: Hook;
}

/**
 * Vitest's run options are tinybench's (`time`, `warmupTime`, `iterations`); map the ones that
 * have a meaning here and pass our own engine options straight through.
 */
function measureOptionsFrom(options: Record<string, unknown> | undefined): MeasureOptions {
  const o = options ?? {};
  const mapped: Record<string, unknown> = {};
  if (typeof o.time === 'number') mapped.maxTimeMs = o.time;
  if (typeof o.warmupTime === 'number') mapped.warmupTimeMs = o.warmupTime;
  if (typeof o.iterations === 'number') mapped.minRounds = Math.max(3, o.iterations);
  for (const key of ['confidence', 'minRounds', 'maxRounds', 'maxTimeMs', 'warmupRounds', 'warmupTimeMs', 'minSampleMs', 'precision', 'outliers', 'seed']) {
    if (o[key] !== undefined) mapped[key] = o[key];
  }
  if (typeof mapped.minRounds === 'number' && typeof mapped.maxRounds !== 'number') mapped.maxRounds = Math.max(400, mapped.minRounds);
  return mapped as MeasureOptions;
}

/** Wraps a source so each sample runs the registration's beforeEach/afterEach around the timed calls. */
function withEachHooks(source: SampleSource, hooks: RegistrationHooks): SampleSource {
  if (!hooks.beforeEach && !hooks.afterEach) return source;
  const around = async <T>(inner: () => Promise<T>): Promise<T> => {
    await hooks.beforeEach?.call(undefined);
    try {
      return await inner();
    } finally {
      await hooks.afterEach?.call(undefined);
    }
  };
  return {
    name: source.name,
    get callsPerSample() {
      return source.callsPerSample;
    },
    warmup: () => around(() => source.warmup()),
    calibrate: () => source.calibrate(),
    sample: () => around(() => source.sample()),
  };
}

/**
 * The Vitest 5 benchmark provider (`benchmark.provider`) backed by the vitest-speedup engine:
 * every `bench.compare(a, b, ...)` runs its functions in randomized interleaved rounds with an
 * adaptive stop, and each result carries its speedup over the first function with an interval.
 * A single `bench(...).run()` is measured alone, until its mean is precise.
 */
const speedupProvider: BenchmarkProvider = {
  async run(group) {
    const retain = Boolean(group.config?.retainSamples);
    const options = measureOptionsFrom(group.options as Record<string, unknown> | undefined);
    const minSampleMs = options.minSampleMs ?? 1;
    const registrations = group.registrations;
    const hooks = registrations.map((r) => (r.fnOpts ?? {}) as RegistrationHooks);
    const sources = registrations.map((r, i) => withEachHooks(functionSource(r.name, r.fn as () => unknown, minSampleMs), hooks[i] as RegistrationHooks));

    for (const h of hooks) await h.beforeAll?.call(undefined);
    let measurement: Measurement;
    try {
      // A lone benchmark is compared with itself: the engine needs a pair, and the "speedup"
      // of a function over itself is dropped below.
      const only = registrations[0];
      const measured = sources.length === 1 && only ? [sources[0] as SampleSource, functionSource(`${only.name} (again)`, only.fn as () => unknown, minSampleMs)] : sources;
      measurement = await measureSources(measured, options);
    } finally {
      for (const h of hooks) await h.afterAll?.call(undefined);
    }

    const meta = group.test.meta as { vitestSpeedup?: SpeedupMeta };
    meta.vitestSpeedup = { groups: [...(meta.vitestSpeedup?.groups ?? []), measurement] };

    const sides = [measurement.baseline, ...measurement.candidates].slice(0, registrations.length);
    return sides.map((side): SpeedupBenchResult => {
      const latency = statisticsOf(side.samples, retain);
      const throughput = statisticsOf(side.samples.map((ms) => (ms > 0 ? 1000 / ms : 0)), retain);
      const comparison = measurement.comparisons.find((c) => c.candidate === side.name);
      return {
        name: side.name,
        state: 'completed',
        latency,
        throughput,
        period: latency.mean,
        totalTime: side.samples.reduce((a, b) => a + b, 0) * side.callsPerSample,
        runtime: 'node',
        runtimeVersion: process.versions.node,
        timestampProviderName: 'hrtimeNow',
        baseline: measurement.baseline.name,
        ...(comparison && registrations.length > 1 ? { speedup: comparison.interval } : {}),
      } as SpeedupBenchResult;
    });
  },
};

export default speedupProvider;

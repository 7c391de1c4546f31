import type { BenchResultLike } from './subjects.ts';
import type { Measurable } from '../engine/function-source.ts';
import type { SampleSource } from '../engine/types.ts';
import type { SpeedupMatcherOptions } from './options.ts';
import type { Threshold } from './thresholds.ts';
import type { ScalingMatcherOptions } from './scaling-matchers.ts';
import type { DurationBound } from './duration-matcher.ts';

/** What the speedup matchers compare: functions (paired, preferred), injected sample sources, or Vitest BenchResults. */
export type SpeedupSubject = Measurable | SampleSource | BenchResultLike;

declare module 'vitest' {
  // The type parameter names must be exactly R and T to merge with Vitest 5's declaration.
  // eslint-disable-next-line @typescript-eslint/no-unused-vars
  interface Matchers<R, T> {
    /**
     * Passes when `baseline time / received time` is at least `threshold`, with the whole
     * confidence interval above it. Async: always `await` it.
     *
     * @example
     * await expect(() => pool.run(jobs)).toHaveSpeedupAtLeast(() => runSequentially(jobs), 1.5);
     * await expect(pooled).toHaveSpeedupAtLeast(sequential, ceiling(0.85));
     */
    toHaveSpeedupAtLeast(baseline: SpeedupSubject, threshold: Threshold, options?: SpeedupMatcherOptions): Promise<void>;
    /**
     * Passes when the speedup over `baseline` is at most `threshold`, with the whole interval below it.
     *
     * @example
     * await expect(allAtOnce).toHaveSpeedupAtMost(sequential, 1.1); // CPU work: no real speedup
     */
    toHaveSpeedupAtMost(baseline: SpeedupSubject, threshold: Threshold, options?: SpeedupMatcherOptions): Promise<void>;
    /**
     * Passes when the speedup over `baseline` lies within `[lo, hi]`, the whole interval inside the band.
     *
     * @example
     * await expect(promiseAllCpu).toHaveSpeedupWithin(sequentialCpu, [0.9, 1.1]);
     */
    toHaveSpeedupWithin(baseline: SpeedupSubject, band: readonly [Threshold, Threshold], options?: SpeedupMatcherOptions): Promise<void>;
    /**
     * On a curve from `measureScaling`: every judged point (2 workers up to `upTo`, default the
     * effective cores; oversubscribed points are never judged) has efficiency (speedup / workers)
     * of at least `efficiency`, its whole interval above it.
     *
     * @example
     * const curve = await measureScaling((n) => () => pools[n].run(work), { minEfficiency: 0.7 });
     * await expect(curve).toScaleWithEfficiencyAtLeast(0.7);
     */
    toScaleWithEfficiencyAtLeast(efficiency: number, options?: ScalingMatcherOptions): Promise<void>;
    /**
     * On a curve from `measureScaling`: the Karp-Flatt serial fraction at the largest judged
     * worker count is at most `fraction`, its whole interval below it.
     *
     * @example
     * await expect(curve).toHaveSerialFractionAtMost(0.2);
     */
    toHaveSerialFractionAtMost(fraction: number, options?: ScalingMatcherOptions): Promise<void>;
    /**
     * The function's duration per call lies within `[lo, hi]` ms, the whole interval inside.
     * For work whose time a model predicts (I/O with injected latency), not for CPU work.
     *
     * @example
     * await expect(() => bounded(5).run(requests)).toHaveDurationWithin(modelBand(expectedDurationMs(model), 0.25, 'bounded(5)', ' ms'));
     */
    toHaveDurationWithin(band: readonly [DurationBound, DurationBound], options?: SpeedupMatcherOptions): Promise<void>;
  }
}

import { modelBand, type ModelThreshold } from '../matchers/thresholds.ts';
import { durationBreakdown, type LatencyModel } from './model.ts';

/**
 * A `toHaveSpeedupWithin` band around the latency model's predicted speedup of `candidate`
 * over `baseline`; the failure message shows both formulas next to the measurement.
 *
 * @example
 * const seq = { requests: 20, concurrency: 1, latency: 20, perRequestOverheadMs: o };
 * const all = { ...seq, concurrency: Infinity };
 * await expect(gathered).toHaveSpeedupWithin(oneByOne, speedupModelBand(seq, all, 0.25));
 */
export function speedupModelBand(baseline: LatencyModel, candidate: LatencyModel, tolerance: number): [ModelThreshold, ModelThreshold] {
  const b = durationBreakdown(baseline);
  const c = durationBreakdown(candidate);
  return modelBand(b.totalMs / c.totalMs, tolerance, `baseline ${b.formula}; candidate ${c.formula}`);
}

/**
 * A `toHaveDurationWithin` band around the latency model's predicted duration.
 *
 * @example
 * await expect(() => bounded(5).run(requests)).toHaveDurationWithin(durationModelBand({ requests: 20, concurrency: 5, latency: 20 }, 0.25));
 */
export function durationModelBand(model: LatencyModel, tolerance: number): [ModelThreshold, ModelThreshold] {
  const d = durationBreakdown(model);
  return modelBand(d.totalMs, tolerance, d.formula, ' ms');
}

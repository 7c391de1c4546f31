import { functionSource, type Measurable } from '../engine/function-source.ts';
import { measureSources } from '../engine/measure.ts';
import { describe, resolveMeasureOptions, type MeasureOptions } from '../engine/options.ts';
import type { Criterion, Measurement } from '../engine/types.ts';
import { getCpuLimits } from '../host/index.ts';
import type { RatioInterval } from '../stats/ratio-interval.ts';
import { amdahlFit, type AmdahlFit } from './amdahl.ts';
import { karpFlatt } from './karp-flatt.ts';

/** An estimate with a confidence interval, for derived quantities (efficiency, serial fraction). */
export interface Estimate {
  readonly estimate: number;
  readonly lower: number;
  readonly upper: number;
}

export interface ScalingCurvePoint {
  readonly workers: number;
  /** Speedup over the baseline (the 1-worker run unless a separate baseline was given). */
  readonly speedup: RatioInterval;
  /** Speedup / workers. */
  readonly efficiency: Estimate;
  /** Karp-Flatt experimentally determined serial fraction; null for 1 worker. */
  readonly karpFlatt: Estimate | null;
  /** More workers than effective cores: reported, never judged. */
  readonly oversubscribed: boolean;
  readonly medianMs: number;
}

/** A measured scaling curve: what the scaling matchers judge. */
export interface ScalingCurve {
  readonly kind: 'scaling-curve';
  readonly name: string;
  readonly baseline: string;
  readonly effectiveCores: number;
  readonly points: readonly ScalingCurvePoint[];
  /** Amdahl fit over the non-oversubscribed points (null without a point with > 1 worker). */
  readonly amdahl: AmdahlFit | null;
  /** Karp-Flatt serial fraction at the largest non-oversubscribed worker count, with its interval. */
  readonly serialFraction: Estimate | null;
  /** Efficiency the curve was measured against (adaptive stop), if any. */
  readonly minEfficiency: number | undefined;
  readonly measurement: Measurement;
}

export interface ScalingOptions extends MeasureOptions {
  /** Worker counts to measure. Default 1..effective cores. */
  readonly workers?: readonly number[];
  /** A separate baseline (e.g. a plain loop on the main thread) instead of the 1-worker run. */
  readonly baseline?: Measurable;
  /** Stop sampling once every judged point is known to reach (or miss) this efficiency. */
  readonly minEfficiency?: number;
  /** Override the effective core count (tests). Default: from the host facts. */
  readonly effectiveCores?: number;
  /** Curve name in reports. Default `scaling`. */
  readonly name?: string;
}

function divide(interval: RatioInterval, by: number): Estimate {
  return { estimate: interval.estimate / by, lower: interval.lower / by, upper: interval.upper / by };
}

function karpFlattInterval(speedup: RatioInterval, workers: number): Estimate {
  // Karp-Flatt falls as the speedup rises: the interval's ends swap.
  return { estimate: karpFlatt(speedup.estimate, workers), lower: karpFlatt(speedup.upper, workers), upper: karpFlatt(speedup.lower, workers) };
}

/**
 * Measures how the speedup grows with workers: every worker count is timed in the same
 * randomized interleaved rounds, so all points share the machine's state, and each gets a
 * speedup interval, an efficiency, and a Karp-Flatt serial fraction; an Amdahl fit summarises
 * the curve. Points beyond the effective core count are measured and reported as
 * oversubscribed, never judged.
 *
 * @param runWith - returns the function that runs the workload with `workers` workers (start
 *   pools beforehand: a warm pool measures the steady state).
 * @example
 * const curve = await measureScaling((n) => () => pools[n].run(workload), { workers: [1, 2] });
 * expect(curve).toScaleWithEfficiencyAtLeast(0.7);
 */
export async function measureScaling(runWith: (workers: number) => Measurable, options: ScalingOptions = {}): Promise<ScalingCurve> {
  if (typeof runWith !== 'function') throw new TypeError(`measureScaling: \`runWith\` must be a function (workers) => () => work, received ${describe(runWith)}.`);
  const { workers: requested, baseline, minEfficiency, effectiveCores: coresOverride, name = 'scaling', ...measureOptions } = options;
  const cores = coresOverride ?? getCpuLimits().effectiveCores;
  const workers = [...(requested ?? Array.from({ length: cores }, (_, i) => i + 1))];
  if (workers.length === 0 || workers.some((n) => !Number.isInteger(n) || n < 1)) {
    throw new RangeError(`measureScaling: option \`workers\` must list positive integers, received [${workers.join(', ')}]. For example [1, 2, 4].`);
  }
  if (new Set(workers).size !== workers.length) throw new RangeError(`measureScaling: option \`workers\` lists a count twice: [${workers.join(', ')}].`);
  workers.sort((a, b) => a - b);
  if (!baseline && workers[0] !== 1) {
    throw new RangeError(`measureScaling: without a \`baseline\`, speedups are relative to 1 worker, so \`workers\` must include 1, received [${workers.join(', ')}].`);
  }
  if (minEfficiency !== undefined && (typeof minEfficiency !== 'number' || !(minEfficiency > 0 && minEfficiency <= 1))) {
    throw new RangeError(`measureScaling: option \`minEfficiency\` must lie in (0, 1], received ${describe(minEfficiency)}.`);
  }
  const o = resolveMeasureOptions(measureOptions);
  const baselineName = baseline ? 'baseline' : label(1);
  const measured = baseline ? workers : workers.slice(1);
  const sources = [
    functionSource(baselineName, baseline ?? runWith(1), o.minSampleMs),
    ...measured.map((n) => functionSource(label(n), runWith(n), o.minSampleMs)),
  ];
  const criteria: Record<string, Criterion> = {};
  if (minEfficiency !== undefined) {
    for (const n of measured) if (n > 1 && n <= cores) criteria[label(n)] = { kind: 'atLeast', k: minEfficiency * n };
  }
  const measurement = await measureSources(sources, { ...measureOptions, seed: o.seed, criteria });

  return scalingCurveOf(measurement, { workers, effectiveCores: cores, name, minEfficiency, baseline: baselineName });
}


/** The source name of the run with `n` workers, as {@link measureScaling} and {@link scalingCurveOf} use it. */
export function workersLabel(n: number): string {
  return `${n} worker${n === 1 ? '' : 's'}`;
}
const label = workersLabel;

/**
 * Builds a scaling curve from a measurement whose sources are named by {@link workersLabel}
 * (the baseline first). Split from {@link measureScaling} so curves can be built from
 * synthetic samples in tests.
 */
export function scalingCurveOf(
  measurement: Measurement,
  context: { readonly workers: readonly number[]; readonly effectiveCores: number; readonly name: string; readonly minEfficiency: number | undefined; readonly baseline: string },
): ScalingCurve {
  const { workers, effectiveCores: cores, name, minEfficiency } = context;
  const baselineName = context.baseline;
  const unit: RatioInterval = { estimate: 1, lower: 1, upper: 1, level: 1, df: 0 };
  const points: ScalingCurvePoint[] = workers.map((n) => {
    const comparison = measurement.comparisons.find((c) => c.candidate === label(n));
    const speedup = comparison?.interval ?? unit;
    const side = comparison ? measurement.candidates.find((c) => c.name === label(n)) : measurement.baseline;
    return {
      workers: n,
      speedup,
      efficiency: divide(speedup, n),
      karpFlatt: n > 1 ? karpFlattInterval(speedup, n) : null,
      oversubscribed: n > cores,
      medianMs: side?.median ?? Number.NaN,
    };
  });
  const fitted = points.filter((p) => !p.oversubscribed);
  const amdahl = fitted.some((p) => p.workers > 1) ? amdahlFit(fitted.map((p) => ({ workers: p.workers, speedup: p.speedup.estimate }))) : null;
  const largest = [...fitted].reverse().find((p) => p.workers > 1);
  return {
    kind: 'scaling-curve',
    name,
    baseline: baselineName,
    effectiveCores: cores,
    points,
    amdahl,
    serialFraction: largest?.karpFlatt ?? null,
    minEfficiency,
    measurement,
  };
}

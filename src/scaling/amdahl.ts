/** One measured point of a scaling curve. */
export interface ScalingPoint {
  /** Number of workers (>= 1). */
  readonly workers: number;
  /** Measured speedup over one worker (> 0). */
  readonly speedup: number;
}

/** The serial fraction that best explains a scaling curve under Amdahl's law. */
export interface AmdahlFit {
  /** `f` in `S(n) = 1 / (f + (1 - f) / n)`, in [0, 1]. */
  readonly serialFraction: number;
  /** `1 - f`. */
  readonly parallelFraction: number;
  /** The limit `1 / f` of the speedup as workers grow (`Infinity` for `f = 0`). */
  readonly maxSpeedup: number;
  /** Root mean square of `measured - predicted` speedup over the points. */
  readonly rmse: number;
  /** The fitted curve: predicted speedup with `workers` workers. */
  readonly predict: (workers: number) => number;
}

/**
 * Amdahl's law: the speedup with `workers` workers of a job whose fraction `serialFraction`
 * cannot be parallelised, `1 / (f + (1 - f) / n)`.
 *
 * @example
 * ```ts
 * amdahlSpeedup(0.1, 4); // 3.0769...
 * ```
 */
export function amdahlSpeedup(serialFraction: number, workers: number): number {
  return 1 / (serialFraction + (1 - serialFraction) / workers);
}

function sse(points: readonly ScalingPoint[], f: number): number {
  let sum = 0;
  for (const { workers, speedup } of points) {
    const residual = speedup - amdahlSpeedup(f, workers);
    sum += residual * residual;
  }
  return sum;
}

const clamp = (f: number): number => Math.min(1, Math.max(0, f));

/** Gauss-Newton on the speedups, projected onto [0, 1]. */
function refine(points: readonly ScalingPoint[], seed: number): number {
  let f = clamp(seed);
  for (let iteration = 0; iteration < 200; iteration++) {
    let numerator = 0;
    let denominator = 0;
    for (const { workers: n, speedup } of points) {
      const d = 1 + f * (n - 1);
      const predicted = n / d;
      const slope = (-n * (n - 1)) / (d * d);
      numerator += slope * (speedup - predicted);
      denominator += slope * slope;
    }
    if (denominator === 0) break;
    const next = clamp(f + numerator / denominator);
    if (Math.abs(next - f) <= 1e-16) {
      f = next;
      break;
    }
    f = next;
  }
  return f;
}

/**
 * Fits Amdahl's law to measured speedups by least squares on the speedups themselves
 * (minimising the sum of `(measured - 1 / (f + (1 - f) / n))^2`), with the serial fraction `f`
 * constrained to [0, 1]. The search starts from the closed-form fit of the linearised law
 * `1/S = 1/n + f (1 - 1/n)` and from a coarse grid, refines both by Gauss-Newton and keeps the
 * best candidate including the bounds 0 and 1.
 *
 * @param points - At least one point with `workers > 1` (points with one worker carry no
 *   information about `f`: every `f` predicts a speedup of 1 there).
 * @throws TypeError / RangeError for malformed points, naming the offending one.
 * @example
 * ```ts
 * amdahlFit([{ workers: 2, speedup: 1.818 }, { workers: 4, speedup: 3.077 }]).serialFraction; // ~0.1
 * ```
 */
export function amdahlFit(points: readonly ScalingPoint[]): AmdahlFit {
  const where = 'amdahlFit(points)';
  if (!Array.isArray(points) || points.length === 0) {
    throw new TypeError(`${where}: points must be a non-empty array of { workers, speedup }, received ${Array.isArray(points) ? 'an empty array' : typeof points}.`);
  }
  points.forEach((point: ScalingPoint, i) => {
    if (typeof point !== 'object' || point === null) {
      throw new TypeError(`${where}: points[${i}] must be an object { workers, speedup }, received ${point === null ? 'null' : typeof point}.`);
    }
    if (typeof point.workers !== 'number' || !Number.isFinite(point.workers) || point.workers < 1) {
      throw new RangeError(`${where}: points[${i}].workers must be a finite number >= 1, received ${String(point.workers)}.`);
    }
    if (typeof point.speedup !== 'number' || !Number.isFinite(point.speedup) || point.speedup <= 0) {
      throw new RangeError(`${where}: points[${i}].speedup must be a positive finite number, received ${String(point.speedup)}.`);
    }
  });
  if (!points.some((point) => point.workers > 1)) {
    throw new RangeError(`${where}: at least one point needs workers > 1; with one worker every serial fraction predicts a speedup of 1.`);
  }

  // Linearised closed form: 1/S - 1/n = f (1 - 1/n).
  let numerator = 0;
  let denominator = 0;
  for (const { workers: n, speedup } of points) {
    const x = 1 - 1 / n;
    numerator += (1 / speedup - 1 / n) * x;
    denominator += x * x;
  }
  const linear = numerator / denominator;
  let gridBest = 0;
  for (let k = 1; k <= 100; k++) if (sse(points, k / 100) < sse(points, gridBest)) gridBest = k / 100;

  const candidates = [refine(points, linear), refine(points, gridBest), 0, 1];
  let serialFraction = candidates[0] as number;
  for (const candidate of candidates) if (sse(points, candidate) < sse(points, serialFraction)) serialFraction = candidate;

  return {
    serialFraction,
    parallelFraction: 1 - serialFraction,
    maxSpeedup: serialFraction === 0 ? Number.POSITIVE_INFINITY : 1 / serialFraction,
    rmse: Math.sqrt(sse(points, serialFraction) / points.length),
    predict: (workers: number) => amdahlSpeedup(serialFraction, workers),
  };
}

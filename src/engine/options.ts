/** Options of a measurement. Every field has a default; see {@link DEFAULT_MEASURE_OPTIONS}. */
export interface MeasureOptions {
  /** Overall confidence of the verdict, in (0.5, 1). Default 0.95. */
  readonly confidence?: number;
  /** Rounds before the first look at the interval. Default 8. */
  readonly minRounds?: number;
  /** Most rounds to measure. Default 400. */
  readonly maxRounds?: number;
  /** Wall-time budget of the whole measurement, warm-up included, in ms. Default 5000. */
  readonly maxTimeMs?: number;
  /** Fewest interleaved warm-up rounds. Default 1. */
  readonly warmupRounds?: number;
  /** Warm-up goes on at least this long, in ms (JIT tiers, caches, lazy pools). Default 100. */
  readonly warmupTimeMs?: number;
  /**
   * Calls are batched until one sample takes at least this long, in ms. Default 20: a sample
   * must span several scheduler time slices (a few ms each), or on a busy host a longer call is
   * preempted far more often than a shorter one and the ratio is biased.
   */
  readonly minSampleMs?: number;
  /** Without a criterion, stop once the interval's half-width is below this fraction of the estimate. Default 0.02. */
  readonly precision?: number;
  /** `exclude` (default) drops rounds whose log ratio is an outlier (modified z > 3.5); `keep` keeps them. */
  readonly outliers?: 'exclude' | 'keep';
  /** Seed of the interleaving order; random by default and reported in the result. */
  readonly seed?: number;
  /** Clock in ms, for tests that inject synthetic samples. Default `performance.now`. */
  readonly clock?: () => number;
}

export type ResolvedMeasureOptions = Required<Omit<MeasureOptions, 'seed'>> & { readonly seed: number };

/**
 * Defaults chosen from the verdict-accuracy study (`npm run calibrate`, table in the README).
 * With 1 ms samples the study saw confident false passes next to a CPU hog: a 3 ms call was
 * preempted almost every time, a 1 ms call rarely, so the ratio doubled. 20 ms samples span
 * many time slices and removed those errors; 8 rounds lets the outlier and drift checks work
 * before the first verdict; a 5 s budget decides clear ms-scale cases in well under a second
 * and leaves headroom in a 60 s test.
 */
export const DEFAULT_MEASURE_OPTIONS = {
  confidence: 0.95,
  minRounds: 8,
  maxRounds: 400,
  maxTimeMs: 5000,
  warmupRounds: 1,
  warmupTimeMs: 100,
  minSampleMs: 20,
  precision: 0.02,
  outliers: 'exclude',
} as const satisfies MeasureOptions;

function fail(option: string, received: unknown, rule: string, fix: string): never {
  const error = typeof received === 'number' ? RangeError : TypeError;
  throw new error(`vitest-speedup: option \`${option}\` ${rule}, received ${describe(received)}. ${fix}`);
}

export function describe(value: unknown): string {
  if (typeof value === 'string') return JSON.stringify(value);
  if (typeof value === 'function') return `a function`;
  if (value === null) return 'null';
  if (Array.isArray(value)) return `an array`;
  if (typeof value === 'object') return 'an object';
  return String(value);
}

function positiveInteger(name: string, value: unknown, fix: string): number {
  if (typeof value !== 'number' || !Number.isInteger(value) || value < 1) fail(name, value, 'must be a positive integer', fix);
  return value;
}

function positiveFinite(name: string, value: unknown, allowZero: boolean, fix: string): number {
  if (typeof value !== 'number' || !Number.isFinite(value) || value < 0 || (!allowZero && value === 0)) {
    fail(name, value, allowZero ? 'must be a finite number >= 0' : 'must be a finite number > 0', fix);
  }
  return value;
}

/** Validates options up front (a wrong option is a bug in the spec, not a slow machine) and fills in defaults. */
export function resolveMeasureOptions(options: MeasureOptions = {}): ResolvedMeasureOptions {
  if (typeof options !== 'object' || options === null) {
    throw new TypeError(`vitest-speedup: options must be an object, received ${describe(options)}.`);
  }
  const o = { ...DEFAULT_MEASURE_OPTIONS, ...stripUndefined(options) };
  if (typeof o.confidence !== 'number' || !(o.confidence > 0.5 && o.confidence < 1)) {
    fail('confidence', o.confidence, 'must lie strictly between 0.5 and 1', 'Use e.g. 0.95 or 0.99.');
  }
  const minRounds = positiveInteger('minRounds', o.minRounds, 'Use 8 or more.');
  if (minRounds < 3) fail('minRounds', minRounds, 'must be at least 3 (an interval needs a spread)', 'Use 8 or more.');
  const maxRounds = positiveInteger('maxRounds', o.maxRounds, 'Use e.g. 400.');
  if (maxRounds < minRounds) {
    throw new RangeError(`vitest-speedup: option \`maxRounds\` (${maxRounds}) must be >= \`minRounds\` (${minRounds}). Raise maxRounds or lower minRounds.`);
  }
  positiveFinite('maxTimeMs', o.maxTimeMs, false, 'Give the budget in milliseconds, e.g. 5000.');
  positiveInteger('warmupRounds', o.warmupRounds, 'Use 1 or more.');
  positiveFinite('warmupTimeMs', o.warmupTimeMs, true, 'Give it in milliseconds, e.g. 100, or 0 for no time-based warm-up.');
  positiveFinite('minSampleMs', o.minSampleMs, true, 'Give it in milliseconds, e.g. 20, or 0 to time every call on its own.');
  if (typeof o.precision !== 'number' || !(o.precision > 0 && o.precision < 1)) {
    fail('precision', o.precision, 'must lie strictly between 0 and 1', 'Use e.g. 0.02 for +-2%.');
  }
  if (o.outliers !== 'exclude' && o.outliers !== 'keep') fail('outliers', o.outliers, "must be 'exclude' or 'keep'", "Use 'exclude' (default) or 'keep'.");
  if (typeof o.clock !== 'undefined' && typeof o.clock !== 'function') fail('clock', o.clock, 'must be a function returning milliseconds', 'Omit it to use performance.now().');
  let seed: number;
  if (options.seed === undefined) seed = Math.floor(Math.random() * 2 ** 32);
  else {
    if (!Number.isInteger(options.seed) || options.seed < 0) fail('seed', options.seed, 'must be a non-negative integer', 'Omit it for a random seed.');
    seed = options.seed;
  }
  return {
    confidence: o.confidence,
    minRounds,
    maxRounds,
    maxTimeMs: o.maxTimeMs,
    warmupRounds: o.warmupRounds,
    warmupTimeMs: o.warmupTimeMs,
    minSampleMs: o.minSampleMs,
    precision: o.precision,
    outliers: o.outliers,
    clock: o.clock ?? (() => performance.now()),
    seed,
  };
}

function stripUndefined<T extends object>(value: T): Partial<T> {
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined)) as Partial<T>;
}

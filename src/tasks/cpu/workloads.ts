/**
 * The CPU workloads of the Python material, with a `scale` knob that shrinks them for tests.
 * At `scale: 1` (the default) they are the originals:
 *
 * | workload | Python | inputs |
 * |---|---|---|
 * | {@link sieveWorkload} | `sieve(n) for n in range(1000, 16000)` | 15,000 |
 * | {@link sieveSummaryWorkload} | the same, returning `(len(primes), primes[-1])` | 15,000 |
 * | {@link sumOfSquaresWorkload} | `sum(i * i for i in range(5_000_000 + x)) for x in range(20)` | 20 |
 * | {@link powSelfWorkload} | `i ** i for i in range(1_000_000, 1_000_016)` | 16 |
 */
import type { Workload } from '../../strategies/types.ts';
import type { SieveSummary } from './sieve.ts';
import { powSelfTask, sieveSummaryTask, sieveTask, sumOfSquaresTask } from './tasks.ts';

/** Options of the CPU workload factories. */
export interface CpuWorkloadOptions {
  /**
   * A number in (0, 1]: how much of the original work to keep (default 1). Each factory
   * documents what it shrinks.
   */
  readonly scale?: number;
}

const SIEVE_FROM = 1000;
const SIEVE_TO = 16_000;
const SUM_BASE = 5_000_000;
const SUM_INPUTS = 20;
const POW_BASE = 1_000_000;
const POW_INPUTS = 16;

function readScale(factory: string, options: CpuWorkloadOptions | undefined): number {
  const where = `${factory}(options)`;
  if (options !== undefined && (typeof options !== 'object' || options === null)) {
    throw new TypeError(`${where}: options must be an object, received ${String(options)}.`);
  }
  const scale = options?.scale ?? 1;
  const message =
    `${where}: options.scale must be a number in (0, 1], received ${typeof scale === 'string' ? JSON.stringify(scale) : String(scale)}. ` +
    'Use 1 (the default) for the original workload, or a fraction such as 0.01 to shrink it.';
  if (typeof scale !== 'number') throw new TypeError(message);
  if (!(scale > 0 && scale <= 1)) throw new RangeError(message);
  return scale;
}

function sieveInputs(scale: number): number[] {
  const span = SIEVE_TO - SIEVE_FROM;
  const count = Math.max(1, Math.round(span * scale));
  return Array.from({ length: count }, (_, k) => SIEVE_FROM + Math.floor((k * span) / count));
}

function scaledName(base: string, scale: number): string {
  return scale === 1 ? base : `${base} at scale ${scale}`;
}

/**
 * `sieve(n)` for every `n` in `range(1000, 16000)`.
 *
 * Scaling keeps the range and thins it out: `round(15000 x scale)` inputs (at least 1), evenly
 * spaced, `n_k = 1000 + floor(k x 15000 / count)`. The mix of small and large `n` and the work
 * per input stay as in the original; the total work shrinks in proportion to `scale`.
 *
 * @throws TypeError / RangeError for an invalid `options.scale`.
 * @example
 * ```ts
 * sieveWorkload().inputs.length;                // 15000
 * sieveWorkload({ scale: 0.01 }).inputs.length; // 150: 1000, 1100, ..., 15900
 * ```
 */
export function sieveWorkload(options?: CpuWorkloadOptions): Workload<number, Uint32Array> {
  const scale = readScale('sieveWorkload', options);
  return { name: scaledName('sieve over range(1000, 16000)', scale), task: sieveTask, inputs: sieveInputs(scale) };
}

/**
 * The inputs of {@link sieveWorkload} (scaled the same way) with the compact `sieveSummary`
 * task: the same sieving, but each result is `{ count, largest }` instead of the primes
 * (about 63 MB in all at scale 1). Compare a pool on both workloads to tell the compute speedup
 * from the cost of sending results back.
 *
 * @throws TypeError / RangeError for an invalid `options.scale`.
 * @example
 * ```ts
 * sieveSummaryWorkload({ scale: 0.01 }).inputs.length; // 150, as for sieveWorkload
 * ```
 */
export function sieveSummaryWorkload(options?: CpuWorkloadOptions): Workload<number, SieveSummary> {
  const scale = readScale('sieveSummaryWorkload', options);
  return { name: scaledName('sieve summary over range(1000, 16000)', scale), task: sieveSummaryTask, inputs: sieveInputs(scale) };
}

/**
 * `sumOfSquares(5_000_000 + x)` for `x` in `range(20)`.
 *
 * Scaling keeps the 20 inputs (so every worker count sees the same number of tasks) and
 * shrinks each: `n = round(5_000_000 x scale) + x`. Work is linear in `n`, so the total work
 * shrinks in proportion to `scale`.
 *
 * @throws TypeError / RangeError for an invalid `options.scale`.
 * @example
 * ```ts
 * sumOfSquaresWorkload({ scale: 0.01 }).inputs; // [50000, 50001, ..., 50019]
 * ```
 */
export function sumOfSquaresWorkload(options?: CpuWorkloadOptions): Workload<number, bigint> {
  const scale = readScale('sumOfSquaresWorkload', options);
  const base = Math.round(SUM_BASE * scale);
  const inputs = Array.from({ length: SUM_INPUTS }, (_, x) => base + x);
  return { name: scaledName('sumOfSquares(5_000_000 + x) for x in range(20)', scale), task: sumOfSquaresTask, inputs };
}

/**
 * `powSelf(i)` (`i ** i`) for `i` in `range(1_000_000, 1_000_016)`.
 *
 * Scaling keeps the 16 inputs and shrinks the base: `i = max(1, round(1_000_000 x scale)) + k`.
 * Big-integer exponentiation costs more than linearly in `i`, so the work shrinks faster than
 * `scale` (on this machine scale 0.1 is roughly 20x less work, 0.01 roughly 300x less).
 *
 * @throws TypeError / RangeError for an invalid `options.scale`.
 * @example
 * ```ts
 * powSelfWorkload({ scale: 0.001 }).inputs; // [1000, 1001, ..., 1015]
 * ```
 */
export function powSelfWorkload(options?: CpuWorkloadOptions): Workload<number, bigint> {
  const scale = readScale('powSelfWorkload', options);
  const base = Math.max(1, Math.round(POW_BASE * scale));
  const inputs = Array.from({ length: POW_INPUTS }, (_, k) => base + k);
  return { name: scaledName('powSelf(i) for i in range(1_000_000, 1_000_016)', scale), task: powSelfTask, inputs };
}

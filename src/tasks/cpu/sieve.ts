/** The largest limit {@link sieve} accepts: every prime must fit the returned `Uint32Array`. */
export const SIEVE_MAX_LIMIT = 0xffff_ffff;

// One flag buffer per thread, reused: allocating a fresh array for each of the workload's 15,000
// calls made two threads sieving at once slower than one (allocation and zeroing contend across
// threads), which capped pool speedups on the sieve.
let flags = new Uint8Array(0);

function checkLimit(n: number): void {
  if (!Number.isInteger(n) || n < 0 || n > SIEVE_MAX_LIMIT) {
    throw new RangeError(`sieve(n): n must be an integer in [0, ${SIEVE_MAX_LIMIT}], received ${String(n)}.`);
  }
}

/** Marks the odd composites up to `n` (`flags[k]` stands for `2k + 3`); returns how many flags are in use. */
function markComposites(n: number): number {
  // Unsigned shifts: n can exceed 2^31, where `>>` would turn negative.
  const size = (n - 1) >>> 1; // odd numbers 3..n
  if (flags.length < size) flags = new Uint8Array(Math.max(size, flags.length * 2));
  const composite = flags;
  composite.fill(0, 0, size);
  for (let k = 0; ; k++) {
    const p = 2 * k + 3;
    const square = p * p;
    if (square > n) break;
    if (composite[k] === 0) {
      for (let j = (square - 3) >>> 1; j < size; j += p) composite[j] = 1;
    }
  }
  return size;
}

/**
 * The primes up to and including `n`, by the sieve of Eratosthenes over a `Uint8Array` of
 * composite flags. This is the CPU-bound task of the Python material's `sieve(n)`, which the
 * original runs for every `n` in `range(1000, 16000)`.
 *
 * The flags cover odd numbers only (`composite[k]` stands for `2k + 3`), which halves memory
 * and work (about 3x faster than flagging every number, measured on the full workload); the
 * primes come back as a `Uint32Array` rather than a `number[]`, because worker pools copy
 * results between threads and processes and a typed array is copied as one block of memory.
 *
 * @param n - Upper limit (inclusive), an integer in `[0, 4294967295]`.
 * @returns The primes `<= n` in increasing order; `sieve(10)` is `[2, 3, 5, 7]`.
 * @throws RangeError if `n` is not an integer in range.
 * @example
 * ```ts
 * sieve(1000).length; // 168 = pi(1000)
 * ```
 */
export function sieve(n: number): Uint32Array {
  checkLimit(n);
  if (n < 2) return new Uint32Array(0);
  const size = markComposites(n);
  let count = 1;
  for (let k = 0; k < size; k++) if (flags[k] === 0) count++;
  // Counted first so the result is allocated once, at its exact size: structured clone copies a
  // typed array's whole buffer, so a view into a larger one would be copied whole.
  const primes = new Uint32Array(count);
  primes[0] = 2;
  let i = 1;
  for (let k = 0; k < size; k++) if (flags[k] === 0) primes[i++] = 2 * k + 3;
  return primes;
}

/** What {@link sieveSummary} returns: a few bytes instead of the whole list of primes. */
export interface SieveSummary {
  /** pi(n): how many primes are `<= n`. */
  readonly count: number;
  /** The largest prime `<= n`, or `null` when there is none (`n < 2`). */
  readonly largest: number | null;
}

/**
 * {@link sieve} with a compact result: the same sieving, but only the count and the largest
 * prime are collected and come back. Pools copy every result between threads
 * or processes; on the full workload (`sieve(n)` for `n` in 1000..15999) the faithful results
 * total about 63 MB, whose copying costs about as much as the sieving itself. Running both
 * variants on the same strategy separates the compute speedup from the data-transfer overhead
 * (which the Python original pays too: `multiprocessing` pickles the lists back).
 *
 * @param n - Upper limit (inclusive), as for {@link sieve}.
 * @throws RangeError if `n` is not an integer in range.
 * @example
 * ```ts
 * sieveSummary(1000); // { count: 168, largest: 997 }
 * ```
 */
export function sieveSummary(n: number): SieveSummary {
  checkLimit(n);
  if (n < 2) return { count: 0, largest: null };
  const size = markComposites(n);
  let count = 1;
  let largest = 2;
  for (let k = 0; k < size; k++) {
    if (flags[k] === 0) {
      count++;
      largest = 2 * k + 3;
    }
  }
  return { count, largest };
}

/**
 * The largest `n` {@link sumOfSquares} accepts. Below it every square `i * i` (i < 2^26) is
 * below 2^52, which the exactness argument in {@link sumOfSquares} relies on.
 */
export const SUM_OF_SQUARES_MAX_N = 2 ** 26;

/** Flush threshold: a running double below 2^52 plus a square below 2^52 stays below 2^53. */
const FLUSH_AT = 2 ** 52;

/**
 * The exact sum of `i * i` for `0 <= i < n`: the Python material's
 * `sum(i * i for i in range(n))`, run there for `n = 5_000_000 + x`.
 *
 * The loop stays the CPU work, as in the original, but Python's integers never overflow while
 * a JS number is exact only below 2^53 and the sums here reach ~4.2e19. So the loop adds into a
 * double and moves the partial sum into a bigint whenever it reaches 2^52. That is exact:
 * every square is an integer below 2^52 (i < 2^26), the partial sum before an addition is below
 * 2^52, so every intermediate value is an integer below 2^53 and representable. Checking the
 * closed form `n(n-1)(2n-1)/6` instead would remove the work the task exists to do.
 *
 * @param n - Number of terms, an integer in `[0, 2^26]`.
 * @returns The sum as a bigint (`sumOfSquares(4)` is `14n`).
 * @throws RangeError if `n` is not an integer in range.
 * @example
 * ```ts
 * sumOfSquares(5_000_000); // 41666654166667500000n
 * ```
 */
export function sumOfSquares(n: number): bigint {
  if (!Number.isInteger(n) || n < 0 || n > SUM_OF_SQUARES_MAX_N) {
    throw new RangeError(`sumOfSquares(n): n must be an integer in [0, ${SUM_OF_SQUARES_MAX_N}], received ${String(n)}.`);
  }
  let total = 0n;
  let partial = 0;
  for (let i = 0; i < n; i++) {
    partial += i * i;
    if (partial >= FLUSH_AT) {
      total += BigInt(partial);
      partial = 0;
    }
  }
  return total + BigInt(partial);
}

/**
 * The closed form `n(n-1)(2n-1)/6` of {@link sumOfSquares}, in bigint arithmetic: a cheap
 * reference to check results against (it does none of the CPU work).
 *
 * @param n - Number of terms, a non-negative integer.
 * @example
 * ```ts
 * sumOfSquaresClosedForm(5_000_000) === sumOfSquares(5_000_000); // true
 * ```
 */
export function sumOfSquaresClosedForm(n: number): bigint {
  if (!Number.isSafeInteger(n) || n < 0) {
    throw new RangeError(`sumOfSquaresClosedForm(n): n must be a non-negative safe integer, received ${String(n)}.`);
  }
  const b = BigInt(n);
  return (b * (b - 1n) * (2n * b - 1n)) / 6n;
}

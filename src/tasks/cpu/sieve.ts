/** The largest limit {@link sieve} accepts: every prime must fit the returned `Uint32Array`. */
export const SIEVE_MAX_LIMIT = 0xffff_ffff;

/**
 * The primes up to and including `n`, by the sieve of Eratosthenes over a `Uint8Array` of
 * composite flags. This is the CPU-bound task of the Python material's `sieve(n)`, which the
 * original runs for every `n` in `range(1000, 16000)`.
 *
 * The primes come back as a `Uint32Array` rather than a `number[]`: worker pools copy results
 * between threads and processes, and a typed array is copied as one block of memory instead of
 * element by element.
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
  if (!Number.isInteger(n) || n < 0 || n > SIEVE_MAX_LIMIT) {
    throw new RangeError(`sieve(n): n must be an integer in [0, ${SIEVE_MAX_LIMIT}], received ${String(n)}.`);
  }
  if (n < 2) return new Uint32Array(0);
  const composite = new Uint8Array(n + 1);
  for (let i = 2; i * i <= n; i++) {
    if (composite[i] === 0) {
      for (let j = i * i; j <= n; j += i) composite[j] = 1;
    }
  }
  let count = 0;
  for (let i = 2; i <= n; i++) if (composite[i] === 0) count++;
  const primes = new Uint32Array(count);
  let k = 0;
  for (let i = 2; i <= n; i++) if (composite[i] === 0) primes[k++] = i;
  return primes;
}

/**
 * `i ** i` as an exact bigint: the Python material's `i ** i` for `i` in
 * `range(1_000_000, 1_000_016)`, a task dominated by big-integer multiplication.
 * `powSelf(1_000_000)` has 6,000,001 decimal digits (19,931,569 bits) and takes roughly half a
 * second; converting such a result to a decimal string takes far longer than computing it, so
 * check sizes with {@link bitLength} rather than `toString()`.
 *
 * @param i - A non-negative safe integer.
 * @returns `BigInt(i) ** BigInt(i)` (`powSelf(0)` is `1n`, as in Python).
 * @throws RangeError if `i` is not a non-negative safe integer.
 * @example
 * ```ts
 * powSelf(10); // 10000000000n
 * ```
 */
export function powSelf(i: number): bigint {
  if (!Number.isSafeInteger(i) || i < 0) {
    throw new RangeError(`powSelf(i): i must be a non-negative safe integer, received ${String(i)}.`);
  }
  const b = BigInt(i);
  return b ** b;
}

/**
 * The number of bits of a non-negative bigint (0 for `0n`), in time linear in its size
 * (hexadecimal conversion needs no big-number division, unlike decimal).
 *
 * @example
 * ```ts
 * bitLength(powSelf(1_000_000)); // 19931569
 * ```
 */
export function bitLength(value: bigint): number {
  if (value < 0n) throw new RangeError(`bitLength(value): value must be non-negative, received ${value}.`);
  if (value === 0n) return 0;
  const hex = value.toString(16);
  return (hex.length - 1) * 4 + Number.parseInt(hex[0] as string, 16).toString(2).length;
}

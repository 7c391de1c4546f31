/**
 * Seeded, reproducible randomness for latency samples and mock data. A few lines instead of a
 * dependency: mulberry32 for the stream, FNV-1a to turn any list of seed parts (a number, a
 * route, a request path, an occurrence count) into its 32-bit seed.
 */

/** A source of uniformly distributed numbers in [0, 1). */
export type Rng = () => number;

/**
 * mulberry32: a tiny 32-bit PRNG, good enough for jitter and test data (not for cryptography).
 * The same seed always yields the same sequence.
 *
 * @example
 * const rng = mulberry32(42);
 * rng(); // 0.6011037519201636, on every machine
 */
export function mulberry32(seed: number): Rng {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
}

/**
 * Hashes seed parts (numbers and strings) into one 32-bit seed with FNV-1a. Parts are separated,
 * so `hashSeed('ab', 'c')` differs from `hashSeed('a', 'bc')`.
 */
export function hashSeed(...parts: readonly (string | number)[]): number {
  let hash = 0x811c9dc5;
  for (const part of parts) {
    const text = `${typeof part}:${String(part)}\u0000`;
    for (let i = 0; i < text.length; i++) {
      hash ^= text.charCodeAt(i);
      hash = Math.imul(hash, 0x01000193) >>> 0;
    }
  }
  return hash >>> 0;
}

/** A generator seeded from several parts, e.g. `seededRng(seed, 'latency', '/ip', 3)`. */
export function seededRng(...parts: readonly (string | number)[]): Rng {
  return mulberry32(hashSeed(...parts));
}

/**
 * `length` reproducible pseudo-random bytes for the given seed parts.
 *
 * @example
 * seededBytes(4, 1, 'bytes'); // the same 4 bytes on every call
 */
export function seededBytes(length: number, ...parts: readonly (string | number)[]): Uint8Array {
  if (!Number.isInteger(length) || length < 0) {
    throw new RangeError(`seededBytes(length): length must be an integer >= 0, received ${String(length)}`);
  }
  const rng = seededRng(...parts);
  const bytes = new Uint8Array(length);
  for (let i = 0; i < length; i++) bytes[i] = Math.floor(rng() * 256);
  return bytes;
}

/** A reproducible integer in [min, max] (both inclusive). */
export function seededInt(rng: Rng, min: number, max: number): number {
  return min + Math.floor(rng() * (max - min + 1));
}

import { describe, expect, it } from 'vitest';
import { sieve, sieveSummary } from '../../../src/tasks/cpu/sieve.ts';

describe('sieve', () => {
  it('returns the primes up to and including n as a Uint32Array', () => {
    expect(sieve(13)).toBeInstanceOf(Uint32Array);
    expect([...sieve(13)]).toEqual([2, 3, 5, 7, 11, 13]);
    expect([...sieve(30)]).toEqual([2, 3, 5, 7, 11, 13, 17, 19, 23, 29]);
  });

  it('matches the prime-counting function', () => {
    expect(sieve(1000).length).toBe(168);
    expect(sieve(10_000).length).toBe(1229);
    expect(sieve(100_000).length).toBe(9592);
    expect(sieve(15_999).at(-1)).toBe(15_991);
  });

  it('has no primes below 2', () => {
    expect(sieve(0).length).toBe(0);
    expect(sieve(1).length).toBe(0);
    expect([...sieve(2)]).toEqual([2]);
  });

  it('rejects limits that are not integers in range', () => {
    expect(() => sieve(-1)).toThrow(new RangeError('sieve(n): n must be an integer in [0, 4294967295], received -1.'));
    expect(() => sieve(2.5)).toThrow(new RangeError('sieve(n): n must be an integer in [0, 4294967295], received 2.5.'));
    expect(() => sieve(Number.NaN)).toThrow(RangeError);
  });
});

describe('sieve against trial division', () => {
  it('agrees for every n up to 2000', () => {
    const isPrime = (x: number): boolean => {
      if (x < 2) return false;
      for (let d = 2; d * d <= x; d++) if (x % d === 0) return false;
      return true;
    };
    const all = Array.from({ length: 2001 }, (_, x) => x).filter(isPrime);
    for (let n = 0; n <= 2000; n++) {
      const primes = sieve(n);
      expect(primes.length, `pi(${n})`).toBe(all.filter((p) => p <= n).length);
      if (n === 1999 || n === 2000) expect([...primes]).toEqual(all);
    }
  });

  it('returns a compact copy, not a view of a larger buffer', () => {
    const primes = sieve(10_000);
    expect(primes.byteOffset).toBe(0);
    expect(primes.buffer.byteLength).toBe(1229 * 4);
  });
});

describe('sieveSummary', () => {
  it('returns the count and the largest prime of sieve(n)', () => {
    expect(sieveSummary(1000)).toEqual({ count: 168, largest: 997 });
    expect(sieveSummary(15_999)).toEqual({ count: sieve(15_999).length, largest: 15_991 });
    expect(sieveSummary(2)).toEqual({ count: 1, largest: 2 });
    expect(sieveSummary(1)).toEqual({ count: 0, largest: null });
  });

  it('rejects what sieve rejects, with the same message', () => {
    expect(() => sieveSummary(-1)).toThrow(new RangeError('sieve(n): n must be an integer in [0, 4294967295], received -1.'));
  });
});

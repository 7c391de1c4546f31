import { describe, expect, it } from 'vitest';
import { sumOfSquares, sumOfSquaresClosedForm } from '../../../src/tasks/cpu/sum-of-squares.ts';

describe('sumOfSquares', () => {
  it('sums i * i for i < n', () => {
    expect(sumOfSquares(0)).toBe(0n);
    expect(sumOfSquares(1)).toBe(0n);
    expect(sumOfSquares(4)).toBe(14n);
  });

  it('is exact beyond 2^53, where a plain double loop is not', () => {
    // n(n-1)(2n-1)/6 for n = 5,000,019, the largest input of the original workload (~4.2e19),
    // as Python computes it.
    const n = 5_000_019;
    expect(sumOfSquares(n)).toBe(sumOfSquaresClosedForm(n));
    expect(sumOfSquares(n)).toBe(41_667_129_168_377_502_109n);
    let naive = 0;
    for (let i = 0; i < n; i++) naive += i * i;
    expect(BigInt(naive)).not.toBe(sumOfSquares(n));
  });

  it('agrees with the closed form across flush boundaries', () => {
    for (const n of [2, 3, 1000, 123_457, 1_000_000]) expect(sumOfSquares(n)).toBe(sumOfSquaresClosedForm(n));
  });

  it('rejects n outside [0, 2^26]', () => {
    expect(() => sumOfSquares(-1)).toThrow(new RangeError('sumOfSquares(n): n must be an integer in [0, 67108864], received -1.'));
    expect(() => sumOfSquares(2 ** 26 + 1)).toThrow(RangeError);
    expect(() => sumOfSquares(1.5)).toThrow(RangeError);
    expect(() => sumOfSquaresClosedForm(-2)).toThrow(
      new RangeError('sumOfSquaresClosedForm(n): n must be a non-negative safe integer, received -2.'),
    );
  });
});

import { describe, expect, it } from 'vitest';
import { studentTCdf, studentTQuantile } from '../../src/stats/student-t.ts';

describe('studentTQuantile', () => {
  // Reference values from scipy.stats.t.ppf(p, df) (the same as R qt).
  it.each([
    [0.975, 1, 12.706204736174698],
    [0.975, 5, 2.5705818356363146],
    [0.975, 9, 2.2621571628540993],
    [0.995, 30, 2.7499956535672259],
    [0.99875, 5, 5.6041654784981985],
    [0.995, 5, 4.032142983555228],
    [0.975, 1000, 1.9623390808264078],
  ])('qt(%d, df=%d) = %d', (p, df, expected) => {
    expect(studentTQuantile(p, df)).toBeCloseTo(expected, 8);
  });

  it('is symmetric around 0', () => {
    expect(studentTQuantile(0.025, 9)).toBeCloseTo(-2.2621571628540993, 8);
    expect(studentTQuantile(0.5, 3)).toBe(0);
  });

  it('inverts the CDF', () => {
    for (const df of [1, 2, 7, 40]) {
      for (const p of [0.6, 0.9, 0.999]) expect(studentTCdf(studentTQuantile(p, df), df)).toBeCloseTo(p, 10);
    }
  });

  it('rejects probabilities outside (0, 1) and non-positive df', () => {
    expect(() => studentTQuantile(1, 3)).toThrow(new RangeError('studentTQuantile: p must lie in (0, 1), received 1'));
    expect(() => studentTQuantile(0.9, 0)).toThrow(new RangeError('studentTQuantile: df must be positive, received 0'));
  });
});

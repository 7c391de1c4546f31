import { describe, expect, it } from 'vitest';
import { outlierIndices } from '../../src/stats/outliers.ts';
import { seededRandom, shuffled } from '../../src/stats/random.ts';
import { coefficientOfVariation, median, medianAbsoluteDeviation, quantile, standardDeviation } from '../../src/stats/summary.ts';

describe('summary statistics', () => {
  it('computes quantiles by linear interpolation (numpy default)', () => {
    expect(median([3, 1, 2, 10])).toBe(2.5);
    expect(quantile([1, 2, 3, 4, 5], 0.9)).toBeCloseTo(4.6, 12);
    expect(medianAbsoluteDeviation([1, 2, 3, 4, 100])).toBe(1);
    expect(standardDeviation([2, 4, 4, 4, 5, 5, 7, 9])).toBeCloseTo(2.1380899, 6);
    expect(coefficientOfVariation([0, 0])).toBe(0);
  });
});

describe('outlierIndices', () => {
  it('flags values with a modified z-score above 3.5', () => {
    const values = [1, 1.01, 0.99, 1.02, 0.98, 1, 1.01, 0.99, 3];
    expect(outlierIndices(values)).toEqual([8]);
  });

  it('flags nothing below 8 values or when the MAD is 0', () => {
    expect(outlierIndices([1, 1, 1, 1, 1, 5, 1])).toEqual([]);
    expect(outlierIndices([1, 1, 1, 1, 1, 1, 1, 1, 5])).toEqual([]);
  });
});

describe('seeded shuffling', () => {
  it('reproduces the same order from the same seed', () => {
    const a = shuffled([1, 2, 3, 4, 5, 6], seededRandom(42));
    const b = shuffled([1, 2, 3, 4, 5, 6], seededRandom(42));
    expect(a).toEqual(b);
    expect([...a].sort()).toEqual([1, 2, 3, 4, 5, 6]);
  });

  it('puts each side first about half the time', () => {
    const random = seededRandom(7);
    let first = 0;
    for (let i = 0; i < 2000; i++) if (shuffled(['a', 'b'], random)[0] === 'a') first++;
    expect(first).toBeGreaterThan(900);
    expect(first).toBeLessThan(1100);
  });
});

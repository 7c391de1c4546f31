import { describe, expect, it } from 'vitest';
import { statisticsOf } from '../../src/bench/statistics.ts';

describe('statisticsOf', () => {
  it('computes tinybench-compatible latency statistics', () => {
    const s = statisticsOf([4, 2, 3, 1, 5], true);
    expect(s).toMatchObject({ min: 1, max: 5, mean: 3, p50: 3, p75: 4, samplesCount: 5, df: 4, aad: 1.2, mad: 1 });
    expect(s.variance).toBeCloseTo(2.5, 12);
    expect(s.sd).toBeCloseTo(Math.sqrt(2.5), 12);
    expect(s.sem).toBeCloseTo(Math.sqrt(2.5 / 5), 12);
    expect(s.critical).toBeCloseTo(2.7764451051977987, 9);
    expect(s.rme).toBeCloseTo((100 * s.moe) / 3, 12);
    expect(s.samples).toEqual([1, 2, 3, 4, 5]);
  });

  it('drops the samples unless asked to retain them', () => {
    expect(statisticsOf([1, 2], false).samples).toBeUndefined();
  });
});

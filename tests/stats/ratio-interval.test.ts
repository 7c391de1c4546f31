import { describe, expect, it } from 'vitest';
import { pairedLogRatioInterval, unpairedRatioInterval } from '../../src/stats/ratio-interval.ts';
import { studentTQuantile } from '../../src/stats/student-t.ts';

describe('pairedLogRatioInterval', () => {
  it('gives the geometric mean ratio and an exact t-interval on the log scale', () => {
    // Ratios 2, 2.2, 1.8, 2.1, 1.9, 2.0 -> logs with known mean and sd.
    const ratios = [2, 2.2, 1.8, 2.1, 1.9, 2.0];
    const logs = ratios.map(Math.log);
    const m = logs.reduce((a, b) => a + b) / logs.length;
    const sd = Math.sqrt(logs.reduce((a, b) => a + (b - m) ** 2, 0) / (logs.length - 1));
    const t = studentTQuantile(0.975, 5);
    const interval = pairedLogRatioInterval(logs, 0.95);
    expect(interval.estimate).toBeCloseTo(1.99582, 5);
    expect(interval.lower).toBeCloseTo(Math.exp(m - (t * sd) / Math.sqrt(6)), 12);
    expect(interval.upper).toBeCloseTo(Math.exp(m + (t * sd) / Math.sqrt(6)), 12);
    expect(interval.lower).toBeCloseTo(1.85261, 5);
    expect(interval.upper).toBeCloseTo(2.15010, 5);
    expect(interval).toMatchObject({ level: 0.95, df: 5 });
  });

  it('is a point when every round agrees', () => {
    const interval = pairedLogRatioInterval(Array(8).fill(Math.log(3)), 0.99);
    expect(interval.estimate).toBeCloseTo(3, 12);
    expect(interval.lower).toBeCloseTo(3, 12);
    expect(interval.upper).toBeCloseTo(3, 12);
  });

  it('is symmetric in log space: swapping sides inverts the interval', () => {
    const logs = [0.1, 0.3, 0.2, 0.25, 0.15];
    const a = pairedLogRatioInterval(logs, 0.95);
    const b = pairedLogRatioInterval(logs.map((x) => -x), 0.95);
    expect(b.estimate).toBeCloseTo(1 / a.estimate, 12);
    expect(b.lower).toBeCloseTo(1 / a.upper, 12);
  });

  it('needs two rounds', () => {
    expect(() => pairedLogRatioInterval([0.1], 0.95)).toThrow('pairedLogRatioInterval: needs at least 2 rounds, received 1');
  });
});

describe('unpairedRatioInterval', () => {
  it('uses the delta method on the log scale with Welch degrees of freedom', () => {
    const interval = unpairedRatioInterval({ mean: 10, sd: 1, n: 50 }, { mean: 5, sd: 0.5, n: 50 }, 0.95);
    // Both sides have a 10% CV over 50 samples: var(log mean) = 0.01 / 50 each.
    const se = Math.sqrt(0.0002 + 0.0002);
    expect(interval.df).toBeCloseTo(98, 9);
    const t = studentTQuantile(0.975, 98);
    expect(interval.estimate).toBeCloseTo(2, 12);
    expect(interval.lower).toBeCloseTo(2 * Math.exp(-t * se), 12);
    expect(interval.upper).toBeCloseTo(2 * Math.exp(t * se), 12);
  });
});

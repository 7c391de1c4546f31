import { describe, expect, it } from 'vitest';
import { amdahlFit, amdahlSpeedup } from '../../src/scaling/amdahl.ts';
import type { ScalingPoint } from '../../src/scaling/amdahl.ts';

const ideal = (f: number, workers: number[]): ScalingPoint[] => workers.map((n) => ({ workers: n, speedup: amdahlSpeedup(f, n) }));

describe('amdahlSpeedup', () => {
  it('follows 1 / (f + (1 - f) / n)', () => {
    expect(amdahlSpeedup(0, 8)).toBe(8);
    expect(amdahlSpeedup(1, 8)).toBe(1);
    expect(amdahlSpeedup(0.5, 2)).toBeCloseTo(4 / 3, 15);
  });
});

describe('amdahlFit', () => {
  it.each([0.1, 0.02, 0.35, 0.9])('recovers f = %s from exact points', (f) => {
    const fit = amdahlFit(ideal(f, [1, 2, 4, 8, 16]));
    expect(Math.abs(fit.serialFraction - f)).toBeLessThan(1e-9);
    expect(fit.parallelFraction).toBeCloseTo(1 - f, 9);
    expect(fit.maxSpeedup).toBeCloseTo(1 / f, 6);
    expect(fit.rmse).toBeLessThan(1e-9);
    expect(fit.predict(32)).toBeCloseTo(amdahlSpeedup(f, 32), 6);
  });

  it('recovers f = 0.1 from a single point', () => {
    expect(Math.abs(amdahlFit([{ workers: 2, speedup: 1 / 0.55 }]).serialFraction - 0.1)).toBeLessThan(1e-9);
  });

  it('clamps to [0, 1]', () => {
    // Superlinear speedup: the best Amdahl curve is the ideal one.
    const superlinear = amdahlFit([{ workers: 2, speedup: 2.5 }, { workers: 4, speedup: 5 }]);
    expect(superlinear.serialFraction).toBe(0);
    expect(superlinear.maxSpeedup).toBe(Number.POSITIVE_INFINITY);
    // Slowdown: more workers made it slower than one.
    expect(amdahlFit([{ workers: 2, speedup: 0.5 }, { workers: 4, speedup: 0.4 }]).serialFraction).toBe(1);
  });

  it('minimises squared error on the speedups, not on their inverses', () => {
    const points = [{ workers: 2, speedup: 1.9 }, { workers: 4, speedup: 3.0 }, { workers: 8, speedup: 5.5 }];
    const fit = amdahlFit(points);
    const sse = (f: number) => points.reduce((sum, p) => sum + (p.speedup - amdahlSpeedup(f, p.workers)) ** 2, 0);
    for (const delta of [1e-6, -1e-6]) expect(sse(fit.serialFraction)).toBeLessThan(sse(fit.serialFraction + delta));
  });

  it('rejects unusable points naming the offender', () => {
    expect(() => amdahlFit([])).toThrow(
      new TypeError('amdahlFit(points): points must be a non-empty array of { workers, speedup }, received an empty array.'),
    );
    expect(() => amdahlFit([{ workers: 2, speedup: 1.8 }, { workers: 0, speedup: 1 }])).toThrow(
      new RangeError('amdahlFit(points): points[1].workers must be a finite number >= 1, received 0.'),
    );
    expect(() => amdahlFit([{ workers: 2, speedup: Number.NaN }])).toThrow(
      new RangeError('amdahlFit(points): points[0].speedup must be a positive finite number, received NaN.'),
    );
    expect(() => amdahlFit([{ workers: 1, speedup: 1 }])).toThrow(
      new RangeError('amdahlFit(points): at least one point needs workers > 1; with one worker every serial fraction predicts a speedup of 1.'),
    );
  });
});

import { describe, expect, it } from 'vitest';
import { amdahlSpeedup } from '../../src/scaling/amdahl.ts';
import { karpFlatt } from '../../src/scaling/karp-flatt.ts';

describe('karpFlatt', () => {
  it('equals the serial fraction when Amdahl holds exactly', () => {
    for (const n of [2, 4, 8, 64]) expect(karpFlatt(amdahlSpeedup(0.1, n), n)).toBeCloseTo(0.1, 12);
  });

  it('is 0 for a perfect speedup and 1 for none', () => {
    expect(karpFlatt(4, 4)).toBe(0);
    expect(karpFlatt(1, 4)).toBe(1);
    // (1/1.5 - 1/2) / (1 - 1/2) = 1/3
    expect(karpFlatt(1.5, 2)).toBeCloseTo(1 / 3, 15);
  });

  it('rejects one worker and non-positive speedups', () => {
    expect(() => karpFlatt(1, 1)).toThrow(
      new RangeError('karpFlatt(speedup, workers): workers must be a finite number > 1, received 1. The Karp-Flatt metric is undefined for one worker.'),
    );
    expect(() => karpFlatt(0, 2)).toThrow(
      new RangeError('karpFlatt(speedup, workers): speedup must be a positive finite number, received 0.'),
    );
  });
});

import { describe, expect, it } from 'vitest';
import { fixed, isLatencyProfile, logNormal, uniform, Z_P99 } from '../../../src/io/latency/profiles.ts';
import { mulberry32 } from '../../../src/io/latency/prng.ts';

function samples(profile: { sample: (rng: () => number) => number }, n: number, seed = 1): number[] {
  const rng = mulberry32(seed);
  return Array.from({ length: n }, () => profile.sample(rng));
}

function quantile(values: number[], q: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(q * (sorted.length - 1))] as number;
}

describe('fixed', () => {
  it('always samples the same value', () => {
    const profile = fixed(20);
    expect(samples(profile, 5)).toEqual([20, 20, 20, 20, 20]);
    expect(profile).toMatchObject({ kind: 'fixed', medianMs: 20, meanMs: 20, fixedMs: 20, description: 'fixed(20 ms)' });
    expect(fixed(0).fixedMs).toBe(0);
  });

  it.each([-1, Number.NaN, Number.POSITIVE_INFINITY])('rejects %s', (ms) => {
    expect(() => fixed(ms)).toThrow(new RangeError(`fixed(ms): ms must be a finite number of milliseconds >= 0, received ${ms}`));
  });
});

describe('uniform', () => {
  it('samples within [min, max] with mean and median in the middle', () => {
    const profile = uniform({ minMs: 10, maxMs: 30 });
    const values = samples(profile, 10_000);
    expect(Math.min(...values)).toBeGreaterThanOrEqual(10);
    expect(Math.max(...values)).toBeLessThanOrEqual(30);
    expect(profile.meanMs).toBe(20);
    expect(profile.medianMs).toBe(20);
    expect(profile.fixedMs).toBeUndefined();
    expect(values.reduce((a, b) => a + b) / values.length).toBeCloseTo(20, 0);
    expect(profile.description).toBe('uniform(10 ms..30 ms)');
  });

  it('is reproducible under a seed', () => {
    const profile = uniform({ minMs: 0, maxMs: 100 });
    expect(samples(profile, 10, 9)).toEqual(samples(profile, 10, 9));
  });

  it('names the option it rejects', () => {
    expect(() => uniform({ minMs: 30, maxMs: 10 })).toThrow(new RangeError('uniform(options): maxMs (10) must be >= minMs (30)'));
    expect(() => uniform({ minMs: -5, maxMs: 10 })).toThrow(
      new RangeError('uniform(options): minMs must be a finite number of milliseconds >= 0, received -5'),
    );
    expect(() => uniform({ minMs: 5, maxMs: Number.NaN })).toThrow(/maxMs must be a finite number/);
  });
});

describe('logNormal', () => {
  it('has the requested median and p99', () => {
    const profile = logNormal({ medianMs: 20, p99Ms: 80 });
    const values = samples(profile, 50_000, 4);
    expect(quantile(values, 0.5)).toBeCloseTo(20, 0);
    expect(Math.abs(quantile(values, 0.99) - 80) / 80).toBeLessThan(0.06);
    expect(Math.min(...values)).toBeGreaterThan(0);
  });

  it('reports the analytic mean median × exp(sigma²/2)', () => {
    const profile = logNormal({ medianMs: 20, p99Ms: 80 });
    const sigma = Math.log(4) / Z_P99;
    expect(profile.meanMs).toBeCloseTo(20 * Math.exp((sigma * sigma) / 2), 10);
    expect(profile.meanMs).toBeCloseTo(23.886, 3);
    expect(profile.description).toBe('logNormal(median 20 ms, p99 80 ms)');
  });

  it('degenerates to a constant when p99 equals the median', () => {
    const profile = logNormal({ medianMs: 15, p99Ms: 15 });
    expect(samples(profile, 3).map((v) => Math.round(v * 1e9) / 1e9)).toEqual([15, 15, 15]);
  });

  it('names the option it rejects', () => {
    expect(() => logNormal({ medianMs: 20, p99Ms: 10 })).toThrow(new RangeError('logNormal(options): p99Ms (10) must be >= medianMs (20)'));
    expect(() => logNormal({ medianMs: 0, p99Ms: 10 })).toThrow(/medianMs must be > 0/);
    expect(() => logNormal({ medianMs: -1, p99Ms: 10 })).toThrow(
      new RangeError('logNormal(options): medianMs must be a finite number of milliseconds >= 0, received -1'),
    );
  });
});

describe('isLatencyProfile', () => {
  it('recognises profiles only', () => {
    expect(isLatencyProfile(fixed(1))).toBe(true);
    expect(isLatencyProfile({ latency: fixed(1) })).toBe(false);
    expect(isLatencyProfile(null)).toBe(false);
  });
});

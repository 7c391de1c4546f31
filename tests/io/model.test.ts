import { describe, expect, it } from 'vitest';
import { fixed, logNormal, uniform } from '../../src/io/latency/profiles.ts';
import { durationBreakdown, expectedDurationMs, expectedSpeedup, modelLatencyMs } from '../../src/io/model.ts';

describe('expectedDurationMs: ceil(N/c) × L + N × o + s', () => {
  it('sequential: N waves', () => {
    expect(expectedDurationMs({ requests: 100, concurrency: 1, latency: 150 })).toBe(15_000);
    expect(expectedDurationMs({ requests: 100, concurrency: 1, latency: 150, perRequestOverheadMs: 1 })).toBe(15_100);
  });

  it('fully concurrent: one wave plus the serial overhead', () => {
    expect(expectedDurationMs({ requests: 100, concurrency: Infinity, latency: 150, perRequestOverheadMs: 1 })).toBe(250);
    expect(expectedDurationMs({ requests: 100, concurrency: 100, latency: 150 })).toBe(150);
    expect(expectedDurationMs({ requests: 100, concurrency: 1000, latency: 150 })).toBe(150);
  });

  it('bounded: ceil(N/c) waves', () => {
    expect(expectedDurationMs({ requests: 20, concurrency: 5, latency: 20, perRequestOverheadMs: 1 })).toBe(100);
    expect(expectedDurationMs({ requests: 21, concurrency: 5, latency: 20 })).toBe(100);
    expect(expectedDurationMs({ requests: 10, concurrency: 3, latency: 10, serialOverheadMs: 7 })).toBe(47);
  });

  it('takes the mean (default) or median of a profile', () => {
    const profile = logNormal({ medianMs: 20, p99Ms: 80 });
    expect(expectedDurationMs({ requests: 10, concurrency: 1, latency: profile })).toBeCloseTo(10 * profile.meanMs, 10);
    expect(expectedDurationMs({ requests: 10, concurrency: 1, latency: profile, statistic: 'median' })).toBe(200);
    expect(modelLatencyMs(uniform({ minMs: 10, maxMs: 30 }))).toBe(20);
    expect(modelLatencyMs(fixed(7), 'median')).toBe(7);
  });

  it('is zero for no requests', () => {
    expect(expectedDurationMs({ requests: 0, concurrency: 1, latency: 150, serialOverheadMs: 3 })).toBe(3);
  });

  it('explains itself', () => {
    expect(durationBreakdown({ requests: 20, concurrency: 5, latency: 20, perRequestOverheadMs: 1 })).toEqual({
      waves: 4,
      latencyMs: 20,
      waitingMs: 80,
      perRequestOverheadMs: 20,
      serialOverheadMs: 0,
      totalMs: 100,
      formula: 'ceil(20/5) × 20 ms + 20 × 1 ms + 0 ms = 100 ms',
    });
    expect(durationBreakdown({ requests: 100, concurrency: Infinity, latency: 150, perRequestOverheadMs: 0.85 }).formula).toBe(
      'ceil(100/∞) × 150 ms + 100 × 0.85 ms + 0 ms = 235 ms',
    );
  });

  it('names the option it rejects', () => {
    expect(() => expectedDurationMs({ requests: 1.5, concurrency: 1, latency: 1 })).toThrow(
      new RangeError('expectedDurationMs(model): requests must be an integer >= 0, received 1.5'),
    );
    expect(() => expectedDurationMs({ requests: 1, concurrency: 0, latency: 1 })).toThrow(
      new RangeError('expectedDurationMs(model): concurrency must be a positive integer or Infinity, received 0'),
    );
    expect(() => expectedDurationMs({ requests: 1, concurrency: 1, latency: -1 })).toThrow(
      new RangeError('expectedDurationMs(model): latency must be a finite number >= 0, received -1'),
    );
    expect(() => expectedDurationMs({ requests: 1, concurrency: 1, latency: 1, perRequestOverheadMs: Number.NaN })).toThrow(
      new RangeError('expectedDurationMs(model): perRequestOverheadMs must be a finite number >= 0, received NaN'),
    );
  });
});

describe('expectedSpeedup', () => {
  it('divides the baseline by the candidate', () => {
    const seq = { requests: 100, concurrency: 1, latency: 150, perRequestOverheadMs: 1 };
    expect(expectedSpeedup(seq, { ...seq, concurrency: Infinity })).toBeCloseTo(60.4, 10);
    expect(expectedSpeedup({ ...seq, perRequestOverheadMs: 0 }, { ...seq, perRequestOverheadMs: 0, concurrency: Infinity })).toBe(100);
    expect(expectedSpeedup({ requests: 20, concurrency: 1, latency: 20 }, { requests: 20, concurrency: 5, latency: 20 })).toBe(5);
    expect(expectedSpeedup(400, 100)).toBe(4);
  });

  it('rejects a zero-length candidate', () => {
    expect(() => expectedSpeedup(100, { requests: 0, concurrency: 1, latency: 1 })).toThrow(
      new RangeError("expectedSpeedup(baseline, candidate): the candidate's duration must be > 0, received 0"),
    );
  });
});

import { describe, expect, it } from 'vitest';
import { measureTimerResolution } from '../../src/host/timer.ts';

describe('measureTimerResolution', () => {
  it('reports a positive whole number of nanoseconds', () => {
    const resolution = measureTimerResolution();
    expect(Number.isInteger(resolution)).toBe(true);
    expect(resolution).toBeGreaterThan(0);
  });

  it('finds a step no coarser with more samples, within scheduling noise', () => {
    // More samples can only find an equal or smaller minimum step than a handful of reads,
    // give or take scheduling: compare against a generous multiple rather than exact values.
    const few = measureTimerResolution(50);
    const many = measureTimerResolution(50_000);
    expect(many).toBeLessThanOrEqual(few * 10);
  });
});

// Real waits: the duration of Atomics.wait(ms) is the model (plus ~0.1-0.3 ms of wake-up), so a
// 25% band is far wider than anything this test can be off by.
import { describe, expect, it } from 'vitest';
import { failureOf } from '../helpers/failure.ts';
import { twoCoreHost } from '../../fixtures/hosts/two-cores.ts';
import { modelBand } from '../../src/matchers/thresholds.ts';

const cell = new Int32Array(new SharedArrayBuffer(4));
const block = (ms: number) => Atomics.wait(cell, 0, 0, ms);

describe('toHaveDurationWithin', () => {
  it('passes when the measured duration lies in the band, and .not when it does not', async () => {
    await expect(function wait25() { block(25); }).toHaveDurationWithin(modelBand(25, 0.25, 'Atomics.wait(25)', ' ms'));
    await expect(function wait5() { block(5); }).not.toHaveDurationWithin([20, 30]);
  });

  it('fails with the model next to the measurement', async () => {
    const message = await failureOf(expect(function wait5() { block(5); }).toHaveDurationWithin(modelBand(25, 0.2, 'Atomics.wait(25)', ' ms'), { host: twoCoreHost }));
    const lines = message.split('\n');
    expect(lines[0]).toBe('expect(received).toHaveDurationWithin(band)');
    expect(lines[2]).toMatch(/^Expected wait5 to take within \[20\.0 ms, 30\.0 ms\] per call, but measured 5\.\d\d ms \[5\.\d\d ms, 5\.\d\d ms\] \(95% CI\)\.$/);
    expect(lines[4]).toBe('Expected: within [20.0 ms, 30.0 ms] (model 25.0 ms +-20%: Atomics.wait(25))');
  });

  it('rejects bad input', async () => {
    await expect(expect(42).toHaveDurationWithin([1, 2])).rejects.toThrow(new TypeError('toHaveDurationWithin: expect(value) must be a function to measure (sync or async), received 42.'));
    await expect(expect(() => {}).toHaveDurationWithin([3, 2])).rejects.toThrow(new RangeError('toHaveDurationWithin: `band` [3, 2] is empty because lo > hi. Pass [lo, hi] with lo <= hi.'));
    await expect(expect(() => {}).toHaveDurationWithin([0, 2])).rejects.toThrow(new RangeError('toHaveDurationWithin: `band[0]` must be a duration in ms > 0 or a modelBand(...) end, received 0.'));
  });
});

import { Worker } from 'node:worker_threads';
import { describe, expect, it } from 'vitest';
import { measureParallelCeiling } from '../../src/host/ceiling.ts';

/**
 * Worker threads are not listed by process.getActiveResourcesInfo() (checked on Node 24: a live
 * Worker adds nothing there), but the diagnostic report lists every live worker of this thread.
 */
function liveWorkers(): number {
  const report = process.report.getReport() as { workers?: unknown[] };
  return report.workers?.length ?? 0;
}

// Short rounds: these tests check the wiring, not the accuracy of the measurement, and the unit
// project shares the cores with other test files.
const options = { maxWorkers: 2, workMs: 20, repeats: 3 };

describe('measureParallelCeiling', () => {
  it('can see a live worker (so the leak check below is not vacuous)', async () => {
    const before = liveWorkers();
    const worker = new Worker('setInterval(() => {}, 1000)', { eval: true });
    await new Promise((resolve) => worker.once('online', resolve));
    expect(liveWorkers()).toBe(before + 1);
    await worker.terminate();
    expect(liveWorkers()).toBe(before);
  });

  it('measures 1 and 2 workers and leaves no worker running', async () => {
    const before = liveWorkers();
    const result = await measureParallelCeiling({ ...options, fresh: true });

    expect(result.points.map((point) => point.workers)).toEqual([1, 2]);
    expect(result.points[0]?.speedup).toBe(1); // by definition: n * T(1) / T(n) with n = 1
    for (const point of result.points) {
      expect(point.speedup).toBeGreaterThan(0);
      expect(point.medianMs).toBeGreaterThan(0);
    }
    // Broad sanity only: the cores may be busy with other test files.
    expect(result.ceiling).toBeGreaterThanOrEqual(0.5);
    expect(result.ceiling).toBeLessThanOrEqual(2 * 1.5);
    expect(result.ceiling).toBe(Math.max(...result.points.map((point) => point.speedup)));
    expect(result.points.find((point) => point.workers === result.bestWorkers)?.speedup).toBe(result.ceiling);
    expect(result.durationMs).toBeGreaterThan(0);
    expect(new Date(result.measuredAt).toISOString()).toBe(result.measuredAt);
    expect(result.workMs).toBe(20);

    expect(liveWorkers()).toBe(before);
  });

  it('caches the result per process and options; `fresh` measures again', async () => {
    const first = await measureParallelCeiling(options);
    const second = await measureParallelCeiling({ ...options });
    expect(second).toBe(first);

    const fresh = await measureParallelCeiling({ ...options, fresh: true });
    expect(fresh).not.toBe(first);
    // The fresh result replaces the cached one.
    expect(await measureParallelCeiling(options)).toBe(fresh);
    // Different options are a different measurement.
    const single = await measureParallelCeiling({ ...options, maxWorkers: 1 });
    expect(single.points).toEqual([{ workers: 1, speedup: 1, medianMs: expect.any(Number) }]);
    expect(single.bestWorkers).toBe(1);
  });

  it('rejects invalid options with a TypeError', async () => {
    await expect(measureParallelCeiling({ maxWorkers: 0 })).rejects.toThrow(
      new TypeError('`measureParallelCeiling`: options.maxWorkers must be a positive integer, received 0.'),
    );
    await expect(measureParallelCeiling({ workMs: -1 })).rejects.toThrow(
      new TypeError('`measureParallelCeiling`: options.workMs must be a positive number of milliseconds, received -1.'),
    );
    await expect(measureParallelCeiling({ repeats: 1.5 })).rejects.toThrow(
      new TypeError('`measureParallelCeiling`: options.repeats must be a positive integer, received 1.5.'),
    );
  });
});

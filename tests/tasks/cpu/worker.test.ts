import { isMainThread, threadId } from 'node:worker_threads';
import { describe, expect, it } from 'vitest';
import { monotonicNow } from '../../../src/strategies/monotonic.ts';
import { cpuWorkerModule } from '../../../src/tasks/cpu/tasks.ts';
import * as worker from '../../../src/tasks/cpu/worker.ts';

const ownLane = isMainThread ? `pid:${process.pid}` : `thread:${threadId}`;

describe('CPU worker module', () => {
  it('exports the tasks by name and the chunk runner', () => {
    expect(Object.keys(worker).sort()).toEqual(['lane', 'ping', 'powSelf', 'runChunk', 'sieve', 'sieveSummary', 'sumOfSquares']);
    expect(worker.lane).toBe(ownLane);
  });

  it('runs a named task over a chunk with one timeline entry per input, on the monotonic clock', async () => {
    const before = monotonicNow();
    const response = await worker.runChunk({ module: cpuWorkerModule, exportName: 'sieve', offset: 7, inputs: [10, 1000, 10_000] });
    const after = monotonicNow();
    expect(response.ok).toBe(true);
    if (!response.ok) return;
    expect(response.results.map((primes) => (primes as Uint32Array).length)).toEqual([4, 168, 1229]);
    expect(response.entries.map((entry) => entry.index)).toEqual([7, 8, 9]);
    for (const entry of response.entries) {
      expect(entry.lane).toBe(ownLane);
      expect(entry.start).toBeGreaterThanOrEqual(before);
      expect(entry.end).toBeGreaterThanOrEqual(entry.start);
      expect(entry.end).toBeLessThanOrEqual(after);
    }
  });

  it('reports a throwing task with the index of the failing input instead of rejecting', async () => {
    const response = await worker.runChunk({ module: cpuWorkerModule, exportName: 'sieve', offset: 3, inputs: [10, -1, 20] });
    expect(response).toMatchObject({
      ok: false,
      index: 4,
      error: { name: 'RangeError', message: 'sieve(n): n must be an integer in [0, 4294967295], received -1.' },
    });
    expect(response.entries).toHaveLength(1);
  });

  it('reports a missing export with the fix', async () => {
    const response = await worker.runChunk({ module: cpuWorkerModule, exportName: 'nope', offset: 0, inputs: [1] });
    expect(response).toMatchObject({
      ok: false,
      index: 0,
      error: {
        name: 'TypeError',
        message: `Task module ${cpuWorkerModule} does not export a function named "nope". Export it (export function nope(input) { ... }) or fix task.exportName.`,
      },
    });
  });
});

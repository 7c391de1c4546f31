// Real timing, judged by the library's own matchers against model-derived thresholds with
// wide margins. Runs in the `timing` project: one file at a time, after the unit tests.
import { describe, expect, it } from 'vitest';
import { concurrent, sequential } from '../../src/strategies/main-thread.ts';

const cell = new Int32Array(new SharedArrayBuffer(4));
/** Sleeps the thread for `ms` without spinning: the cost is wake-up latency, not CPU. */
const block = (ms: number) => Atomics.wait(cell, 0, 0, ms);

/** Integer work proportional to `units`; the result is returned so it cannot be dropped. */
function crunch(units: number): number {
  let x = 0;
  for (let i = 0; i < units * 20_000; i++) x = (x + i * i) % 1_000_003;
  return x;
}

describe('the engine on real work', () => {
  it('sees a 4 ms wait as about 4x slower than a 1 ms wait', async () => {
    // Model: 4 ms / (1 ms + wake-up latency of up to ~0.3 ms) is 3.1x..4x.
    await expect(function oneMs() { block(1); }).toHaveSpeedupAtLeast(function fourMs() { block(4); }, 2.5);
    await expect(function oneMs() { block(1); }).toHaveSpeedupAtMost(function fourMs() { block(4); }, 5);
  });

  it('sees three times the CPU work as about 3x slower', async () => {
    // Model: the loop is linear in its work, so 3x; the band allows for call overhead and noise.
    await expect(function once() { return crunch(20); }).toHaveSpeedupWithin(function thrice() { return crunch(60); }, [2.2, 4]);
  });

  it('sees no speedup from Promise.all on CPU work (the asyncio.gather lesson)', async () => {
    const workload = { name: 'crunch', task: { name: 'crunch', run: crunch }, inputs: [5, 5, 5, 5, 5, 5] };
    const all = concurrent();
    const loop = sequential();
    // Model: one thread does the same work either way, so 1.0x; [0.8, 1.25] leaves room for scheduling overhead.
    await expect(function promiseAll() { return all.run(workload); }).toHaveSpeedupWithin(function forLoop() { return loop.run(workload); }, [0.8, 1.25]);
  });
});

// Lesson 3: Promise.all does not make CPU work faster. Every task still runs on the one main
// thread, one after the other; "concurrent" only changes the order of the awaits.
// Python: asyncio.gather over CPU-bound coroutines (the GIL aside, one event loop, one core).
import { expect, test } from 'vitest';
import { concurrent, sequential, sumOfSquaresWorkload } from '../../../src/index.ts';

// sumOfSquares(500_000 + x) for x in range(20): ~25 ms per run, all of it arithmetic.
const workload = sumOfSquaresWorkload({ scale: 0.1 });
const all = concurrent();
const loop = sequential();

test('Promise.all over CPU tasks is neither faster nor slower than a for loop', async () => {
  const promiseAll = () => all.run(workload);
  const forLoop = () => loop.run(workload);
  // Model: the same work on the same thread, so 1.00x; the only extra cost of Promise.all is
  // 20 pending promises (microseconds against ~25 ms). Both sides share every disturbance in a
  // round, so the interval is narrow; [0.8, 1.2] is the "no speedup" band: a real parallel
  // speedup on 2 cores would be far above it, a per-task overhead as large as the work far below.
  // Nothing here is CPU-parallel, so the band holds on one core too: no host-relative threshold.
  // A quiet host decides in under a second; other jobs' time slices land on single rounds and
  // widen the interval, so the budget is twice the default before it is called inconclusive.
  await expect(promiseAll).toHaveSpeedupWithin(forLoop, [0.8, 1.2], { maxTimeMs: 10_000, onInconclusive: 'skip' });
});

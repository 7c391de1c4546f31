// Lesson 2: submitting one task per item pays a message round trip to the worker per item;
// on many small tasks that overhead outweighs the work, and chunks pay it once per chunk.
// Python: ProcessPoolExecutor.submit per item vs Pool.map(chunksize=...).
import { afterAll, beforeAll, expect, test } from 'vitest';
import { cpuWorkerModule, piscinaChunked, piscinaPerItem, sieveSummaryWorkload } from '../../../src/index.ts';

// 3,000 sieves with n spread over 1000..15999: ~20 us of work each (the chunked runs took
// 55-79 ms here), the "many small tasks" of the Python material. The compact variant returns
// { count, largest } instead of the primes, so the difference between the two strategies is the
// per-task cost alone, not result copying.
const workload = sieveSummaryWorkload({ scale: 0.2 });
const items = workload.inputs.length;
// One worker each: the overhead is then a plain sum over the items, not hidden behind a second
// worker, and the lesson holds the same on one core as on many.
const perItem = piscinaPerItem({ workers: 1, preload: [cpuWorkerModule] });
const chunked = piscinaChunked({ workers: 1, preload: [cpuWorkerModule] }); // Python's default chunk size: 750

beforeAll(() => Promise.all([perItem.start(), chunked.start()]));
afterAll(() => Promise.all([perItem.close(), chunked.close()]));

/** Wraps a run so that every call's wall time is kept: the medians give the overhead afterwards. */
function timed(run: () => Promise<unknown>, into: number[]): () => Promise<void> {
  return async () => {
    const start = performance.now();
    await run();
    into.push(performance.now() - start);
  };
}

const median = (xs: readonly number[]): number => {
  const sorted = [...xs].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 === 1 ? (sorted[mid] as number) : ((sorted[mid - 1] as number) + (sorted[mid] as number)) / 2;
};

test('one task per item is slower than chunks on 3,000 small tasks, by the per-task overhead', async ({ annotate }) => {
  const perItemMs: number[] = [];
  const chunkedMs: number[] = [];
  const oneTaskPerItem = timed(() => perItem.run(workload), perItemMs);
  const inChunks = timed(() => chunked.run(workload), chunkedMs);
  // Model: per item = items x (work + overhead), chunked = items x work + 4 x overhead, so
  // chunked is 1 + overhead / work faster: with the ~35 us round trip measured for piscina and
  // ~20 us of work, about 2.5x (seen here: 2.3-5.5x). 1.5x holds while the round trip is above
  // half the work (~10 us), which a busier host only makes more certain: a round trip waits for
  // two wake-ups.
  await expect(inChunks).toHaveSpeedupAtLeast(oneTaskPerItem, 1.5, { onInconclusive: 'skip' });

  const overheadUs = ((median(perItemMs) - median(chunkedMs)) * 1000) / items;
  const line =
    `per-task overhead of piscinaPerItem: ${overheadUs.toFixed(1)} us per item ` +
    `((${median(perItemMs).toFixed(1)} ms - ${median(chunkedMs).toFixed(1)} ms) / ${items} items, medians of ${perItemMs.length} and ${chunkedMs.length} runs, 1 worker)`;
  console.log(line);
  await annotate(line, 'vitest-speedup');
  // The matcher has shown the per-item runs to be slower, so the difference must be positive.
  expect(overheadUs).toBeGreaterThan(0);
});
